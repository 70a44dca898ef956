/**
 * Exact rational numbers over `bigint`, the one implementation for the whole project: the table checks compare
 * printed two-decimal values with k/n fractions of split sizes (a float would blur exactly the ties they decide), and
 * the noise-moment checks integrate polynomials with no rounding.
 */

/** An exact rational `num / den`, always normalised (den > 0, gcd(num, den) = 1). */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** The rational num/den in lowest terms; throws on a zero denominator. */
export function rational(num: bigint | number, den: bigint | number = 1n): Rational {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new RangeError(`rational: denominator must be non-zero, got ${num}/${den}`);
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g > 1n ? { num: n / g, den: d / g } : { num: n, den: d };
}

/** Parses a plain decimal string ("99.89", "-0.00", "25.5", "1") exactly. */
export function parseDecimal(text: string): Rational {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new SyntaxError(`parseDecimal: expected a decimal number like "99.89", got "${text}"`);
  const frac = m[3] ?? '';
  const n = BigInt(m[2]! + frac);
  return rational(m[1] === '-' ? -n : n, 10n ** BigInt(frac.length));
}

/** Parses "3", "-0.25", "16/255", "1e-3" exactly (a decimal string is read as the decimal, not as its double). */
export function parseRational(s: string): Rational {
  const t = s.trim();
  const frac = /^([+-]?\d+)\s*\/\s*(\d+)$/.exec(t);
  if (frac) return rational(BigInt(frac[1]!), BigInt(frac[2]!));
  const dec = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(t);
  if (!dec || (dec[2] === '' && (dec[3] ?? '') === '')) {
    throw new SyntaxError(`parseRational: expected a decimal or p/q string, got "${s}"`);
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

/** a · b. */
export function mul(a: Rational, b: Rational): Rational {
  return rational(a.num * b.num, a.den * b.den);
}

/** a / b; throws when b = 0. */
export function div(a: Rational, b: Rational): Rational {
  if (b.num === 0n) throw new RangeError('div: division by zero');
  return rational(a.num * b.den, a.den * b.num);
}

/** a^k for an integer k ≥ 0. */
export function pow(a: Rational, k: number): Rational {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`pow: exponent must be an integer >= 0, got ${k}`);
  return rational(a.num ** BigInt(k), a.den ** BigInt(k));
}

/** |a|. */
export function abs(a: Rational): Rational {
  return a.num < 0n ? { num: -a.num, den: a.den } : a;
}

/** Sign of a − b: −1, 0 or 1. */
export function cmp(a: Rational, b: Rational): -1 | 0 | 1 {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** Whether a = b. */
export function eq(a: Rational, b: Rational): boolean {
  return cmp(a, b) === 0;
}

/** Whether a < b. */
export function less(a: Rational, b: Rational): boolean {
  return cmp(a, b) < 0;
}

/** The nearest double (exact for small num/den; adequate for reporting). */
export function toNumber(a: Rational): number {
  return Number(a.num) / Number(a.den);
}

/** "p/q" (or "p" when q = 1). */
export function formatRational(a: Rational): string {
  return a.den === 1n ? `${a.num}` : `${a.num}/${a.den}`;
}

/** Decimal string of `a` rounded half away from zero to `digits` places (for evidence lines). */
export function toFixed(a: Rational, digits: number): string {
  const scale = 10n ** BigInt(digits);
  const neg = a.num < 0n;
  const n = neg ? -a.num : a.num;
  const scaled = (2n * n * scale + a.den) / (2n * a.den);
  const int = scaled / scale;
  const frac = (scaled % scale).toString().padStart(digits, '0');
  const body = digits > 0 ? `${int}.${frac}` : `${int}`;
  return neg && scaled !== 0n ? `-${body}` : body;
}

/** Shortest exact form for evidence: an integer, a terminating decimal, or p/q. */
export function show(a: Rational): string {
  if (a.den === 1n) return a.num.toString();
  let d = a.den;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) {
    d /= 2n;
    twos++;
  }
  while (d % 5n === 0n) {
    d /= 5n;
    fives++;
  }
  if (d === 1n) return toFixed(a, Math.max(twos, fives));
  return `${a.num}/${a.den}`;
}
