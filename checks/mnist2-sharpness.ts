/**
 * Checks the paper's empirical statements about sharpness on MNIST2 (§5.1, Figs. 1–3, 5) on re-measured data: the top
 * Hessian eigenvalues grow with ε and are nearly linear in ε (Fig. 3; both the robust-loss and the fixed-example
 * Hessian), the weight norm hardly changes with ε, the weight loss landscape sharpens with ε (Figs. 1, 2, 5), and
 * random noise sharpens it much less than adversarial noise. Every form names the sharpness measures it decides on;
 * its thresholds are the record's params. A claim holds when every named measure agrees (confirmed), holds under
 * the measures that agree when only some do (holds-under, with a witness from one that disagrees), and is refuted
 * when none does.
 */
import { z } from 'zod';
import { formatNumber } from '../src/format/number.ts';
import { defineChecker, type CheckContext } from '../src/claims/checker.ts';
import type { LoadedClaim } from '../src/claims/loaded.ts';
import type { ReadingOutcome, Verdict, Witness } from '../src/claims/verdict.ts';
import { decideReadings } from '../src/claims/readings.ts';
import type { Mnist2Measured, Replicate, ReplicateCell } from '../src/experiments/mnist2/measurement-schemas.ts';
import type { BallNorm } from '../src/numeric/vector.ts';
import { atEps, mnist2Series, sameEps } from '../src/experiments/mnist2/series.ts';
import { cellName } from '../src/experiments/mnist2/degenerate.ts';
import { meanInterval } from '../src/stats/intervals.ts';
import {
  decideOnReplicates,
  MNIST2_COMMAND,
  mnist2Measured,
  notMeasured,
  splitsOf,
  type ThresholdParam,
} from './_internals/mnist2.ts';
import { probeThreshold, type ReplicateVerdict, ThresholdSchema, verdictClass } from '../src/claims/robustness.ts';
import { MNIST2_SPLIT } from '../src/tables/paper-tables.ts';
import { linearFit } from './_internals/linear-fit.ts';

const Norm = z.enum(['l2', 'linf']);
const HessianName = z.enum(['robust', 'fixed-example']);
const LandscapeMeasure = z.enum(['landscape-rise', 'fn-curvature']);

/** Optional ε values per norm (default: every adversarial ε of the sweep, with the standard model at ε = 0). */
const EpsSubset = z
  .object({
    l2: z.array(z.number().nonnegative()).min(2).optional(),
    linf: z.array(z.number().nonnegative()).min(2).optional(),
  })
  .optional();

const ParamsSchema = z.discriminatedUnion('form', [
  /** λ_k of each named Hessian strictly increases along the adversarial ε series of each norm. */
  z.object({
    form: z.literal('eigen-grow'),
    norms: z.array(Norm).min(1),
    eps: EpsSubset,
    hessians: z.array(HessianName).min(1),
    eigenvalue: z.number().int().min(1).max(3).default(1),
    minCells: z.number().int().min(2).default(3),
  }),
  /** λ_1 … λ_top of each named Hessian against ε: least-squares line with R² ≥ minR2 and max |residual| / max |λ| ≤ maxRelDeviation. */
  z.object({
    form: z.literal('eigen-linear'),
    norms: z.array(Norm).min(1),
    eps: EpsSubset,
    hessians: z.array(HessianName).min(1),
    top: z.number().int().min(1).max(3).default(3),
    minR2: ThresholdSchema,
    maxRelDeviation: ThresholdSchema,
    minCells: z.number().int().min(3).default(3),
    /**
     * Operationalisations of "nearly linear" (default one: every ε of `eps`, λ1 … λ_top): each is decided for every
     * named Hessian, and the readings rule decides from all of them.
     */
    readings: z
      .array(
        z.object({
          id: z.string().min(1),
          statement: z.string().min(1),
          literal: z.boolean().default(false),
          eps: EpsSubset,
          top: z.number().int().min(1).max(3).optional(),
        }),
      )
      .min(1)
      .optional(),
  }),
  /**
   * Eq. (9)'s spectrum at each adversarial cell with ε > 0 (robust-loss Hessian): the top three eigenvalues equal
   * (multiplicity d − 1: λ3/λ1 ≥ minEqualRatio) and λ1 = ε/(2‖w*‖) (relative error ≤ maxRelError).
   */
  z.object({
    form: z.literal('eq9-spectrum'),
    norms: z.array(Norm).min(1),
    eps: EpsSubset,
    minEqualRatio: ThresholdSchema,
    maxRelError: ThresholdSchema,
    minCells: z.number().int().min(2).default(2),
  }),
  /**
   * Theorem 1's premise on the training data: per-point stationarity forces ‖x^n‖ = ‖η^n‖ ≤ ε for every n, so it can
   * hold only if every training image has ‖x^n‖₂ at most the largest L2 ε the sweep trains with.
   */
  z.object({ form: z.literal('premise-data') }),
  /**
   * Theorem 2's premises (Eq. (15)) for the experiments' random noise (uniform in the L∞ ball, x + η clipped to
   * [0, 1]): the effective noise clip(x + η) − x has mean ≈ 0, raw cross moments (1/N)Σ η_i x_j ≈ 0 and second moments
   * (1/N)Σ η_i η_j ≈ ε²/3 δ_ij, pooled over i = j and over i ≠ j.
   */
  z.object({
    form: z.literal('noise-premises'),
    /** The ε of the noise (default: every L∞ random-noise ε of the sweep). */
    eps: z.array(z.number().positive()).min(1).optional(),
    /**
     * Relative tolerance on each premise (claimcheck's): |mean| ≤ tol·ε; |(1/N)Σ η_i x_j|/√(E[η²]E[x²]) ≤ tol;
     * |(1/N)Σ η_i²/(ε²/3) − 1| ≤ tol; |(1/N)Σ η_i η_j|/(ε²/3) ≤ tol for i ≠ j.
     */
    tolerance: ThresholdSchema,
  }),
  /** (max − min)/mean of ‖w*‖₂ over the adversarial ε series of each norm ≤ maxRelativeSpread. */
  z.object({
    form: z.literal('weight-norm-stable'),
    norms: z.array(Norm).min(1),
    eps: EpsSubset,
    maxRelativeSpread: ThresholdSchema,
    minCells: z.number().int().min(2).default(3),
    /**
     * A second operationalisation of "does not change significantly" by its purpose (§5.1 checks the norm because the
     * eigenvalues were taken without filter normalisation): the norm's change does not undo the eigenvalue trend, i.e.
     * ‖w*‖²λ1 of the robust-loss Hessian (§3.1's filter-normalised sharpness) still increases along ε.
     */
    purpose: z.boolean().default(false),
  }),
  /** Each named landscape measure (mean over directions) strictly increases along each figure's ε values. */
  z.object({
    form: z.literal('landscape-sharper'),
    series: z
      .array(z.object({ figure: z.string().min(1), norm: Norm, eps: z.array(z.number().nonnegative()).min(2) }))
      .min(1),
    measures: z.array(LandscapeMeasure).min(1),
  }),
  /**
   * At every ε > 0 with both models: sharpening over the standard model Δ = S(ε) − S(0) of the adversarial model is
   * positive and more than minRatio × that of the random-noise model (random sharpening below 0 counts as 0).
   */
  z.object({
    form: z.literal('random-less-sharp'),
    norms: z.array(Norm).min(1),
    measures: z.array(LandscapeMeasure).min(1),
    minRatio: ThresholdSchema,
  }),
]);
type Params = z.infer<typeof ParamsSchema>;

const KIND = 'mnist2-sharpness';
const fmt = (v: number): string => formatNumber(v, 5);
const normName = (n: BallNorm): string => (n === 'l2' ? 'L2' : 'L∞');

/** One decisive measure's outcome. */
interface Outcome {
  /** The reading's id (short: `landscape-rise`, `lambda1-robust`) and whether it is the literal one. */
  readonly id: string;
  readonly literal?: boolean;
  /** True when `measure` is a reading's own statement (an operationalisation of the paper's words), not a measure. */
  readonly reading?: boolean;
  readonly measure: string;
  readonly holds: boolean;
  readonly summary: string;
  readonly witness?: Witness;
}

/** Why the data cannot decide (too few cells): becomes `inconclusive`. */
class Undecidable extends Error {}

const MEASURE_NAMES: Readonly<Record<string, string>> = {
  robust: 'robust-loss Hessian',
  'fixed-example': 'fixed-example Hessian',
  'landscape-rise': 'landscape rise (mean over directions of (g(−1) + g(1))/2 − g(0))',
  'fn-curvature': 'filter-normalised curvature hᵀ∇²g(w*)h, ‖h‖ = ‖w*‖ (mean over directions)',
};

/** Each measure is one reading of "sharper"; the readings rule of src/claims/readings.ts gives the verdict. */
function aggregate(
  claim: LoadedClaim,
  ctx: CheckContext,
  outcomes: readonly Outcome[],
  context: string,
  details: string[],
  data: Record<string, unknown>,
): Verdict {
  const base = { claimId: claim.id, seed: ctx.seed, checker: KIND };
  const readings: ReadingOutcome[] = outcomes.map((o) => ({
    id: o.id,
    statement: o.reading ? o.measure : `measured by the ${o.measure}`,
    literal: o.literal ?? false,
    outcome: o.holds ? 'holds' : 'fails',
    summary: o.summary,
    ...(o.witness ? { witness: o.witness } : {}),
  }));
  return decideReadings({
    base,
    readings: { convention: claim.id, question: 'by which measure of sharpness?', outcomes: readings },
    evidence: {
      summary: outcomes.map((o) => `${o.holds ? 'holds' : 'fails'} for ${o.measure}`).join('; '),
      details: [...details, context],
      data,
    },
    basis: {
      kind: 'tested',
      what: 'the re-measured MNIST2 sweep (see the experiment section for data, seeds and settings)',
    },
  });
}

/** First index i with values[i + 1] ≤ values[i], or −1 when strictly increasing. */
function firstNonIncrease(values: readonly number[]): number {
  for (let i = 0; i + 1 < values.length; i++) if (!(values[i + 1]! > values[i]!)) return i;
  return -1;
}

type Cell = ReplicateCell;

function adversarialSeries(
  cells: readonly Cell[],
  norm: BallNorm,
  minCells: number,
  eps?: { l2?: number[]; linf?: number[] },
): Cell[] {
  const all = mnist2Series(cells, norm, 'adversarial');
  const wanted = eps?.[norm];
  if (wanted !== undefined) {
    const missing = wanted.filter((e) => !all.some((c) => sameEps(c.eps, e)));
    if (missing.length > 0)
      throw new Undecidable(
        `the sweep has no ${normName(norm)} adversarial cell at ε = ${missing.map((e) => formatNumber(e, 6)).join(', ')}`,
      );
  }
  const s = atEps(all, wanted);
  if (s.length < minCells) {
    throw new Undecidable(
      `the sweep has ${s.length} ${normName(norm)} adversarial ε value(s) (with ε = 0), fewer than the ${minCells} this claim needs`,
    );
  }
  return s;
}

const epsList = (cells: readonly Cell[]): string => cells.map((c) => c.epsLabel).join(', ');

/** A cell the claim needs has no measurement: degenerate (trained to w = 0), or not measured. */
function usable(cell: Cell, what: 'hessian' | 'landscape'): NonNullable<Cell[typeof what]> {
  if (cell.degenerate !== undefined)
    throw new Undecidable(`the claim needs cell ${cellName(cell)}, which is degenerate: ${cell.degenerate}`);
  const m = cell[what];
  if (m === undefined)
    throw new Undecidable(
      `the measurements have no ${what === 'hessian' ? 'Fig. 3 Hessian' : '1-D landscape'} for cell ${cellName(cell)}`,
    );
  return m as NonNullable<Cell[typeof what]>;
}

/** The top eigenvalues of a cell's Hessian (`robust` or `fixed-example`). */
function hessianValues(cell: Cell, which: 'robust' | 'fixed-example'): readonly number[] {
  const h = usable(cell, 'hessian') as NonNullable<Cell['hessian']>;
  return which === 'robust' ? h.robust : h.fixed;
}

function landscapeMeasure(
  cell: Cell,
  m: 'landscape-rise' | 'fn-curvature',
): { mean: number; perDirection: readonly number[] } {
  const l = usable(cell, 'landscape') as NonNullable<Cell['landscape']>;
  const perDirection = m === 'landscape-rise' ? l.rise : l.curvature;
  return { mean: perDirection.reduce((x, y) => x + y, 0) / perDirection.length, perDirection };
}

/** What a form decided on one replicate: its measures' outcomes, details and numbers. */
interface FormResult {
  readonly outcomes: Outcome[];
  readonly details: string[];
  readonly data: Record<string, unknown>;
}

function eigenGrow(p: Extract<Params, { form: 'eigen-grow' }>, cells: readonly Cell[]): FormResult {
  const k = p.eigenvalue;
  const details: string[] = [];
  const data: Record<string, unknown> = {};
  const series = p.norms.map((norm) => ({ norm, cells: adversarialSeries(cells, norm, p.minCells, p.eps) }));
  const outcomes = p.hessians.map((which): Outcome => {
    const parts: string[] = [];
    let witness: Witness | undefined;
    for (const { norm, cells } of series) {
      const vals = cells.map((c) => hessianValues(c, which)[k - 1]!);
      const x = cells.map((c) => c.eps);
      data[`${which}.${norm}.lambda${k}`] = { eps: x, values: vals, ...linearFit(x, vals) };
      const i = firstNonIncrease(vals);
      parts.push(`${normName(norm)} λ${k} = ${vals.map(fmt).join(', ')} at ε = ${epsList(cells)}`);
      if (i >= 0 && witness === undefined) {
        witness = {
          point: {
            norm,
            hessian: which,
            epsFrom: cells[i]!.epsLabel,
            epsTo: cells[i + 1]!.epsLabel,
            eigenvalue: `λ${k}`,
          },
          paperValue: `λ${k} grows with ε: λ${k}(${cells[i + 1]!.epsLabel}) > λ${k}(${cells[i]!.epsLabel})`,
          ourValue: `λ${k}(${cells[i]!.epsLabel}) = ${fmt(vals[i]!)}, λ${k}(${cells[i + 1]!.epsLabel}) = ${fmt(vals[i + 1]!)}`,
        };
      }
    }
    return {
      id: `lambda${k}-${which}`,
      measure: `λ${k} of the ${MEASURE_NAMES[which]}`,
      holds: witness === undefined,
      summary: parts.join('; '),
      ...(witness ? { witness } : {}),
    };
  });
  for (const { norm, cells } of series) {
    details.push(`reported, not decisive: ${normName(norm)} ‖w*‖ = ${cells.map((c) => fmt(c.weightNorm)).join(', ')}`);
  }
  return { outcomes, details, data };
}

function eigenLinear(p: Extract<Params, { form: 'eigen-linear' }>, cells: readonly Cell[]): FormResult {
  const data: Record<string, unknown> = {};
  const readings = p.readings ?? [
    { id: 'every-eps', statement: 'over every ε of the sweep', literal: true, eps: p.eps },
  ];
  const several = p.readings !== undefined;
  const outcomes = readings.flatMap((reading) => {
    const top = reading.top ?? p.top;
    const series = p.norms.map((norm) => ({
      norm,
      cells: adversarialSeries(cells, norm, p.minCells, reading.eps ?? p.eps),
    }));
    return p.hessians.map((which): Outcome => {
      const parts: string[] = [];
      let witness: Witness | undefined;
      for (const { norm, cells } of series) {
        const x = cells.map((c) => c.eps);
        for (let k = 1; k <= top; k++) {
          const y = cells.map((c) => hessianValues(c, which)[k - 1]!);
          const fit = linearFit(x, y);
          data[`${several ? `${reading.id}.` : ''}${which}.${norm}.lambda${k}`] = { eps: x, values: y, ...fit };
          const ok = fit.r2 >= p.minR2.value && fit.maxRelDeviation <= p.maxRelDeviation.value;
          parts.push(
            `${normName(norm)} λ${k}: R² = ${fmt(fit.r2)} (cut ${fmt(p.minR2.value)}, margin ${fmt(fit.r2 - p.minR2.value)}), max deviation ${fmt(fit.maxRelDeviation)} (cut ${fmt(p.maxRelDeviation.value)}), slope ${fmt(fit.slope)} at ε = ${epsList(cells)}`,
          );
          if (!ok && witness === undefined) {
            witness = {
              point: { norm, hessian: which, eigenvalue: `λ${k}`, eps: epsList(cells) },
              paperValue: `nearly linear in ε: R² ≥ ${p.minR2.value} and max |λ − fit| / max λ ≤ ${p.maxRelDeviation.value}`,
              ourValue: `λ${k} = ${y.map(fmt).join(', ')}: R² = ${fmt(fit.r2)}, max relative deviation ${fmt(fit.maxRelDeviation)}`,
            };
          }
        }
      }
      const measure = `λ1…λ${top} of the ${MEASURE_NAMES[which]}`;
      return {
        // The literal reading is the record's literal one with the first named Hessian (at most one is literal).
        id: several ? `${reading.id}/${which}` : which,
        ...(several ? { literal: reading.literal && which === p.hessians[0], reading: true } : {}),
        measure: several ? `${reading.statement}: ${measure}` : measure,
        holds: witness === undefined,
        summary: parts.join('; '),
        ...(witness ? { witness } : {}),
      };
    });
  });
  return {
    outcomes,
    details: [
      `thresholds (record params): R² ≥ ${p.minR2.value}, max |λ − fit| / max |λ| ≤ ${p.maxRelDeviation.value}`,
    ],
    data,
  };
}

function eq9Spectrum(p: Extract<Params, { form: 'eq9-spectrum' }>, cells: readonly Cell[]): FormResult {
  const data: Record<string, unknown> = {};
  const series = p.norms.map((norm) => ({
    norm,
    cells: adversarialSeries(cells, norm, p.minCells, p.eps).filter((c) => c.eps > 0),
  }));
  const rows = series.flatMap(({ norm, cells }) =>
    cells.map((c) => {
      const v = hessianValues(c, 'robust');
      return { norm, c, l1: v[0]!, l2: v[1]!, l3: v[2]!, predicted: c.eps / (2 * c.weightNorm), wNorm: c.weightNorm };
    }),
  );
  data.rows = rows.map((r) => ({
    norm: r.norm,
    eps: r.c.eps,
    lambda: [r.l1, r.l2, r.l3],
    predicted: r.predicted,
    weightNorm: r.wNorm,
  }));
  const multiplicityBad = rows.find((r) => !(r.l3 / r.l1 >= p.minEqualRatio.value));
  const valueBad = rows.find((r) => !(Math.abs(r.l1 - r.predicted) / r.l1 <= p.maxRelError.value));
  const ratios = rows
    .map((r) => `${normName(r.norm)} ε ${r.c.epsLabel}: λ2/λ1 = ${fmt(r.l2 / r.l1)}, λ3/λ1 = ${fmt(r.l3 / r.l1)}`)
    .join('; ');
  const values = rows
    .map((r) => `${normName(r.norm)} ε ${r.c.epsLabel}: λ1 = ${fmt(r.l1)} vs ε/(2‖w*‖) = ${fmt(r.predicted)}`)
    .join('; ');
  const minRatio = Math.min(...rows.map((r) => r.l3 / r.l1));
  const maxErr = Math.max(...rows.map((r) => Math.abs(r.l1 - r.predicted) / r.l1));
  // One conjunctive claim: Eq. (9) fixes both the multiplicity and the value, so it holds only if both do.
  const bad = multiplicityBad ?? valueBad;
  const outcomes: Outcome[] = [
    {
      id: 'eq9-spectrum',
      measure: 'spectrum of Eq. (9): top eigenvalue ε/(2‖w*‖) of multiplicity d − 1 (λ1 = λ2 = λ3)',
      holds: bad === undefined,
      summary: `multiplicity: ${ratios} (threshold λ3/λ1 ≥ ${p.minEqualRatio.value}, margin ${fmt(minRatio - p.minEqualRatio.value)}); value: ${values} (threshold relative error ≤ ${p.maxRelError.value}, largest ${fmt(maxErr)})`,
      ...(bad
        ? {
            witness: {
              point: { norm: bad.norm, eps: bad.c.epsLabel },
              paperValue: `λ1 = λ2 = λ3 = ε/(2‖w*‖) = ${fmt(bad.predicted)}`,
              ourValue: `λ1, λ2, λ3 = ${fmt(bad.l1)}, ${fmt(bad.l2)}, ${fmt(bad.l3)} (‖w*‖ = ${fmt(bad.wNorm)})`,
            },
          }
        : {}),
    },
  ];
  return {
    outcomes,
    details: [
      `thresholds (record params, supplied by claimcheck): λ3/λ1 ≥ ${p.minEqualRatio.value}; |λ1 − ε/(2‖w*‖)|/λ1 ≤ ${p.maxRelError.value}`,
    ],
    data,
  };
}

function premiseData({ results, measurements }: Mnist2Measured): {
  outcomes: Outcome[];
  details: string[];
  data: Record<string, unknown>;
} {
  const norms = measurements.premises.imageNorms;
  const l2 = results.cells.filter((c) => c.norm === 'l2' && c.eps > 0);
  if (l2.length === 0) throw new Undecidable('the sweep has no L2 cell with ε > 0');
  const epsMax = Math.max(...l2.map((c) => c.eps));
  const minNorm = Math.min(...norms);
  const within = norms.filter((v) => v <= epsMax).length;
  const outcome: Outcome = {
    id: 'images-within-eps',
    measure: 'training images within the largest L2 ε (‖x^n‖₂ ≤ ε for every n)',
    holds: within === norms.length,
    summary: `${within} of ${norms.length} training images have ‖x^n‖₂ ≤ ε = ${fmt(epsMax)} (the largest L2 ε of the sweep); the smallest ‖x^n‖₂ is ${fmt(minNorm)}`,
    ...(within === norms.length
      ? {}
      : {
          witness: {
            point: { image: String(norms.indexOf(minNorm) + 1), eps: fmt(epsMax) },
            paperValue: '‖x^n‖ = ‖η^n‖ ≤ ε for every n (per-point stationarity)',
            ourValue: `‖x^n‖₂ = ${fmt(minNorm)} > ε = ${fmt(epsMax)} for the smallest image`,
          },
        }),
  };
  return {
    outcomes: [outcome],
    details: ['per-point stationarity is y^n x^n = ‖η^n‖ ŵ* (sec3-optimality-condition), so ‖x^n‖ = ‖η^n‖ ≤ ε'],
    data: { minNorm, epsMax, within, images: norms.length },
  };
}

function noisePremises(
  p: Extract<Params, { form: 'noise-premises' }>,
  { results, measurements }: Mnist2Measured,
): { outcomes: Outcome[]; details: string[]; data: Record<string, unknown> } {
  const { premises } = measurements;
  const epsList = p.eps ?? [
    ...new Set(
      results.cells.filter((c) => c.norm === 'linf' && c.training === 'random' && c.eps > 0).map((c) => c.eps),
    ),
  ];
  if (epsList.length === 0) throw new Undecidable('the sweep has no L∞ random-noise cell with ε > 0');
  const n = premises.images;
  const rows = epsList.map((eps) => {
    const m = premises.noiseMoments.find((r) => sameEps(r.eps, eps));
    if (m === undefined)
      throw new Undecidable(
        `the measurements have no noise moments at ε = ${formatNumber(eps, 6)} (they are taken at every L∞ random-noise ε of the sweep)`,
      );
    const { mean, crossDiag, crossOff, secondRatio, offRatio } = m;
    const ok =
      Math.abs(mean) <= p.tolerance.value * eps &&
      Math.abs(crossDiag) <= p.tolerance.value &&
      Math.abs(crossOff) <= p.tolerance.value &&
      Math.abs(secondRatio - 1) <= p.tolerance.value &&
      Math.abs(offRatio) <= p.tolerance.value;
    return { eps, mean, crossDiag, crossOff, secondRatio, offRatio, ok };
  });
  const bad = rows.find((r) => !r.ok);
  const line = rows
    .map(
      (r) =>
        `ε = ${fmt(r.eps)}: mean ${fmt(r.mean)} (${fmt(r.mean / r.eps)}ε), (1/N)Σ η_i x_j scaled: ${fmt(r.crossDiag)} (i = j), ${fmt(r.crossOff)} (i ≠ j), (1/N)Σ η_i η_j/(ε²/3): ${fmt(r.secondRatio)} (i = j), ${fmt(r.offRatio)} (i ≠ j)`,
    )
    .join('; ');
  const outcome: Outcome = {
    id: 'eq15-moments',
    measure: "Eq. (15)'s premises for the clipped noise: (1/N)Σ η_i x_j → 0, mean 0, (1/N)Σ η_i η_j → ε²/3 δ_ij",
    holds: bad === undefined,
    summary: `${line} (tolerance ${p.tolerance.value}; noise seed ${premises.noiseSeed}; every pixel of the training split, ${n} images)`,
    ...(bad
      ? {
          witness: {
            point: { eps: fmt(bad.eps), noiseSeed: String(premises.noiseSeed) },
            paperValue: '(1/N)Σ η_i x_j = 0, mean 0, (1/N)Σ η_i η_j = ε²/3 δ_ij',
            ourValue: `mean ${fmt(bad.mean)}, scaled (1/N)Σ η_i x_j ${fmt(bad.crossDiag)} (i = j) and ${fmt(bad.crossOff)} (i ≠ j), (1/N)Σ η_i η_j/(ε²/3) ${fmt(bad.secondRatio)} (i = j) and ${fmt(bad.offRatio)} (i ≠ j)`,
          },
        }
      : {}),
  };
  return {
    outcomes: [outcome],
    details: [
      'the experiments clip x + η to [0, 1] (section 5.1: "constrained to fit in the range [0, 1]"), which MNIST pixels at 0 or 1 push one way',
      'the cross moments are the raw ones Eq. (15) uses, not centred correlations; each is divided by √(E[η²]E[x²]) so the tolerance is relative',
    ],
    data: { rows },
  };
}

function weightNormStable(p: Extract<Params, { form: 'weight-norm-stable' }>, all: readonly Cell[]): FormResult {
  const data: Record<string, unknown> = {};
  const parts: string[] = [];
  let witness: Witness | undefined;
  for (const norm of p.norms) {
    const cells = adversarialSeries(all, norm, p.minCells, p.eps);
    const norms = cells.map((c) => c.weightNorm);
    const lo = Math.min(...norms);
    const hi = Math.max(...norms);
    const mean = norms.reduce((a, b) => a + b, 0) / norms.length;
    const rel = (hi - lo) / mean;
    data[norm] = { eps: cells.map((c) => c.eps), weightNorms: norms, relativeSpread: rel };
    parts.push(
      `${normName(norm)}: ‖w*‖ = ${norms.map(fmt).join(', ')} at ε = ${epsList(cells)}; (max − min)/mean = ${fmt(rel)}`,
    );
    if (rel > p.maxRelativeSpread.value && witness === undefined) {
      const iLo = norms.indexOf(lo);
      const iHi = norms.indexOf(hi);
      witness = {
        point: { norm, epsMin: cells[iLo]!.epsLabel, epsMax: cells[iHi]!.epsLabel },
        paperValue: `‖w*‖ does not change significantly with ε: (max − min)/mean ≤ ${p.maxRelativeSpread.value}`,
        ourValue: `‖w*‖ ranges from ${fmt(lo)} (ε = ${cells[iLo]!.epsLabel}) to ${fmt(hi)} (ε = ${cells[iHi]!.epsLabel}): (max − min)/mean = ${fmt(rel)}`,
      };
    }
  }
  const outcome: Outcome = {
    id: 'spread',
    measure: 'relative spread (max − min)/mean of ‖w*‖₂ over ε',
    holds: witness === undefined,
    summary: parts.join('; '),
    ...(witness ? { witness } : {}),
  };
  const outcomes = [outcome];
  if (p.purpose) {
    const trend: string[] = [];
    let bad: Witness | undefined;
    for (const norm of p.norms) {
      const cells = adversarialSeries(all, norm, p.minCells, p.eps);
      const sharp = cells.map((c) => c.weightNorm ** 2 * hessianValues(c, 'robust')[0]!);
      data[`${norm}.normalisedSharpness`] = { eps: cells.map((c) => c.eps), values: sharp };
      trend.push(`${normName(norm)}: ‖w*‖²λ1 = ${sharp.map(fmt).join(', ')} at ε = ${epsList(cells)}`);
      const i = firstNonIncrease(sharp);
      if (i >= 0 && bad === undefined)
        bad = {
          point: { norm, epsFrom: cells[i]!.epsLabel, epsTo: cells[i + 1]!.epsLabel },
          paperValue: 'the change of ‖w*‖ does not undo the eigenvalue trend: ‖w*‖²λ1 increases with ε',
          ourValue: `‖w*‖²λ1 = ${fmt(sharp[i]!)} at ε = ${cells[i]!.epsLabel}, ${fmt(sharp[i + 1]!)} at ε = ${cells[i + 1]!.epsLabel}`,
        };
    }
    outcomes.push({
      id: 'trend-survives-normalisation',
      reading: true,
      measure: "by its purpose: the norm's change does not undo the eigenvalue trend (‖w*‖²λ1 still increases with ε)",
      holds: bad === undefined,
      summary: trend.join('; '),
      ...(bad ? { witness: bad } : {}),
    });
  }
  return {
    outcomes,
    details: [`threshold (record params): (max − min)/mean ≤ ${p.maxRelativeSpread.value}`],
    data,
  };
}

function landscapeSharper(
  p: Extract<Params, { form: 'landscape-sharper' }>,
  replicateCells: readonly Cell[],
): FormResult {
  const data: Record<string, unknown> = {};
  const details: string[] = [];
  const series = p.series.map((s) => {
    const all = mnist2Series(replicateCells, s.norm, 'adversarial');
    const cells = atEps(all, s.eps);
    const missing = s.eps.filter((e) => !all.some((c) => sameEps(c.eps, e)));
    if (missing.length > 0) {
      throw new Undecidable(
        `${s.figure}: the sweep has no ${normName(s.norm)} adversarial cell at ε = ${missing.map((e) => formatNumber(e, 6)).join(', ')}`,
      );
    }
    return { ...s, cells, ls: cells };
  });
  const outcomes = p.measures.map((m): Outcome => {
    const parts: string[] = [];
    let witness: Witness | undefined;
    for (const s of series) {
      const vals = s.ls.map((l) => landscapeMeasure(l, m).mean);
      data[`${m}.${s.figure}`] = { eps: s.cells.map((c) => c.eps), values: vals };
      const perDir = landscapeMeasure(s.ls[0]!, m).perDirection.map((_, j) =>
        s.ls.map((l) => landscapeMeasure(l, m).perDirection[j]!),
      );
      const monotoneDirs = perDir.filter((v) => firstNonIncrease(v) < 0).length;
      parts.push(
        `${s.figure} (${normName(s.norm)}): ${vals.map(fmt).join(', ')} at ε = ${epsList(s.cells)}; increasing along ${monotoneDirs}/${perDir.length} single directions`,
      );
      const i = firstNonIncrease(vals);
      if (i >= 0 && witness === undefined) {
        witness = {
          point: {
            figure: s.figure,
            norm: s.norm,
            measure: m,
            epsFrom: s.cells[i]!.epsLabel,
            epsTo: s.cells[i + 1]!.epsLabel,
          },
          paperValue: `sharper with larger ε: ${m}(${s.cells[i + 1]!.epsLabel}) > ${m}(${s.cells[i]!.epsLabel})`,
          ourValue: `${m}(${s.cells[i]!.epsLabel}) = ${fmt(vals[i]!)}, ${m}(${s.cells[i + 1]!.epsLabel}) = ${fmt(vals[i + 1]!)}`,
        };
      }
    }
    return {
      id: m,
      measure: MEASURE_NAMES[m]!,
      holds: witness === undefined,
      summary: parts.join('; '),
      ...(witness ? { witness } : {}),
    };
  });
  const l0 = usable(series[0]!.ls[0]!, 'landscape') as NonNullable<Cell['landscape']>;
  details.push(
    `landscape: rise (g(−1) + g(1))/2 − g(0) and curvature along ${l0.rise.length} filter-normalised Gaussian directions (base seed ${l0.directionSeed}); inner maximiser re-solved at every α`,
  );
  return { outcomes, details, data };
}

function randomLessSharp(p: Extract<Params, { form: 'random-less-sharp' }>, cells: readonly Cell[]): FormResult {
  const data: Record<string, unknown> = {};
  const pairs = p.norms.map((norm) => {
    const adv = mnist2Series(cells, norm, 'adversarial');
    const rnd = mnist2Series(cells, norm, 'random');
    const base = adv.find((c) => c.eps === 0);
    const common = adv.filter((c) => c.eps > 0 && rnd.some((r) => sameEps(r.eps, c.eps)));
    if (base === undefined || common.length === 0) {
      throw new Undecidable(
        `the sweep has no ${base === undefined ? 'standard (ε = 0) cell' : `ε > 0 with both ${normName(norm)} adversarial and random-noise cells`}`,
      );
    }
    return {
      norm,
      base,
      rows: common.map((c) => ({
        eps: c.eps,
        label: c.epsLabel,
        adv: c,
        rnd: rnd.find((r) => sameEps(r.eps, c.eps))!,
      })),
    };
  });
  const outcomes = p.measures.map((m): Outcome => {
    const parts: string[] = [];
    let witness: Witness | undefined;
    for (const { norm, base, rows } of pairs) {
      const s0 = landscapeMeasure(base, m).mean;
      const cells = rows.map((r) => {
        const da = landscapeMeasure(r.adv, m).mean - s0;
        const dr = landscapeMeasure(r.rnd, m).mean - s0;
        return { ...r, da, dr, ok: da > 0 && da > p.minRatio.value * Math.max(dr, 0) };
      });
      data[`${m}.${norm}`] = { base: s0, rows: cells.map((c) => ({ eps: c.eps, adversarial: c.da, random: c.dr })) };
      parts.push(
        `${normName(norm)}: S(0) = ${fmt(s0)}; Δ adversarial / Δ random = ${cells.map((c) => `${fmt(c.da)} / ${fmt(c.dr)} (ε ${c.label})`).join(', ')}`,
      );
      const bad = cells.find((c) => !c.ok);
      if (bad !== undefined && witness === undefined) {
        witness = {
          point: { norm, eps: bad.label, measure: m },
          paperValue: `adversarial noise sharpens much more than random noise: Δ_adv > 0 and Δ_adv > ${p.minRatio.value}·max(Δ_random, 0)`,
          ourValue: `Δ_adv = ${fmt(bad.da)}, Δ_random = ${fmt(bad.dr)} (S(0) = ${fmt(s0)})`,
        };
      }
    }
    return {
      id: m,
      measure: MEASURE_NAMES[m]!,
      holds: witness === undefined,
      summary: parts.join('; '),
      ...(witness ? { witness } : {}),
    };
  });
  return {
    outcomes,
    details: [
      `threshold (record params): "much more" read as Δ_adv > ${p.minRatio.value} × Δ_random, Δ = S(ε) − S(0) over the standard model`,
    ],
    data,
  };
}

/** The `mnist2-sharpness` checker: decides on the measured sweep the report provides (`ctx.measurements.mnist2`). */
export const mnist2Sharpness = defineChecker({
  kind: KIND,
  verdicts: ['confirmed', 'refuted', 'holds-under', 'inconclusive'],
  description:
    'an MNIST2 statement (Figs. 1–3, 5, and the premises of the theory on the data) on re-measured Hessian eigenvalues, weight norms, landscapes and the training split',
  params: ParamsSchema,
  async check(claim, params, ctx): Promise<Verdict> {
    const measured = mnist2Measured(claim, ctx);
    const needs =
      params.form === 'weight-norm-stable'
        ? 'the trained weights'
        : params.form === 'premise-data' || params.form === 'noise-premises'
          ? 'the training split'
          : params.form.startsWith('eigen') || params.form === 'eq9-spectrum'
            ? 'Hessian spectra at the trained weights'
            : 'weight loss landscapes of the trained cells';
    if (measured === null) return notMeasured(claim, ctx, KIND, needs);
    const { results } = measured;
    const undecided = (e: unknown, context: string): Verdict => {
      if (!(e instanceof Undecidable)) throw e;
      return {
        claimId: claim.id,
        seed: ctx.seed,
        checker: KIND,
        status: 'inconclusive',
        reason: `${e.message}; run \`${MNIST2_COMMAND}\` (the paper's grid on all images)`,
        evidence: { summary: e.message, details: [context] },
      };
    };
    if (params.form === 'premise-data' || params.form === 'noise-premises')
      return onTrainingSplit(claim, ctx, params, measured, undecided);
    const decide = (p: Params, r: Replicate): Verdict => {
      const context = `${r.protocol} seed ${r.seed}: ${results.setting} setting, ${results.data.trainCount} training images, ${r.cells.length} cells; measured: ${r.measurement}`;
      try {
        const f = decideForm(p, r.cells);
        return aggregate(claim, ctx, f.outcomes, context, f.details, f.data);
      } catch (e) {
        return undecided(e, context);
      }
    };
    return decideOnReplicates(measured, params, decide, thresholdsOf(params), trendIntervals);
  },
});

/** The form's decision on one replicate's cells. */
function decideForm(p: Params, cells: readonly Cell[]): FormResult {
  switch (p.form) {
    case 'eigen-grow':
      return eigenGrow(p, cells);
    case 'eigen-linear':
      return eigenLinear(p, cells);
    case 'eq9-spectrum':
      return eq9Spectrum(p, cells);
    case 'weight-norm-stable':
      return weightNormStable(p, cells);
    case 'landscape-sharper':
      return landscapeSharper(p, cells);
    case 'random-less-sharp':
      return randomLessSharp(p, cells);
    case 'premise-data':
    case 'noise-premises':
      throw new Error(`${p.form} is decided on the training split, not on a replicate`);
  }
}

/** The record's thresholds of a form, each with the params it gives when moved. */
function thresholdsOf(p: Params): ThresholdParam<Params>[] {
  const one = <K extends string>(name: K, domain?: readonly [number, number]): ThresholdParam<Params> => {
    const t = (p as unknown as Record<K, z.infer<typeof ThresholdSchema>>)[name];
    return {
      name,
      threshold: t,
      with: (value) => ({ ...p, [name]: { ...t, value } }) as Params,
      ...(domain ? { domain } : {}),
    };
  };
  switch (p.form) {
    case 'eigen-linear':
      return [one('minR2', [0, 1]), one('maxRelDeviation', [0, Infinity])];
    case 'eq9-spectrum':
      return [one('minEqualRatio', [0, 1]), one('maxRelError', [0, Infinity])];
    case 'noise-premises':
      return [one('tolerance', [0, Infinity])];
    case 'weight-norm-stable':
      return [one('maxRelativeSpread', [0, Infinity])];
    case 'random-less-sharp':
      return [one('minRatio', [1, Infinity])];
    default:
      return [];
  }
}

/**
 * The intervals of the trend statistics over each protocol's seeds: every `{ slope, r2 }` the form recorded per
 * series, as mean and 95 % Student-t interval over the seeds.
 */
function trendIntervals(verdicts: readonly ReplicateVerdict[]): string[] {
  const byKey = new Map<string, Map<string, { slope: number[]; r2: number[] }>>();
  for (const v of verdicts) {
    for (const [key, value] of Object.entries(v.verdict.evidence.data ?? {})) {
      const fit = value as { slope?: unknown; r2?: unknown };
      if (typeof fit?.slope !== 'number' || typeof fit.r2 !== 'number') continue;
      const protocols = byKey.get(key) ?? new Map<string, { slope: number[]; r2: number[] }>();
      byKey.set(key, protocols);
      const acc = protocols.get(v.protocol) ?? { slope: [], r2: [] };
      protocols.set(v.protocol, acc);
      acc.slope.push(fit.slope);
      acc.r2.push(fit.r2);
    }
  }
  const line = (xs: readonly number[]): string => {
    const i = meanInterval(xs);
    if (xs.length === 1) return fmt(i.mean);
    // Cells that draw nothing at random are the same cell in every seed: no spread to estimate.
    return i.sd === 0 ? `${fmt(i.mean)} (the same in every seed)` : `${fmt(i.mean)} [${fmt(i.lo)}, ${fmt(i.hi)}]`;
  };
  return [...byKey].map(
    ([key, protocols]) =>
      `trend ${key} over seeds (mean [95 % t-interval]): ${[...protocols]
        .map(([id, a]) => `${id} (${a.r2.length} seeds): slope ${line(a.slope)}, R² ${line(a.r2)}`)
        .join('; ')}`,
  );
}

/**
 * The premises of the theory are properties of the training split: no protocol or seed enters them, so they are
 * decided once, and only their thresholds are probed.
 */
function onTrainingSplit(
  claim: LoadedClaim,
  ctx: CheckContext,
  params: Extract<Params, { form: 'premise-data' | 'noise-premises' }>,
  measured: Mnist2Measured,
  undecided: (e: unknown, context: string) => Verdict,
): Verdict {
  const { results } = measured;
  const context = `data: ${results.setting} setting, ${results.data.trainCount} training images (the paper's split has ${MNIST2_SPLIT.train}), seed ${results.seed}`;
  const decide = (p: Params): Verdict => {
    try {
      const f =
        p.form === 'premise-data'
          ? premiseData(measured)
          : noisePremises(p as Extract<Params, { form: 'noise-premises' }>, measured);
      return aggregate(claim, ctx, f.outcomes, context, f.details, f.data);
    } catch (e) {
      return undecided(e, context);
    }
  };
  const verdict = decide(params);
  const probes = thresholdsOf(params).map((t) =>
    probeThreshold(t.name, t.threshold, (v) => verdictClass(decide(t.with(v))), t.domain),
  );
  const fragile = probes.filter((t) => t.fragile);
  return {
    ...verdict,
    robustness: {
      summary: `a property of the training split: no training protocol or seed enters it${fragile.length > 0 ? `; fragile: ${fragile.map((t) => `${t.name} flips at ${fmt(t.flipsAt!)}`).join('; ')}` : ''}`,
      protocols: [],
      replicates: [],
      thresholds: probes,
      fragile: fragile.length > 0,
      splits: splitsOf(results),
    },
  };
}
