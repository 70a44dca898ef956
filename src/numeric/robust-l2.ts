/**
 * The L2-robust logistic loss: Eq. (4) with p = 2, the inner maximum of Eq. (2) taken in closed form.
 */
import type { Dataset, LinearModelOptions } from './dataset.ts';
import { parameterCount } from './dataset.ts';
import { BadArgumentError, NonDifferentiableError } from './errors.ts';
import type { Loss } from './loss.ts';
import { checkVector } from './_internals/linear.ts';
import { norm2Scaled } from './vector.ts';
import { makeMarginLoss, type NormPenalty } from './_internals/margin-loss.ts';

const l2Penalty: NormPenalty = {
  value: (w, d) => norm2Scaled(w, d),
  grad(fn, w, d) {
    const r = norm2Scaled(w, d);
    if (r === 0) throw new NonDifferentiableError(fn, '‖w‖₂ = 0 (ε‖w‖₂ has a kink there)');
    const g = new Float64Array(d);
    for (let j = 0; j < d; j++) g[j] = w[j]! / r;
    return g;
  },
  addHvp(w, v, d, coef, out) {
    const r = norm2Scaled(w, d);
    let wv = 0;
    for (let j = 0; j < d; j++) wv += w[j]! * v[j]!;
    const c = coef / r;
    const c2 = (c * wv) / (r * r);
    for (let j = 0; j < d; j++) out[j]! += c * v[j]! - c2 * w[j]!;
  },
  addHessian(w, d, dim, coef, H) {
    const r = norm2Scaled(w, d);
    const c = coef / r;
    const c2 = c / (r * r);
    for (let i = 0; i < d; i++) {
      const row = i * dim;
      const wi = w[i]!;
      for (let j = 0; j < d; j++) H[row + j]! -= c2 * wi * w[j]!;
      H[row + i]! += c;
    }
  },
};

/**
 * L2-robust loss L(w) = (1/N) Σ_n softplus(−yⁿ w·xⁿ + ε‖w‖₂): Eq. (4) with the inner maximum of Eq. (2) over the
 * L2 ball taken in closed form (maximiser ηⁿ = −yⁿ ε w/‖w‖, so yⁿ cos θⁿ = 1 as in Lemma 1 / Eq. 7). The
 * perturbation depends on w, so the Hessian
 * ∇²L = (1/N) Σ σ'(uⁿ) gⁿgⁿᵀ + (1/N Σ σ(uⁿ)) (ε/‖w‖)(I − ŵŵᵀ),  gⁿ = −yⁿxⁿ + εŵ,
 * carries the projector term of Eq. (9). Value at ‖w‖ = 0 is defined; gradient, Hessian and HVP there throw
 * `NonDifferentiableError` (for ε > 0). With `options.bias`, b is the last parameter and is not in ‖w‖.
 */
export function robustL2Loss(ds: Dataset, epsilon: number, options: LinearModelOptions = {}): Loss {
  return makeMarginLoss('robustL2Loss', `robust-l2(eps=${epsilon})`, ds, epsilon, l2Penalty, options);
}

/** −‖w‖₂ as a penalty: the norm term of the friendliest perturbation (the inner minimum over the ball). */
const negatedL2Penalty: NormPenalty = {
  value: (w, d) => -l2Penalty.value(w, d),
  grad(fn, w, d) {
    return l2Penalty.grad(fn, w, d).map((v) => -v);
  },
  addHvp: (w, v, d, coef, out) => l2Penalty.addHvp(w, v, d, -coef, out),
  addHessian: (w, d, dim, coef, H) => l2Penalty.addHessian(w, d, dim, -coef, H),
};

/**
 * The loss of the friendliest perturbation in the L2 ball, (1/N) Σ_n softplus(−yⁿ w·xⁿ − ε‖w‖₂): the inner MINIMUM
 * of Eq. (2) in closed form. Its Hessian carries the projector term with a negative sign, so it is not convex: the
 * contrast that shows convexity comes from maximising (sec3-convexity).
 */
export function innerMinL2Loss(ds: Dataset, epsilon: number, options: LinearModelOptions = {}): Loss {
  return makeMarginLoss('innerMinL2Loss', `inner-min-l2(eps=${epsilon})`, ds, epsilon, negatedL2Penalty, options);
}

/**
 * The maximiser of Eq. (2) over the L2 ball of radius ε for a linear model: ηⁿ = −yⁿ ε w/‖w‖₂ (n×d row-major),
 * which turns Eq. (7) into the L2-robust loss. Throws `NonDifferentiableError` at ‖w‖ = 0 (every η on the sphere
 * is then a maximiser).
 */
export function l2AdversarialPerturbation(
  ds: Dataset,
  w: Float64Array,
  epsilon: number,
  options: LinearModelOptions = {},
): Float64Array {
  const fn = 'l2AdversarialPerturbation';
  checkVector(fn, 'w', w, parameterCount(ds, options));
  if (!Number.isFinite(epsilon) || epsilon < 0)
    throw new BadArgumentError(fn, 'epsilon', 'a finite number ≥ 0', String(epsilon));
  const { n, d, y } = ds;
  const r = norm2Scaled(w, d);
  if (r === 0) throw new NonDifferentiableError(fn, '‖w‖₂ = 0 (the maximiser is not unique)');
  const eta = new Float64Array(n * d);
  for (let k = 0; k < n; k++) {
    const c = (-y[k]! * epsilon) / r;
    for (let j = 0; j < d; j++) eta[k * d + j] = c * w[j]!;
  }
  return eta;
}
