/**
 * Proof that a refutation is real: a rigorous enclosure [lo, hi] of printed − reference at the (exact decimal) witness
 * point, by outward-rounded interval arithmetic (src/exact/interval.ts) over the hash-consed DAG of the expression.
 * If the enclosure excludes 0, the difference is nonzero at that point, whatever the rounding.
 */
import { compileDag, type Dag } from '../engines/dag.ts';
import { ClaimcheckError } from '../errors.ts';
import {
  GUARD,
  IntervalDomainError,
  containsZero,
  formatInterval,
  intervalArithmetic,
  pointInterval,
  type Interval,
  type IntervalArithmetic,
} from '../exact/interval.ts';
import { add, div, mul, parseRational, pow, rational, sub, type Rational } from '../exact/rational.ts';
import type { Enclosure } from '../claims/verdict.ts';

/** The exact value of every constant subexpression of a DAG (+ − × ÷ and small integer powers of literals). */
function exactConstants(dag: Dag): (Rational | undefined)[] {
  const out: (Rational | undefined)[] = [];
  for (const op of dag.ops) {
    let v: Rational | undefined;
    if (op.k === 'const') v = parseRational(op.v);
    else if (op.k === 'neg') v = out[op.a] && sub(rational(0), out[op.a]!);
    else if (op.k === 'bin') {
      const a = out[op.a];
      const b = out[op.b];
      if (a && b) {
        if (op.op === '+') v = add(a, b);
        else if (op.op === '-') v = sub(a, b);
        else if (op.op === '*') v = mul(a, b);
        else if (op.op === '/') v = b.num === 0n ? undefined : div(a, b);
        else if (b.den === 1n && b.num >= -64n && b.num <= 64n && !(a.num === 0n && b.num < 0n)) {
          v = b.num >= 0n ? pow(a, Number(b.num)) : div(rational(1), pow(a, Number(-b.num)));
        }
      }
    }
    out.push(v);
  }
  return out;
}

/** a^b: integer b by exact powers, half-integer b by √a, any other b by exp(b·log a) (a > 0). */
function power(ia: IntervalArithmetic, a: Interval, b: Interval, exact: Rational | undefined): Interval {
  if (exact?.den === 1n) return ia.powInt(a, Number(exact.num));
  if (exact?.den === 2n) return ia.powInt(ia.sqrt(a), Number(exact.num));
  return ia.exp(ia.mul(b, ia.log(a)));
}

/** An enclosure of a DAG's value at an exact point, at `digits` significant digits. */
export function encloseDag(dag: Dag, point: Readonly<Record<string, string>>, digits: number): Interval {
  const ia = intervalArithmetic(digits);
  const exact = exactConstants(dag);
  const vals: Interval[] = [];
  for (const op of dag.ops) {
    switch (op.k) {
      case 'const':
        vals.push(pointInterval(op.v));
        break;
      case 'sym': {
        const v = point[op.name];
        if (v === undefined)
          throw new ClaimcheckError('UNKNOWN_VARIABLE', `encloseDag: no value for symbol ${op.name}`);
        vals.push(pointInterval(v));
        break;
      }
      case 'neg':
        vals.push(ia.neg(vals[op.a]!));
        break;
      case 'bin': {
        const a = vals[op.a]!;
        const b = vals[op.b]!;
        const ops = { '+': ia.add, '-': ia.sub, '*': ia.mul, '/': ia.div } as const;
        vals.push(op.op === '^' ? power(ia, a, b, exact[op.b]) : ops[op.op](a, b));
        break;
      }
      case 'fn':
        vals.push(ia[op.fn](vals[op.a]!));
        break;
    }
  }
  return vals[dag.root]!;
}

/**
 * A rigorous enclosure of a mathjs expression at an exact decimal point. If the enclosure at `digits` contains 0, or
 * an operation refuses an interval (a divisor or log argument too wide to exclude 0), it is computed once more at
 * 2·digits (at most 1000); `digits` in the result says which. Errors of the retry propagate.
 */
export function encloseExpression(expr: string, point: Readonly<Record<string, string>>, digits = 60): Enclosure {
  const dag = compileDag(expr);
  let x: Interval | undefined;
  let used = digits;
  let failure: unknown;
  for (const d of [digits, Math.min(2 * digits, 1000)]) {
    used = d;
    try {
      x = encloseDag(dag, point, d);
      // Exactly 0 (every operation exact) needs no second try.
      if (!containsZero(x) || (x.lo.isZero() && x.hi.isZero())) break;
    } catch (err) {
      if (!(err instanceof IntervalDomainError) || err.operation === 'input' || d !== digits) throw err;
      failure = err;
    }
    if (d === 1000) break;
  }
  if (!x) throw failure;
  const { lo, hi } = formatInterval(x, used);
  return {
    lo,
    hi,
    excludesZero: !containsZero(x),
    digits: used,
    method:
      `outward-rounded interval arithmetic (decimal.js, ${used} digits; ÷ and √ verified by exact back-multiplication; ` +
      `exp/log/sin/cos at ${GUARD} guard digits widened by 10^${1 - used})`,
  };
}

/** A rigorous enclosure of a − b at an exact decimal point (one DAG, so shared subexpressions are evaluated once). */
export function encloseDifference(
  a: string,
  b: string,
  point: Readonly<Record<string, string>>,
  digits = 60,
): Enclosure {
  return encloseExpression(`(${a}) - (${b})`, point, digits);
}
