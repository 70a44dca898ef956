/**
 * End to end: checks every claim with the default seed and compares the (claim, verdict) table with the committed
 * snapshot, so a verdict cannot change silently. After an intended change: `npx vitest run -u test/e2e`. The same run
 * renders the whole HTML report, so a formula (printed, derived, corrected or quoted) that KaTeX cannot render fails
 * here.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, runChecks, type CheckResult } from '../../src/run.ts';
import { formatTextTable } from '../../src/report/text-table.ts';
import { renderErrataHtml } from '../../src/report/html.ts';
import { collectProvenance } from '../../src/report/provenance.ts';

describe('verdict table', () => {
  let results: CheckResult[] = [];

  it('matches the committed snapshot for every claim at the default seed', async () => {
    results = await runChecks([], { seed: DEFAULT_SEED });
    const table = formatTextTable(
      ['claim', 'verdict'],
      results.map((r) => [r.claim.id, r.verdict.status]),
    );
    await expect(`seed: ${DEFAULT_SEED}\n${table}`).toMatchFileSnapshot('__snapshots__/verdict-table.txt');
  });

  it('renders every formula of the full report with KaTeX', ({ skip }) => {
    if (results.length === 0) skip();
    const { html, mathFailures } = renderErrataHtml(results, collectProvenance(DEFAULT_SEED, []));
    expect(mathFailures).toEqual([]);
    expect(html).not.toContain('katex-error');
  });
});
