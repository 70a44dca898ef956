/**
 * Re-checks the paper's sentences about Tables 1–4 (§5.1) on the robust accuracies our MNIST2 sweep measured, instead
 * of the printed tables: |gap| larger with adversarial than with standard training, test above train accuracy, |gap|
 * growing with ε at large L∞ ε, and smaller gaps with random noise than with adversarial noise. Accuracies are counts
 * on finite splits, so a comparison is decided only where the difference is significant at the record's confidence
 * level: test against train accuracy by Newcombe's interval for a difference of proportions (each accuracy with its
 * Wilson interval), a |gap| against another by the normal interval of the difference (the two cells' gaps taken as
 * independent). The claim is refuted by a significant counterexample, confirmed when every comparison holds
 * significantly, and inconclusive ("not distinguishable at this sample size") otherwise; it is decided on every
 * replicate (protocol × seed) and combined by src/claims/robustness.ts.
 */
import { z } from 'zod';
import { formatNumber } from '../src/format/number.ts';
import { defineChecker } from '../src/claims/checker.ts';
import type { Verdict, Witness } from '../src/claims/verdict.ts';
import { ThresholdSchema } from '../src/claims/robustness.ts';
import type { Replicate, ReplicateCell } from '../src/experiments/mnist2/measurement-schemas.ts';
import { atEps, mnist2Series, sameEps, type Mnist2Family } from '../src/experiments/mnist2/series.ts';
import { newcombeDifference, wilson, zTwoSided } from '../src/stats/intervals.ts';
import { decideOnReplicates, MNIST2_COMMAND, mnist2Replicated, notMeasured } from './_internals/mnist2.ts';

const Norm = z.enum(['l2', 'linf']);
const Family = z.enum(['adversarial', 'random']);
const SeriesRef = z.object({ table: z.string().min(1), norm: Norm, family: Family });

/** The confidence level of every interval (claimcheck's): the conventional two-sided 95 %, probed over 91–99 %. */
export const DEFAULT_CONFIDENCE = {
  value: 0.95,
  band: 0.04,
  source: {
    kind: 'claimcheck' as const,
    reason: 'the conventional two-sided 95 % level; the paper reports no intervals',
  },
};

/** The confidence level of the intervals: a threshold in (0, 1). */
const Confidence = ThresholdSchema.refine((t) => t.value > 0 && t.value < 1, 'confidence must be in (0, 1)').default(
  DEFAULT_CONFIDENCE,
);

const ParamsSchema = z.discriminatedUnion('form', [
  /** |gap| at every ε > 0 of the series exceeds |gap| of the standard model (ε = 0). */
  z.object({ form: z.literal('abs-gap-exceeds-baseline'), series: SeriesRef, confidence: Confidence }),
  /** Test robust accuracy above train robust accuracy in every row of every series. */
  z.object({ form: z.literal('test-exceeds-train'), series: z.array(SeriesRef).min(1), confidence: Confidence }),
  /** |gap| strictly increases along the given ε values of the series. */
  z.object({
    form: z.literal('abs-gap-increasing'),
    series: SeriesRef,
    eps: z.array(z.number().nonnegative()).min(2),
    confidence: Confidence,
  }),
  /** |gap| of `smaller` below |gap| of `larger` at every ε > 0 both have. */
  z.object({
    form: z.literal('gap-smaller'),
    pairs: z.array(z.object({ smaller: SeriesRef, larger: SeriesRef })).min(1),
    confidence: Confidence,
  }),
]);
type Params = z.infer<typeof ParamsSchema>;
type Series = z.infer<typeof SeriesRef>;

const KIND = 'mnist2-table-rerun';

type Cell = ReplicateCell;

/**
 * The standard error of an accuracy k/n read off its Wilson interval (half its width over z): close to √(p(1−p)/n)
 * inside (0, 1), and not 0 at 0 % or 100 %, where MNIST2 accuracies sit.
 */
function wilsonSe(k: number, n: number, confidence: number): number {
  const w = wilson(k, n, confidence);
  return (w.hi - w.lo) / (2 * zTwoSided(confidence));
}

/** gap = train − test accuracy in percentage points, and its standard error (the two splits independent). */
function gapOf(c: Cell, confidence = DEFAULT_CONFIDENCE.value): { gap: number; se: number } {
  const p1 = c.train.correct / c.train.count;
  const p2 = c.test.correct / c.test.count;
  return {
    gap: 100 * (p1 - p2),
    se:
      100 *
      Math.hypot(
        wilsonSe(c.train.correct, c.train.count, confidence),
        wilsonSe(c.test.correct, c.test.count, confidence),
      ),
  };
}

const pct = (v: number): string => formatNumber(v, 4);
const level = (confidence: number): string => `${formatNumber(100 * confidence, 3)} %`;

/** An accuracy with its Wilson interval, in percent. */
function accuracy(k: number, n: number, confidence: number): string {
  const w = wilson(k, n, confidence);
  return `${k}/${n} = ${pct((100 * k) / n)} % [${pct(100 * w.lo)}, ${pct(100 * w.hi)}]`;
}

const row = (c: Cell, confidence: number): string =>
  `ε ${c.epsLabel}: train ${accuracy(c.train.correct, c.train.count, confidence)}, test ${accuracy(c.test.correct, c.test.count, confidence)}, gap ${pct(gapOf(c, confidence).gap)} ± ${pct(gapOf(c, confidence).se)} pp`;

function cellsOf(cells: readonly Cell[], s: Series): Cell[] {
  return mnist2Series(cells, s.norm, s.family as Mnist2Family);
}

/** One comparison: the difference the claim says is positive, its interval, and what the interval decides. */
interface Comparison {
  readonly outcome: 'holds' | 'fails' | 'not distinguishable';
  readonly line: string;
  readonly witness: Witness;
}

/** holds when the interval lies above 0, fails when below, otherwise not distinguishable. */
function judge(lo: number, hi: number): Comparison['outcome'] {
  return lo > 0 ? 'holds' : hi < 0 ? 'fails' : 'not distinguishable';
}

/**
 * |gap(a)| − |gap(b)| (pp) with its normal interval at `confidence`, the two gaps taken as independent (an
 * approximation: both cells are scored on the same images, stated in every verdict's evidence).
 */
function absGapDifference(a: Cell, b: Cell, confidence: number): { d: number; lo: number; hi: number } {
  const ga = gapOf(a, confidence);
  const gb = gapOf(b, confidence);
  const d = Math.abs(ga.gap) - Math.abs(gb.gap);
  const half = zTwoSided(confidence) * Math.hypot(ga.se, gb.se);
  return { d, lo: d - half, hi: d + half };
}

function absGapComparison(
  bigger: Cell,
  smaller: Cell,
  confidence: number,
  line: string,
  point: Record<string, string>,
  paper: string,
): Comparison {
  const { d, lo, hi } = absGapDifference(bigger, smaller, confidence);
  return {
    outcome: judge(lo, hi),
    line: `${line}; |gap| difference ${pct(d)} pp, ${level(confidence)} interval [${pct(lo)}, ${pct(hi)}]`,
    witness: {
      point,
      paperValue: paper,
      ourValue: `|gap| ${pct(Math.abs(gapOf(bigger).gap))} pp vs ${pct(Math.abs(gapOf(smaller).gap))} pp: difference ${pct(d)} pp, ${level(confidence)} interval [${pct(lo)}, ${pct(hi)}]`,
    },
  };
}

function decide(params: Params, cells: readonly Cell[]): { comparisons: Comparison[]; missing: string | null } {
  const out: Comparison[] = [];
  const conf = params.confidence.value;
  switch (params.form) {
    case 'abs-gap-exceeds-baseline': {
      const s = cellsOf(cells, params.series);
      const base = s.find((c) => c.eps === 0);
      const rest = s.filter((c) => c.eps > 0);
      if (base === undefined || rest.length === 0)
        return { comparisons: [], missing: `${params.series.table}: needs the ε = 0 cell and at least one ε > 0 cell` };
      for (const c of rest)
        out.push(
          absGapComparison(
            c,
            base,
            conf,
            `${params.series.table} ${row(c, conf)} vs ε 0: gap ${pct(gapOf(base).gap)} pp`,
            { table: params.series.table, eps: c.epsLabel },
            `|gap(${c.epsLabel})| > |gap(0)|`,
          ),
        );
      break;
    }
    case 'test-exceeds-train': {
      for (const sr of params.series) {
        const s = cellsOf(cells, sr).filter(
          (c) => sr.family === 'adversarial' || c.training === 'random' || c.eps === 0,
        );
        if (s.length === 0) return { comparisons: [], missing: `${sr.table}: no cells` };
        for (const c of s) {
          const i = newcombeDifference(c.test.correct, c.test.count, c.train.correct, c.train.count, conf);
          const d = c.test.correct / c.test.count - c.train.correct / c.train.count;
          const interval = `test − train ${pct(100 * d)} pp, ${level(conf)} interval [${pct(100 * i.lo)}, ${pct(100 * i.hi)}]`;
          out.push({
            outcome: judge(i.lo, i.hi),
            line: `${sr.table} ${row(c, conf)}; ${interval}`,
            witness: {
              point: { table: sr.table, eps: c.epsLabel },
              paperValue: 'test robust accuracy > train robust accuracy',
              ourValue: `train ${pct((100 * c.train.correct) / c.train.count)} %, test ${pct((100 * c.test.correct) / c.test.count)} %: ${interval}`,
            },
          });
        }
      }
      break;
    }
    case 'abs-gap-increasing': {
      const all = cellsOf(cells, params.series);
      const missing = params.eps.filter((e) => !all.some((c) => sameEps(c.eps, e)));
      if (missing.length > 0)
        return {
          comparisons: [],
          missing: `${params.series.table}: no cell at ε = ${missing.map((e) => formatNumber(e * 255, 4) + '/255').join(', ')}`,
        };
      const s = atEps(all, params.eps);
      for (let i = 0; i + 1 < s.length; i++) {
        const a = s[i]!;
        const b = s[i + 1]!;
        out.push(
          absGapComparison(
            b,
            a,
            conf,
            `${params.series.table} ${row(a, conf)} → ${row(b, conf)}`,
            { table: params.series.table, epsFrom: a.epsLabel, epsTo: b.epsLabel },
            `|gap| increases: |gap(${b.epsLabel})| > |gap(${a.epsLabel})|`,
          ),
        );
      }
      break;
    }
    case 'gap-smaller': {
      for (const { smaller, larger } of params.pairs) {
        const sm = cellsOf(cells, smaller).filter((c) => c.eps > 0);
        const lg = cellsOf(cells, larger).filter((c) => c.eps > 0);
        const common = sm.filter((c) => lg.some((l) => sameEps(l.eps, c.eps)));
        if (common.length === 0)
          return { comparisons: [], missing: `${smaller.table} and ${larger.table}: no ε > 0 in both` };
        for (const c of common) {
          const l = lg.find((x) => sameEps(x.eps, c.eps))!;
          const gs = gapOf(c, conf);
          const gl = gapOf(l, conf);
          out.push(
            absGapComparison(
              l,
              c,
              conf,
              `ε ${c.epsLabel}: ${smaller.table} gap ${pct(gs.gap)} ± ${pct(gs.se)} pp vs ${larger.table} gap ${pct(gl.gap)} ± ${pct(gl.se)} pp`,
              { smaller: smaller.table, larger: larger.table, eps: c.epsLabel },
              `|gap| of ${smaller.table} < |gap| of ${larger.table}`,
            ),
          );
        }
      }
      break;
    }
  }
  return { comparisons: out, missing: null };
}

/** The verdict on one replicate's cells. */
function decideReplicate(claimId: string, seed: number, params: Params, replicate: Replicate, sizes: string): Verdict {
  const base = { claimId, seed, checker: KIND } as const;
  const context = `${replicate.protocol} seed ${replicate.seed}: ${sizes}; accuracies with ${level(params.confidence.value)} Wilson intervals; a comparison holds when its ${level(params.confidence.value)} interval lies above 0 and fails when its family-wise interval (Bonferroni over the claim's comparisons) lies below 0; test against train accuracy by Newcombe's interval, one |gap| against another by a normal interval that takes the two cells' gaps as independent (both are scored on the same images, so this approximates)`;
  const { comparisons: nominal, missing } = decide(params, replicate.cells);
  if (missing !== null) {
    return {
      ...base,
      status: 'inconclusive',
      reason: `${missing}; run \`${MNIST2_COMMAND}\` (the paper's grid on all images)`,
      evidence: { summary: missing, details: [context] },
    };
  }
  // A comparison holds when its interval at the record's level lies above 0; it fails only when its interval at the
  // family-wise level (Bonferroni over the claim's m comparisons) lies below 0, so m chances do not make a refutation.
  const m = nominal.length;
  const familyLevel = 1 - (1 - params.confidence.value) / Math.max(m, 1);
  const strict = decide(
    { ...params, confidence: { ...params.confidence, value: familyLevel } },
    replicate.cells,
  ).comparisons;
  const comparisons: Comparison[] = nominal.map((c, i) => {
    const s = strict[i]!;
    if (c.outcome === 'holds') return c;
    if (s.outcome === 'fails') return s;
    return c.outcome === 'fails'
      ? {
          ...c,
          outcome: 'not distinguishable',
          line: `${c.line} (below 0 at ${level(params.confidence.value)}, not at the family-wise ${level(familyLevel)})`,
        }
      : c;
  });
  const count = (o: Comparison['outcome']) => comparisons.filter((c) => c.outcome === o).length;
  const held = count('holds');
  const failed = count('fails');
  const unclear = count('not distinguishable');
  const details = [...comparisons.map((c) => `${c.outcome}: ${c.line}`), context];
  const data = { holds: held, fails: failed, notDistinguishable: unclear, total: comparisons.length };
  const summary = `of ${comparisons.length} comparisons at ${level(params.confidence.value)}: ${held} hold, ${failed} fail, ${unclear} not distinguishable at this sample size`;
  const failure = comparisons.find((c) => c.outcome === 'fails');
  if (failure !== undefined)
    return { ...base, status: 'refuted', witness: failure.witness, evidence: { summary, details, data } };
  if (unclear === 0)
    return {
      ...base,
      status: 'confirmed',
      basis: { kind: 'tested', what: 'the re-measured MNIST2 sweep, every comparison significant' },
      evidence: { summary, details, data },
    };
  return {
    ...base,
    status: 'inconclusive',
    reason: `${unclear} of ${comparisons.length} comparisons are not distinguishable at this sample size (${sizes}) and none fails significantly`,
    evidence: { summary, details, data },
  };
}

/** The `mnist2-table-rerun` checker: a sentence about Tables 1–4, decided on the accuracies the sweep measured. */
export const mnist2TableRerun = defineChecker({
  kind: KIND,
  verdicts: ['confirmed', 'refuted', 'holds-under', 'inconclusive'],
  description: 'a sentence about Tables 1–4 (MNIST2 robust accuracy and gap), re-decided on the re-measured accuracies',
  params: ParamsSchema,
  async check(claim, params, ctx): Promise<Verdict> {
    const measured = mnist2Replicated(claim, ctx);
    if (measured === null) return notMeasured(claim, ctx, KIND, 'the re-measured robust accuracies');
    const { data } = measured.results;
    const sizes = `${data.trainCount} train / ${data.testCount} test images (${measured.results.setting} setting)`;
    return decideOnReplicates(measured, params, (p, r) => decideReplicate(claim.id, ctx.seed, p, r, sizes), [
      {
        name: 'confidence',
        threshold: params.confidence,
        with: (value) => ({ ...params, confidence: { ...params.confidence, value } }),
        domain: [0.5, 0.9999],
      },
    ]);
  },
});
