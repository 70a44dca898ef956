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
 * All modes minimise J(w) = (1/N) Σ softplus(−yⁿ(w·(xⁿ + ηⁿ(w)) + b)) + (λ/2)‖w‖² from w = 0 with full-batch
 * (projected) L-BFGS in Float64 (`lbfgs` of src/numeric/lbfgs.ts with Armijo backtracking along the projected path,
 * curvature pairs screened on the free coordinates at each use, and a stop after 2 steps without decrease). The
 * gradient holds η fixed (Danskin: exact for the exact maximisers and fixed noise; for PGD it is the
 * adversarial-training gradient). The L∞ modes are solved in the split w = p − q, p, q ≥ 0, where they are smooth
 * (their ε‖w‖₁-like kink at w_j = 0 is where the optimum puts many weights). MNIST2 is separable, so without the
 * weight decay ‖w‖ grows without bound; λ > 0 gives a unique, reproducible optimum for the convex modes. The final
 * (projected) full-gradient norm is reported; for L2 PGD it stops around 1e-7–1e-5 because clipping after the
 * projection makes η_PGD(w) depend on w, so the held-fixed gradient is not exactly the derivative of the PGD loss and
 * the line search stalls (reported as the stop reason).
 */
import { deriveSeed, makeRng } from '../../rng.ts';
import { ClaimcheckError } from '../../errors.ts';
import type { Dataset } from '../../numeric/dataset.ts';
import { lbfgs, type LbfgsResult, type LbfgsStop } from '../../numeric/lbfgs.ts';
import { sampleUniformNoise } from '../../numeric/random-noise.ts';
import { sigmoid, softplus } from '../../numeric/stable.ts';
import { norm2, type BallNorm } from '../../numeric/vector.ts';
import { exactPerturbation, linearPgd, pgdRandomStarts, type BatchPerturbation } from './attack.ts';
import { stepSize, type Mnist2CellConfig, type Mnist2PgdConfig } from './config.ts';

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
} {
  return {
    trainStart: deriveSeed(seed, 'train/pgd-start'),
    trainNoise: deriveSeed(seed, 'train/noise'),
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
  if (!(config.optimiser.weightDecay > 0)) {
    throw new ClaimcheckError(
      'BAD_INPUT',
      `${fn}: optimiser.weightDecay must be > 0 (MNIST2 is separable: without it ‖w‖ → ∞), got ${config.optimiser.weightDecay}`,
    );
  }
  const { gradTol, maxIterations, memory } = config.optimiser;
  if (!(gradTol >= 0)) throw new ClaimcheckError('BAD_INPUT', `${fn}: optimiser.gradTol must be >= 0, got ${gradTol}`);
  if (!Number.isInteger(maxIterations) || maxIterations < 0)
    throw new ClaimcheckError(
      'BAD_INPUT',
      `${fn}: optimiser.maxIterations must be an integer >= 0, got ${maxIterations}`,
    );
  if (!Number.isInteger(memory) || memory < 1)
    throw new ClaimcheckError('BAD_INPUT', `${fn}: optimiser.memory must be an integer >= 1, got ${memory}`);
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

/**
 * Trains the MNIST2 logistic model of Eq. (1) in the configured mode (standard, PGD adversarial training of Eq. 2–3,
 * exact inner maximiser, or fixed uniform random noise of Theorem 2) by full-batch projected L-BFGS with weight decay
 * from w = 0, until the (projected) gradient norm is ≤ gradTol, the iteration cap, or no further decrease; returns the
 * weights and the record of what was done (method, iterations, full-batch passes, final gradient norm, ‖w‖, seeds).
 */
export function trainMnist2(train: Dataset, config: Mnist2TrainConfig): Mnist2TrainResult {
  checkConfig(config);
  const { norm, eps, bias } = config;
  const weightDecay = config.optimiser.weightDecay;
  const seeds = cellSeeds(config.seed);
  let attack: Record<string, string | number | boolean> = {};
  let problem: TrainingProblem;
  let stalledAt: ((w: Float64Array) => number) | null = null;
  const danskin = 'full-batch gradient ‖∇J(w)‖₂ with the perturbation held fixed (Danskin)';
  if (config.training === 'standard') {
    problem = smoothProblem(
      perturbedObjective(train, () => null, weightDecay, bias),
      'full-batch gradient ‖∇J(w)‖₂',
    );
  } else if (config.training === 'pgd') {
    const { steps, stepSize: lambda } = pgdOptions(config.trainAttack, eps);
    const starts =
      config.trainAttack.randomStart === 'none' ? null : pgdRandomStarts(train, norm, eps, seeds.trainStart);
    if (norm === 'linf') {
      problem = linfSplitProblem(train, eps, steps * lambda, starts, weightDecay, bias);
    } else {
      const buffer = new Float64Array(train.n * train.d);
      problem = smoothProblem(
        perturbedObjective(
          train,
          (w) => linearPgd(train, w, { norm, eps, steps, stepSize: lambda, bias, starts, out: buffer }),
          weightDecay,
          bias,
        ),
        `${danskin}; PGD regenerated at every evaluation`,
      );
    }
    stalledAt = (w) => linearPgd(train, w, { norm, eps, steps, stepSize: lambda, bias, starts }).stalled;
    attack = {
      trainPgd: describePgd(config.trainAttack, norm, eps),
      trainSteps: steps,
      trainStepSize: lambda,
      trainRandomStart: config.trainAttack.randomStart,
      ...(starts !== null
        ? {
            trainRandomStartSeed: seeds.trainStart,
            trainRandomStartRedraw: 'drawn once per example and cell, reused at every evaluation',
          }
        : {}),
    };
  } else if (config.training === 'exact') {
    if (norm === 'linf') {
      problem = linfSplitProblem(train, eps, Infinity, null, weightDecay, bias);
    } else {
      const buffer = new Float64Array(train.n * train.d);
      problem = smoothProblem(
        perturbedObjective(train, (w) => exactPerturbation(train, w, 'l2-ball', eps, bias, buffer), weightDecay, bias),
        danskin,
      );
    }
    attack = {
      trainPerturbation:
        norm === 'l2'
          ? 'exact maximiser −yεw/‖w‖₂ over the L2 ball (closed form, no pixel clipping)'
          : 'exact maximiser clip(−yε·sign(w), −x, 1 − x) over the L∞ ball ∩ [0, 1]',
    };
  } else {
    const eta = sampleUniformNoise(makeRng(seeds.trainNoise), train, eps, {
      norm,
      clipToUnitBox: config.noise.clipToUnitBox,
    });
    const fixed = fixedPerturbation(train, eta);
    problem = smoothProblem(
      perturbedObjective(train, fixed, weightDecay, bias),
      'full-batch gradient ‖∇J(w)‖₂ of the loss on the fixed noisy data',
    );
    attack = {
      trainNoise:
        norm === 'l2'
          ? 'uniform in the L2 ε-ball (radius ε·U^{1/d} × uniform direction)'
          : 'uniform in the L∞ ε-box (η_i ~ U(−ε, ε))',
      trainNoiseClip: config.noise.clipToUnitBox,
      trainNoiseRedraw: config.noise.redraw,
      trainNoiseSeed: seeds.trainNoise,
    };
  }
  const result = lbfgs((z) => problem.evaluate(z), new Float64Array(problem.dim), {
    bounded: problem.bounded,
    gradTol: config.optimiser.gradTol,
    maxIterations: config.optimiser.maxIterations,
    memory: config.optimiser.memory,
    lineSearch: 'projected-armijo',
    curvaturePairs: 'screen-on-use',
    stallSteps: STALL_STEPS,
  });
  const w = problem.weights(result.x);
  const optimisation: Record<string, string | number | boolean> = {
    method:
      problem.bounded === null
        ? 'L-BFGS, Armijo backtracking, full batch, Float64'
        : 'projected L-BFGS (two-metric projection) on w = p − q, p, q ≥ 0, Armijo backtracking, full batch, Float64',
    initialisation: 'w = 0',
    batchSize: train.n,
    epochs: result.evaluations,
    iterations: result.iterations,
    learningRate: 'none (line search)',
    weightDecay,
    weightDecayForm: '(λ/2)‖w‖² added to the mean loss; bias not penalised',
    gradTol: config.optimiser.gradTol,
    maxIterations: config.optimiser.maxIterations,
    memory: config.optimiser.memory,
    converged: result.converged,
    stopReason: STOP_REASON[result.stop](result, config.optimiser),
    finalObjective: result.value,
    finalGradNorm: result.gradNorm,
    finalGradNormDefinition: problem.gradNormDefinition,
    weightNorm: norm2(w, train.d),
  };
  if (stalledAt !== null) optimisation.trainPgdStalledExamples = stalledAt(w);
  return { w, optimisation, attack };
}

/** Steps in a row without a decrease beyond rounding that end training (L2 PGD's held-fixed gradient stalls). */
const STALL_STEPS = 2;

/** The stop reasons of `lbfgs` as the training record words them. */
const STOP_REASON: Record<LbfgsStop, (r: LbfgsResult, optimiser: Mnist2TrainConfig['optimiser']) => string> = {
  converged: (r, o) => `projected gradient norm ${r.gradNorm.toExponential(2)} ≤ ${o.gradTol}`,
  'non-finite': (r) => `non-finite value ${r.value} or gradient norm ${r.gradNorm}`,
  'iteration-cap': (r, o) =>
    `iteration cap ${o.maxIterations} reached (projected gradient norm ${r.gradNorm.toExponential(2)})`,
  'line-search': (r) => `line search found no decrease (projected gradient norm ${r.gradNorm.toExponential(2)})`,
  stalled: (r) =>
    `stalled: the value did not decrease beyond rounding in ${STALL_STEPS} iterations (projected gradient norm ${r.gradNorm.toExponential(2)})`,
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
