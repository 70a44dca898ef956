/**
 * The assumptions claims may hold under, one record each: what is assumed, and where it comes from — stated in the
 * paper (with the words, verbatim from the paper text; a test asserts it) or supplied by claimcheck (with why). What
 * each one forces, whether it can hold at all and whether it holds where it matters is computed, never written here
 * (`checks/_internals/assumption-checks.ts`).
 */
import type { Assumption } from '../../src/claims/verdict.ts';

/** Theorem 1's premise: every data point is stationary at w*. */
export const PER_POINT_OPTIMALITY: Assumption = {
  id: 'per-point-optimality',
  statement:
    'the loss of every data point is stationary at w*: ∂ℓ(x^n + η^n, y^n, w*)/∂w_i = 0 for every n and i (equivalently w*_i/‖w*‖ = y^n x_i^n/‖η^n‖)',
  source: { kind: 'paper', quote: 'converges to the minimum for each data point' },
};

/** The step from Eq. (9) to Eq. (12): the optimal weights at ε_a and ε_b have the same norm. */
export const EQUAL_WEIGHT_NORMS: Assumption = {
  id: 'equal-weight-norms',
  statement: '‖w_a*‖ ≈ ‖w_b*‖: the optimal weights trained at ε_a and at ε_b have (nearly) the same norm',
  source: { kind: 'paper', quote: 'since the filter normalization makes the scale of the weights the same' },
};

/** Theorem 2's proof: κ^n treated as a constant that does not depend on the noise. */
export const KAPPA_INDEPENDENT_OF_NOISE: Assumption = {
  id: 'kappa-independent-of-noise',
  statement:
    'κ^n = exp(−y^n w·(x^n + η^n)) does not depend on η^n; since |w·η| ≤ ε‖w‖₁ on the noise box, this needs ε‖w‖₁ ≪ 1 (read here as ε‖w‖₁ ≤ 0.1, κ^n varying by at most ×e^0.2 over the noise)',
  source: { kind: 'paper', quote: 'takes a finite value independent of' },
};

/** Every assumption, by id. */
export const ASSUMPTIONS: readonly Assumption[] = [
  PER_POINT_OPTIMALITY,
  EQUAL_WEIGHT_NORMS,
  KAPPA_INDEPENDENT_OF_NOISE,
];
