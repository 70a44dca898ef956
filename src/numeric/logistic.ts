/**
 * The logistic loss of the paper's Eq. (1), in closed form (Float64).
 */
import type { Dataset, LinearModelOptions } from './dataset.ts';
import type { Loss } from './loss.ts';
import { makeMarginLoss } from './_internals/margin-loss.ts';

/**
 * Logistic loss L(w) = (1/N) Σ_n softplus(−yⁿ w·xⁿ) of Eq. (1), with value, gradient
 * ∇L = −(1/N) Σ σ(−yⁿ w·xⁿ) yⁿ xⁿ, Hessian ∇²L = (1/N) Σ σ(1−σ) xⁿxⁿᵀ and Hessian-vector product.
 * With `options.bias` the parameter is [w; b] and the margin is w·x + b.
 */
export function logisticLoss(ds: Dataset, options: LinearModelOptions = {}): Loss {
  return makeMarginLoss('logisticLoss', 'logistic', ds, 0, null, options);
}
