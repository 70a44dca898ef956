/**
 * The function whose landscape and curvature are measured for one MNIST2 cell: the training objective at weights w,
 * with the inner maximum of Eq. (2) re-solved at every w for adversarially trained cells (the paper's Eq. 5), fixed
 * seeded noise for random-noise cells, and the clean logistic loss of Eq. (1) for standard training.
 */
import { makeRng } from '../../rng.ts';
import { noiseDrawSeed } from './degenerate.ts';
import { ClaimcheckError } from '../../errors.ts';
import type { Dataset } from '../../numeric/dataset.ts';
import { fixedExampleLoss } from '../../numeric/fixed-example.ts';
import { logisticLoss } from '../../numeric/logistic.ts';
import type { Loss } from '../../numeric/loss.ts';
import { randomNoiseLoss, sampleUniformNoise } from '../../numeric/random-noise.ts';
import { robustL2Loss } from '../../numeric/robust-l2.ts';
import { linfBoxPerturbation, linfBoxRobustLoss, robustLinfLoss } from '../../numeric/robust-linf.ts';
import { softplus } from '../../numeric/stable.ts';
import { exactPerturbation, linearPgd } from './attack.ts';
import type { Mnist2Cell } from './results.ts';
import type { BallNorm } from '../../numeric/vector.ts';

/** The exact inner maximiser of an L2 cell: the L2 ball alone (closed form, the robust loss of Eq. 4) or ∩ pixel box. */
export type L2Maximizer = 'l2-ball' | 'l2-ball-box';
/** The exact inner maximiser of an L∞ cell: ∩ pixel box (per coordinate) or the L∞ ball alone (ε‖w‖₁). */
export type LinfMaximizer = 'linf-box' | 'linf-ball';

/** How the inner maximum is solved at each w for adversarially trained cells. */
export type InnerAttack =
  | { readonly kind: 'exact' }
  /** Batched PGD (`linearPgd`) from η⁰ = 0; `stepSize` default: the paper's 0.15ε (L2) and 0.01 (L∞). */
  | { readonly kind: 'pgd'; readonly steps: number; readonly stepSize?: number };

/** Options of `landscapeObjective`. */
export interface ObjectiveOptions {
  /** Default `l2-ball`: the closed form whose Hessian `robustL2Loss` gives (same object as Fig. 3's robust Hessian). */
  readonly l2Maximizer?: L2Maximizer;
  /** Default `linf-box`: pixels stay in [0, 1], as in training. */
  readonly linfMaximizer?: LinfMaximizer;
  /** Default `{ kind: 'exact' }`: exact for the linear model and cheap. */
  readonly attack?: InnerAttack;
  /** Seed of the noise draw of random-noise cells (combined with the cell key); printed in `description`. */
  readonly noiseSeed?: number;
}

/** A curvature value and how it was obtained. */
export interface CurvatureValue {
  readonly value: number;
  /** `hvp` (closed-form Hessian-vector product) or `second-difference(t)` of the value along h. */
  readonly method: string;
}

/** What is measured for a cell: g(w) and its curvature along directions. */
export interface LandscapeObjective {
  readonly kind: 'clean' | 'adversarial' | 'random-noise';
  /** One line saying what g(w) is, including the attack or the noise and its seed. */
  readonly description: string;
  /** The inner maximiser or attack, named (e.g. `exact l2-ball`, `PGD 100 × 0.15ε`), or `none`. */
  readonly attack: string;
  /** g(w) = (1/N) Σ ℓ(x + η(w), y, w), η(w) re-solved at this w (Eq. 5). */
  value(w: Float64Array): number;
  /** hᵀ∇²g(w)h: closed-form HVP where g has one, else a central second difference of `value` with step 1e-3. */
  curvature(w: Float64Array, h: Float64Array): CurvatureValue;
  /**
   * t ↦ g(w + t·h): the loss's line form (`Loss.along`, O(N) or O(nnz) per t) where g has a closed form, else
   * `value` at each shifted point.
   */
  along(w: Float64Array, h: Float64Array): (t: number) => number;
}

/** w + Σ a·h over `terms` (a term with a = 0 leaves w as it is). */
export function shifted(w: Float64Array, terms: readonly (readonly [number, Float64Array])[]): Float64Array {
  const v = Float64Array.from(w);
  for (const [a, h] of terms) if (a !== 0) for (let i = 0; i < v.length; i++) v[i]! += a * h[i]!;
  return v;
}

/** The line form of a g without a closed form: `value` at w + t·h. */
function pointwise(value: (w: Float64Array) => number): LandscapeObjective['along'] {
  return (w, h) => (t) => value(shifted(w, [[t, h]]));
}

/** The adversarial training modes (the inner maximum is taken during training). */
export function isAdversarial(cell: Pick<Mnist2Cell, 'training' | 'eps'>): boolean {
  return (cell.training === 'pgd' || cell.training === 'exact') && cell.eps > 0;
}

/** Checks that `w` fits the dataset (d weights, plus the bias when `bias`) and returns it as a Float64Array. */
export function cellWeights(cell: Pick<Mnist2Cell, 'w' | 'bias' | 'key'>, ds: Dataset): Float64Array {
  const dim = ds.d + (cell.bias ? 1 : 0);
  if (cell.w.length !== dim) {
    throw new ClaimcheckError(
      'BAD_INPUT',
      `cellWeights: cell ${cell.key.slice(0, 12)}: w must have length ${dim} (d = ${ds.d}${cell.bias ? ' plus the bias' : ''}), got ${cell.w.length}`,
    );
  }
  const w = Float64Array.from(cell.w);
  for (let i = 0; i < w.length; i++) {
    if (!Number.isFinite(w[i]!))
      throw new ClaimcheckError('BAD_INPUT', `cellWeights: cell ${cell.key.slice(0, 12)}: w[${i}] is ${w[i]}`);
  }
  return w;
}

/** The paper's PGD step size on MNIST2: 0.15ε for L2, 0.01 for L∞ (§5 "Experimental setup"). */
export function paperStepSize(norm: BallNorm, eps: number): number {
  return norm === 'l2' ? 0.15 * eps : 0.01;
}

function secondDifference(value: (w: Float64Array) => number, w: Float64Array, h: Float64Array): CurvatureValue {
  const t = 1e-3;
  const at = (s: number): number => value(shifted(w, [[s, h]]));
  return { value: (at(t) - 2 * value(w) + at(-t)) / (t * t), method: `second-difference(t=${t})` };
}

function quadratic(loss: Loss, w: Float64Array, h: Float64Array): number {
  const hv = loss.hvp(w, h);
  let s = 0;
  for (let i = 0; i < h.length; i++) s += h[i]! * hv[i]!;
  return s;
}

/** mean softplus(−y(w·x + b + w·η)) from the per-example w·η. */
function meanLossFromWEta(ds: Dataset, w: Float64Array, bias: boolean, wEta: Float64Array): number {
  const { X, y, n, d } = ds;
  const b = bias ? w[d]! : 0;
  let s = 0;
  for (let k = 0; k < n; k++) {
    const off = k * d;
    let m = b + wEta[k]!;
    for (let j = 0; j < d; j++) {
      const x = X[off + j]!;
      if (x !== 0) m += x * w[j]!;
    }
    s += softplus(-y[k]! * m);
  }
  return s / n;
}

/**
 * Box-clipped L∞ robust loss value, without allocating η: the exact maximiser η_j = clip(−yε sign w_j, −x_j, 1 − x_j)
 * lowers the margin y(w·x + b) by Σ_j |w_j| min(ε, r_j), r_j = x_j where y w_j > 0 and 1 − x_j where y w_j < 0.
 */
export function linfBoxRobustValue(ds: Dataset, w: Float64Array, eps: number, bias: boolean): number {
  const { X, y, n, d } = ds;
  const b = bias ? w[d]! : 0;
  let s = 0;
  for (let k = 0; k < n; k++) {
    const off = k * d;
    const yk = y[k]!;
    let m = b;
    let drop = 0;
    for (let j = 0; j < d; j++) {
      const x = X[off + j]!;
      const wj = w[j]!;
      m += x * wj;
      const yw = yk * wj;
      if (yw > 0) drop += yw * Math.min(eps, x);
      else if (yw < 0) drop -= yw * Math.min(eps, 1 - x);
    }
    s += softplus(-(yk * m - drop));
  }
  return s / n;
}

/**
 * The measured objective of a cell (Eq. 5 with the max inside): standard cells the logistic loss (Eq. 1); random
 * cells the logistic loss on x + η with η uniform in the ε-ball, clipped to [0, 1], drawn once from
 * `noiseDrawSeed(noiseSeed, cell)` (from the cell's name, not its key) and held fixed over w; adversarial cells the loss at the inner maximiser re-solved
 * at every w (exact maximiser by default, batched PGD as an option).
 */
export function landscapeObjective(cell: Mnist2Cell, ds: Dataset, options: ObjectiveOptions = {}): LandscapeObjective {
  const bias = cell.bias;
  const lm = { bias };
  const eps = cell.eps;
  if (cell.training === 'random' && eps > 0) {
    const seed = noiseDrawSeed(options.noiseSeed ?? 0, cell);
    const eta = sampleUniformNoise(makeRng(seed), ds, eps, { norm: cell.norm, clipToUnitBox: true });
    const loss = randomNoiseLoss(ds, eta, lm);
    return {
      kind: 'random-noise',
      description: `mean ℓ(x + η, y, w) with η uniform in the ${cell.norm === 'l2' ? 'L2' : 'L∞'} ball of radius ${cell.epsLabel}, clipped to [0, 1], drawn once (seed ${seed}) and held fixed`,
      attack: `none (uniform noise, seed ${seed})`,
      value: (w) => loss.value(w),
      curvature: (w, h) => ({ value: quadratic(loss, w, h), method: 'hvp' }),
      along: (w, h) => loss.along(w, h),
    };
  }
  if (!isAdversarial(cell)) {
    const loss = logisticLoss(ds, lm);
    return {
      kind: 'clean',
      description: 'clean logistic loss (1/N) Σ ℓ(x, y, w) (Eq. 1)',
      attack: 'none',
      value: (w) => loss.value(w),
      curvature: (w, h) => ({ value: quadratic(loss, w, h), method: 'hvp' }),
      along: (w, h) => loss.along(w, h),
    };
  }
  const attack = options.attack ?? { kind: 'exact' };
  const ball = cell.norm === 'l2' ? 'L2' : 'L∞';
  if (attack.kind === 'pgd') {
    const stepSize = attack.stepSize ?? paperStepSize(cell.norm, eps);
    const value = (w: Float64Array): number => {
      const r = linearPgd(ds, w, { norm: cell.norm, eps, steps: attack.steps, stepSize, bias, starts: null });
      return meanLossFromWEta(ds, w, bias, r.wEta);
    };
    const name = `PGD ${attack.steps} × ${stepSize} (${cell.norm === 'l2' ? 'step g/‖g‖₂' : 'sign step'}, η⁰ = 0, pixels clipped to [0, 1])`;
    return {
      kind: 'adversarial',
      description: `max over the ${ball} ball of radius ${cell.epsLabel} of (1/N) Σ ℓ(x + η, y, w), by ${name} re-run at every w`,
      attack: name,
      value,
      curvature: (w, h) => secondDifference(value, w, h),
      along: pointwise(value),
    };
  }
  if (cell.norm === 'l2') {
    const maximizer = options.l2Maximizer ?? 'l2-ball';
    if (maximizer === 'l2-ball') {
      const loss = robustL2Loss(ds, eps, lm);
      return {
        kind: 'adversarial',
        description: `L2 robust loss (1/N) Σ softplus(−y(w·x + b) + ε‖w‖₂), ε = ${cell.epsLabel}: exact maximiser η = −yεw/‖w‖ (no pixel box) re-solved at every w`,
        attack: 'exact l2-ball',
        value: (w) => loss.value(w),
        curvature: (w, h) => ({ value: quadratic(loss, w, h), method: 'hvp' }),
        along: (w, h) => loss.along(w, h),
      };
    }
    const value = (w: Float64Array): number =>
      meanLossFromWEta(ds, w, bias, exactPerturbation(ds, w, 'l2-ball-box', eps, bias).wEta);
    return {
      kind: 'adversarial',
      description: `max over the L2 ball of radius ${cell.epsLabel} ∩ pixel box [0, 1] of (1/N) Σ ℓ(x + η, y, w): exact maximiser (KKT breakpoints) re-solved at every w`,
      attack: 'exact l2-ball-box',
      value,
      curvature: (w, h) => secondDifference(value, w, h),
      along: pointwise(value),
    };
  }
  const maximizer = options.linfMaximizer ?? 'linf-box';
  if (maximizer === 'linf-ball') {
    const loss = robustLinfLoss(ds, eps, lm);
    return {
      kind: 'adversarial',
      description: `L∞ robust loss (1/N) Σ softplus(−y(w·x + b) + ε‖w‖₁), ε = ${cell.epsLabel}: exact maximiser η = −yε sign(w) (no pixel box) re-solved at every w`,
      attack: 'exact linf-ball',
      value: (w) => loss.value(w),
      curvature: (w, h) => ({ value: quadratic(linfBallFixedLoss(ds, w, eps, bias), w, h), method: 'hvp' }),
      along: (w, h) => loss.along(w, h),
    };
  }
  const boxLoss = linfBoxRobustLoss(ds, eps, lm);
  return {
    kind: 'adversarial',
    description: `box-clipped L∞ robust loss (1/N) Σ ℓ(x + η(w), y, w), η_i = clip(−yε sign w_i, −x_i, 1 − x_i), ε = ${cell.epsLabel}, re-solved at every w`,
    attack: 'exact linf-box',
    value: (w) => linfBoxRobustValue(ds, w, eps, bias),
    curvature: (w, h) => ({
      value: quadratic(fixedExampleLoss(ds, linfBoxPerturbation(ds, w, eps, lm), lm), w, h),
      method: 'hvp',
    }),
    along: (w, h) => boxLoss.along(w, h),
  };
}

/**
 * The logistic loss on the fixed examples x − yε sign(w) (sign 0 = 0): equal to the L∞ robust loss and all its
 * derivatives wherever every w_i ≠ 0, since ∇²‖w‖₁ = 0 there; at w_i = 0 it is the smooth branch.
 */
export function linfBallFixedLoss(ds: Dataset, w: Float64Array, eps: number, bias: boolean): Loss {
  const { y, n, d } = ds;
  const eta = new Float64Array(n * d);
  for (let k = 0; k < n; k++) {
    const c = -y[k]! * eps;
    for (let j = 0; j < d; j++) eta[k * d + j] = c * Math.sign(w[j]!);
  }
  return fixedExampleLoss(ds, eta, { bias });
}
