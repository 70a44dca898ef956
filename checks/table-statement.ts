/**
 * Checks a sentence of the paper about its tables ("the absolute value of the generalization gap is larger in
 * adversarial training than in standard training", …). Each comparison it implies is decided twice: on the printed
 * cells, and over every pair of exact counts (j/n_train, k/n_test) consistent with the printed row, which settles ties
 * that rounding hides.
 */
import { z } from 'zod';
import { defineChecker } from '../src/claims/checker.ts';
import type { LoadedClaim } from '../src/claims/loaded.ts';
import type { ReadingOutcome, Verdict, Witness } from '../src/claims/verdict.ts';
import { decideReadings } from '../src/claims/readings.ts';
import { readingsSchema, readingsResult, readingOf } from './params.ts';
import { ClaimcheckError } from '../src/errors.ts';
import { parseLatexEpsSet } from '../src/tables/eps.ts';
import { abs, cmp, eq, toFixed, type Rational } from '../src/exact/rational.ts';
import { percentOf, type CountPair } from '../src/tables/rounding.ts';
import { PaperTableSchema, parseTable, type PaperTable, type TableRow } from '../src/tables/table.ts';

/** Readings of the quantifier: the statement holds in `every` comparison it implies, or in `most` (more than half). */
const Quantifier = readingsSchema({ quantifier: z.enum(['every', 'most']) });

const ParamsSchema = z.discriminatedUnion('form', [
  /** |gap| of every ε ≠ baseline row exceeds |gap| of the baseline row. */
  z.object({
    form: z.literal('abs-gap-exceeds-baseline'),
    table: PaperTableSchema,
    baselineEps: z.string().min(1),
    readings: Quantifier,
  }),
  /** |gap| of every ε ≠ 0 row exceeds |gap| of the ε = 0 row (standard training), in each listed table. */
  z.object({
    form: z.literal('abs-gap-exceeds-standard'),
    tables: z.array(PaperTableSchema).min(1),
    readings: Quantifier,
  }),
  /** Test accuracy exceeds train accuracy in every row. */
  z.object({ form: z.literal('test-exceeds-train'), tables: z.array(PaperTableSchema).min(1), readings: Quantifier }),
  /** |gap| strictly increases along the ε values of the claim's `eps-set` LaTeX fragment. */
  z.object({ form: z.literal('abs-gap-increasing'), table: PaperTableSchema, readings: Quantifier }),
  /** Gap of `smaller` below gap of `larger`, row by row at equal ε (ε = 0 rows skipped: both are standard training). */
  z.object({
    form: z.literal('gap-smaller'),
    pairs: z.array(z.object({ smaller: PaperTableSchema, larger: PaperTableSchema })).min(1),
    comparison: z.enum(['absolute', 'signed']),
    readings: Quantifier,
  }),
  /** Signed gap strictly increases from each ε row to the next, in every listed table. */
  z.object({ form: z.literal('gap-increasing'), tables: z.array(PaperTableSchema).min(1), readings: Quantifier }),
]);
type Params = z.infer<typeof ParamsSchema>;

/**
 * Over the exact counts behind the printed cells, whether a comparison holds for all, some or none of them ('some'
 * also when a row has no consistent counts at all, so an impossible row never passes vacuously).
 */
type Exact = 'all' | 'some' | 'none';

interface Comparison {
  readonly point: Record<string, string>;
  /** What the sentence asserts here, with the printed numbers. */
  readonly asserted: string;
  readonly printedHolds: boolean;
  readonly exact: Exact;
  /** What the numbers give, printed and exact. */
  readonly found: string;
}

function over<A, B>(as: readonly A[], bs: readonly B[], pred: (a: A, b: B) => boolean): Exact {
  // No exact counts behind a row (its printed cells are impossible): nothing decides the comparison.
  if (as.length === 0 || bs.length === 0) return 'some';
  let yes = 0;
  let no = 0;
  for (const a of as) {
    for (const b of bs) {
      if (pred(a, b)) yes++;
      else no++;
    }
  }
  return no === 0 ? 'all' : yes === 0 ? 'none' : 'some';
}

function range(pairs: readonly CountPair[], f: (p: CountPair) => Rational): string {
  if (pairs.length === 0) return 'none (no consistent counts)';
  const vals = pairs.map(f).sort((x, y) => cmp(x, y));
  const lo = toFixed(vals[0]!, 4);
  const hi = toFixed(vals[vals.length - 1]!, 4);
  return lo === hi ? lo : `${lo} … ${hi}`;
}

const absGap = (p: CountPair): Rational => abs(p.gap);
const neg = (x: Rational): Rational => ({ num: -x.num, den: x.den });
const gapOf = (p: CountPair): Rational => p.gap;

function rowsOf(table: PaperTable): TableRow[] {
  return parseTable(table);
}

function compareGaps(
  label: string,
  point: Record<string, string>,
  a: TableRow,
  b: TableRow,
  absolute: boolean,
  relation: 'greater' | 'less',
): Comparison {
  const f = absolute ? absGap : gapOf;
  const pa = absolute ? abs(a.gap.value) : a.gap.value;
  const pb = absolute ? abs(b.gap.value) : b.gap.value;
  const want = relation === 'greater' ? 1 : -1;
  const sym = relation === 'greater' ? '>' : '<';
  const bar = absolute ? '|' : '';
  return {
    point,
    asserted: `${label}: ${bar}${a.gap.printed}${bar} ${sym} ${bar}${b.gap.printed}${bar}`,
    printedHolds: cmp(pa, pb) === want,
    exact: over(a.counts.consistent, b.counts.consistent, (x, y) => cmp(f(x), f(y)) === want),
    found: `exact ${absolute ? '|gap|' : 'gap'} ${range(a.counts.consistent, f)} vs ${range(b.counts.consistent, f)}`,
  };
}

function epsRangeOf(claim: LoadedClaim): ReturnType<typeof parseLatexEpsSet> {
  const frags = claim.latex.filter((l) => l.role === 'eps-set');
  if (frags.length !== 1) {
    throw new ClaimcheckError(
      'INVALID_RECORD',
      `claim record ${claim.id}: field latex: table-statement abs-gap-increasing needs exactly one fragment of role "eps-set", got ${frags.length}`,
    );
  }
  return parseLatexEpsSet(frags[0]!.printed);
}

/** The comparisons a statement implies, and for `gap-smaller` the same comparisons with the other kind of gap. */
function comparisons(
  claim: LoadedClaim,
  params: Params,
): { list: Comparison[]; other?: { readonly name: string; readonly list: Comparison[] } } {
  switch (params.form) {
    case 'abs-gap-exceeds-baseline': {
      const rows = rowsOf(params.table);
      const baseline = rows.find((r) => r.eps.printed === params.baselineEps);
      if (!baseline) throw new SyntaxError(`table-statement: ${params.table.label} has no row ε=${params.baselineEps}`);
      return {
        list: rows
          .filter((r) => r !== baseline)
          .map((r) =>
            compareGaps(
              `ε=${r.eps.printed} vs ε=${baseline.eps.printed}`,
              { table: params.table.label, eps: r.eps.printed, row: r.printed, baseline: baseline.printed },
              r,
              baseline,
              true,
              'greater',
            ),
          ),
      };
    }
    case 'abs-gap-exceeds-standard':
      return {
        list: params.tables.flatMap((t) => {
          const rows = rowsOf(t);
          const standard = rows.find((r) => r.eps.value.num === 0n);
          if (!standard) throw new SyntaxError(`table-statement: ${t.label} has no ε = 0 row`);
          return rows
            .filter((r) => r !== standard)
            .map((r) =>
              compareGaps(
                `${t.label} ε=${r.eps.printed} vs ε=${standard.eps.printed}`,
                { table: t.label, eps: r.eps.printed, row: r.printed, baseline: standard.printed },
                r,
                standard,
                true,
                'greater',
              ),
            );
        }),
      };
    case 'test-exceeds-train':
      return {
        list: params.tables.flatMap((t) =>
          rowsOf(t).map((r) => ({
            point: { table: t.label, eps: r.eps.printed, row: r.printed },
            asserted: `${t.label} ε=${r.eps.printed}: test ${r.test.printed} > train ${r.train.printed}`,
            printedHolds: cmp(r.test.value, r.train.value) > 0,
            exact: over(
              r.counts.consistent,
              [t.split],
              (p, n) => cmp(percentOf(p.test, n.test), percentOf(p.train, n.train)) > 0,
            ),
            found: `exact test − train ${range(r.counts.consistent, (p) => neg(p.gap))}`,
          })),
        ),
      };
    case 'abs-gap-increasing': {
      const set = epsRangeOf(claim);
      const rows = rowsOf(params.table);
      const picked = set.elements.map((e) => {
        const row = rows.find((r) => eq(r.eps.value, e.value));
        if (!row) throw new SyntaxError(`table-statement: ${params.table.label} has no row at ε = ${e.printed}`);
        return row;
      });
      const sorted = [...picked].sort((x, y) => cmp(x.eps.value, y.eps.value));
      return {
        list: sorted
          .slice(1)
          .map((r, i) =>
            compareGaps(
              `ε=${r.eps.printed} vs ε=${sorted[i]!.eps.printed}`,
              { table: params.table.label, eps: `${sorted[i]!.eps.printed} → ${r.eps.printed}`, row: r.printed },
              r,
              sorted[i]!,
              true,
              'greater',
            ),
          ),
      };
    }
    case 'gap-smaller': {
      const make = (absolute: boolean): Comparison[] =>
        params.pairs.flatMap(({ smaller, larger }) => {
          const big = rowsOf(larger);
          return rowsOf(smaller)
            .filter((r) => r.eps.value.num !== 0n)
            .flatMap((r) => {
              const o = big.find((x) => eq(x.eps.value, r.eps.value));
              if (!o) return [];
              return [
                compareGaps(
                  `ε=${r.eps.printed} ${smaller.label} vs ${larger.label}`,
                  {
                    table: `${smaller.label} vs ${larger.label}`,
                    eps: r.eps.printed,
                    row: `${r.printed} | ${o.printed}`,
                  },
                  r,
                  o,
                  absolute,
                  'less',
                ),
              ];
            });
        });
      const absolute = params.comparison === 'absolute';
      return { list: make(absolute), other: { name: absolute ? 'signed' : 'absolute', list: make(!absolute) } };
    }
    case 'gap-increasing':
      return {
        list: params.tables.flatMap((t) => {
          const rows = rowsOf(t).sort((x, y) => cmp(x.eps.value, y.eps.value));
          return rows
            .slice(1)
            .map((r, i) =>
              compareGaps(
                `${t.label} ε=${rows[i]!.eps.printed} → ${r.eps.printed}`,
                { table: t.label, eps: `${rows[i]!.eps.printed} → ${r.eps.printed}`, row: r.printed },
                r,
                rows[i]!,
                false,
                'greater',
              ),
            );
        }),
      };
  }
}

function tally(list: readonly Comparison[]): { printed: number; all: number; some: number; none: number } {
  return {
    printed: list.filter((c) => c.printedHolds).length,
    all: list.filter((c) => c.exact === 'all').length,
    some: list.filter((c) => c.exact === 'some').length,
    none: list.filter((c) => c.exact === 'none').length,
  };
}

function tallyText(list: readonly Comparison[]): string {
  const t = tally(list);
  return `${t.printed}/${list.length} hold in print; over exact counts ${t.all} hold, ${t.none} fail, ${t.some} undecided`;
}

function line(c: Comparison): string {
  const exact = c.exact === 'all' ? 'holds' : c.exact === 'none' ? 'fails' : 'undecided';
  return `${c.asserted}: ${c.printedHolds ? 'holds' : 'fails'} in print; exact counts: ${exact} (${c.found})`;
}

/** The `table-statement` checker: does a sentence about the tables hold for their printed and exact numbers? */
export const tableStatement = defineChecker({
  kind: 'table-statement',
  verdicts: ['confirmed', 'refuted', 'holds-under', 'inconclusive'],
  description:
    'a sentence about the tables, decided comparison by comparison on the printed cells and on every exact count pair behind them',
  params: ParamsSchema,
  check(claim, params, ctx): Verdict {
    const base = { claimId: claim.id, seed: ctx.seed, checker: 'table-statement' } as const;
    const { list, other } = comparisons(claim, params);
    if (list.length === 0) {
      return {
        ...base,
        status: 'inconclusive',
        reason: 'the statement implies no comparison on these tables',
        evidence: { summary: 'nothing to compare' },
      };
    }
    const t = tally(list);
    const details = list.map(line);
    if (other)
      details.push(
        `${other.name} comparison instead: ${tallyText(other.list)}`,
        ...other.list.map((c) => `  ${line(c)}`),
      );
    const comparisonName = params.form === 'gap-smaller' ? `${params.comparison} gaps; ` : '';
    const summary = `${comparisonName}${tallyText(list)}` + (other ? `; ${other.name}: ${tallyText(other.list)}` : '');
    const rowData = (c: Comparison) => ({ ...c.point, printedHolds: c.printedHolds, exact: c.exact });
    const data = {
      comparisons: list.map(rowData),
      ...(other
        ? { [`${other.name}Comparison`]: other.list.map(rowData), [`${other.name}Tally`]: tally(other.list) }
        : {}),
      tally: t,
    };
    const n = list.length;
    const fails = list.find((c) => c.exact === 'none');
    const witnessOf = (c: Comparison): Witness => ({
      point: c.point,
      paperValue: c.asserted,
      ourValue: `${c.printedHolds ? 'holds' : 'fails'} in print; ${c.found}`,
    });
    const outcomes: ReadingOutcome[] = params.readings.readings.map((r) => {
      const reading = readingOf(r);
      const decided =
        r.quantifier === 'every'
          ? t.none > 0
            ? 'fails'
            : t.some > 0
              ? 'undecided'
              : 'holds'
          : 2 * t.all > n
            ? 'holds'
            : 2 * (t.all + t.some) <= n
              ? 'fails'
              : 'undecided';
      const lead = r.quantifier === 'every' ? 'in every comparison' : 'in more than half of the comparisons';
      if (decided === 'fails') {
        const w = fails ?? list.find((c) => c.exact !== 'all')!;
        return { ...reading, outcome: 'fails', summary: `not ${lead}: ${tallyText(list)}`, witness: witnessOf(w) };
      }
      if (decided === 'undecided') {
        return {
          ...reading,
          outcome: 'undecided',
          summary: `${t.some} comparison(s) undecided: the printed cells admit exact counts on both sides, or a row has no consistent counts`,
        };
      }
      return { ...reading, outcome: 'holds', summary: `holds ${lead}: ${tallyText(list)}` };
    });
    return decideReadings({
      base,
      readings: readingsResult(params.readings, outcomes),
      evidence: { summary, details, data },
      basis: {
        kind: 'proved',
        method: 'exact rational arithmetic over every count pair consistent with the printed cells',
      },
    });
  },
});
