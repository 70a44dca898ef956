/**
 * Checks that the ε = 0 rows of several tables — the standard model evaluated without attack — report the same model:
 * their exact (train, test) count pairs must intersect.
 */
import { z } from 'zod';
import { defineChecker } from '../src/claims/checker.ts';
import type { ReadingOutcome, Verdict } from '../src/claims/verdict.ts';
import { decideReadings } from '../src/claims/readings.ts';
import { readingsSchema, readingsResult, readingOf } from './params.ts';
import { PaperTableSchema, parseTable, type PaperTable, type TableRow } from '../src/tables/table.ts';

const ParamsSchema = z.object({
  /** Tables whose ε = 0 rows should describe one standard-training model. */
  tables: z.array(PaperTableSchema).min(2),
  /**
   * Readings of "standard training (ε = 0)" across the tables: `one-run` (one model, so the rows agree exactly) or
   * `separate-runs` (one standard-training run per table, so the rows may differ as two runs of it can).
   */
  readings: readingsSchema({ runs: z.enum(['one-run', 'separate-runs']) }),
  /** Significance level of Fisher's exact test for "two runs of one procedure cannot differ this much" (claimcheck's). */
  alpha: z.number().positive().max(0.5).default(0.01),
});

/** log(k!) for k = 0 … n. */
function logFactorials(n: number): Float64Array {
  const out = new Float64Array(n + 1);
  for (let k = 2; k <= n; k++) out[k] = out[k - 1]! + Math.log(k);
  return out;
}

/**
 * Two-sided Fisher exact p-value for k_a of n and k_b of n correct: errors in A given the total number of errors are
 * hypergeometric; the p-value sums the outcomes no more probable than the observed one.
 */
export function fisherTwoSided(ka: number, kb: number, n: number): number {
  const ea = n - ka;
  const m = ea + (n - kb);
  const lf = logFactorials(2 * n);
  const logP = (a: number) =>
    lf[n]! - lf[a]! - lf[n - a]! + lf[n]! - lf[m - a]! - lf[n - m + a]! - (lf[2 * n]! - lf[m]! - lf[2 * n - m]!);
  const observed = logP(ea);
  let p = 0;
  for (let a = Math.max(0, m - n); a <= Math.min(m, n); a++) {
    const lp = logP(a);
    if (lp <= observed + 1e-9) p += Math.exp(lp);
  }
  return Math.min(1, p);
}

interface Eps0 {
  readonly table: PaperTable;
  readonly row: TableRow;
}

function pairKeys(e: Eps0): Set<string> {
  return new Set(e.row.counts.consistent.map((p) => `${p.train}/${p.test}`));
}

function minDistance(a: readonly number[], b: readonly number[]): number {
  let best = Infinity;
  for (const x of a) for (const y of b) best = Math.min(best, Math.abs(x - y));
  return best;
}

function describe(group: readonly Eps0[]): string {
  const first = group[0]!;
  const { train, test } = first.table.split;
  return (
    `${group.map((g) => g.table.label).join(', ')}: ` +
    `train ${first.row.train.printed} (j ∈ {${first.row.counts.trainCounts.join(', ')}} of ${train}), ` +
    `test ${first.row.test.printed} (k ∈ {${first.row.counts.testCounts.join(', ')}} of ${test})`
  );
}

/** The `table-eps0` checker: do the ε = 0 rows of the given tables describe the same standard model? */
export const tableEps0 = defineChecker({
  kind: 'table-eps0',
  verdicts: ['confirmed', 'refuted', 'holds-under', 'inconclusive'],
  description:
    'the ε = 0 rows of tables that share a dataset report the same standard model (intersecting exact counts)',
  params: ParamsSchema,
  check(claim, { tables, readings, alpha }, ctx): Verdict {
    const base = { claimId: claim.id, seed: ctx.seed, checker: 'table-eps0' } as const;
    const rows: Eps0[] = tables.map((table) => {
      const row = parseTable(table).find((r) => r.eps.value.num === 0n);
      if (!row) throw new SyntaxError(`table-eps0: ${table.label} has no ε = 0 row`);
      return { table, row };
    });
    // Group tables whose ε = 0 rows share a consistent (train, test) count pair (connected components).
    const groups: Eps0[][] = [];
    for (const r of rows) {
      const keys = pairKeys(r);
      const joined = groups.filter((g) => g.some((o) => [...pairKeys(o)].some((k) => keys.has(k))));
      const merged = [r, ...joined.flat()].sort((a, b) => rows.indexOf(a) - rows.indexOf(b));
      for (const g of joined) groups.splice(groups.indexOf(g), 1);
      groups.push(merged);
    }
    groups.sort((a, b) => rows.indexOf(a[0]!) - rows.indexOf(b[0]!));
    const data = {
      rows: rows.map((r) => ({
        table: r.table.label,
        row: r.row.printed,
        trainCounts: r.row.counts.trainCounts,
        testCounts: r.row.counts.testCounts,
      })),
      groups: groups.map((g) => g.map((r) => r.table.label)),
    };
    const details = groups.map(describe);
    // Two runs of one procedure: the most alike consistent counts of each pair of rows, tested with Fisher's exact test.
    const pairP = (a: Eps0, b: Eps0, column: 'train' | 'test'): { p: number; ka: number; kb: number; n: number } => {
      const ca = column === 'train' ? a.row.counts.trainCounts : a.row.counts.testCounts;
      const cb = column === 'train' ? b.row.counts.trainCounts : b.row.counts.testCounts;
      const n = column === 'train' ? a.table.split.train : a.table.split.test;
      let best = { p: -1, ka: 0, kb: 0, n };
      for (const ka of ca)
        for (const kb of cb) {
          const p = fisherTwoSided(ka, kb, n);
          if (p > best.p) best = { p, ka, kb, n };
        }
      return best;
    };
    const tests = rows.flatMap((a, i) =>
      rows
        .slice(i + 1)
        .flatMap((b) => (['train', 'test'] as const).map((column) => ({ a, b, column, ...pairP(a, b, column) }))),
    );
    const worstTest = tests.reduce((x, t) => (t.p < x.p ? t : x), tests[0]!);
    const testLine = `Fisher's exact test on the most alike consistent counts of every pair of rows and column: smallest p = ${worstTest.p.toPrecision(3)} (${worstTest.a.table.label} vs ${worstTest.b.table.label}, ${worstTest.column}: ${worstTest.ka} vs ${worstTest.kb} of ${worstTest.n}) against α = ${alpha}`;
    details.push(testLine);
    const oneRun = (): ReadingOutcome['outcome'] => (groups.length === 1 ? 'holds' : 'fails');
    const a = groups[0]![0]!;
    const b = (groups[1] ?? groups[0]!)[groups.length > 1 ? 0 : Math.min(1, groups[0]!.length - 1)]!;
    const dTrain = minDistance(a.row.counts.trainCounts, b.row.counts.trainCounts);
    const dTest = minDistance(a.row.counts.testCounts, b.row.counts.testCounts);
    const column = dTest > 0 ? 'test acc' : 'train acc';
    const cellA = dTest > 0 ? a.row.test : a.row.train;
    const cellB = dTest > 0 ? b.row.test : b.row.train;
    const countsA = dTest > 0 ? a.row.counts.testCounts : a.row.counts.trainCounts;
    const countsB = dTest > 0 ? b.row.counts.testCounts : b.row.counts.trainCounts;
    const n = dTest > 0 ? a.table.split.test : a.table.split.train;
    const count = dTest > 0 ? 'k' : 'j';
    const witness = {
      point: { tables: `${a.table.label} vs ${b.table.label}`, eps: '0', column },
      paperValue: `${a.table.label}: ${cellA.printed} (${count} ∈ {${countsA.join(', ')}} of ${n})`,
      ourValue: `${b.table.label}: ${cellB.printed} (${count} ∈ {${countsB.join(', ')}} of ${n})`,
    };
    const gapText =
      `the ε = 0 rows split into ${groups.length} groups (${groups.map((g) => g.map((r) => r.table.label).join(' + ')).join(' | ')}); ` +
      `they differ by at least ${dTest} test image(s) of ${a.table.split.test} and ${dTrain} training image(s) of ${a.table.split.train}`;
    const outcomes: ReadingOutcome[] = readings.readings.map((r) => {
      const reading = readingOf(r);
      if (r.runs === 'one-run') {
        return oneRun() === 'holds'
          ? {
              ...reading,
              outcome: 'holds',
              summary: `the ε = 0 rows of ${rows.map((x) => x.table.label).join(', ')} share exact counts`,
            }
          : { ...reading, outcome: 'fails', summary: gapText, witness };
      }
      return worstTest.p >= alpha
        ? {
            ...reading,
            outcome: 'holds',
            summary: `differences as small as two runs of one standard training can give: ${testLine}`,
          }
        : {
            ...reading,
            outcome: 'fails',
            summary: `the rows differ more than two runs of one procedure plausibly can: ${testLine}`,
            witness: {
              point: { tables: `${worstTest.a.table.label} vs ${worstTest.b.table.label}`, column: worstTest.column },
              paperValue: `${worstTest.ka} vs ${worstTest.kb} of ${worstTest.n} from two runs of standard training`,
              ourValue: `Fisher's exact p = ${worstTest.p.toPrecision(3)} < α = ${alpha}`,
            },
          };
    });
    return decideReadings({
      base,
      readings: readingsResult(readings, outcomes),
      evidence: {
        summary:
          groups.length === 1
            ? `the ε = 0 rows of ${rows.map((x) => x.table.label).join(', ')} share exact counts`
            : gapText,
        details,
        data: { ...data, dTrain, dTest, fisherMinP: worstTest.p },
      },
      basis: {
        kind: 'proved',
        method:
          "exact rational arithmetic over every count consistent with the printed accuracies; Fisher's exact test",
      },
    });
  },
});
