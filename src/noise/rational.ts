/**
 * Exact rational arithmetic on BigInt, and exact integration of polynomials over rational intervals: moments of the
 * noise distributions (uniform in a box, in an L2 ball, clipped to the pixel range) are decided with no rounding.
 */
import { ClaimcheckError } from '../errors.ts';

/** A reduced fraction num/den with den > 0. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** num/den reduced; throws on a zero denominator. */
export function rational(num: bigint | number, den: bigint | number = 1n): Rational {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new ClaimcheckError('BAD_INPUT', `rational: den must be nonzero, got ${num}/${den}`);
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { num: n / g, den: d / g };
}

/** Parses "3", "-0.25", "16/255", "1e-3" exactly (a decimal string is read as the decimal, not as its double). */
export function parseRational(s: string): Rational {
  const t = s.trim();
  const frac = /^([+-]?\d+)\s*\/\s*(\d+)$/.exec(t);
  if (frac) return rational(BigInt(frac[1]!), BigInt(frac[2]!));
  const dec = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(t);
  if (!dec || (dec[2] === '' && (dec[3] ?? '') === '')) {
    throw new ClaimcheckError('BAD_INPUT', `parseRational: expected a decimal or p/q string, got "${s}"`);
  }
  const digits = (dec[2] ?? '') + (dec[3] ?? '');
  const exp = Number(dec[4] ?? '0') - (dec[3] ?? '').length;
  const mag = BigInt(digits === '' ? '0' : digits);
  const signed = dec[1] === '-' ? -mag : mag;
  return exp >= 0 ? rational(signed * 10n ** BigInt(exp)) : rational(signed, 10n ** BigInt(-exp));
}

/** a + b. */
export function add(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den + b.num * a.den, a.den * b.den);
}

/** a − b. */
export function sub(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den - b.num * a.den, a.den * b.den);
}

/** a·b. */
export function mul(a: Rational, b: Rational): Rational {
  return rational(a.num * b.num, a.den * b.den);
}

/** a/b; throws when b = 0. */
export function div(a: Rational, b: Rational): Rational {
  if (b.num === 0n) throw new ClaimcheckError('BAD_INPUT', 'div: division by a zero rational');
  return rational(a.num * b.den, a.den * b.num);
}

/** a^k for an integer k ≥ 0. */
export function pow(a: Rational, k: number): Rational {
  if (!Number.isInteger(k) || k < 0) throw new ClaimcheckError('BAD_INPUT', `pow: exponent must be an integer >= 0, got ${k}`);
  return rational(a.num ** BigInt(k), a.den ** BigInt(k));
}

/** a = b exactly. */
export function equals(a: Rational, b: Rational): boolean {
  return a.num === b.num && a.den === b.den;
}

/** a < b. */
export function less(a: Rational, b: Rational): boolean {
  return a.num * b.den < b.num * a.den;
}

/** The nearest double (exact for small num/den; adequate for reporting). */
export function toNumber(a: Rational): number {
  return Number(a.num) / Number(a.den);
}

/** "p/q" (or "p" when q = 1). */
export function formatRational(a: Rational): string {
  return a.den === 1n ? `${a.num}` : `${a.num}/${a.den}`;
}

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
