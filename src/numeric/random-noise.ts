/**
 * Training on random noise (paper §3, Theorem 2): the logistic loss on x + η with noise draws η held fixed, and a
 * seeded sampler for the noise.
 */
import type { Rng } from '../rng.ts';
import type { Dataset, LinearModelOptions } from './dataset.ts';
import { perturbDataset } from './dataset.ts';
import { BadArgumentError } from './errors.ts';
import type { Loss } from './loss.ts';
import { makeMarginLoss } from './_internals/margin-loss.ts';
import type { BallNorm } from './vector.ts';

/**
 * Random-noise loss L_η(w) = (1/N) Σ_n log gⁿ, gⁿ = 1 + exp(−yⁿ w·(xⁿ + ηⁿ)), for given noise draws η (n×d),
 * with gradient (Eq. 13) and Hessian (Eq. 14): ∂²L/∂w_i∂w_j = (1/N) Σ (gⁿ−1)/(gⁿ)² (x_iⁿ+η_iⁿ)(x_jⁿ+η_jⁿ).
 * The gradient returned is the true one, ∂L/∂w_i = (1/N) Σ −yⁿ (gⁿ−1)/gⁿ (x_iⁿ + η_iⁿ); Eq. (13) as printed
 * has x_iⁿ in place of x_iⁿ + η_iⁿ and the opposite overall sign.
 */
export function randomNoiseLoss(ds: Dataset, eta: Float64Array, options: LinearModelOptions = {}): Loss {
  return makeMarginLoss('randomNoiseLoss', 'random-noise', perturbDataset(ds, eta), 0, null, options);
}

/** Options of `sampleUniformNoise`. */
export interface UniformNoiseOptions {
  /** `linf`: η_i ~ U(−ε, ε) independently (Theorem 2). `l2`: η uniform in the L2 ball of radius ε. */
  readonly norm: BallNorm;
  /** Replace η by clip(x + η, 0, 1) − x so that noisy pixels stay in [0, 1] (the paper's §5.1 setting). */
  readonly clipToUnitBox?: boolean;
}

/**
 * Draws noise η (n×d row-major) for every example of `ds` from `rng`: uniform in the L∞ ball (η_i ~ U(−ε, ε), the
 * noise of Theorem 2) or uniform in the L2 ball (Gaussian direction, radius ε·U^{1/d}), optionally clipped so that
 * x + η stays in [0, 1]. Same rng seed, same draws.
 */
export function sampleUniformNoise(rng: Rng, ds: Dataset, epsilon: number, options: UniformNoiseOptions): Float64Array {
  const fn = 'sampleUniformNoise';
  if (!Number.isFinite(epsilon) || epsilon < 0)
    throw new BadArgumentError(fn, 'epsilon', 'a finite number ≥ 0', String(epsilon));
  if (options.norm !== 'linf' && options.norm !== 'l2') {
    throw new BadArgumentError(fn, 'options.norm', "'linf' or 'l2'", String(options.norm));
  }
  const { n, d, X } = ds;
  const eta = new Float64Array(n * d);
  for (let k = 0; k < n; k++) {
    const off = k * d;
    if (options.norm === 'linf') {
      for (let j = 0; j < d; j++) eta[off + j] = rng.uniform(-epsilon, epsilon);
    } else {
      let s = 0;
      for (let j = 0; j < d; j++) {
        const g = rng.normal();
        eta[off + j] = g;
        s += g * g;
      }
      const radius = epsilon * Math.pow(rng.next(), 1 / d);
      const c = s > 0 ? radius / Math.sqrt(s) : 0;
      for (let j = 0; j < d; j++) eta[off + j]! *= c;
    }
    if (options.clipToUnitBox === true) {
      for (let j = 0; j < d; j++) {
        const x = X[off + j]!;
        eta[off + j] = Math.min(Math.max(x + eta[off + j]!, 0), 1) - x;
      }
    }
  }
  return eta;
}
