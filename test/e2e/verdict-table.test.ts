/**
 * End to end: checks every claim with the default seed and compares the (claim, verdict) table with the committed
 * snapshot, so a verdict cannot change silently. After an intended change: `npx vitest run -u test/e2e`.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, runChecks } from '../../src/run.ts';
import { formatTextTable } from '../../src/report/text-table.ts';

describe('verdict table', () => {
  it('matches the committed snapshot for every claim at the default seed', async () => {
    const results = await runChecks([], { seed: DEFAULT_SEED });
    const table = formatTextTable(
      ['claim', 'verdict'],
      results.map((r) => [r.claim.id, r.verdict.status]),
    );
    await expect(`seed: ${DEFAULT_SEED}\n${table}`).toMatchFileSnapshot('__snapshots__/verdict-table.txt');
  });
});
