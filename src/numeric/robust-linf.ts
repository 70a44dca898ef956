/**
 * The L∞-robust logistic loss: Eq. (4) with p = ∞, the inner maximum of Eq. (2) in closed form, without and with
 * the pixel box [0, 1].
 */
import type { Dataset, LinearModelOptions } from './dataset.ts';
import { parameterCount, perturbDataset } from './dataset.ts';
import { BadArgumentError, NonDifferentiableError } from './errors.ts';
import type { Loss } from './loss.ts';
import { checkVector, margins } from './_internals/linear.ts';
import { softplus } from './stable.ts';
import { makeMarginLoss, type NormPenalty } from './_internals/margin-loss.ts';

function firstZero(w: Float64Array, d: number): number {
  for (let j = 0; j < d; j++) if (w[j] === 0) return j;
  return -1;
}

const l1Penalty: NormPenalty = {
  value(w, d) {
    let s = 0;
    for (let j = 0; j < d; j++) s += Math.abs(w[j]!);
    return s;
  },
  grad(fn, w, d) {
    const z = firstZero(w, d);
    if (z >= 0) throw new NonDifferentiableError(fn, `w[${z}] = 0 (ε‖w‖₁ has a kink there)`);
    const g = new Float64Array(d);
    for (let j = 0; j < d; j++) g[j] = Math.sign(w[j]!);
    return g;
  },
  addHvp() {
    // ∇²‖w‖₁ = 0 wherever it is differentiable.
  },
  addHessian() {
    // ∇²‖w‖₁ = 0 wherever it is differentiable.
  },
};

/**
 * L∞-robust loss L(w) = (1/N) Σ_n softplus(−yⁿ w·xⁿ + ε‖w‖₁): Eq. (4) with the inner maximum of Eq. (2) over the
 * L∞ ball taken in closed form (ηⁿ = −yⁿ ε sign(w), no pixel box). Gradient ∇L = (1/N) Σ σ(uⁿ)(−yⁿxⁿ + ε sign w)
 * and Hessian (1/N) Σ σ'(uⁿ) gⁿgⁿᵀ where differentiable: all w_i ≠ 0 (else `NonDifferentiableError`, for ε > 0).
 */
export function robustLinfLoss(ds: Dataset, epsilon: number, options: LinearModelOptions = {}): Loss {
  return makeMarginLoss('robustLinfLoss', `robust-linf(eps=${epsilon})`, ds, epsilon, l1Penalty, options);
}

function checkUnitBox(fn: string, ds: Dataset): void {
  const { X } = ds;
  for (let i = 0; i < X.length; i++) {
    const x = X[i]!;
    if (!(x >= 0 && x <= 1)) {
      throw new BadArgumentError(
        fn,
        `ds.X[${i}]`,
        'in the pixel box [0, 1]',
        String(x),
        'scale pixels to [0, 1] first',
      );
    }
  }
}

/**
 * The exact maximiser of Eq. (2) over the L∞ ball intersected with the pixel box [0, 1]^d for a linear model,
 * per coordinate: η_i = clip(−y ε sign(w_i), −x_i, 1 − x_i) (n×d row-major). Where w_i = 0 every feasible η_i is a
 * maximiser and η_i = 0 is returned. Requires every x_i in [0, 1].
 */
export function linfBoxPerturbation(
  ds: Dataset,
  w: Float64Array,
  epsilon: number,
  options: LinearModelOptions = {},
): Float64Array {
  const fn = 'linfBoxPerturbation';
  checkVector(fn, 'w', w, parameterCount(ds, options));
  if (!Number.isFinite(epsilon) || epsilon < 0)
    throw new BadArgumentError(fn, 'epsilon', 'a finite number ≥ 0', String(epsilon));
  checkUnitBox(fn, ds);
  return boxPerturbation(ds, w, epsilon);
}

function boxPerturbation(ds: Dataset, w: Float64Array, epsilon: number): Float64Array {
  const { X, n, d, y } = ds;
  const eta = new Float64Array(n * d);
  for (let k = 0; k < n; k++) {
    const off = k * d;
    const yk = y[k]!;
    for (let j = 0; j < d; j++) {
      const x = X[off + j]!;
      const t = -yk * epsilon * Math.sign(w[j]!);
      eta[off + j] = Math.min(Math.max(t, -x), 1 - x);
    }
  }
  return eta;
}

/**
 * Box-clipped L∞-robust loss L(w) = (1/N) Σ_n softplus(−yⁿ (w·(xⁿ + ηⁿ(w)) + b)) with ηⁿ(w) the exact maximiser
 * `linfBoxPerturbation` (Eq. 4, p = ∞, pixels kept in [0, 1]). Where every w_i ≠ 0 the maximiser is locally
 * constant, so by Danskin's theorem the gradient and Hessian equal those of the logistic loss on the fixed
 * examples z = x + η(w) (the fixed-example Hessian); where some w_i = 0 (ε > 0) they throw `NonDifferentiableError`.
 */
export function linfBoxRobustLoss(ds: Dataset, epsilon: number, options: LinearModelOptions = {}): Loss {
  const fn = 'linfBoxRobustLoss';
  if (!Number.isFinite(epsilon) || epsilon < 0)
    throw new BadArgumentError(fn, 'epsilon', 'a finite number ≥ 0', String(epsilon));
  checkUnitBox(fn, ds);
  const dim = parameterCount(ds, options);
  const atW = (method: string, w: Float64Array, needsDerivative: boolean): Loss => {
    checkVector(`${fn}.${method}`, 'w', w, dim);
    if (needsDerivative && epsilon > 0) {
      const z = firstZero(w, ds.d);
      if (z >= 0) throw new NonDifferentiableError(`${fn}.${method}`, `w[${z}] = 0 (the box maximiser switches there)`);
    }
    return makeMarginLoss(fn, 'robust-linf-box', perturbDataset(ds, boxPerturbation(ds, w, epsilon)), 0, null, options);
  };
  return {
    name: `robust-linf-box(eps=${epsilon})`,
    dim,
    value: (w) => atW('value', w, false).value(w),
    grad: (w) => atW('grad', w, true).grad(w),
    valueAndGrad: (w) => atW('grad', w, true).valueAndGrad(w),
    hessian: (w) => atW('hessian', w, true).hessian(w),
    hvp: (w, v) => atW('hvp', w, true).hvp(w, v),
    along: (w, h) => {
      checkVector(`${fn}.along`, 'w', w, dim);
      checkVector(`${fn}.along`, 'h', h, dim);
      return boxRobustLine(ds, w, h, epsilon, options.bias === true);
    },
  };
}

/**
 * t ↦ L(w + t·h) of the box-clipped L∞-robust loss. The box maximiser lowers example k's margin y(v·x + b) by
 * drop_k(v) = Σ_j |v_j| c_kj(s_j), s_j = sign v_j, c_kj = min(ε, x_kj) where y s_j > 0 and min(ε, 1 − x_kj) where
 * y s_j < 0. While the signs s stay fixed, |v_j| = s_j(w_j + t h_j), so drop_k = A_k + t·B_k with
 * A_k = Σ_j s_j w_j c_kj and B_k = Σ_j s_j h_j c_kj; on a line each v_j changes sign at most once (at t = −w_j/h_j).
 * So the line keeps A, B for the signs at the last t asked and, for a new t, updates them by the coordinates whose
 * sign changed (one pass over X's column each); the margins are linear in t. Over a grid of increasing t this costs
 * about two passes over X in all, instead of one per t.
 */
function boxRobustLine(
  ds: Dataset,
  w: Float64Array,
  h: Float64Array,
  epsilon: number,
  bias: boolean,
): (t: number) => number {
  const { y, n, d } = ds;
  const mw = margins(ds, w, bias);
  const mh = margins(ds, h, bias);
  const XT = columnMajor(ds);
  const A = new Float64Array(n);
  const B = new Float64Array(n);
  const signs = new Int8Array(d);
  // Adds `scale` times coordinate j's terms for sign s to A and B.
  const add = (j: number, s: number, scale: number): void => {
    if (s === 0) return;
    const a = scale * s * w[j]!;
    const b = scale * s * h[j]!;
    const off = j * n;
    for (let k = 0; k < n; k++) {
      const x = XT[off + k]!;
      const c = y[k]! * s > 0 ? Math.min(epsilon, x) : Math.min(epsilon, 1 - x);
      A[k]! += a * c;
      B[k]! += b * c;
    }
  };
  return (t) => {
    for (let j = 0; j < d; j++) {
      const s = Math.sign(w[j]! + t * h[j]!);
      if (s === signs[j]) continue;
      add(j, signs[j]!, -1);
      add(j, s, 1);
      signs[j] = s;
    }
    let sum = 0;
    for (let k = 0; k < n; k++) sum += softplus(-(y[k]! * (mw[k]! + t * mh[k]!) - (A[k]! + t * B[k]!)));
    return sum / n;
  };
}

const columnCache = new WeakMap<Float64Array, Float64Array>();

/** X in column-major order (d×n), cached per X array. */
function columnMajor(ds: Dataset): Float64Array {
  const cached = columnCache.get(ds.X);
  if (cached !== undefined) return cached;
  const { X, n, d } = ds;
  const XT = new Float64Array(n * d);
  for (let k = 0; k < n; k++) for (let j = 0; j < d; j++) XT[j * n + k] = X[k * d + j]!;
  columnCache.set(ds.X, XT);
  return XT;
}
