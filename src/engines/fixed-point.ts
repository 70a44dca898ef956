/**
 * exp and ln computed in BigInt fixed point: decimal.js's own exp and ln cost ~0.5–0.8 ms each at 128 digits and
 * dominate the randomized zero test; these take a few tens of µs. Both return a value with `digits` significant digits
 * whose relative error is below 10^(2 − digits). They work on `Dec` (src/engines/bigint-decimal.ts), rounding every
 * step exactly as the decimal.js calls they replace did at the caller's precision, so a mathjs BigNumber caller
 * (`fastExp`, `fastLn`) and a `Dec` caller get the same digits. Also: log10 of a `Dec` as the double decimal.js's
 * `log(10).toNumber()` gives.
 */
import type { BigNumber, MathJsInstance } from 'mathjs';
import {
  add,
  div,
  fromBigInt,
  mul,
  parseDec,
  pow10,
  round,
  sub,
  toInteger,
  toNumber,
  TWO,
  type Dec,
} from './bigint-decimal.ts';

const GUARD = 12;
const ln2Cache = new Map<number, bigint>();

/** Rounds x / 2^s (s ≥ 0) to the nearest integer. */
function shiftRound(x: bigint, s: number): bigint {
  if (s <= 0) return x << BigInt(-s);
  const half = 1n << BigInt(s - 1);
  return x >= 0n ? (x + half) >> BigInt(s) : -((-x + half) >> BigInt(s));
}

/** 2·atanh(1/q) · 10^P = 2 Σ 1/((2k+1)·q^(2k+1)) · 10^P, five guard digits dropped at the end. */
function atanhInverse(q: bigint, P: number): bigint {
  const one = pow10(P + 5);
  const q2 = q * q;
  let term = one / q;
  let sum = 0n;
  for (let k = 0n; term !== 0n; k++) {
    sum += term / (2n * k + 1n);
    term /= q2;
  }
  return (2n * sum) / 100000n;
}

/** ln 2 · 10^P by ln 2 = 2·atanh(1/3). */
function ln2Fixed(P: number): bigint {
  const hit = ln2Cache.get(P);
  if (hit !== undefined) return hit;
  const v = atanhInverse(3n, P);
  ln2Cache.set(P, v);
  return v;
}

/**
 * exp(r) · 10^P for a fixed-point r with |r| ≤ 0.35 (argument halved 2^8 times, Taylor series, squared back). Its
 * result, error included, defines the digits `expDec` returns; `expBinary` finds them faster wherever that error cannot
 * matter.
 */
function expSmall(r: bigint, P: number): bigint {
  const one = pow10(P);
  const s = 8;
  const x = shiftRound(r, s);
  let term = one;
  let sum = one;
  for (let k = 1n; term !== 0n; k++) {
    term = (term * x) / (one * k);
    sum += term;
  }
  for (let i = 0; i < s; i++) sum = (sum * sum) / one;
  return sum;
}

/**
 * A bound on |expSmall(r, P) − exp(r)·10^P| in units of 10^−P, with at least 7× to spare: the series' truncations
 * (≤ 1 each, about P/2.85 terms), the rounding of r/256 (128 relative units after squaring) and the squarings' own
 * truncations (≤ 1.43 each) are amplified up to 256-fold, ≤ 128·P + 1300 absolute for e^r ≤ 1.42 (≈ 3·10^4 at
 * P = 212); measured ≤ 1.1·10^4 at 76–212 digits.
 */
function expSmallError(P: number): bigint {
  return BigInt(1_000_000 + 1000 * P);
}
const LOG2_10 = Math.log2(10);

/**
 * exp(r) · 10^P within 2 units of 10^−P for a fixed-point r with |r| ≤ 0.35, in binary fixed point (shifts instead of
 * divisions by 10^P): r/2^16, Taylor series, squared back 16 times, with 7 decimal guard digits plus 16 bits for the
 * squarings' amplification.
 */
function expBinary(r: bigint, P: number): bigint {
  const s = 16;
  const B = BigInt(Math.ceil((P + 7) * LOG2_10) + s);
  const one = 1n << B;
  const x = ((r << B) / pow10(P)) >> BigInt(s);
  let term = one;
  let sum = one;
  for (let k = 1n; term !== 0n; k++) {
    term = ((term * x) >> B) / k;
    sum += term;
  }
  for (let i = 0; i < s; i++) sum = (sum * sum) >> B;
  return (sum * pow10(P)) >> B;
}

/** What the fixed-point functions leave to decimal.js (rare arguments), at the caller's precision. */
export interface DecimalFallback {
  /** decimal.js `exp`; undefined when not finite. */
  exp(x: Dec): Dec | undefined;
  /** decimal.js `ln`; undefined when not finite (x ≤ 0). */
  ln(x: Dec): Dec | undefined;
  /** decimal.js `2^n` (its exponentiation by squaring, truncated to the precision plus guard words). */
  pow2(n: number): Dec;
}

/** er · 2^max(k, 0) · 10^−P rounded to `prec` and then to `digits` + 4 digits (`expDec`'s rounding of e^r). */
function scaledOut(er: bigint, k: number, P: number, prec: number, digits: number): Dec {
  return round(round(fromBigInt(k >= 0 ? er << BigInt(k) : er, -P), prec), digits + 4);
}

/**
 * e^x at `digits` significant digits, every step rounded at precision `prec` (x = k·ln2 + r, |r| ≤ ln2/2,
 * e^x = 2^k·e^r); undefined when not finite.
 */
export function expDec(x: Dec, digits: number, prec: number, dj: DecimalFallback): Dec | undefined {
  const xf = toNumber(x);
  if (!Number.isFinite(xf) || Math.abs(xf) > 1e5) return dj.exp(x);
  const P = digits + GUARD;
  const ln2 = ln2Fixed(P);
  // x · 10^P at the precision, then to the nearest integer.
  const X = toInteger(round({ c: x.c, e: x.e + P, n: x.n }, prec));
  const k = Math.round(xf / Math.LN2);
  const r = X - BigInt(k) * ln2;
  // expSmall's result lies within expSmallError of expBinary's; where both ends of that interval round alike, so
  // does it (rounding is monotone), and expSmall need not run.
  const approx = expBinary(r, P);
  const error = expSmallError(P);
  const lo = scaledOut(approx - error, k, P, prec, digits);
  const hi = scaledOut(approx + error, k, P, prec, digits);
  const out = lo.c === hi.c && lo.e === hi.e ? lo : scaledOut(expSmall(r, P), k, P, prec, digits);
  if (k >= 0) return round(out, digits);
  // 2^−k is exact when it has at most `prec` digits (decimal.js's intPow only truncates beyond prec + 22).
  const pow2 = -k * Math.LOG10E * Math.LN2 < prec - 1 ? fromBigInt(1n << BigInt(-k)) : dj.pow2(-k);
  return round(div(out, pow2, prec)!, digits);
}

/** ln x at `digits` significant digits, by Newton's method on e^y = x from the double-precision logarithm. */
export function lnDec(x: Dec, digits: number, prec: number, dj: DecimalFallback): Dec | undefined {
  const xf = toNumber(x);
  if (!(xf > 0) || !Number.isFinite(xf) || Math.abs(Math.log(xf)) < 1e-3) return dj.ln(x);
  let y = parseDec(String(Math.log(xf)))!;
  // Each step y ← y + 2(x − e^y)/(x + e^y) (Halley) triples the correct digits: 16 → 48 → 144 → 432.
  for (let correct = 15; correct < digits + 4; correct *= 3) {
    const ey = expDec(y, digits + 8, prec, dj);
    if (ey === undefined) return dj.ln(x);
    y = add(y, div(mul(sub(x, ey, prec), TWO, prec), add(x, ey, prec), prec)!, prec);
  }
  return round(y, digits);
}

/** A `Dec` as a mathjs BigNumber of the instance (exact: the constructor does not round). */
export function toBigNumber(m: MathJsInstance, x: Dec): BigNumber {
  return m.bignumber(x.n === 0 ? '0' : `${x.c}e${x.e}`) as BigNumber;
}

/** A finite BigNumber as a `Dec` (exact); undefined when not finite. */
export function fromBigNumber(x: BigNumber): Dec | undefined {
  return x.isFinite() ? parseDec(x.toString()) : undefined;
}

/** decimal.js, at the precision of the mathjs instance `m`, for what the fixed-point functions leave to it. */
export function decimalFallback(m: MathJsInstance): DecimalFallback {
  return {
    exp: (x) => fromBigNumber(toBigNumber(m, x).exp()),
    ln: (x) => fromBigNumber(toBigNumber(m, x).ln()),
    pow2: (n) => fromBigNumber((m.bignumber(2) as BigNumber).pow(n))!,
  };
}

/** The precision of the instance's BigNumber class (a decimal.js clone). */
function precisionOf(m: MathJsInstance): number {
  return (m.bignumber(0).constructor as unknown as { readonly precision: number }).precision;
}

/** e^x for a mathjs BigNumber at `digits` significant digits (`expDec` at the instance's precision). */
export function fastExp(m: MathJsInstance, x: BigNumber, digits: number): BigNumber {
  const d = fromBigNumber(x);
  const r = d && expDec(d, digits, precisionOf(m), decimalFallback(m));
  return r ? toBigNumber(m, r) : x.exp();
}

/** ln x for a mathjs BigNumber at `digits` significant digits (`lnDec` at the instance's precision). */
export function fastLn(m: MathJsInstance, x: BigNumber, digits: number): BigNumber {
  const d = fromBigNumber(x);
  const r = d && lnDec(d, digits, precisionOf(m), decimalFallback(m));
  return r ? toBigNumber(m, r) : x.ln();
}

const LOG_DIGITS = 40;
let ln10Fixed: bigint | undefined;

/**
 * log10 x for x > 0 as the double that decimal.js's `x.log(10).toNumber()` gives at a precision prec ≥ 45: that is the
 * double nearest the correctly rounded log10, so the double nearest log10 x whenever log10 x is not within 10^−30 of a
 * midpoint between doubles; computed to 40 digits (2·atanh series) and checked against that margin. undefined in the
 * one-in-10^16 case where the margin does not decide.
 */
export function log10ToNumber(x: Dec, prec: number): number | undefined {
  if (prec < 45 || x.c <= 0n) return undefined;
  const a = x.c < 0n ? -x.c : x.c;
  const exponent = x.e + x.n - 1;
  if (a === pow10(x.n - 1)) return exponent;
  const Q = LOG_DIGITS;
  // The mantissa a / 10^(n−1) ∈ (1, 10) to Q digits (truncated: error ≤ 10^−Q), reduced by 2^j to f ∈ [1, 2).
  const M = x.n - 1 <= Q ? a * pow10(Q - x.n + 1) : a / pow10(x.n - 1 - Q);
  const one = pow10(Q);
  let j = Math.max(0, Math.floor(Math.log2(Number(M / pow10(Q - 15)) / 1e15)));
  while (j > 0 && M >> BigInt(j) < one) j--;
  while (M >> BigInt(j + 1) >= one) j++;
  const F = M >> BigInt(j);
  // ln f = 2·atanh(z), z = (f − 1)/(f + 1) ≤ 1/3.
  const z = ((F - one) * one) / (F + one);
  const z2 = (z * z) / one;
  let term = z;
  let sum = 0n;
  for (let k = 1n; term !== 0n; k += 2n) {
    sum += term / k;
    term = (term * z2) / one;
  }
  ln10Fixed ??= 3n * ln2Fixed(Q) + atanhInverse(9n, Q);
  const lnM = BigInt(j) * ln2Fixed(Q) + 2n * sum;
  const L = BigInt(exponent) * one + (lnM * one) / ln10Fixed;
  // Error of L: below 10^(5 − Q) (truncations of M, z, the series, ln 2, ln 10 and the quotient).
  const margin = pow10(10);
  const lo = Number(`${L - margin}e-${Q}`);
  const hi = Number(`${L + margin}e-${Q}`);
  return lo === hi ? lo : undefined;
}
