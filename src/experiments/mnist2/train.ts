/**
 * Training of the paper's MNIST2 model, logistic regression s(x) = w·x with w ∈ ℝ^784 and no bias (Eq. 1; a bias is
 * optional and off by default), in four modes:
 *
 * - `standard`: the logistic loss of Eq. (1);
 * - `pgd`: adversarial training, Eq. (2) with the inner max replaced by PGD (Eq. 3) regenerated at every optimiser
 *   evaluation (full batch), L2 (λ = 0.15ε, step g/‖g‖₂, projection onto the ε-ball) or L∞ (λ = 0.01, sign step),
 *   40 steps, perturbed images clipped to [0, 1];
 * - `exact`: the exact inner maximiser of the linear model instead of PGD (L2: the closed form −yεw/‖w‖₂ without
 *   clipping, i.e. the robust loss of Eq. 4; L∞: per coordinate with clipping to [0, 1]);
 * - `random`: uniform noise in the L2 or L∞ ε-ball (clipped to [0, 1]), drawn once per cell and held fixed
 *   (the fixed-η loss L_η of Theorem 2).
 *
 * All modes minimise J(w) = (1/N) Σ softplus(−yⁿ(w·(xⁿ + ηⁿ(w)) + b)) + (λ/2)‖w‖² from w = 0 with one of the
 * optimisers of the protocol grid (`Mnist2OptimiserConfig`). `lbfgs`, the reference: full-batch (projected) L-BFGS in
 * Float64 (`lbfgs` of src/numeric/lbfgs.ts with Armijo backtracking along the projected path,
 * curvature pairs screened on the free coordinates at each use, and a stop after 2 steps without decrease). The
 * gradient holds η fixed (Danskin: exact for the exact maximisers and fixed noise; for PGD it is the
 * adversarial-training gradient). The L∞ modes are solved in the split w = p − q, p, q ≥ 0, where they are smooth
 * (their ε‖w‖₁-like kink at w_j = 0 is where the optimum puts many weights). MNIST2 is separable, so without the
 * weight decay ‖w‖ grows without bound; λ > 0 gives a unique, reproducible optimum for the convex modes. The final
 * (projected) full-gradient norm is reported; for L2 PGD it stops around 1e-7–1e-5 because clipping after the
 * projection makes η_PGD(w) depend on w, so the held-fixed gradient is not exactly the derivative of the PGD loss and
 * the line search stalls (reported as the stop reason).
 *
 * `lbfgs-early-stop`: the same L-BFGS on the training split less a held-out part (`holdoutSplit`, drawn with the
 * protocol's seed), λ ≥ 0; after every iteration (the `onIteration` hook of `lbfgs`, which sees the iterate) the
 * objective without weight decay is evaluated on the held-out images under the same perturbation rule (PGD at the
 * current w from their own random starts, the exact maximiser, or noise drawn once for them; the L∞ split variables
 * mapped back to w), and the iterate of lowest held-out value is returned once `patience` iterations pass without a
 * lower one. `adam`: minibatch Adam in w from w = 0, batches from a per-epoch shuffle drawn from the cell seed, the
 * perturbation regenerated for every batch at the current w (random starts and noise drawn once per example).
 */
import { deriveSeed, makeRng } from '../../rng.ts';
import { ClaimcheckError } from '../../errors.ts';
import { MAX_SEED } from '../../settings.ts';
import type { Dataset } from '../../numeric/dataset.ts';
import { lbfgs, projectedGradNorm, type LbfgsOptions, type LbfgsResult, type LbfgsStop } from '../../numeric/lbfgs.ts';
import { sampleUniformNoise } from '../../numeric/random-noise.ts';
import { sigmoid, softplus } from '../../numeric/stable.ts';
import { norm2, type BallNorm } from '../../numeric/vector.ts';
import { exactPerturbation, linearPgd, pgdRandomStarts, type BatchPerturbation } from './attack.ts';
import {
  stepSize,
  type Mnist2AdamConfig,
  type Mnist2CellConfig,
  type Mnist2EarlyStopConfig,
  type Mnist2LbfgsConfig,
  type Mnist2PgdConfig,
} from './config.ts';

/** A training objective: value and full-batch gradient of J, plus the perturbation it used at w. */
export interface Mnist2Objective {
  readonly dim: number;
  valueAndGrad(w: Float64Array): { value: number; grad: Float64Array };
  value(w: Float64Array): number;
  grad(w: Float64Array): Float64Array;
}

/** The perturbation a training mode applies at weights w (null: none). */
export type PerturbationRule = (w: Float64Array) => BatchPerturbation | null;

/**
 * J(w) = (1/N) Σ softplus(−yⁿ(w·(xⁿ + ηⁿ) + b)) + (λ/2)‖w‖² with η = `perturb(w)` (Eq. 2 with the inner max
 * replaced by the rule) and its gradient with η held fixed: (1/N) Σ σ(uⁿ)(−yⁿ)(xⁿ + ηⁿ; 1) + λ(w; 0).
 */
export function perturbedObjective(
  ds: Dataset,
  perturb: PerturbationRule,
  weightDecay: number,
  bias: boolean,
): Mnist2Objective {
  const { y, n, d } = ds;
  const dim = d + (bias ? 1 : 0);
  const sparse = sparseRows(ds);
  const valueAndGrad = (w: Float64Array): { value: number; grad: Float64Array } => {
    if (w.length !== dim)
      throw new ClaimcheckError('BAD_INPUT', `mnist2 objective: w must have length ${dim}, got ${w.length}`);
    const p = perturb(w);
    const b = bias ? w[d]! : 0;
    // One pass over the rows: each row's margin, then (while the row is in cache) its share of the gradient. The
    // gradient is summed in the same order as by a second pass, so the result is the same to the bit.
    const g = new Float64Array(dim);
    let loss = 0;
    let cs = 0;
    const { rowPtr, col, val } = sparse;
    for (let k = 0; k < n; k++) {
      const start = rowPtr[k]!;
      const end = rowPtr[k + 1]!;
      let s = b + (p === null ? 0 : p.wEta[k]!);
      for (let q = start; q < end; q++) s += val[q]! * w[col[q]!]!;
      const u = -y[k]! * s;
      loss += softplus(u);
      const c = (-y[k]! * sigmoid(u)) / n;
      cs += c;
      if (c === 0) continue;
      for (let q = start; q < end; q++) g[col[q]!]! += c * val[q]!;
      if (p !== null) {
        const off = k * d;
        const eta = p.eta;
        for (let j = 0; j < d; j++) g[j]! += c * eta[off + j]!;
      }
    }
    if (bias) g[d] = cs;
    let ww = 0;
    for (let j = 0; j < d; j++) {
      g[j]! += weightDecay * w[j]!;
      ww += w[j]! * w[j]!;
    }
    return { value: loss / n + 0.5 * weightDecay * ww, grad: g };
  };
  return { dim, valueAndGrad, value: (w) => valueAndGrad(w).value, grad: (w) => valueAndGrad(w).grad };
}

interface SparseRows {
  readonly rowPtr: Int32Array;
  readonly col: Int32Array;
  readonly val: Float64Array;
}

const sparseCache = new WeakMap<Float64Array, SparseRows>();

/** Compressed sparse rows of X (MNIST: ~19 % nonzero pixels), cached per X array. */
function sparseRows(ds: Dataset): SparseRows {
  const hit = sparseCache.get(ds.X);
  if (hit !== undefined) return hit;
  const { X, n, d } = ds;
  let nnz = 0;
  for (let i = 0; i < X.length; i++) if (X[i] !== 0) nnz++;
  const rowPtr = new Int32Array(n + 1);
  const col = new Int32Array(nnz);
  const val = new Float64Array(nnz);
  let p = 0;
  for (let k = 0; k < n; k++) {
    for (let j = 0; j < d; j++) {
      const x = X[k * d + j]!;
      if (x !== 0) {
        col[p] = j;
        val[p] = x;
        p++;
      }
    }
    rowPtr[k + 1] = p;
  }
  const rows = { rowPtr, col, val };
  sparseCache.set(ds.X, rows);
  return rows;
}

/** The training part of a cell's configuration (what `trainMnist2` reads). */
export type Mnist2TrainConfig = Pick<
  Mnist2CellConfig,
  'norm' | 'training' | 'eps' | 'seed' | 'bias' | 'optimiser' | 'trainAttack' | 'noise'
>;

/** The outcome of `trainMnist2`. */
export interface Mnist2TrainResult {
  readonly w: Float64Array;
  /** Optimiser settings and how it ended (for `Mnist2Cell.optimisation`). */
  readonly optimisation: Readonly<Record<string, string | number | boolean>>;
  /** Training-perturbation settings (for `Mnist2Cell.attack`, prefixed `train`). */
  readonly attack: Readonly<Record<string, string | number | boolean>>;
}

/** Seeds of a cell's random draws, derived from the cell seed and printed in its record. */
export function cellSeeds(seed: number): {
  readonly trainStart: number;
  readonly trainNoise: number;
  readonly evalStartTrain: number;
  readonly evalStartTest: number;
  readonly evalNoiseTrain: number;
  readonly evalNoiseTest: number;
  /** Adam: the per-epoch minibatch order. */
  readonly trainShuffle: number;
  /** Early stopping: the held-out images' PGD random starts and noise. */
  readonly holdoutStart: number;
  readonly holdoutNoise: number;
} {
  return {
    trainStart: deriveSeed(seed, 'train/pgd-start'),
    trainNoise: deriveSeed(seed, 'train/noise'),
    trainShuffle: deriveSeed(seed, 'train/shuffle'),
    holdoutStart: deriveSeed(seed, 'train/holdout/pgd-start'),
    holdoutNoise: deriveSeed(seed, 'train/holdout/noise'),
    evalStartTrain: deriveSeed(seed, 'eval/pgd-start/train'),
    evalStartTest: deriveSeed(seed, 'eval/pgd-start/test'),
    evalNoiseTrain: deriveSeed(seed, 'eval/noise/train'),
    evalNoiseTest: deriveSeed(seed, 'eval/noise/test'),
  };
}

/** The PGD step count and step size λ of a configuration at radius ε. */
export function pgdOptions(config: Mnist2PgdConfig, eps: number): { steps: number; stepSize: number } {
  return { steps: config.steps, stepSize: stepSize(config.stepRule, eps) };
}

/** A readable description of a PGD configuration at radius ε. */
export function describePgd(config: Mnist2PgdConfig, norm: BallNorm, eps: number): string {
  const rule =
    config.stepRule.kind === 'relative'
      ? `${config.stepRule.factor}·ε = ${stepSize(config.stepRule, eps)}`
      : `${config.stepRule.size}`;
  const step = norm === 'l2' ? 'λ·g/‖g‖₂, projection onto the ε-ball' : 'λ·sign(g), clip to [−ε, ε]';
  return `PGD-${config.steps}: ${step}, λ = ${rule}, then clip x + η to [0, 1]; random start ${config.randomStart}`;
}

function checkConfig(config: Mnist2TrainConfig): void {
  const fn = 'trainMnist2';
  if (!Number.isFinite(config.eps) || config.eps < 0)
    throw new ClaimcheckError('BAD_INPUT', `${fn}: eps must be a finite number >= 0, got ${config.eps}`);
  if (config.training === 'standard' && config.eps !== 0) {
    throw new ClaimcheckError('BAD_INPUT', `${fn}: standard training has eps = 0, got ${config.eps}`);
  }
  if (config.training !== 'standard' && config.eps === 0) {
    throw new ClaimcheckError(
      'BAD_INPUT',
      `${fn}: ${config.training} training needs eps > 0 (eps = 0 is standard training)`,
    );
  }
  const o = config.optimiser;
  if (o.method !== 'lbfgs' && o.method !== 'lbfgs-early-stop' && o.method !== 'adam') {
    throw new ClaimcheckError(
      'BAD_INPUT',
      `${fn}: optimiser.method must be 'lbfgs', 'lbfgs-early-stop' or 'adam', got ${String((o as { method: unknown }).method)}`,
    );
  }
  if (o.method === 'lbfgs') {
    if (!(o.weightDecay > 0)) {
      throw new ClaimcheckError(
        'BAD_INPUT',
        `${fn}: optimiser.weightDecay must be > 0 (MNIST2 is separable: without it ‖w‖ → ∞), got ${o.weightDecay}`,
      );
    }
  } else if (!(o.weightDecay >= 0) || !Number.isFinite(o.weightDecay)) {
    throw new ClaimcheckError(
      'BAD_INPUT',
      `${fn}: optimiser.weightDecay must be a finite number >= 0, got ${o.weightDecay}`,
    );
  }
  if (o.method === 'adam') {
    const { learningRate, beta1, beta2, epsilon, batchSize, epochs } = o;
    if (!(learningRate > 0) || !Number.isFinite(learningRate))
      throw new ClaimcheckError(
        'BAD_INPUT',
        `${fn}: optimiser.learningRate must be a finite number > 0, got ${learningRate}`,
      );
    for (const [name, beta] of [
      ['beta1', beta1],
      ['beta2', beta2],
    ] as const) {
      if (!(beta >= 0 && beta < 1))
        throw new ClaimcheckError('BAD_INPUT', `${fn}: optimiser.${name} must be in [0, 1), got ${beta}`);
    }
    if (!(epsilon > 0)) throw new ClaimcheckError('BAD_INPUT', `${fn}: optimiser.epsilon must be > 0, got ${epsilon}`);
    if (!Number.isInteger(batchSize) || batchSize < 1)
      throw new ClaimcheckError('BAD_INPUT', `${fn}: optimiser.batchSize must be an integer >= 1, got ${batchSize}`);
    if (!Number.isInteger(epochs) || epochs < 0)
      throw new ClaimcheckError('BAD_INPUT', `${fn}: optimiser.epochs must be an integer >= 0, got ${epochs}`);
  } else {
    const { gradTol, maxIterations, memory } = o;
    if (!(gradTol >= 0))
      throw new ClaimcheckError('BAD_INPUT', `${fn}: optimiser.gradTol must be >= 0, got ${gradTol}`);
    if (!Number.isInteger(maxIterations) || maxIterations < 0)
      throw new ClaimcheckError(
        'BAD_INPUT',
        `${fn}: optimiser.maxIterations must be an integer >= 0, got ${maxIterations}`,
      );
    if (!Number.isInteger(memory) || memory < 1)
      throw new ClaimcheckError('BAD_INPUT', `${fn}: optimiser.memory must be an integer >= 1, got ${memory}`);
    if (o.method === 'lbfgs-early-stop' && (!Number.isInteger(o.patience) || o.patience < 1))
      throw new ClaimcheckError('BAD_INPUT', `${fn}: optimiser.patience must be an integer >= 1, got ${o.patience}`);
  }
  const randomStart = config.trainAttack.randomStart;
  if (
    config.training === 'pgd' &&
    randomStart !== 'none' &&
    randomStart !== (config.norm === 'linf' ? 'linf-box' : 'l2-uniform-radius')
  ) {
    throw new ClaimcheckError('BAD_INPUT', `${fn}: random start ${randomStart} is not available for ${config.norm}`);
  }
}

/** A training problem in the optimiser's variables z (w itself, or the split w = p − q with p, q ≥ 0). */
interface TrainingProblem {
  readonly dim: number;
  readonly bounded: Uint8Array | null;
  evaluate(z: Float64Array): { value: number; grad: Float64Array };
  weights(z: Float64Array): Float64Array;
  /** Definition of the gradient norm that is reported. */
  readonly gradNormDefinition: string;
}

/**
 * The L∞ training problems (exact inner max over the L∞ ball ∩ [0, 1], or PGD with sign steps from a fixed random
 * start): the perturbation of coordinate j depends on w only through sign(w_j), ηⱼ = η⁺ⱼ for w_j > 0 and η⁻ⱼ for
 * w_j < 0, so with w = p − q, p, q ≥ 0, the loss mean softplus(−y(p·(x + η⁺) − q·(x + η⁻) + b)) + (λ/2)(‖p‖² + ‖q‖²)
 * is smooth and convex on the orthant (its minimiser has p ⊙ q = 0, so it is the minimiser over w). `travel` is
 * Kλ (Infinity for the exact maximiser); `starts` the random starts or null.
 */
function linfSplitProblem(
  ds: Dataset,
  eps: number,
  travel: number,
  starts: Float64Array | null,
  weightDecay: number,
  bias: boolean,
): TrainingProblem {
  const { X, y, n, d } = ds;
  const zp = new Float64Array(n * d);
  const zm = new Float64Array(n * d);
  for (let k = 0; k < n; k++) {
    const off = k * d;
    const yk = y[k]!;
    for (let j = 0; j < d; j++) {
      const x = X[off + j]!;
      const lo = Math.max(-eps, -x);
      const hi = Math.min(eps, 1 - x);
      const e0 = starts === null ? 0 : starts[off + j]!;
      const up = Math.min(hi, e0 + travel);
      const down = Math.max(lo, e0 - travel);
      // w_j > 0: ∇ₓℓ_j has the sign of −y w_j = −y, so η moves down for y = +1 and up for y = −1.
      zp[off + j] = x + (yk > 0 ? down : up);
      zm[off + j] = x + (yk > 0 ? up : down);
    }
  }
  const dim = 2 * d + (bias ? 1 : 0);
  const bounded = new Uint8Array(dim);
  bounded.fill(1, 0, 2 * d);
  return {
    dim,
    bounded,
    gradNormDefinition: 'KKT residual ‖z − P(z − ∇J(z))‖₂ of the split problem w = p − q, p, q ≥ 0',
    weights: (z) => {
      const w = new Float64Array(d + (bias ? 1 : 0));
      for (let j = 0; j < d; j++) w[j] = z[j]! - z[d + j]!;
      if (bias) w[d] = z[2 * d]!;
      return w;
    },
    evaluate(z) {
      const b = bias ? z[2 * d]! : 0;
      const coef = new Float64Array(n);
      let loss = 0;
      for (let k = 0; k < n; k++) {
        const off = k * d;
        let s = b;
        for (let j = 0; j < d; j++) {
          const p = z[j]!;
          const q = z[d + j]!;
          if (p !== 0) s += p * zp[off + j]!;
          if (q !== 0) s -= q * zm[off + j]!;
        }
        const u = -y[k]! * s;
        loss += softplus(u);
        coef[k] = (-y[k]! * sigmoid(u)) / n;
      }
      const g = new Float64Array(dim);
      let cs = 0;
      for (let k = 0; k < n; k++) {
        const c = coef[k]!;
        cs += c;
        if (c === 0) continue;
        const off = k * d;
        for (let j = 0; j < d; j++) {
          g[j]! += c * zp[off + j]!;
          g[d + j]! -= c * zm[off + j]!;
        }
      }
      if (bias) g[2 * d] = cs;
      let reg = 0;
      for (let j = 0; j < 2 * d; j++) {
        g[j]! += weightDecay * z[j]!;
        reg += z[j]! * z[j]!;
      }
      return { value: loss / n + 0.5 * weightDecay * reg, grad: g };
    },
  };
}

function smoothProblem(objective: Mnist2Objective, definition: string): TrainingProblem {
  return {
    dim: objective.dim,
    bounded: null,
    gradNormDefinition: definition,
    evaluate: (z) => objective.valueAndGrad(z),
    weights: (z) => Float64Array.from(z),
  };
}

/** The rows `idx` of an n×d row-major array, in that order. */
function gatherRows(a: Float64Array, d: number, idx: ArrayLike<number>): Float64Array {
  const out = new Float64Array(idx.length * d);
  for (let r = 0; r < idx.length; r++) out.set(a.subarray(idx[r]! * d, (idx[r]! + 1) * d), r * d);
  return out;
}

/** The examples `idx` of `ds`, in that order (rows and labels copied). */
function rowsOf(ds: Dataset, idx: ArrayLike<number>): Dataset {
  const y = new Float64Array(idx.length);
  for (let r = 0; r < idx.length; r++) y[r] = ds.y[idx[r]!]!;
  return { X: gatherRows(ds.X, ds.d, idx), y, n: idx.length, d: ds.d };
}

/** The training split of an early-stopping cell, cut in two (see `holdoutSplit`). */
export interface HoldoutSplit {
  /** The images trained on (the training split less the held-out ones), in file order. */
  readonly fit: Dataset;
  /** The held-out images early stopping watches, in file order. */
  readonly holdout: Dataset;
  /** Indices into the training split, ascending; together they are 0 … n − 1, each once. */
  readonly fitIndices: Int32Array;
  readonly holdoutIndices: Int32Array;
}

/**
 * The held-out part of an early-stopping protocol: round(holdoutFraction·n) images of the training split drawn
 * without replacement with `makeRng(holdoutSeed)` (a partial Fisher–Yates shuffle), the rest is trained on. The seed
 * is in the protocol, not the cell, so every cell of a replicate holds out the same images; the sweep measures an
 * early-stopped cell's training accuracy on `fit`.
 */
export function holdoutSplit(
  train: Dataset,
  optimiser: Pick<Mnist2EarlyStopConfig, 'holdoutFraction' | 'holdoutSeed'>,
): HoldoutSplit {
  const fn = 'holdoutSplit';
  const { holdoutFraction: fraction, holdoutSeed: seed } = optimiser;
  const { n } = train;
  if (!(fraction > 0 && fraction < 1))
    throw new ClaimcheckError('BAD_INPUT', `${fn}: optimiser.holdoutFraction must be in (0, 1), got ${fraction}`);
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED)
    throw new ClaimcheckError(
      'BAD_INPUT',
      `${fn}: optimiser.holdoutSeed must be an integer from 0 to ${MAX_SEED}, got ${seed}`,
    );
  const m = Math.round(fraction * n);
  if (m < 1 || m > n - 1) {
    throw new ClaimcheckError(
      'BAD_INPUT',
      `${fn}: holding out ${fraction} of ${n} images leaves ${m} held out and ${n - m} to train on; both must be ≥ 1`,
    );
  }
  const rng = makeRng(seed);
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let i = 0; i < m; i++) {
    const j = rng.int(i, n - 1);
    const t = perm[i]!;
    perm[i] = perm[j]!;
    perm[j] = t;
  }
  const holdoutIndices = perm.slice(0, m).sort();
  const fitIndices = perm.slice(m).sort();
  return { fit: rowsOf(train, fitIndices), holdout: rowsOf(train, holdoutIndices), fitIndices, holdoutIndices };
}

/** A mode's random draws on a dataset, one per example: PGD random starts (n×d) and noise η (n×d), null when unused. */
interface TrainingDraws {
  readonly starts: Float64Array | null;
  readonly noise: Float64Array | null;
}

/** The draws of the cell's training mode on `ds`: PGD random starts from seed `start`, uniform noise from seed `noise`. */
function trainingDraws(ds: Dataset, config: Mnist2TrainConfig, seeds: { start: number; noise: number }): TrainingDraws {
  const { norm, eps } = config;
  return {
    starts:
      config.training === 'pgd' && config.trainAttack.randomStart !== 'none'
        ? pgdRandomStarts(ds, norm, eps, seeds.start)
        : null,
    noise:
      config.training === 'random'
        ? sampleUniformNoise(makeRng(seeds.noise), ds, eps, { norm, clipToUnitBox: config.noise.clipToUnitBox })
        : null,
  };
}

/** The draws of the examples `idx` (rows of the draws of the whole set). */
function drawsOf(draws: TrainingDraws, d: number, idx: ArrayLike<number>): TrainingDraws {
  return {
    starts: draws.starts === null ? null : gatherRows(draws.starts, d, idx),
    noise: draws.noise === null ? null : gatherRows(draws.noise, d, idx),
  };
}

/**
 * The cell's training perturbation on `ds` as a rule of w: none (standard), the training PGD from `draws.starts`,
 * the exact maximiser (L2 ball without clipping, L∞ ball ∩ [0, 1]), or the fixed noise `draws.noise`. η is written
 * into `buffer` (n×d) when given.
 */
function perturbationRule(
  ds: Dataset,
  config: Mnist2TrainConfig,
  draws: TrainingDraws,
  buffer?: Float64Array,
): PerturbationRule {
  const { norm, eps, bias } = config;
  if (config.training === 'standard') return () => null;
  if (config.training === 'pgd') {
    const { steps, stepSize: lambda } = pgdOptions(config.trainAttack, eps);
    const starts = draws.starts;
    return (w) => linearPgd(ds, w, { norm, eps, steps, stepSize: lambda, bias, starts, out: buffer });
  }
  if (config.training === 'exact')
    return (w) => exactPerturbation(ds, w, norm === 'l2' ? 'l2-ball' : 'linf-box', eps, bias, buffer);
  if (draws.noise === null) throw new Error('trainMnist2: random training needs its noise draws');
  return fixedPerturbation(ds, draws.noise);
}

/**
 * The full-batch training problem of the cell on `ds` for L-BFGS: the L∞ PGD and exact modes in the split variables
 * w = p − q (`linfSplitProblem`), the others in w; plus, for PGD, the count of examples PGD could not move at w.
 */
function lbfgsProblem(
  ds: Dataset,
  config: Mnist2TrainConfig,
  weightDecay: number,
  draws: TrainingDraws,
): { problem: TrainingProblem; stalledAt: ((w: Float64Array) => number) | null } {
  const { norm, eps, bias } = config;
  const danskin = 'full-batch gradient ‖∇J(w)‖₂ with the perturbation held fixed (Danskin)';
  const smooth = (definition: string): TrainingProblem =>
    smoothProblem(
      perturbedObjective(
        ds,
        // PGD and the exact maximiser write η into one buffer reused at every evaluation; the noise is its own.
        perturbationRule(ds, config, draws, config.training === 'random' ? undefined : new Float64Array(ds.n * ds.d)),
        weightDecay,
        bias,
      ),
      definition,
    );
  if (config.training === 'standard') {
    return {
      problem: smoothProblem(
        perturbedObjective(ds, () => null, weightDecay, bias),
        'full-batch gradient ‖∇J(w)‖₂',
      ),
      stalledAt: null,
    };
  }
  if (config.training === 'pgd') {
    const { steps, stepSize: lambda } = pgdOptions(config.trainAttack, eps);
    const starts = draws.starts;
    return {
      problem:
        norm === 'linf'
          ? linfSplitProblem(ds, eps, steps * lambda, starts, weightDecay, bias)
          : smooth(`${danskin}; PGD regenerated at every evaluation`),
      stalledAt: (w) => linearPgd(ds, w, { norm, eps, steps, stepSize: lambda, bias, starts }).stalled,
    };
  }
  if (config.training === 'exact') {
    return {
      problem: norm === 'linf' ? linfSplitProblem(ds, eps, Infinity, null, weightDecay, bias) : smooth(danskin),
      stalledAt: null,
    };
  }
  return { problem: smooth('full-batch gradient ‖∇J(w)‖₂ of the loss on the fixed noisy data'), stalledAt: null };
}

/** The training-perturbation part of a cell's record (`Mnist2Cell.attack`, prefixed `train`). */
function trainingAttack(
  config: Mnist2TrainConfig,
  seeds: ReturnType<typeof cellSeeds>,
): Record<string, string | number | boolean> {
  const { norm, eps } = config;
  if (config.training === 'pgd') {
    const { steps, stepSize: lambda } = pgdOptions(config.trainAttack, eps);
    return {
      trainPgd: describePgd(config.trainAttack, norm, eps),
      trainSteps: steps,
      trainStepSize: lambda,
      trainRandomStart: config.trainAttack.randomStart,
      ...(config.trainAttack.randomStart !== 'none'
        ? {
            trainRandomStartSeed: seeds.trainStart,
            trainRandomStartRedraw: 'drawn once per example and cell, reused at every evaluation',
          }
        : {}),
    };
  }
  if (config.training === 'exact') {
    return {
      trainPerturbation:
        norm === 'l2'
          ? 'exact maximiser −yεw/‖w‖₂ over the L2 ball (closed form, no pixel clipping)'
          : 'exact maximiser clip(−yε·sign(w), −x, 1 − x) over the L∞ ball ∩ [0, 1]',
    };
  }
  if (config.training === 'random') {
    return {
      trainNoise:
        norm === 'l2'
          ? 'uniform in the L2 ε-ball (radius ε·U^{1/d} × uniform direction)'
          : 'uniform in the L∞ ε-box (η_i ~ U(−ε, ε))',
      trainNoiseClip: config.noise.clipToUnitBox,
      trainNoiseRedraw: config.noise.redraw,
      trainNoiseSeed: seeds.trainNoise,
    };
  }
  return {};
}

/**
 * Trains the MNIST2 logistic model of Eq. (1) in the configured mode (standard, PGD adversarial training of Eq. 2–3,
 * exact inner maximiser, or fixed uniform random noise of Theorem 2) with the configured optimiser, from w = 0:
 * full-batch projected L-BFGS with weight decay until the (projected) gradient norm is ≤ gradTol, the iteration cap,
 * or no further decrease (`lbfgs`); the same on the training split less a held-out part, returning the iterate with
 * the lowest held-out objective (`lbfgs-early-stop`); or minibatch Adam (`adam`). Returns the weights and the record of
 * what was done (method, iterations, passes, final gradient norm, ‖w‖, seeds, and the method's own figures).
 */
export function trainMnist2(train: Dataset, config: Mnist2TrainConfig): Mnist2TrainResult {
  checkConfig(config);
  const seeds = cellSeeds(config.seed);
  const attack = trainingAttack(config, seeds);
  const o = config.optimiser;
  const trained =
    o.method === 'adam'
      ? trainAdam(train, config, o, seeds)
      : o.method === 'lbfgs-early-stop'
        ? trainEarlyStop(train, config, o, seeds)
        : trainLbfgs(train, config, o, seeds);
  return { ...trained, attack };
}

type Trained = Pick<Mnist2TrainResult, 'w' | 'optimisation'>;

/** The options of `lbfgs` for MNIST2 training. */
function lbfgsOptions(problem: TrainingProblem, o: Mnist2LbfgsConfig | Mnist2EarlyStopConfig): LbfgsOptions {
  return {
    bounded: problem.bounded,
    gradTol: o.gradTol,
    maxIterations: o.maxIterations,
    memory: o.memory,
    lineSearch: 'projected-armijo',
    curvaturePairs: 'screen-on-use',
    stallSteps: STALL_STEPS,
  };
}

/** The L-BFGS method as the record words it. */
function lbfgsMethod(problem: TrainingProblem): string {
  return problem.bounded === null
    ? 'L-BFGS, Armijo backtracking, full batch, Float64'
    : 'projected L-BFGS (two-metric projection) on w = p − q, p, q ≥ 0, Armijo backtracking, full batch, Float64';
}

const WEIGHT_DECAY_FORM = '(λ/2)‖w‖² added to the mean loss; bias not penalised';

/** The fields every full-batch L-BFGS training record has: the run on `n` images and the optimiser's settings. */
function lbfgsRunFields(
  n: number,
  result: LbfgsResult,
  o: Mnist2LbfgsConfig | Mnist2EarlyStopConfig,
): Record<string, string | number | boolean> {
  return {
    initialisation: 'w = 0',
    batchSize: n,
    epochs: result.evaluations,
    iterations: result.iterations,
    learningRate: 'none (line search)',
    weightDecay: o.weightDecay,
    weightDecayForm: WEIGHT_DECAY_FORM,
    gradTol: o.gradTol,
    maxIterations: o.maxIterations,
    memory: o.memory,
    converged: result.converged,
  };
}

/** Full-batch L-BFGS on the whole training split (the reference protocol). */
function trainLbfgs(
  train: Dataset,
  config: Mnist2TrainConfig,
  o: Mnist2LbfgsConfig,
  seeds: ReturnType<typeof cellSeeds>,
): Trained {
  const draws = trainingDraws(train, config, { start: seeds.trainStart, noise: seeds.trainNoise });
  const { problem, stalledAt } = lbfgsProblem(train, config, o.weightDecay, draws);
  const result = lbfgs((z) => problem.evaluate(z), new Float64Array(problem.dim), lbfgsOptions(problem, o));
  const w = problem.weights(result.x);
  const optimisation: Record<string, string | number | boolean> = {
    method: lbfgsMethod(problem),
    ...lbfgsRunFields(train.n, result, o),
    stopReason: STOP_REASON[result.stop](result, o),
    finalObjective: result.value,
    finalGradNorm: result.gradNorm,
    finalGradNormDefinition: problem.gradNormDefinition,
    weightNorm: norm2(w, train.d),
  };
  if (stalledAt !== null) optimisation.trainPgdStalledExamples = stalledAt(w);
  return { w, optimisation };
}

/**
 * Full-batch L-BFGS on `holdoutSplit(train).fit` with early stopping: after every iteration the training objective
 * without weight decay is evaluated on the held-out images under the same perturbation rule (PGD at the current w from
 * the held-out images' own random starts, the exact maximiser, or noise drawn once for them), and the iterate with the
 * lowest value (w = 0 included) is returned once `patience` iterations pass without a lower one, or when L-BFGS stops
 * on its own.
 */
function trainEarlyStop(
  train: Dataset,
  config: Mnist2TrainConfig,
  o: Mnist2EarlyStopConfig,
  seeds: ReturnType<typeof cellSeeds>,
): Trained {
  const { fit, holdout } = holdoutSplit(train, o);
  const draws = trainingDraws(fit, config, { start: seeds.trainStart, noise: seeds.trainNoise });
  const { problem, stalledAt } = lbfgsProblem(fit, config, o.weightDecay, draws);
  const heldDraws = trainingDraws(holdout, config, { start: seeds.holdoutStart, noise: seeds.holdoutNoise });
  const heldOut = perturbedObjective(holdout, perturbationRule(holdout, config, heldDraws), 0, config.bias);
  const z0: Float64Array = new Float64Array(problem.dim);
  let best = { iteration: 0, value: heldOut.value(problem.weights(z0)), z: z0 };
  const result = lbfgs((z) => problem.evaluate(z), z0, {
    ...lbfgsOptions(problem, o),
    onIteration: ({ iteration, x }) => {
      const value = heldOut.value(problem.weights(x));
      if (value < best.value) best = { iteration, value, z: x };
      return iteration - best.iteration >= o.patience ? 'stop' : undefined;
    },
  });
  const w = problem.weights(best.z);
  // The objective and its gradient norm at the returned iterate (the last one's are the run's).
  let finalObjective = result.value;
  let finalGradNorm = result.gradNorm;
  if (best.z !== result.x) {
    const at = problem.evaluate(best.z);
    finalObjective = at.value;
    finalGradNorm = projectedGradNorm(best.z, at.grad, problem.bounded);
  }
  const byPatience = result.stop === 'caller';
  const optimisation: Record<string, string | number | boolean> = {
    method: `${lbfgsMethod(problem)}; early stopping on the held-out objective`,
    ...lbfgsRunFields(fit.n, result, o),
    stoppedBy: byPatience ? 'patience' : result.stop,
    stopReason: byPatience
      ? `early stopping: no lower held-out objective in ${o.patience} iterations after iteration ${best.iteration}`
      : `${STOP_REASON[result.stop](result, o)}; lowest held-out objective at iteration ${best.iteration}`,
    holdoutFraction: o.holdoutFraction,
    holdoutSeed: o.holdoutSeed,
    holdoutSize: holdout.n,
    fitSize: fit.n,
    patience: o.patience,
    bestIteration: best.iteration,
    heldOutObjective: best.value,
    heldOutObjectiveDefinition:
      'mean training loss on the held-out images under the training perturbation at w (no weight decay)',
    ...(heldDraws.starts !== null ? { heldOutRandomStartSeed: seeds.holdoutStart } : {}),
    ...(heldDraws.noise !== null ? { heldOutNoiseSeed: seeds.holdoutNoise } : {}),
    finalObjective,
    finalGradNorm,
    finalGradNormDefinition: `${problem.gradNormDefinition}, at the returned (best held-out) iterate`,
    weightNorm: norm2(w, train.d),
  };
  if (stalledAt !== null) optimisation.trainPgdStalledExamples = stalledAt(w);
  return { w, optimisation };
}

/**
 * Minibatch Adam (Kingma and Ba 2015, with bias correction) from w = 0 on the whole training split: every epoch a
 * fresh permutation drawn from the cell seed, cut into batches of `batchSize` (the last one shorter); each batch's
 * perturbation is regenerated at the current w (PGD's random starts and the noise are drawn once per example and
 * reused), and the step uses the batch gradient with η held fixed (Danskin) plus λw on w (not the bias).
 */
function trainAdam(
  train: Dataset,
  config: Mnist2TrainConfig,
  o: Mnist2AdamConfig,
  seeds: ReturnType<typeof cellSeeds>,
): Trained {
  const { n, d } = train;
  const { bias } = config;
  const { learningRate: lr, beta1, beta2, epsilon, batchSize, epochs, weightDecay } = o;
  const dim = d + (bias ? 1 : 0);
  const draws = trainingDraws(train, config, { start: seeds.trainStart, noise: seeds.trainNoise });
  const rng = makeRng(seeds.trainShuffle);
  const order = new Int32Array(n);
  const w = new Float64Array(dim);
  const m = new Float64Array(dim);
  const v = new Float64Array(dim);
  let step = 0;
  const epochObjectives: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = 0; i < n; i++) order[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(0, i);
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    let sum = 0;
    for (let start = 0; start < n; start += batchSize) {
      const idx = order.subarray(start, Math.min(n, start + batchSize));
      const batch = rowsOf(train, idx);
      const rule = perturbationRule(batch, config, drawsOf(draws, d, idx));
      const { value, grad } = perturbedObjective(batch, rule, weightDecay, bias).valueAndGrad(w);
      sum += value * idx.length;
      step++;
      const c1 = 1 - beta1 ** step;
      const c2 = 1 - beta2 ** step;
      for (let j = 0; j < dim; j++) {
        const g = grad[j]!;
        m[j] = beta1 * m[j]! + (1 - beta1) * g;
        v[j] = beta2 * v[j]! + (1 - beta2) * g * g;
        w[j]! -= (lr * (m[j]! / c1)) / (Math.sqrt(v[j]! / c2) + epsilon);
      }
    }
    epochObjectives.push(sum / n);
  }
  const full = perturbedObjective(train, perturbationRule(train, config, draws), weightDecay, bias).valueAndGrad(w);
  const optimisation: Record<string, string | number | boolean> = {
    method: 'Adam (Kingma and Ba, bias-corrected), shuffled minibatches, Float64',
    initialisation: 'w = 0',
    batchSize,
    epochs,
    iterations: step,
    learningRate: lr,
    beta1,
    beta2,
    epsilon,
    shuffleSeed: seeds.trainShuffle,
    perturbation: 'regenerated for every minibatch at the current w; gradient with η held fixed (Danskin)',
    weightDecay,
    weightDecayForm: WEIGHT_DECAY_FORM,
    stopReason: `${epochs} epochs (${step} steps)`,
    epochObjectives: epochObjectives.map((x) => x.toExponential(4)).join(' '),
    epochObjectivesDefinition: "each epoch's mean minibatch objective, each at the weights before its step",
    finalObjective: full.value,
    finalGradNorm: norm2(full.grad),
    finalGradNormDefinition:
      'full-batch gradient ‖∇J(w)‖₂ at the final w, perturbation regenerated there and held fixed',
    weightNorm: norm2(w, d),
  };
  if (config.training === 'pgd') {
    const { steps, stepSize: lambda } = pgdOptions(config.trainAttack, config.eps);
    optimisation.trainPgdStalledExamples = linearPgd(train, w, {
      norm: config.norm,
      eps: config.eps,
      steps,
      stepSize: lambda,
      bias,
      starts: draws.starts,
    }).stalled;
  }
  return { w, optimisation };
}

/** Steps in a row without a decrease beyond rounding that end training (L2 PGD's held-fixed gradient stalls). */
const STALL_STEPS = 2;

/** The stop reasons of `lbfgs` as the training record words them. */
const STOP_REASON: Record<
  LbfgsStop,
  (r: LbfgsResult, optimiser: Pick<Mnist2LbfgsConfig, 'gradTol' | 'maxIterations'>) => string
> = {
  converged: (r, o) => `projected gradient norm ${r.gradNorm.toExponential(2)} ≤ ${o.gradTol}`,
  'non-finite': (r) => `non-finite value ${r.value} or gradient norm ${r.gradNorm}`,
  'iteration-cap': (r, o) =>
    `iteration cap ${o.maxIterations} reached (projected gradient norm ${r.gradNorm.toExponential(2)})`,
  'line-search': (r) => `line search found no decrease (projected gradient norm ${r.gradNorm.toExponential(2)})`,
  stalled: (r) =>
    `stalled: the value did not decrease beyond rounding in ${STALL_STEPS} iterations (projected gradient norm ${r.gradNorm.toExponential(2)})`,
  caller: (r) => `stopped early (projected gradient norm ${r.gradNorm.toExponential(2)})`,
};

/** The fixed perturbation η (random noise) as a rule: w·ηⁿ recomputed at every w. */
function fixedPerturbation(ds: Dataset, eta: Float64Array): PerturbationRule {
  const { n, d } = ds;
  return (w) => {
    const wEta = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const off = k * d;
      let s = 0;
      for (let j = 0; j < d; j++) s += w[j]! * eta[off + j]!;
      wEta[k] = s;
    }
    return { eta, wEta, stalled: 0 };
  };
}
