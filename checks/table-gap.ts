/**
 * Checks a table's gap column: each printed gap against train − test of the printed cells, and — where those differ —
 * against every pair of exact accuracies j/n_train, k/n_test that print as the row's train and test cells.
 */
import { z } from 'zod';
import { defineChecker } from '../src/claims/checker.ts';
import type { Verdict } from '../src/claims/verdict.ts';
import { eq, sub, toFixed } from '../src/exact/rational.ts';
import { PaperTableSchema, parseTable, rowPoint, type TableRow } from '../src/tables/table.ts';

const ParamsSchema = z.object({ table: PaperTableSchema });

function pairText(row: TableRow, nTrain: number, nTest: number): string {
  return row.counts.consistent
    .map((p) => `${p.train}/${nTrain} − ${p.test}/${nTest} → ${toFixed(p.gap, 4)}`)
    .join('; ');
}

/** The `table-gap` checker: is every printed gap train − test, up to rounding of exact k/n accuracies? */
export const tableGap = defineChecker({
  kind: 'table-gap',
  verdicts: ['confirmed', 'refuted'],
  description:
    'every printed gap equals train − test, exactly or as the two-decimal rounding of j/n_train − k/n_test for some achievable counts j, k',
  params: ParamsSchema,
  check(claim, { table }, ctx): Verdict {
    const rows = parseTable(table);
    const { train: nTrain, test: nTest } = table.split;
    const base = { claimId: claim.id, seed: ctx.seed, checker: 'table-gap' } as const;
    const details: string[] = [];
    const needCounts: string[] = [];
    const negativeZero: string[] = [];
    const data = rows.map((row) => {
      const diff = sub(row.train.value, row.test.value);
      const exact = eq(diff, row.gap.value);
      const negZero = row.gap.negative && row.gap.value.num === 0n;
      if (!exact) needCounts.push(row.eps.printed);
      if (negZero) negativeZero.push(row.eps.printed);
      if (!exact || negZero) {
        details.push(
          `${table.label} ε=${row.eps.printed}: ${row.train.printed} − ${row.test.printed} = ${toFixed(diff, 2)}, printed ${row.gap.printed}; ` +
            (row.counts.consistent.length > 0
              ? `explained by ${pairText(row, nTrain, nTest)}`
              : 'no count pair explains it') +
            (negZero ? ' (a negative value that rounds to zero, printed with its minus sign)' : ''),
        );
      }
      return {
        eps: row.eps.printed,
        printedGap: row.gap.printed,
        printedDifference: toFixed(diff, 2),
        exactDifference: exact,
        trainCounts: row.counts.trainCounts,
        testCounts: row.counts.testCounts,
        consistentPairs: row.counts.consistent.map((p) => ({ train: p.train, test: p.test, gap: toFixed(p.gap, 4) })),
      };
    });
    const impossible = rows.find((r) => r.counts.consistent.length === 0);
    if (impossible) {
      const c = impossible.counts;
      const ourValue =
        c.trainCounts.length === 0 || c.testCounts.length === 0
          ? `no achievable ${c.trainCounts.length === 0 ? `train count j/${nTrain}` : `test count k/${nTest}`} for this row`
          : `j ∈ {${c.trainCounts.join(', ')}}, k ∈ {${c.testCounts.join(', ')}} give gaps ` +
            `${toFixed(c.gapRange![0], 4)} … ${toFixed(c.gapRange![1], 4)}, none printing as ${impossible.gap.printed}`;
      return {
        ...base,
        status: 'refuted',
        witness: { point: rowPoint(table, impossible), paperValue: impossible.gap.printed, ourValue },
        evidence: {
          summary:
            `${table.label}: the gap ${impossible.gap.printed} at ε=${impossible.eps.printed} is not train − test ` +
            `for any achievable accuracies j/${nTrain}, k/${nTest}`,
          details,
          data: { rows: data, split: table.split },
        },
      };
    }
    const exactRows = rows.length - needCounts.length;
    return {
      ...base,
      status: 'confirmed',
      basis: {
        kind: 'proved',
        method: 'exact rational arithmetic over every count pair consistent with the printed accuracies',
      },
      evidence: {
        summary:
          `${table.label}: all ${rows.length} gaps are train − test; ${exactRows} exactly in print` +
          (needCounts.length > 0
            ? `, ${needCounts.length} (ε = ${needCounts.join(', ')}) only via exact accuracies j/${nTrain}, k/${nTest}`
            : '') +
          (negativeZero.length > 0
            ? `; "-0.00" at ε = ${negativeZero.join(', ')} is a negative gap rounding to zero`
            : ''),
        details,
        data: { rows: data, split: table.split, needCounts, negativeZero },
      },
    };
  },
});
