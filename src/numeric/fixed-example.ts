/**
 * The fixed-example loss and Hessian: adversarial examples generated once and then held fixed (what PyHessian with
 * a fixed batch and Liu et al.'s `calc_hessian.py` compute), as opposed to the robust loss whose perturbation moves
 * with w.
 */
import type { Dataset, LinearModelOptions } from './dataset.ts';
import { perturbDataset } from './dataset.ts';
import type { Loss } from './loss.ts';
import { makeMarginLoss } from './_internals/margin-loss.ts';

/**
 * Logistic loss on fixed perturbed examples zⁿ = xⁿ + ηⁿ (η given, n×d row-major, independent of w): the first line
 * of Eq. (7) with η frozen. Its Hessian is the fixed-example Hessian (1/N) Σ σ(1−σ) zⁿzⁿᵀ (σ at −yⁿ w·zⁿ), the
 * object most Hessian tools report; it differs from `robustL2Loss(...).hessian` by the projector term of Eq. (9)
 * and by the w-dependence of gⁿ.
 */
export function fixedExampleLoss(ds: Dataset, eta: Float64Array, options: LinearModelOptions = {}): Loss {
  return makeMarginLoss('fixedExampleLoss', 'fixed-example', perturbDataset(ds, eta), 0, null, options);
}
