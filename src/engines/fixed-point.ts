/**
 * exp and ln for mathjs BigNumbers (decimal.js) computed in BigInt fixed point: decimal.js's own exp and ln cost
 * ~0.5–0.8 ms each at 128 digits and dominate the randomized zero test; these take a few tens of µs. Both return a
 * BigNumber with `digits` significant digits whose relative error is below 10^(2 − digits).
 */
import type { BigNumber, MathJsInstance } from 'mathjs';

const GUARD = 12;
const ln2Cache = new Map<number, bigint>();

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** Rounds x / 2^s (s ≥ 0) to the nearest integer. */
function shiftRound(x: bigint, s: number): bigint {
  if (s <= 0) return x << BigInt(-s);
  const half = 1n << BigInt(s - 1);
  return x >= 0n ? (x + half) >> BigInt(s) : -((-x + half) >> BigInt(s));
}

/** ln 2 · 10^P by ln 2 = 2·atanh(1/3) = 2 Σ 1/((2k+1)·3^(2k+1)). */
function ln2Fixed(P: number): bigint {
  const hit = ln2Cache.get(P);
  if (hit !== undefined) return hit;
  const one = pow10(P + 5);
  let term = one / 3n;
  let sum = 0n;
  for (let k = 0n; term !== 0n; k++) {
    sum += term / (2n * k + 1n);
    term /= 9n;
  }
  const v = (2n * sum) / 100000n;
  ln2Cache.set(P, v);
  return v;
}

/** exp(r) · 10^P for a fixed-point r with |r| ≤ 0.35 (argument halved 2^8 times, Taylor series, squared back). */
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

function toFixed(x: BigNumber, P: number): bigint {
  return BigInt(x.times(`1e${P}`).toFixed(0));
}

function fromFixed(m: MathJsInstance, v: bigint, P: number, digits: number): BigNumber {
  return (m.bignumber(v.toString()) as BigNumber).div(`1e${P}`).toSignificantDigits(digits);
}

/** e^x at `digits` significant digits (x = k·ln2 + r, |r| ≤ ln2/2, e^x = 2^k·e^r). */
export function fastExp(m: MathJsInstance, x: BigNumber, digits: number): BigNumber {
  const xf = x.toNumber();
  if (!Number.isFinite(xf) || Math.abs(xf) > 1e5) return x.exp();
  const P = digits + GUARD;
  const ln2 = ln2Fixed(P);
  const X = toFixed(x, P);
  const k = BigInt(Math.round(xf / Math.LN2));
  const r = X - k * ln2;
  const er = expSmall(r, P);
  const scaled = k >= 0n ? er << k : er;
  const out = fromFixed(m, scaled, P, digits + 4);
  return (k >= 0n ? out : out.div((m.bignumber(2) as BigNumber).pow(Number(-k)))).toSignificantDigits(digits);
}

/** ln x at `digits` significant digits, by Newton's method on e^y = x from the double-precision logarithm. */
export function fastLn(m: MathJsInstance, x: BigNumber, digits: number): BigNumber {
  const xf = x.toNumber();
  if (!(xf > 0) || !Number.isFinite(xf) || Math.abs(Math.log(xf)) < 1e-3) return x.ln();
  let y = m.bignumber(Math.log(xf)) as BigNumber;
  // Each step y ← y + 2(x − e^y)/(x + e^y) (Halley) triples the correct digits: 16 → 48 → 144 → 432.
  for (let correct = 15; correct < digits + 4; correct *= 3) {
    const ey = fastExp(m, y, digits + 8);
    y = y.plus(x.minus(ey).times(2).div(x.plus(ey)));
  }
  return y.toSignificantDigits(digits);
}
