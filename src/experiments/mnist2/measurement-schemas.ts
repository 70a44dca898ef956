/**
 * The shape of every MNIST2 measurement, as zod schemas with the types inferred from them: Fig. 3's Hessians, the
 * landscapes of Figs. 1, 2 and 5, the 2-D landscapes, the Hessian spectra (SLQ density, Hutchinson trace), and the premises of the theory measured on the training split.
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

/** The eigenvalue density of one Hessian by stochastic Lanczos quadrature, beside the exact spectrum's. */
export const SlqDensitySchema = z.object({
  /** The algorithm, named. */
  algorithm: z.string(),
  /** Probe law (`rademacher` or `gaussian`), probe count, Lanczos steps per probe and the seed of the probes. */
  probe: z.enum(['rademacher', 'gaussian']),
  probes: z.number().int().positive(),
  steps: z.number().int().positive(),
  seed,
  matvecs: z.number().int().nonnegative(),
  /** Every probe's top Ritz pair met the tolerance `tol` (relative to max|θ|), or its Krylov space was invariant. */
  converged: z.boolean(),
  residual: real,
  tol: real,
  /** Largest Ritz value over the probes (λ_max by SLQ). */
  lambdaMax: real,
  /** n · mean over probes of Σ τθ (= vᵀHv for Rademacher v): tr H by SLQ, with its standard error over probes. */
  trace: real,
  traceStandardError: real,
  /** Standard deviation σ of the Gaussian broadening, and σ / (λ_max − λ_min) of the exact spectrum. */
  sigma: real,
  broadening: real,
  /** The grid and the broadened densities on it: SLQ's and the exact spectrum's (same σ). */
  grid: reals,
  density: reals,
  exactDensity: reals,
  /** SLQ against the exact spectrum. */
  agreement: z.object({
    /** sup |F_SLQ − F_exact| of the broadened distributions (σ as drawn). */
    kolmogorov: real,
    /** Wasserstein-1 distance between the SLQ measure and the exact spectrum, over λ_max − λ_min. */
    wasserstein1: real,
    /** |λ_max(SLQ) − λ_max(exact)| / |λ_max(exact)|. */
    lambdaMax: real,
    /** (tr(SLQ) − tr(exact)) / its standard error. */
    traceZ: real,
  }),
});
export type SlqDensity = z.infer<typeof SlqDensitySchema>;

/** The trace of one Hessian by Hutchinson's estimator, beside the exact trace. */
export const HutchinsonTraceSchema = z.object({
  algorithm: z.string(),
  seed,
  value: real,
  standardError: real,
  /** Probes used, and the cap and relative tolerance that stopped them. */
  probes: z.number().int().positive(),
  maxProbes: z.number().int().positive(),
  tol: real,
  converged: z.boolean(),
  /** √(2 Σ_{i≠j} H_ij² / probes): the standard error the estimator has in theory with this many probes. */
  expectedStandardError: real,
  /** (estimate − exact) / standardError. */
  z: real,
});
export type HutchinsonTrace = z.infer<typeof HutchinsonTraceSchema>;

/** The spectrum of one cell's robust-loss Hessian at w*: exact (dense), its trace by Hutchinson, its density by SLQ. */
export const CellSpectrumSchema = z.object({
  ...CellRef,
  which: z.enum(['robust', 'fixed-example']),
  /** What the Hessian is the Hessian of. */
  description: z.string(),
  dim: z.number().int().positive(),
  examples: z.number().int().positive(),
  exact: z.object({
    algorithm: z.string(),
    lambdaMin: real,
    lambdaMax: real,
    /** Σ_i H_ii. */
    trace: real,
    /** Eigenvalues with |λ| ≤ 1e-10 λ_max. */
    nearZero: z.number().int().nonnegative(),
    converged: z.boolean(),
    residual: real,
  }),
  hutchinson: HutchinsonTraceSchema,
  /** Density cells only. */
  density: SlqDensitySchema.optional(),
  /** Wall time (ms): kept out of the report. */
  timingMs: real,
});
export type CellSpectrum = z.infer<typeof CellSpectrumSchema>;

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
  /** Hessian spectra (exact, Hutchinson trace, SLQ density) of the Fig. 3 cells, in results order. */
  spectra: z.array(CellSpectrumSchema).readonly(),
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
