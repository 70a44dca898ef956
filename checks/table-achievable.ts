/**
 * Checks that every printed accuracy of a table is achievable as k/n of its split size (two-decimal rounding): for
 * small splits (MNIST2 test, n = 2,115) most two-decimal values are not.
 */
import { z } from 'zod';
import { defineChecker } from '../src/claims/checker.ts';
import type { Verdict } from '../src/claims/verdict.ts';
import { percentOf, type PrintedPercent } from '../src/tables/rounding.ts';
import { toFixed } from '../src/exact/rational.ts';
import { PaperTableSchema, parseTable, rowPoint } from '../src/tables/table.ts';

const ParamsSchema = z.object({ table: PaperTableSchema });

/** Share of the two-decimal values in [0, 100] that some k/n rounds to (at most (n + 1) of 10,001). */
function achievableShare(n: number): number {
  return Math.min(1, (n + 1) / 10001);
}

function nearest(p: PrintedPercent, n: number): string {
  const below = Number((p.value.num * BigInt(n)) / (100n * p.value.den));
  return [below, below + 1]
    .filter((k) => k >= 0 && k <= n)
    .map((k) => `${k}/${n} = ${toFixed(percentOf(k, n), 4)}`)
    .join(', ');
}

/** The `table-achievable` checker: is every printed train and test accuracy some k/n of its split, rounded? */
export const tableAchievable = defineChecker({
  kind: 'table-achievable',
  verdicts: ['confirmed', 'refuted'],
  description: 'every printed accuracy is round2(100·k/n) for an integer k and the split size n',
  params: ParamsSchema,
  check(claim, { table }, ctx): Verdict {
    const rows = parseTable(table);
    const base = { claimId: claim.id, seed: ctx.seed, checker: 'table-achievable' } as const;
    const cells = rows.flatMap((row) => [
      { row, column: 'train acc', cell: row.train, n: table.split.train, counts: row.counts.trainCounts },
      { row, column: 'test acc', cell: row.test, n: table.split.test, counts: row.counts.testCounts },
    ]);
    const chance = cells.reduce((acc, c) => acc * achievableShare(c.n), 1);
    const data = {
      split: table.split,
      cells: cells.map((c) => ({
        eps: c.row.eps.printed,
        column: c.column,
        printed: c.cell.printed,
        counts: c.counts,
      })),
      achievableShare: { train: achievableShare(table.split.train), test: achievableShare(table.split.test) },
      chanceAllAchievable: chance,
    };
    const bad = cells.find((c) => c.counts.length === 0);
    if (bad) {
      return {
        ...base,
        status: 'refuted',
        witness: {
          point: { ...rowPoint(table, bad.row), column: bad.column },
          paperValue: bad.cell.printed,
          ourValue: `no k/${bad.n} rounds to ${bad.cell.printed}; nearest ${nearest(bad.cell, bad.n)}`,
        },
        evidence: {
          summary: `${table.label}: ${bad.column} ${bad.cell.printed} at ε=${bad.row.eps.printed} is not k/${bad.n} for any integer k`,
          data,
        },
      };
    }
    return {
      ...base,
      status: 'confirmed',
      basis: { kind: 'proved', method: 'exact rational arithmetic over every count k/n of the split' },
      evidence: {
        summary:
          `${table.label}: all ${cells.length} accuracies are k/n of n = ${table.split.train} (train) and ${table.split.test} (test)` +
          (chance < 0.5
            ? `; arbitrary two-decimal values would all pass with probability ${chance.toExponential(1)}`
            : ''),
        details: cells.map(
          (c) =>
            `ε=${c.row.eps.printed} ${c.column} ${c.cell.printed}: ` +
            `${c.column === 'train acc' ? 'j' : 'k'} ∈ {${c.counts.join(', ')}} of ${c.n}`,
        ),
        data,
      },
    };
  },
});
