/** Exact integration of polynomials with rational coefficients over rational intervals (noise moments). */
import { add, div, mul, pow, rational, sub, type Rational } from '../exact/rational.ts';

/** ∫_a^b Σ_k c_k t^k dt, exactly (coefficients from the constant term up). */
export function integratePolynomial(coeffs: readonly Rational[], a: Rational, b: Rational): Rational {
  let s = rational(0);
  for (const [k, c] of coeffs.entries()) {
    const anti = (t: Rational): Rational => div(mul(c, pow(t, k + 1)), rational(k + 1));
    s = add(s, sub(anti(b), anti(a)));
  }
  return s;
}

/** The monomial t^k as a coefficient list, for `integratePolynomial`. */
export function monomial(k: number, c: Rational = rational(1)): Rational[] {
  return Array.from({ length: k + 1 }, (_, i) => (i === k ? c : rational(0)));
}
