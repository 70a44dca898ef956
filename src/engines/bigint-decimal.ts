/**
 * Decimal floating point on BigInt that gives the results decimal.js gives, digit for digit, at a precision of p
 * significant digits in its ROUND_HALF_UP mode (the mode of every mathjs BigNumber here), several times faster and with
 * far less garbage. Why the results are the same:
 * - decimal.js computes + − × exactly and then rounds (its shortcut for operands of very different exponents keeps a
 *   nonzero word below every rounding digit, which cannot move a half-up rounding); here too (`add` keeps a sticky
 *   unit below every digit that can matter).
 * - its ÷ rounds a truncated quotient of at least p + 7 digits; half-up rounding depends on the first dropped digit
 *   only, so the floor quotient to p + 1 digits rounds the same way.
 * - its √ is correctly rounded away from the rounding digits 0000, 4999, 5000 and 9999 (where it runs extra Newton
 *   steps and exactness tests); `sqrt` answers `undefined` near them, and the caller asks decimal.js.
 * - x² (its `intPow` truncates x·x to ≥ p + 22 digits before the rounding, so the first dropped digit is kept) and
 *   x^−1 (1 ÷ x) are correctly rounded; other powers are left to decimal.js.
 * A value is c · 10^e with n the number of digits of |c| (0 for zero); a zero carries no sign (decimal.js's −0 differs
 * only where a zero is divided by or logged, which the callers hand to decimal.js).
 */

/** c · 10^e; n = the number of decimal digits of |c| (0 iff c = 0). */
export interface Dec {
  readonly c: bigint;
  readonly e: number;
  readonly n: number;
}

export const ZERO: Dec = { c: 0n, e: 0, n: 0 };
export const ONE: Dec = { c: 1n, e: 0, n: 1 };
export const TWO: Dec = { c: 2n, e: 0, n: 1 };

const POW10: bigint[] = [1n];
const NEG_POW10: bigint[] = [-1n];
const HALF: bigint[] = [0n];

/** 10^k as a bigint (cached). */
export function pow10(k: number): bigint {
  while (POW10.length <= k) POW10.push(POW10[POW10.length - 1]! * 10n);
  return POW10[k]!;
}

/** −10^k (cached: comparisons of negative values need no negation). */
function negPow10(k: number): bigint {
  while (NEG_POW10.length <= k) NEG_POW10.push(-pow10(NEG_POW10.length));
  return NEG_POW10[k]!;
}

/** 5 · 10^(k − 1): half a unit of the k-th digit below. */
function half(k: number): bigint {
  while (HALF.length <= k) HALF.push(pow10(HALF.length) / 2n);
  return HALF[k]!;
}

/** |c| ≥ 10^k. */
function atLeast(c: bigint, k: number): boolean {
  return c >= 0n ? c >= pow10(k) : c <= negPow10(k);
}

/** The number of digits of |c|, known to be below 10^hi. */
function digitsBelow(c: bigint, hi: number): number {
  if (c === 0n) return 0;
  if (atLeast(c, hi - 1)) return hi;
  if (hi >= 2 && atLeast(c, hi - 2)) return hi - 1;
  let lo = 1;
  let up = hi - 2;
  while (lo < up) {
    const mid = (lo + up) >> 1;
    if (atLeast(c, mid)) lo = mid + 1;
    else up = mid;
  }
  return lo;
}

/** The number of digits of |c| (no bound known): from its double's log10 (±1), else by doubling. */
function digitCount(c: bigint): number {
  if (c === 0n) return 0;
  const f = Math.abs(Number(c));
  if (f < 1e300) return digitsBelow(c, Math.floor(Math.log10(f)) + 2);
  let hi = 1;
  while (atLeast(c, hi)) hi *= 2;
  return digitsBelow(c, hi);
}

/** An exact Dec from c · 10^e. */
export function fromBigInt(c: bigint, e = 0): Dec {
  return { c, e, n: digitCount(c) };
}

/** c · 10^e, where |c| has n digits, rounded to p significant digits half away from zero (decimal.js ROUND_HALF_UP). */
function rounded(c: bigint, e: number, n: number, p: number): Dec {
  const k = n - p;
  if (k <= 0) return { c, e, n };
  // BigInt division truncates toward zero, so c − half rounds a negative c's magnitude half up.
  let q = c >= 0n ? (c + half(k)) / pow10(k) : (c - half(k)) / pow10(k);
  let qe = e + k;
  if (q === pow10(p) || q === negPow10(p)) {
    q = q > 0n ? pow10(p - 1) : negPow10(p - 1);
    qe++;
  }
  return { c: q, e: qe, n: p };
}

/** Rounds x to p significant digits, half away from zero (decimal.js ROUND_HALF_UP). */
export function round(x: Dec, p: number): Dec {
  return x.n <= p ? x : rounded(x.c, x.e, x.n, p);
}

export function neg(x: Dec): Dec {
  return { c: -x.c, e: x.e, n: x.n };
}

export function abs(x: Dec): Dec {
  return x.c < 0n ? { c: -x.c, e: x.e, n: x.n } : x;
}

/** a + b rounded to p digits. */
export function add(a: Dec, b: Dec, p: number): Dec {
  if (a.n === 0) return round(b, p);
  if (b.n === 0) return round(a, p);
  let big = a;
  let small = b;
  if (a.e < b.e) {
    big = b;
    small = a;
  }
  // big has the higher last-digit exponent; small is aligned to it. A small far below every digit of big and below
  // big's rounding digit is replaced by a unit of its sign just under both: the sum rounds the same.
  const bigTop = big.e + big.n - 1;
  const smallTop = small.e + small.n - 1;
  const floor = Math.min(big.e, bigTop - p - 1);
  let sc = small.c;
  let se = small.e;
  let sn = small.n;
  if (bigTop >= smallTop && smallTop + 2 <= floor && big.e - small.e > 2 * p + 8) {
    sc = sc < 0n ? -1n : 1n;
    se = floor - 2;
    sn = 1;
  }
  const shift = big.e - se;
  const c = (shift === 0 ? big.c : big.c * pow10(shift)) + sc;
  if (c === 0n) return ZERO;
  return rounded(c, se, digitsBelow(c, Math.max(big.n + shift, sn) + 1), p);
}

/** a − b rounded to p digits. */
export function sub(a: Dec, b: Dec, p: number): Dec {
  return add(a, neg(b), p);
}

/** a · b rounded to p digits. */
export function mul(a: Dec, b: Dec, p: number): Dec {
  if (a.n === 0 || b.n === 0) return ZERO;
  const c = a.c * b.c;
  const s = a.n + b.n;
  return rounded(c, a.e + b.e, atLeast(c, s - 1) ? s : s - 1, p);
}

/** a ÷ b rounded to p digits; undefined when b = 0 (decimal.js: ±Infinity or NaN). */
export function div(a: Dec, b: Dec, p: number): Dec | undefined {
  if (b.n === 0) return undefined;
  if (a.n === 0) return ZERO;
  // The quotient truncated toward zero to at least p + 1 digits: half-up rounding reads only its first dropped digit.
  const s = Math.max(0, p + 1 + b.n - a.n);
  const q = (s === 0 ? a.c : a.c * pow10(s)) / b.c;
  const n0 = a.n + s - b.n;
  return rounded(q, a.e - b.e - s, atLeast(q, n0) ? n0 + 1 : n0, p);
}

/** ⌊√N⌋ for N ≥ 0 of about `bits` bits (within a few): Newton from the root of its top half, in shifts. */
function isqrt(N: bigint, bits: number): bigint {
  if (bits <= 50) {
    let r = BigInt(Math.floor(Math.sqrt(Number(N))));
    while (r * r > N) r--;
    while ((r + 1n) * (r + 1n) <= N) r++;
    return r;
  }
  // x0 = ⌊√(N / 4^k)⌋ · 2^k is below √N by less than 2^(k+1); one Newton step lands on ⌊√N⌋ or a little above it
  // (its error (2^(k+1))² / 2x0 < 1 for k < bits/4 − 2), never below.
  const k = (bits >> 2) - 3;
  const x0 = isqrt(N >> BigInt(2 * k), bits - 2 * k) << BigInt(k);
  let x = (x0 + N / x0) >> 1n;
  while (x * x > N) x--;
  return x;
}

/**
 * Rounding digits (the four after the p-th) at which decimal.js's √ may take its special paths: its Newton iterate can
 * read one unit off in the fourth of them, and it tests 0000, 4999, 5000 and 9999 specially.
 */
const SQRT_UNSURE = new Set([0, 1, 4998, 4999, 5000, 5001, 9998, 9999]);

/**
 * √a rounded to p digits. undefined for a < 0 (NaN) and near the rounding digits where decimal.js's own rounding logic
 * takes another path (`SQRT_UNSURE`): the caller asks decimal.js then.
 */
export function sqrt(a: Dec, p: number): Dec | undefined {
  if (a.c < 0n) return undefined;
  if (a.n === 0) return ZERO;
  // ⌊√(c · 10^t)⌋ with at least p + 5 digits and a.e − t even.
  let t = Math.max(0, 2 * p + 10 - a.n);
  if ((a.e - t) % 2 !== 0) t++;
  const nN = a.n + t;
  const r = isqrt(a.c * pow10(t), Math.ceil(nN * 3.3219280948873626));
  const n = (nN + 1) >> 1;
  const k = n - p;
  const rounding = Number((r % pow10(k)) / pow10(k - 4));
  if (SQRT_UNSURE.has(rounding)) return undefined;
  return rounded(r, (a.e - t) / 2, n, p);
}

/** The value of x as an integer when it is one of magnitude ≤ 64, else undefined. */
export function smallInteger(x: Dec): number | undefined {
  if (x.n === 0) return 0;
  if (x.e + x.n > 3) return undefined;
  let c = x.c;
  if (x.e < 0) {
    const d = pow10(-x.e);
    if (c % d !== 0n) return undefined;
    c /= d;
  } else c *= pow10(x.e);
  const v = Number(c);
  return v >= -64 && v <= 64 ? v : undefined;
}

/** x rounded to an integer, half away from zero (decimal.js `toFixed(0)`). */
export function toInteger(x: Dec): bigint {
  if (x.e >= 0) return x.c * pow10(x.e);
  const k = -x.e;
  const neg = x.c < 0n;
  const q = ((neg ? -x.c : x.c) + half(k)) / pow10(k);
  return neg ? -q : q;
}

/** −1, 0 or 1 as |a| <, =, > |b|. */
export function compareAbs(a: Dec, b: Dec): number {
  if (a.n === 0 || b.n === 0) return a.n === 0 ? (b.n === 0 ? 0 : -1) : 1;
  const ta = a.e + a.n;
  const tb = b.e + b.n;
  if (ta !== tb) return ta > tb ? 1 : -1;
  const x = a.c < 0n ? -a.c : a.c;
  const y = b.c < 0n ? -b.c : b.c;
  const u = a.e > b.e ? x * pow10(a.e - b.e) : x;
  const v = b.e > a.e ? y * pow10(b.e - a.e) : y;
  return u > v ? 1 : u < v ? -1 : 0;
}

const NUMBER = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Parses a decimal string exactly ("-0.5", "1e-40", "1.2e+21"); undefined for anything else (NaN, Infinity). */
export function parseDec(s: string): Dec | undefined {
  const m = NUMBER.exec(s);
  if (!m) return undefined;
  const int = m[2]!;
  const frac = m[3] ?? '';
  if (int.length === 0 && frac.length === 0) return undefined;
  let digits = int + frac;
  let i = 0;
  while (i < digits.length - 1 && digits.charCodeAt(i) === 48) i++;
  digits = digits.slice(i);
  const c = BigInt(digits);
  if (c === 0n) return ZERO;
  return { c: m[1] === '-' ? -c : c, e: (m[4] ? Number(m[4]) : 0) - frac.length, n: digits.length };
}

/** The string decimal.js's `toString` gives (exponential notation from exponent −7 down and from 21 up). */
export function toDecimalString(x: Dec): string {
  if (x.n === 0) return '0';
  const neg = x.c < 0n;
  let s = (neg ? -x.c : x.c).toString();
  let end = s.length;
  while (end > 1 && s.charCodeAt(end - 1) === 48) end--;
  s = s.slice(0, end);
  const e = x.e + x.n - 1;
  const len = s.length;
  let str: string;
  if (e <= -7 || e >= 21) {
    str = (len > 1 ? `${s[0]}.${s.slice(1)}` : s) + (e < 0 ? 'e' : 'e+') + e;
  } else if (e < 0) {
    str = `0.${'0'.repeat(-e - 1)}${s}`;
  } else if (e >= len) {
    str = s + '0'.repeat(e + 1 - len);
  } else {
    str = e + 1 < len ? `${s.slice(0, e + 1)}.${s.slice(e + 1)}` : s;
  }
  return neg ? `-${str}` : str;
}

/** The double nearest to x (decimal.js `toNumber`: the same value read by the same string-to-number conversion). */
export function toNumber(x: Dec): number {
  return x.n === 0 ? 0 : Number(`${x.c}e${x.e}`);
}
