/**
 * The shape of every MNIST2 measurement, as zod schemas with the types inferred from them: Fig. 3's Hessians, the
 * landscapes of Figs. 1, 2 and 5, the 2-D landscapes, and the premises of the theory measured on the training split.
 * The experiment's `run` returns them (`Mnist2MeasuredSchema`), the result cache checks them on read, and the
 * checkers and the report section read them; nothing downstream recomputes them.
 */
import { z } from 'zod';
import { Mnist2NormSchema, Mnist2ResultsSchema, Mnist2TrainingSchema } from './results.ts';

/** A number, non-finite ones included (a spread of no values is NaN; the cache carries them tagged). */
const real = z.custom<number>((v) => typeof v === 'number', 'a number');
const reals = z.array(real).readonly();
const seed = z.number().int().nonnegative();

/** Mean, sample standard deviation (n − 1; 0 for one value), min and max. */
export const SpreadSchema = z.object({ mean: real, std: real, min: real, max: real });
export type Spread = z.infer<typeof SpreadSchema>;

/** One eigensolver's answer. */
export const SpectrumEstimateSchema = z.object({
  /** The algorithm, named. */
  algorithm: z.string(),
  /** Top eigenvalues, descending. */
  values: reals,
  iterations: z.number().int().nonnegative(),
  converged: z.boolean(),
  residual: real,
  /** Hessian-vector products used (Lanczos). */
  matvecs: z.number().int().nonnegative().optional(),
  /** Seed of the random start (Lanczos). */
  seed: seed.optional(),
});
export type SpectrumEstimate = z.infer<typeof SpectrumEstimateSchema>;

/** hᵀHh along filter-normalised Gaussian directions (‖h‖ = ‖w‖, Eq. 6). */
export const DirectionalCurvatureSchema = z.object({
  /** Base seed and each direction's own seed. */
  directionSeed: seed,
  seeds: z.array(seed).readonly(),
  values: reals,
  /** hᵀHh / hᵀh per direction. */
  rayleigh: reals,
  spread: SpreadSchema,
});
export type DirectionalCurvature = z.infer<typeof DirectionalCurvatureSchema>;

/** One Hessian at w*: what it is and its top eigenvalues by two solvers. */
export const HessianReportSchema = z.object({
  which: z.enum(['robust', 'fixed-example']),
  /** What the Hessian is the Hessian of. */
  description: z.string(),
  dense: SpectrumEstimateSchema.nullable(),
  lanczos: SpectrumEstimateSchema,
  /** max_k |λ_k(dense) − λ_k(Lanczos)| / |λ_1(dense)|; null without the dense solver. */
  agreement: real.nullable(),
  curvature: DirectionalCurvatureSchema,
});
export type HessianReport = z.infer<typeof HessianReportSchema>;

/** The cell a measurement belongs to. */
const CellRef = {
  key: z.string().min(1),
  norm: Mnist2NormSchema,
  training: Mnist2TrainingSchema,
  eps: z.number().min(0),
  epsLabel: z.string(),
};

/** The fields that name the cell a measurement belongs to, taken from the cell. */
export function cellRef(cell: {
  readonly key: string;
  readonly norm: z.infer<typeof Mnist2NormSchema>;
  readonly training: z.infer<typeof Mnist2TrainingSchema>;
  readonly eps: number;
  readonly epsLabel: string;
}): { key: string; norm: typeof cell.norm; training: typeof cell.training; eps: number; epsLabel: string } {
  return { key: cell.key, norm: cell.norm, training: cell.training, eps: cell.eps, epsLabel: cell.epsLabel };
}

/** Fig. 3's measurements for one cell. */
export const CellHessianSchema = z.object({
  ...CellRef,
  dim: z.number().int().positive(),
  examples: z.number().int().positive(),
  /** ‖w*‖₂ over the weights (bias excluded). */
  weightNorm: real,
  /** Number of weights exactly 0 (kinks of the L∞ robust loss; the smooth branch is used there). */
  zeroWeights: z.number().int().nonnegative(),
  eq9: z.object({
    /** ε/(2‖w*‖): Eq. (9)'s eigenvalue for L2 with ‖η‖ = ε; null for L∞ (Eq. 9 is derived for L2). */
    prediction: real.nullable(),
    /** c = (1/2N) Σ ‖ηⁿ‖₂/‖w*‖ with the fixed examples' η (Eq. 9's coefficient). */
    c: real,
    meanEtaNorm: real,
  }),
  robust: HessianReportSchema,
  fixed: HessianReportSchema,
  /** ‖H_robust − H_fixed‖_F / ‖H_robust‖_F from the dense matrices; null without them. */
  robustVsFixed: real.nullable(),
  /** How the fixed examples were generated. */
  fixedExamples: z.string(),
  /** Wall times (ms): kept out of the report (not deterministic). */
  timingMs: z.object({ dense: real, lanczos: real, total: real }),
});
export type CellHessian = z.infer<typeof CellHessianSchema>;

/** One direction's landscape and sharpness. */
export const DirectionLandscapeSchema = z.object({
  seed,
  /** g(α) on the grid. */
  values: reals,
  /** hᵀ∇²g(w*)h: the second derivative of g at α = 0. */
  curvature: real,
  /** Landscape rise: mean of g at the two ends of the grid minus g(0) (`random_line`: g(α_max) − g(0)). */
  rise: real,
});
export type DirectionLandscape = z.infer<typeof DirectionLandscapeSchema>;

/**
 * `filter`: α ∈ [−1, 1], Gaussian h, h ← h‖w‖/‖h‖ over w (one filter for logistic regression), bias entry 0.
 * `random_line`: α ∈ [0, 1], h ~ U[0, 1), the weights rescaled as one filter and the bias element-wise (|h_b| = |b|),
 * as loss-landscapes does.
 */
export const DirectionModeSchema = z.enum(['filter', 'random_line']);
export type DirectionMode = z.infer<typeof DirectionModeSchema>;

/** A 1-D landscape of one cell over several directions. */
export const Landscape1DSchema = z.object({
  ...CellRef,
  mode: DirectionModeSchema,
  /** What g is (objective, attack or noise, seeds). */
  objective: z.string(),
  attack: z.string(),
  curvatureMethod: z.string(),
  directionSeed: seed,
  alphas: reals,
  /** g(0) = the objective at w*. */
  center: real,
  directions: z.array(DirectionLandscapeSchema).readonly(),
  /** Pointwise mean, min and max of g over directions. */
  mean: reals,
  min: reals,
  max: reals,
  rise: SpreadSchema,
  curvature: SpreadSchema,
  /** Wall time (ms): kept out of the report. */
  timingMs: real,
});
export type Landscape1D = z.infer<typeof Landscape1DSchema>;

/** A 2-D landscape g(w* + αh₁ + βh₂) of one cell, for contour plots. */
export const Landscape2DSchema = z.object({
  ...CellRef,
  objective: z.string(),
  attack: z.string(),
  /** Seeds of the two filter-normalised directions (directions 0 and 1 of the 1-D landscape). */
  seeds: z.tuple([seed, seed]).readonly(),
  alphas: reals,
  betas: reals,
  /** z[j][i] = g(w* + α_i h₁ + β_j h₂). */
  z: z.array(reals).readonly(),
  center: real,
  timingMs: real,
});
export type Landscape2D = z.infer<typeof Landscape2DSchema>;

/**
 * Eq. (15)'s moments of the clipped uniform noise clip(x + η, 0, 1) − x over the training split at one ε: the mean,
 * the raw cross moments (1/N)Σ η_i x_j scaled by √(E[η²]E[x²]) (i = j and i ≠ j pooled) and the second moments
 * (1/N)Σ η_i η_j over ε²/3 (i = j and i ≠ j pooled).
 */
export const NoiseMomentsSchema = z.object({
  eps: z.number().positive(),
  mean: real,
  crossDiag: real,
  crossOff: real,
  secondRatio: real,
  offRatio: real,
});
export type NoiseMoments = z.infer<typeof NoiseMomentsSchema>;

/** The premises of the theory measured on the training split. */
export const TrainSplitPremisesSchema = z.object({
  /** Images of the split. */
  images: z.number().int().positive(),
  /** ‖xⁿ‖₂ of every training image, in split order (Theorem 1's premise ‖xⁿ‖ ≤ ε). */
  imageNorms: reals,
  /** Seed of the noise drawn for `noiseMoments`. */
  noiseSeed: seed,
  /** Eq. (15)'s noise moments at every L∞ random-noise ε of the sweep. */
  noiseMoments: z.array(NoiseMomentsSchema).readonly(),
});
export type TrainSplitPremises = z.infer<typeof TrainSplitPremisesSchema>;

/** Every MNIST2 measurement of a sweep and the settings it was taken with. */
export const Mnist2MeasurementsSchema = z.object({
  /** Deterministic description of every setting (seeds, grids, solvers, attacks), for provenance. */
  settings: z.record(z.string(), z.string()),
  hessians: z.array(CellHessianSchema).readonly(),
  landscapes: z.array(Landscape1DSchema).readonly(),
  contours: z.array(Landscape2DSchema).readonly(),
  premises: TrainSplitPremisesSchema,
  /** Examples of the dataset the measurements used. */
  examples: z.number().int().positive(),
  /** Cells that could not be measured (trained to w = 0), with why. */
  degenerate: z.array(z.object({ key: z.string(), cell: z.string(), reason: z.string() })).readonly(),
});
export type Mnist2Measurements = z.infer<typeof Mnist2MeasurementsSchema>;

/** One sweep's trained cells and every measurement taken on them (what `mnist2Measured` returns). */
export const Mnist2SweepMeasuredSchema = z.object({
  results: Mnist2ResultsSchema,
  measurements: Mnist2MeasurementsSchema,
});
export type Mnist2SweepMeasured = z.infer<typeof Mnist2SweepMeasuredSchema>;

/**
 * What the empirical claims read of one cell of one replicate: its accuracy counts, ‖w*‖, the top eigenvalues of
 * both Fig. 3 Hessians, and the two landscape sharpness measures per direction. A cell trained to w = 0 carries
 * `degenerate` (why) instead of measurements.
 */
export const ReplicateCellSchema = z.object({
  ...CellRef,
  seed,
  train: z.object({ correct: z.number().int().nonnegative(), count: z.number().int().positive() }),
  test: z.object({ correct: z.number().int().nonnegative(), count: z.number().int().positive() }),
  /** ‖w*‖₂ over the weights (bias excluded). */
  weightNorm: real,
  /** Top eigenvalues, descending (the dense solver's where it ran, else Lanczos's); Fig. 3 cells only. */
  hessian: z.object({ robust: reals, fixed: reals }).optional(),
  /** Landscape rise and filter-normalised curvature, one value per direction. */
  landscape: z.object({ rise: reals, curvature: reals, directionSeed: seed }).optional(),
  degenerate: z.string().optional(),
});
export type ReplicateCell = z.infer<typeof ReplicateCellSchema>;

/** One replicate: the sweep under one training protocol and one seed, as the empirical claims read it. */
export const ReplicateSchema = z.object({
  protocol: z.string().min(1),
  /** 0 is the run seed itself; with the reference protocol, replicate 0 is the sweep the report shows. */
  replicate: z.number().int().nonnegative(),
  seed,
  /** How the cells of this replicate were measured (the reference: the full measurements; others: `REPLICATE_MEASUREMENT`). */
  measurement: z.string(),
  cells: z.array(ReplicateCellSchema).readonly(),
});
export type Replicate = z.infer<typeof ReplicateSchema>;

/** The protocols of the grid as the report shows them. */
export const ProtocolInfoSchema = z.object({
  id: z.string().min(1),
  label: z.string(),
  /** Where its choices come from: `paper: "<quote>" (note)` or `claimcheck: <reason>`. */
  source: z.string(),
});
export type ProtocolInfo = z.infer<typeof ProtocolInfoSchema>;

/**
 * What the `mnist2` experiment provides: the sweep's trained cells and every measurement taken on them, and the
 * replicates (every protocol × seed of the setting, the reference sweep first) the empirical claims are decided on.
 */
export const Mnist2MeasuredSchema = z.object({
  results: Mnist2ResultsSchema,
  measurements: Mnist2MeasurementsSchema,
  /** Every protocol of the grid, the reference first. */
  protocols: z.array(ProtocolInfoSchema).readonly(),
  replicates: z.array(ReplicateSchema).readonly(),
});
export type Mnist2Measured = z.infer<typeof Mnist2MeasuredSchema>;
