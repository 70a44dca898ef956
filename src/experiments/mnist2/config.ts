/**
 * The configuration of one MNIST2 sweep cell (data files, training mode, ε, attacks, noise, optimiser) and its cache
 * key: the sha256 of the configuration's canonical JSON. Everything that changes a cell's numbers is in here, so equal
 * keys mean equal results; the settings `ci` and `full` are presets of these fields.
 */
import { contentKey } from '../../fs/json.ts';
import { importGraphVersion } from '../../fs/code-version.ts';
import type { Mnist2Training } from './results.ts';
import type { BallNorm } from '../../numeric/vector.ts';

/** The module that computes a cell: its import graph is the code a cell's numbers depend on. */
export const MNIST2_CELL_CODE = 'src/experiments/mnist2/sweep.ts';

/**
 * The code version of a cell: the sha256 of every file reachable from `MNIST2_CELL_CODE` through value imports, so a
 * change to training, attacks or evaluation changes every key, with no number to bump by hand.
 */
export function mnist2CodeVersion(): string {
  return importGraphVersion(MNIST2_CELL_CODE).version;
}

/** How PGD's step size λ is set: λ = factor·ε (the paper's L2 setting, 0.15ε) or a fixed λ (L∞: 0.01). */
export type Mnist2StepRule =
  | { readonly kind: 'relative'; readonly factor: number }
  | { readonly kind: 'fixed'; readonly size: number };

/** One PGD configuration (training or evaluation attack). */
export interface Mnist2PgdConfig {
  readonly steps: number;
  readonly stepRule: Mnist2StepRule;
  /**
   * `none`: η⁰ = 0. `linf-box`: η⁰_i ~ U(−ε, ε) (Madry et al.'s MNIST setting). `l2-uniform-radius`: radius ~ U(0, ε)
   * times a uniform direction. Drawn once per example and cell (training: reused at every optimiser iteration, so the
   * training objective is a deterministic function of w).
   */
  readonly randomStart: 'none' | 'linf-box' | 'l2-uniform-radius';
}

/** Full-batch L-BFGS with weight decay, run to a gradient-norm tolerance (the reference protocol). */
export interface Mnist2LbfgsConfig {
  readonly method: 'lbfgs';
  /** λ of the penalty (λ/2)‖w‖² (bias not penalised). */
  readonly weightDecay: number;
  /** Stop when the full-batch gradient norm of the training objective is ≤ this. */
  readonly gradTol: number;
  /** Iteration cap (each iteration is one or a few full-batch passes). */
  readonly maxIterations: number;
  /** L-BFGS history length. */
  readonly memory: number;
}

/**
 * Full-batch L-BFGS on the training split less a held-out part, with early stopping: after every iteration the
 * training objective (the cell's perturbation, no weight decay) is evaluated on the held-out images, and training
 * returns the iterate with the lowest held-out value once it has not improved for `patience` iterations (or at the cap).
 */
export interface Mnist2EarlyStopConfig {
  readonly method: 'lbfgs-early-stop';
  /** λ of (λ/2)‖w‖² (0: none; early stopping is the regulariser). */
  readonly weightDecay: number;
  /** Fraction of the training split held out (drawn with `holdoutSeed`, the same images for every cell of a run). */
  readonly holdoutFraction: number;
  readonly holdoutSeed: number;
  /** Iterations without a lower held-out value before training stops. */
  readonly patience: number;
  readonly gradTol: number;
  readonly maxIterations: number;
  readonly memory: number;
}

/**
 * Minibatch Adam (Kingma and Ba's update) from w = 0 over shuffled minibatches (order drawn from the cell seed), the
 * training perturbation regenerated for every minibatch at the current weights.
 */
export interface Mnist2AdamConfig {
  readonly method: 'adam';
  readonly learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  readonly batchSize: number;
  readonly epochs: number;
  /** λ of (λ/2)‖w‖² added to every minibatch loss (bias not penalised). */
  readonly weightDecay: number;
}

/** How a cell's model is trained: one of the protocols of `protocols.ts`. */
export type Mnist2OptimiserConfig = Mnist2LbfgsConfig | Mnist2EarlyStopConfig | Mnist2AdamConfig;

/** One data file: its base name and the sha256 of its bytes (paths are not hashed, so the cache survives moves). */
export interface Mnist2FileId {
  readonly name: string;
  readonly sha256: string;
}

/** Everything that determines one cell's results; `cellKey` hashes it. */
export interface Mnist2CellConfig {
  readonly schema: 'claimcheck/mnist2-cell';
  readonly codeVersion: string;
  readonly data: {
    readonly trainImages: Mnist2FileId;
    readonly trainLabels: Mnist2FileId;
    readonly testImages: Mnist2FileId;
    readonly testLabels: Mnist2FileId;
    /** First k MNIST2 images of each split (null: all). */
    readonly trainLimit: number | null;
    readonly testLimit: number | null;
    readonly labelMap: string;
  };
  readonly norm: BallNorm;
  readonly training: Mnist2Training;
  readonly eps: number;
  readonly epsLabel: string;
  /** The cell's seed (derived from the run seed and the cell's name). */
  readonly seed: number;
  readonly bias: boolean;
  readonly optimiser: Mnist2OptimiserConfig;
  /** PGD used in training (`pgd` cells) and in evaluation (all cells with ε > 0). */
  readonly trainAttack: Mnist2PgdConfig;
  readonly evalAttack: Mnist2PgdConfig;
  /** Random-noise training (`random` cells): law, clipping, and whether η is redrawn. */
  readonly noise: { readonly law: 'uniform-ball'; readonly clipToUnitBox: boolean; readonly redraw: 'fixed' };
}

/** The PGD step size λ of a step rule at radius ε. */
export function stepSize(rule: Mnist2StepRule, eps: number): number {
  return rule.kind === 'relative' ? rule.factor * eps : rule.size;
}

/** The cache key of a cell: `contentKey(config)`. */
export function cellKey(config: Mnist2CellConfig): string {
  return contentKey(config);
}

/**
 * ε as the paper prints it: L2 with two decimals ("0.20", "1.00"); L∞ as k/255 with k an integer or a half
 * ("4/255", "25.5/255"), otherwise the decimal.
 */
export function epsLabel(norm: BallNorm, eps: number): string {
  if (norm === 'l2') {
    const fixed = eps.toFixed(2);
    return Number(fixed) === eps ? fixed : String(eps);
  }
  const k = eps * 255;
  const half = Math.round(k * 2) / 2;
  if (Math.abs(k - half) <= 1e-9 * Math.max(1, k)) return `${half}/255`;
  return String(eps);
}
