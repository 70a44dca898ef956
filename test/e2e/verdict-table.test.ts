/**
 * End to end: checks every claim with the default seed — the empirical ones on the MNIST2 experiment at the ci setting
 * (shipped data, a fresh cache in a temporary directory, every training protocol × 3 seeds) — and compares the table
 * of verdicts (marked `(fragile)` where a threshold flips one within its band), the condition each
 * holds-under verdict needs, the severity of each finding, and the findings themselves with the committed snapshot,
 * so a verdict cannot change silently. After an intended change: `npx vitest run -u test/e2e`. The same run renders
 * the whole HTML report, so a formula (printed, derived, corrected or quoted) that KaTeX cannot render fails here.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { paperAt } from '../../src/pipeline/run.ts';
import { DEFAULT_SEED } from '../../src/settings.ts';
import { type CheckResult } from '../../src/claims/loaded.ts';
import { runReport } from '../../src/pipeline/run-report.ts';
import { formatTextTable } from '../../src/report/text-table.ts';
import { statusText } from '../../src/report/conditions.ts';
import { renderErrataHtml } from '../../src/report/html.ts';
import { buildErrata } from '../../src/report/errata.ts';
import { collectProvenance } from '../../src/pipeline/provenance.ts';
import type { ReportSection } from '../../src/experiments/section.ts';
import { paperProvenance } from '../../src/paper/paper.ts';

const run0Paper = () => paperProvenance(paperAt());

const cacheDir = mkdtempSync(join(tmpdir(), 'claimcheck-verdicts-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

describe('verdict table', () => {
  let results: readonly CheckResult[] = [];
  let sections: readonly ReportSection[] = [];

  it('matches the committed snapshot for every claim at the default seed (empirical claims at the ci setting)', async () => {
    const run = await runReport({
      ids: [],
      seed: DEFAULT_SEED,
      experiment: { setting: 'ci' },
      cacheDir,
      cacheVerdicts: false,
    });
    results = run.results;
    sections = run.sections;
    const doc = buildErrata(results, collectProvenance(DEFAULT_SEED, [], run0Paper()), sections);
    const table = formatTextTable(
      ['claim', 'verdict', 'needs', 'finding'],
      doc.claims.map((e) => [
        e.id,
        statusText(e.verdict),
        e.verdict.status === 'holds-under'
          ? e.verdict.condition.kind === 'reading'
            ? `reading ${e.verdict.condition.reading.id}`
            : `assumption ${e.verdict.condition.assumption.id}`
          : '',
        e.finding ? e.finding.severity : '',
      ]),
    );
    const findings = formatTextTable(
      ['finding', 'severity', 'roots', 'consequences'],
      doc.findings.map((f) => [f.id, f.severity, f.roots.join(' '), f.consequences.join(' ')]),
    );
    await expect(`seed: ${DEFAULT_SEED}, experiments: ci setting\n${table}\n\n${findings}`).toMatchFileSnapshot(
      '__snapshots__/verdict-table.txt',
    );
  });

  it('renders every formula of the full report with KaTeX', ({ skip }) => {
    if (results.length === 0) skip();
    const { html, mathFailures } = renderErrataHtml(
      results,
      collectProvenance(DEFAULT_SEED, [], run0Paper()),
      sections,
    );
    expect(mathFailures).toEqual([]);
    expect(html).not.toContain('katex-error');
  });
});
