/**
 * Exact moments of the random-noise distributions of Theorem 2 and section 5, each computed by integrating a
 * polynomial density over its support in rational arithmetic (no formula for the answer is written down).
 */
import { ClaimcheckError } from '../errors.ts';
import { add, div, less, mul, pow, rational, sub, type Rational } from '../exact/rational.ts';
import { integratePolynomial, monomial } from './polynomial.ts';

function positive(fn: string, eps: Rational): void {
  if (!(eps.num > 0n)) throw new ClaimcheckError('BAD_INPUT', `${fn}: eps must be > 0, got ${eps.num}/${eps.den}`);
}

function order(fn: string, k: number): void {
  if (!Number.isInteger(k) || k < 0)
    throw new ClaimcheckError('BAD_INPUT', `${fn}: k must be an integer >= 0, got ${k}`);
}

/** E[η^k] for η ~ U(−ε, ε): (1/(2ε)) ∫_{−ε}^{ε} t^k dt. */
export function uniformMoment(eps: Rational, k: number): Rational {
  positive('uniformMoment', eps);
  order('uniformMoment', k);
  const neg = rational(-eps.num, eps.den);
  return div(integratePolynomial(monomial(k), neg, eps), mul(rational(2), eps));
}

/**
 * E[η_i η_j] for η with independent U(−ε, ε) components: E[η_i²] on the diagonal, E[η_i]·E[η_j] (independence) off
 * it.
 */
export function uniformSecondMoment(eps: Rational, sameIndex: boolean): Rational {
  return sameIndex ? uniformMoment(eps, 2) : mul(uniformMoment(eps, 1), uniformMoment(eps, 1));
}

/** E‖η‖₂^k for η uniform in the closed L2 ball of radius ε in ℝ^d: ∫_0^ε r^k · d r^{d−1}/ε^d dr. */
export function l2BallNormMoment(eps: Rational, d: number, k: number): Rational {
  positive('l2BallNormMoment', eps);
  order('l2BallNormMoment', k);
  if (!Number.isInteger(d) || d < 1)
    throw new ClaimcheckError('BAD_INPUT', `l2BallNormMoment: d must be an integer >= 1, got ${d}`);
  const density = div(rational(d), pow(eps, d));
  return integratePolynomial(monomial(k + d - 1, density), rational(0), eps);
}

/** E[η_i²] for η uniform in the L2 ball of radius ε in ℝ^d: E‖η‖²/d (the coordinates are exchangeable). */
export function l2BallCoordinateSecondMoment(eps: Rational, d: number): Rational {
  return div(l2BallNormMoment(eps, d, 2), rational(d));
}

/** E‖η‖₂^k for η = r·u with r ~ U(0, ε) and u uniform on the sphere (torchattacks' L2 random start). */
export function uniformRadiusNormMoment(eps: Rational, k: number): Rational {
  positive('uniformRadiusNormMoment', eps);
  order('uniformRadiusNormMoment', k);
  return div(integratePolynomial(monomial(k), rational(0), eps), eps);
}

/**
 * E[η'^k] where η ~ U(−ε, ε) is added to a pixel x and the sum clipped to [lo, hi] (section 5's "constrained to fit in
 * the range [0,1]"): η' = clip(η, lo − x, hi − x), integrated piecewise (two constant pieces and a linear one).
 */
export function clippedUniformMoment(
  eps: Rational,
  x: Rational,
  k: number,
  range: { readonly lo: Rational; readonly hi: Rational } = { lo: rational(0), hi: rational(1) },
): Rational {
  positive('clippedUniformMoment', eps);
  order('clippedUniformMoment', k);
  if (less(x, range.lo) || less(range.hi, x)) {
    throw new ClaimcheckError('BAD_INPUT', 'clippedUniformMoment: x must lie in the pixel range');
  }
  const negEps = rational(-eps.num, eps.den);
  const a = sub(range.lo, x);
  const b = sub(range.hi, x);
  const midLo = less(negEps, a) ? a : negEps;
  const midHi = less(b, eps) ? b : eps;
  let total = integratePolynomial(monomial(k), midLo, midHi);
  if (less(negEps, a)) total = add(total, integratePolynomial(monomial(0, pow(a, k)), negEps, a));
  if (less(b, eps)) total = add(total, integratePolynomial(monomial(0, pow(b, k)), b, eps));
  return div(total, mul(rational(2), eps));
}
