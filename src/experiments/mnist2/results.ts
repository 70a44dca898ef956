/**
 * The shape of MNIST2 sweep results: what the sweep (training + robust accuracy) writes per cell, and what the
 * measurements (Hessian spectra, landscapes), the figures and the empirical claim checkers read.
 */
import { z } from 'zod';
import type { BallNorm } from '../../numeric/vector.ts';

/** How a cell was trained. `standard` is ε = 0 without noise. */
export type Mnist2Training = 'standard' | 'pgd' | 'random' | 'exact';

export interface AccuracyCount {
  /** Robust accuracy in percent under the evaluation attack of the cell's ε (clean accuracy at ε = 0). */
  readonly robustAccuracy: number;
  readonly correct: number;
  readonly count: number;
  /** Mean loss under the evaluation attack. */
  readonly loss: number;
}

export interface Mnist2Cell {
  /** Hash of the cell's full configuration (the cache key). */
  readonly key: string;
  readonly norm: BallNorm;
  readonly training: Mnist2Training;
  readonly eps: number;
  /** ε as the paper prints it: "0.20", "4/255". */
  readonly epsLabel: string;
  readonly seed: number;
  /** Final weights (784, plus the bias last when `bias` is true). */
  readonly w: readonly number[];
  readonly bias: boolean;
  readonly train: AccuracyCount;
  readonly test: AccuracyCount;
  /** train − test robust accuracy, percentage points. */
  readonly gap: number;
  /** Optimiser settings and how it ended (method, epochs, learning rate, batch size, weight decay, final full-gradient norm …). */
  readonly optimisation: Readonly<Record<string, string | number | boolean>>;
  /** Attack settings used in training and evaluation (steps, step size, random start and its law, clipping …). */
  readonly attack: Readonly<Record<string, string | number | boolean>>;
  /** PGD vs the exact inner maximiser of the linear model at the final weights: mean losses and their gap. */
  readonly pgdAudit?: Mnist2PgdAudit;
  /** (Optional, added by the sweep.) The audit of every split, train first; `pgdAudit` repeats the train entry. */
  readonly pgdAudits?: readonly Mnist2PgdAudit[];
  /**
   * (Optional, added by the sweep.) What `train` and `test` were measured under: `clean` (ε = 0), `pgd` (the
   * evaluation PGD of the cell's ε) or `random-noise` (random cells: uniform noise of the cell's norm and ε, as the
   * captions of Tables 2 and 4 say "against RANDOM").
   */
  readonly evaluation?: 'clean' | 'pgd' | 'random-noise';
  /** (Optional, added by the sweep.) For random-noise cells: robust accuracy under the evaluation PGD as well. */
  readonly pgdEval?: { readonly train: AccuracyCount; readonly test: AccuracyCount };
}

/** PGD vs the exact inner maximiser at the final weights on one split (gap = exactLoss − pgdLoss ≥ 0 up to rounding). */
export interface Mnist2PgdAudit {
  readonly exactLoss: number;
  readonly pgdLoss: number;
  readonly gap: number;
  readonly split: 'train' | 'test';
  /** (Optional) Robust accuracy in percent under the exact maximiser and under PGD. */
  readonly exactRobustAccuracy?: number;
  readonly pgdRobustAccuracy?: number;
}

export interface Mnist2DataProvenance {
  readonly trainImages: string;
  readonly trainLabels: string;
  readonly testImages: string;
  readonly testLabels: string;
  /** sha256 of each file, by path. */
  readonly sha256: Readonly<Record<string, string>>;
  /** MNIST2 images used: digits 0 and 1. */
  readonly trainCount: number;
  readonly testCount: number;
  /** e.g. "digit 0 → y = +1, digit 1 → y = −1". */
  readonly labelMap: string;
  /** Subset used by a small setting (first k images of each split), if any. */
  readonly subset?: string;
}

export interface Mnist2Results {
  /** `ci`: few images and epochs, exercises every path; `full`: the paper's settings on the given data. */
  readonly setting: 'ci' | 'full';
  readonly seed: number;
  readonly data: Mnist2DataProvenance;
  /** TensorFlow.js backend name, or "float64" when only the Float64 closed forms were used. */
  readonly backend: string;
  readonly cells: readonly Mnist2Cell[];
}

const Accuracy = z.object({ robustAccuracy: z.number(), correct: z.number().int().nonnegative(), count: z.number().int().positive(), loss: z.number() });
const Audit = z.object({
  exactLoss: z.number(),
  pgdLoss: z.number(),
  gap: z.number(),
  split: z.enum(['train', 'test']),
  exactRobustAccuracy: z.number().optional(),
  pgdRobustAccuracy: z.number().optional(),
});
const Scalars = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

/** One cell as stored (the result cache, the cell cache); `Mnist2Cell` describes it. */
export const Mnist2CellSchema = z.object({
  key: z.string().min(1),
  norm: z.enum(['l2', 'linf']),
  training: z.enum(['standard', 'pgd', 'random', 'exact']),
  eps: z.number().min(0),
  epsLabel: z.string(),
  seed: z.number().int(),
  w: z.array(z.number()).min(1),
  bias: z.boolean(),
  train: Accuracy,
  test: Accuracy,
  gap: z.number(),
  optimisation: Scalars,
  attack: Scalars,
  pgdAudit: Audit.optional(),
  pgdAudits: z.array(Audit).optional(),
  evaluation: z.enum(['clean', 'pgd', 'random-noise']).optional(),
  pgdEval: z.object({ train: Accuracy, test: Accuracy }).optional(),
});

/** Sweep results as stored and as the checkers read them (the result cache, the `mnist2` provider): at least one cell, each of the shape above. */
export const Mnist2ResultsSchema = z.object({
  setting: z.enum(['ci', 'full']),
  seed: z.number().int(),
  data: z.object({
    trainImages: z.string(),
    trainLabels: z.string(),
    testImages: z.string(),
    testLabels: z.string(),
    sha256: z.record(z.string(), z.string()),
    trainCount: z.number().int().positive(),
    testCount: z.number().int().positive(),
    labelMap: z.string(),
    subset: z.string().optional(),
  }),
  backend: z.string(),
  cells: z.array(Mnist2CellSchema).min(1),
});

/** Compile-time: what the schemas accept are `Mnist2Cell` and `Mnist2Results`. */
export const mnist2SchemasMatchTypes: [z.infer<typeof Mnist2CellSchema> extends Mnist2Cell ? true : never, z.infer<typeof Mnist2ResultsSchema> extends Mnist2Results ? true : never] = [true, true];
