/**
 * The L∞-robust logistic loss: Eq. (4) with p = ∞, the inner maximum of Eq. (2) in closed form, without and with
 * the pixel box [0, 1].
 */
import type { Dataset, LinearModelOptions } from './dataset.ts';
import { parameterCount, perturbDataset } from './dataset.ts';
import { BadArgumentError, NonDifferentiableError } from './errors.ts';
import type { Loss } from './loss.ts';
import { checkVector } from './_internals/linear.ts';
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
  };
}
