/**
 * Rigorous interval arithmetic over decimal.js: every result is an interval [lo, hi] of decimals with `digits`
 * significant digits that contains the exact real result for every real in the operand intervals.
 *
 * Soundness argument, operation by operation:
 * - + − ×: decimal.js computes the exact sum / product and then rounds it to `precision` digits in the clone's rounding
 *   mode; lower ends are computed in a ROUND_FLOOR clone, upper ends in a ROUND_CEIL clone (outward rounding).
 * - ÷ and sqrt: computed with directed rounding and then *verified* by exact back-multiplication (q·b against a,
 *   s² against a, in a clone whose precision exceeds any product's digit count); a candidate that fails is moved
 *   outward by one unit in the last place until it passes. No rounding claim of decimal.js is trusted here.
 * - exp, log, sin, cos: evaluated at `digits + GUARD` digits (GUARD = 10) and widened by 10^(1 − digits) relative to
 *   the result (sin/cos: relative to max(|r|, 1), an absolute 10^(1 − digits) near their zeros), then rounded
 *   outward to `digits` digits. This is sound if decimal.js's result at digits + GUARD digits has relative
 *   (sin/cos: absolute-or-relative) error below 10^(1 − digits), a bound 10^GUARD times weaker than the correct
 *   rounding decimal.js documents for exp and ln, and still 10^GUARD ulps of slack for its sin/cos, whose argument
 *   reduction uses its stored 1025-digit π.
 * - sin, cos of a non-point interval [m, m + r]: second-order mean-value form sin(m + t) = sin m + t·cos m − t²/2·sin ξ
 *   (likewise cos), so sin([m, m + r]) ⊆ sin m + [0, r]·cos m + [−r²/2, r²/2], intersected with [−1, 1]. Tight for
 *   the narrow intervals of a witness evaluation, loose (but sound) for wide ones.
 * - exp, log, sqrt are monotone and evaluated at the ends; |x| and x^n (integer n) are handled case by case so that
 *   x² of [−1, 2] is [0, 4].
 * Intervals never contain ±Infinity or NaN: a non-finite end throws. Decimal exponent underflow (|x| < 1e-9e15) is not
 * guarded against; no expression of the paper comes near it.
 */
// The named import: under NodeNext the package's d.ts is read as CommonJS, so a default import types as the module object.
import { Decimal } from 'decimal.js';
import { ClaimcheckError } from '../errors.ts';

/** A closed interval [lo, hi] of finite decimals, lo ≤ hi. */
export interface Interval {
  readonly lo: Decimal;
  readonly hi: Decimal;
}

/** The operations that can refuse an interval. */
export type IntervalOperation = 'div' | 'log' | 'sqrt' | 'pow' | 'input' | 'overflow';

/** An interval operation outside its domain (a divisor or log argument that may be 0 or negative, a non-finite end). */
export class IntervalDomainError extends ClaimcheckError {
  readonly operation: IntervalOperation;
  constructor(operation: IntervalOperation, message: string) {
    super(
      operation === 'input' ? 'BAD_INPUT' : 'CHECK_FAILED',
      `interval ${operation}: ${message}`,
      'evaluate at more digits or at another point',
    );
    this.name = 'IntervalDomainError';
    this.operation = operation;
  }
}

/** Guard digits of the transcendental functions (see the module comment). */
export const GUARD = 10;

/** A clone whose precision exceeds the digit count of any product or sum of operands here: + − × are exact in it. */
const Exact = Decimal.clone({ precision: 1e9 });

/** The interval of a single exact decimal ("0.4517", "-1", "1e-3", or a Decimal): no rounding of the input. */
export function pointInterval(value: string | Decimal): Interval {
  let v: Decimal;
  try {
    v = new Exact(value);
  } catch {
    throw new IntervalDomainError('input', `not a decimal number: "${String(value)}"`);
  }
  if (!v.isFinite()) throw new IntervalDomainError('input', `not a finite decimal: "${String(value)}"`);
  return { lo: v, hi: v };
}

/** The interval [lo, hi] of two exact decimals; throws if lo > hi. */
export function interval(lo: string | Decimal, hi: string | Decimal): Interval {
  const a = pointInterval(lo).lo;
  const b = pointInterval(hi).lo;
  if (a.gt(b)) throw new IntervalDomainError('input', `empty interval [${a.toString()}, ${b.toString()}]`);
  return { lo: a, hi: b };
}

/** Whether 0 ∈ [lo, hi]. */
export function containsZero(x: Interval): boolean {
  return x.lo.lte(0) && x.hi.gte(0);
}

/** hi − lo, exactly. */
export function width(x: Interval): Decimal {
  return Exact.sub(x.hi, x.lo);
}

/** The ends as decimal strings, rounded outward to `digits` significant digits when given (exact otherwise). */
export function formatInterval(x: Interval, digits?: number): { readonly lo: string; readonly hi: string } {
  if (digits === undefined) return { lo: x.lo.toString(), hi: x.hi.toString() };
  return {
    lo: x.lo.toSignificantDigits(digits, Decimal.ROUND_FLOOR).toString(),
    hi: x.hi.toSignificantDigits(digits, Decimal.ROUND_CEIL).toString(),
  };
}

/** Outward-rounded interval operations at a fixed number of significant digits. */
export interface IntervalArithmetic {
  readonly digits: number;
  add(x: Interval, y: Interval): Interval;
  sub(x: Interval, y: Interval): Interval;
  neg(x: Interval): Interval;
  mul(x: Interval, y: Interval): Interval;
  /** Throws `IntervalDomainError` ('div') when y contains 0. */
  div(x: Interval, y: Interval): Interval;
  /** x^n for an integer n (0^0 = 1, as in mathjs); n < 0 divides, so it throws when x contains 0. */
  powInt(x: Interval, n: number): Interval;
  /** Throws ('sqrt') when lo < 0. */
  sqrt(x: Interval): Interval;
  exp(x: Interval): Interval;
  /** Throws ('log') unless lo > 0. */
  log(x: Interval): Interval;
  abs(x: Interval): Interval;
  sin(x: Interval): Interval;
  cos(x: Interval): Interval;
}

const cache = new Map<number, IntervalArithmetic>();

/** The interval operations at `digits` significant digits (an integer in [5, 1000]; cached per precision). */
export function intervalArithmetic(digits: number): IntervalArithmetic {
  if (!Number.isInteger(digits) || digits < 5 || digits > 1000) {
    throw new ClaimcheckError('BAD_INPUT', `intervalArithmetic: digits must be an integer in [5, 1000], got ${digits}`);
  }
  let ia = cache.get(digits);
  if (!ia) cache.set(digits, (ia = build(digits)));
  return ia;
}

function build(digits: number): IntervalArithmetic {
  const Down = Decimal.clone({ precision: digits, rounding: Decimal.ROUND_FLOOR });
  const Up = Decimal.clone({ precision: digits, rounding: Decimal.ROUND_CEIL });
  const Guarded = Decimal.clone({ precision: digits + GUARD, rounding: Decimal.ROUND_HALF_EVEN });
  const relSlack = new Exact(`1e${1 - digits}`);
  const min = (...v: Decimal[]) => v.reduce((a, b) => (b.lt(a) ? b : a));
  const max = (...v: Decimal[]) => v.reduce((a, b) => (b.gt(a) ? b : a));
  const make = (lo: Decimal, hi: Decimal, op: string): Interval => {
    if (!lo.isFinite() || !hi.isFinite()) throw new IntervalDomainError('overflow', `${op} gave a non-finite end`);
    return { lo, hi };
  };
  /** One unit in the last place of v at `digits` digits (v ≠ 0). */
  const ulp = (v: Decimal) => new Exact(`1e${v.e - digits + 1}`);

  /** a/b rounded down (dir −1) or up (dir +1), verified: (q·b − a)·sign(b) ≤ 0 for down, ≥ 0 for up. */
  const divDir = (a: Decimal, b: Decimal, dir: 1 | -1): Decimal => {
    let q = dir < 0 ? Down.div(a, b) : Up.div(a, b);
    const bad = (c: Decimal) => Exact.mul(c, b).minus(a).times(b.s).times(dir).lt(0);
    while (bad(q)) q = Exact.add(q, Exact.mul(ulp(q), dir));
    return q;
  };
  /** √a (a ≥ 0) rounded down or up, verified by s² ≤ a (down) or s² ≥ a (up). */
  const sqrtDir = (a: Decimal, dir: 1 | -1): Decimal => {
    if (a.isZero()) return a;
    let s = dir < 0 ? Down.sqrt(a) : Up.sqrt(a);
    while (Exact.mul(s, s).minus(a).times(dir).lt(0)) s = Exact.add(s, Exact.mul(ulp(s), dir));
    return s;
  };
  /** f(v) at digits + GUARD digits, widened (see the module comment) and rounded outward. */
  const transcendental = (f: 'exp' | 'ln' | 'sin' | 'cos', v: Decimal): Interval => {
    const r = Guarded[f](v);
    const scale = f === 'sin' || f === 'cos' ? max(r.abs(), new Exact(1)) : r.abs();
    const slack = Exact.mul(scale, relSlack);
    return make(Down.sub(r, slack), Up.add(r, slack), f);
  };
  /** An increasing function of an interval: f at the ends (once for a point). */
  const monotone = (f: 'exp' | 'ln', x: Interval): Interval => {
    const a = transcendental(f, x.lo);
    return x.lo.eq(x.hi) ? a : { lo: a.lo, hi: transcendental(f, x.hi).hi };
  };
  /** |v|^n (n ≥ 0) by squaring, rounded down or up: monotone on non-negatives, so each rounded product bounds. */
  const powMag = (v: Decimal, n: number, C: Decimal.Constructor): Decimal => {
    let result = new C(1);
    let base = v.abs();
    for (let k = n; k > 0; k = Math.floor(k / 2)) {
      if (k % 2 === 1) result = C.mul(result, base);
      if (k > 1) base = C.mul(base, base);
    }
    return result;
  };
  /** An enclosure of v^n (n ≥ 0) for one decimal v. */
  const pointPow = (v: Decimal, n: number): Interval => {
    const lo = powMag(v, n, Down);
    const hi = powMag(v, n, Up);
    return v.isNeg() && n % 2 === 1 ? make(hi.neg(), lo.neg(), 'pow') : make(lo, hi, 'pow');
  };
  const nonNegative = (x: Interval, op: IntervalOperation, strict: boolean) => {
    if (strict ? x.lo.lte(0) : x.lo.lt(0)) {
      throw new IntervalDomainError(
        op,
        `argument [${x.lo.toString()}, ${x.hi.toString()}] is not ${strict ? '> 0' : '≥ 0'}`,
      );
    }
  };
  const trig = (x: Interval, f: 'sin' | 'cos'): Interval => {
    const s = transcendental(f, x.lo);
    if (x.lo.eq(x.hi)) return s;
    // f(lo + t) = f(lo) + t·f'(lo) + t²/2·f''(ξ), t ∈ [0, r], |f''| ≤ 1; f' = cos for sin and −sin for cos.
    const r = Up.sub(x.hi, x.lo);
    const d1 = f === 'sin' ? transcendental('cos', x.lo) : ia.neg(transcendental('sin', x.lo));
    const h = Up.div(Up.mul(r, r), 2);
    const e = ia.add(ia.add(s, ia.mul(d1, { lo: new Exact(0), hi: r })), { lo: h.neg(), hi: h });
    return { lo: max(e.lo, new Exact(-1)), hi: min(e.hi, new Exact(1)) };
  };

  const ia: IntervalArithmetic = {
    digits,
    add: (x, y) => make(Down.add(x.lo, y.lo), Up.add(x.hi, y.hi), 'add'),
    sub: (x, y) => make(Down.sub(x.lo, y.hi), Up.sub(x.hi, y.lo), 'sub'),
    neg: (x) => ({ lo: x.hi.neg(), hi: x.lo.neg() }),
    mul: (x, y) => {
      const pairs = [
        [x.lo, y.lo],
        [x.lo, y.hi],
        [x.hi, y.lo],
        [x.hi, y.hi],
      ] as const;
      return make(min(...pairs.map(([a, b]) => Down.mul(a, b))), max(...pairs.map(([a, b]) => Up.mul(a, b))), 'mul');
    },
    div: (x, y) => {
      if (containsZero(y))
        throw new IntervalDomainError('div', `divisor [${y.lo.toString()}, ${y.hi.toString()}] contains 0`);
      const pairs = [
        [x.lo, y.lo],
        [x.lo, y.hi],
        [x.hi, y.lo],
        [x.hi, y.hi],
      ] as const;
      return make(
        min(...pairs.map(([a, b]) => divDir(a, b, -1))),
        max(...pairs.map(([a, b]) => divDir(a, b, 1))),
        'div',
      );
    },
    powInt: (x, n) => {
      if (!Number.isSafeInteger(n)) throw new IntervalDomainError('pow', `exponent ${n} is not a safe integer`);
      if (n === 0) return pointInterval('1');
      if (n < 0) return ia.div(pointInterval('1'), ia.powInt(x, -n));
      const a = pointPow(x.lo, n);
      const b = pointPow(x.hi, n);
      if (n % 2 === 1 || x.lo.gte(0)) return { lo: a.lo, hi: b.hi };
      if (x.hi.lte(0)) return { lo: b.lo, hi: a.hi };
      return { lo: new Exact(0), hi: max(a.hi, b.hi) };
    },
    sqrt: (x) => {
      nonNegative(x, 'sqrt', false);
      return make(sqrtDir(x.lo, -1), sqrtDir(x.hi, 1), 'sqrt');
    },
    exp: (x) => monotone('exp', x),
    log: (x) => {
      nonNegative(x, 'log', true);
      return monotone('ln', x);
    },
    abs: (x) => (x.lo.gte(0) ? x : x.hi.lte(0) ? ia.neg(x) : { lo: new Exact(0), hi: max(x.lo.neg(), x.hi) }),
    sin: (x) => trig(x, 'sin'),
    cos: (x) => trig(x, 'cos'),
  };
  return ia;
}
