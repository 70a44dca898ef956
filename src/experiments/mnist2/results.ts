/**
 * The shape of MNIST2 sweep results: what the sweep (training + robust accuracy) writes per cell, and what the
 * measurements (Hessian spectra, landscapes), the figures and the empirical claim checkers read.
 */
import { z } from 'zod';
import type { BallNorm } from '../../numeric/vector.ts';
import { SETTINGS } from '../../settings.ts';

/** How a cell was trained. `standard` is ε = 0 without noise. */
export const Mnist2TrainingSchema = z.enum(['standard', 'pgd', 'random', 'exact']);
export type Mnist2Training = z.infer<typeof Mnist2TrainingSchema>;
/** The norm of a cell's ball (`BallNorm`). */
export const Mnist2NormSchema = z.enum(['l2', 'linf']) satisfies z.ZodType<BallNorm>;

const AccuracyCountSchema = z.object({
  /** Robust accuracy in percent under the evaluation attack of the cell's ε (clean accuracy at ε = 0). */
  robustAccuracy: z.number(),
  correct: z.number().int().nonnegative(),
  count: z.number().int().positive(),
  /** Mean loss under the evaluation attack. */
  loss: z.number(),
});
export type AccuracyCount = z.infer<typeof AccuracyCountSchema>;

/** PGD vs the exact inner maximiser at the final weights on one split (gap = exactLoss − pgdLoss ≥ 0 up to rounding). */
const Mnist2PgdAuditSchema = z.object({
  exactLoss: z.number(),
  pgdLoss: z.number(),
  gap: z.number(),
  split: z.enum(['train', 'test']),
  /** (Optional) Robust accuracy in percent under the exact maximiser and under PGD. */
  exactRobustAccuracy: z.number().optional(),
  pgdRobustAccuracy: z.number().optional(),
});
export type Mnist2PgdAudit = z.infer<typeof Mnist2PgdAuditSchema>;

const Scalars = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

/** One cell as stored (the result cache, the cell cache) and as the figures and checkers read it. */
export const Mnist2CellSchema = z.object({
  /** Hash of the cell's full configuration (the cache key). */
  key: z.string().min(1),
  norm: Mnist2NormSchema,
  training: Mnist2TrainingSchema,
  eps: z.number().min(0),
  /** ε as the paper prints it: "0.20", "4/255". */
  epsLabel: z.string(),
  seed: z.number().int(),
  /** Final weights (784, plus the bias last when `bias` is true). */
  w: z.array(z.number()).min(1).readonly(),
  bias: z.boolean(),
  train: AccuracyCountSchema,
  test: AccuracyCountSchema,
  /** train − test robust accuracy, percentage points. */
  gap: z.number(),
  /** Optimiser settings and how it ended (method, epochs, learning rate, batch size, weight decay, final full-gradient norm …). */
  optimisation: Scalars,
  /** Attack settings used in training and evaluation (steps, step size, random start and its law, clipping …). */
  attack: Scalars,
  /** PGD vs the exact inner maximiser of the linear model at the final weights: mean losses and their gap. */
  pgdAudit: Mnist2PgdAuditSchema.optional(),
  /** (Optional, added by the sweep.) The audit of every split, train first; `pgdAudit` repeats the train entry. */
  pgdAudits: z.array(Mnist2PgdAuditSchema).readonly().optional(),
  /**
   * (Optional, added by the sweep.) What `train` and `test` were measured under: `clean` (ε = 0), `pgd` (the
   * evaluation PGD of the cell's ε) or `random-noise` (random cells: uniform noise of the cell's norm and ε, as the
   * captions of Tables 2 and 4 say "against RANDOM").
   */
  evaluation: z.enum(['clean', 'pgd', 'random-noise']).optional(),
  /** (Optional, added by the sweep.) For random-noise cells: robust accuracy under the evaluation PGD as well. */
  pgdEval: z.object({ train: AccuracyCountSchema, test: AccuracyCountSchema }).optional(),
});
export type Mnist2Cell = z.infer<typeof Mnist2CellSchema>;

const Mnist2DataProvenanceSchema = z.object({
  trainImages: z.string(),
  trainLabels: z.string(),
  testImages: z.string(),
  testLabels: z.string(),
  /** sha256 of each file, by path. */
  sha256: z.record(z.string(), z.string()),
  /** MNIST2 images used: digits 0 and 1. */
  trainCount: z.number().int().positive(),
  testCount: z.number().int().positive(),
  /** e.g. "digit 0 → y = +1, digit 1 → y = −1". */
  labelMap: z.string(),
  /** Subset used by a small setting (first k images of each split), if any. */
  subset: z.string().optional(),
});
export type Mnist2DataProvenance = z.infer<typeof Mnist2DataProvenanceSchema>;

/** Sweep results as stored and as the checkers read them: at least one cell, each of the shape above. */
export const Mnist2ResultsSchema = z.object({
  /** `ci`: few images and epochs, exercises every path; `full`: the paper's settings on the given data. */
  setting: z.enum(SETTINGS),
  seed: z.number().int(),
  data: Mnist2DataProvenanceSchema,
  /** TensorFlow.js backend name, or "float64" when only the Float64 closed forms were used. */
  backend: z.string(),
  cells: z.array(Mnist2CellSchema).min(1).readonly(),
});
export type Mnist2Results = z.infer<typeof Mnist2ResultsSchema>;
