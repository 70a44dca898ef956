/**
 * Checks that the ε = 0 rows of several tables — the standard model evaluated without attack — report the same model:
 * their exact (train, test) count pairs must intersect.
 */
import { z } from 'zod';
import { defineChecker } from '../src/claims/checker.ts';
import type { Verdict } from '../src/claims/verdict.ts';
import { PaperTableSchema, parseTable, type PaperTable, type TableRow } from '../src/tables/table.ts';

const ParamsSchema = z.object({
  /** Tables whose ε = 0 rows should describe one standard-training model. */
  tables: z.array(PaperTableSchema).min(2),
  /** Whether the paper says the ε = 0 rows come from one run (then a disagreement refutes instead of needing separate runs). */
  statedSameRun: z.boolean(),
});

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
  description: 'the ε = 0 rows of tables that share a dataset report the same standard model (intersecting exact counts)',
  params: ParamsSchema,
  check(claim, { tables, statedSameRun }, ctx): Verdict {
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
    if (groups.length === 1) {
      return {
        ...base,
        status: 'confirmed',
        evidence: { summary: `the ε = 0 rows of ${rows.map((r) => r.table.label).join(', ')} share exact counts`, details, data },
      };
    }
    const a = groups[0]![0]!;
    const b = groups[1]![0]!;
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
    if (statedSameRun) {
      return { ...base, status: 'refuted', witness, evidence: { summary: gapText, details, data: { ...data, dTrain, dTest } } };
    }
    return {
      ...base,
      status: 'holds-under',
      assumption:
        `the ε = 0 rows of ${groups.map((g) => g.map((r) => r.table.label).join(' and ')).join(' versus ')} ` +
        'come from separate standard-training runs (the paper does not say)',
      assumptionEvidence: {
        summary: `one standard model cannot give both rows: ${gapText}`,
        details,
        data: { dTrain, dTest },
      },
      witness,
      evidence: { summary: gapText, details, data: { ...data, dTrain, dTest } },
    };
  },
});
