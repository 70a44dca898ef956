/**
 * Proves the interval arithmetic sound and tight: known constants lie in narrow enclosures (checked against decimal.js
 * at 200 digits and against a BigInt series that shares no code with decimal.js), every operation's enclosure contains
 * the 300-digit value at any point of its operand intervals, rounding is outward, point inputs are exact, and the
 * domain errors are typed.
 */
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { deriveSeed } from '../../src/rng.ts';
import { ClaimcheckError } from '../../src/errors.ts';
import {
  IntervalDomainError,
  containsZero,
  formatInterval,
  interval,
  intervalArithmetic,
  pointInterval,
  width,
  type Interval,
  type IntervalArithmetic,
} from '../../src/exact/interval.ts';

const SEED = 20210;
const D200 = Decimal.clone({ precision: 200 });
const D300 = Decimal.clone({ precision: 300 });
const contains = (x: Interval, v: Decimal.Value) => x.lo.lte(v) && x.hi.gte(v);
const fmt = (x: Interval) => formatInterval(x);

/**
 * Bounds [lo, hi] of a constant from a fixed-point BigInt series at scale 10^M, independent of decimal.js: each term
 * is floor-divided (error ≤ 2 per term, by induction t_k* − t_k ≤ (t_{k−1}* − t_{k−1})/k + 1), and the tail after
 * the first zero term is < 5, so the sum is within 2K + 5 units of the exact value (√2: floor of √(2·10^2M), +1).
 */
function seriesBounds(name: 'e' | 'ln2' | 'sin1' | 'cos1' | 'sqrt2', M = 140): [Decimal, Decimal] {
  const S = 10n ** BigInt(M);
  let sum = 0n;
  let K = 0n;
  if (name === 'sqrt2') {
    // Integer Newton from above decreases to floor(√(2·S²)).
    const n = 2n * S * S;
    let r = 2n * S;
    for (let y = (r + n / r) / 2n; y < r; y = (r + n / r) / 2n) r = y;
    sum = r;
  } else if (name === 'ln2') {
    // ln 2 = Σ_{k≥1} 1/(k·2^k)
    for (let k = 1n, p = S / 2n; p !== 0n; k++, p /= 2n, K++) sum += p / k;
  } else {
    // e = Σ 1/k!, sin 1 = Σ (−1)^j/(2j+1)!, cos 1 = Σ (−1)^j/(2j)!
    const start = name === 'sin1' ? 1n : 0n;
    let t = S;
    for (let k = 1n; k <= start; k++) t /= k;
    for (let k = start, j = 0n; t !== 0n; j++, K++) {
      sum += name === 'e' || j % 2n === 0n ? t : -t;
      const step = name === 'e' ? 1n : 2n;
      for (let i = 0n; i < step; i++) t /= ++k;
    }
  }
  const slack = 2n * K + 5n;
  const toDec = (v: bigint) => new D200(v.toString()).div(new D200(S.toString()));
  return [toDec(sum - slack), toDec(sum + slack + (name === 'sqrt2' ? 1n : 0n))];
}

describe('known constants', () => {
  const cases = [
    {
      name: 'exp(1)',
      series: 'e',
      reference: () => new D200(1).exp(),
      enclose: (ia: IntervalArithmetic) => ia.exp(pointInterval('1')),
    },
    {
      name: 'log(2)',
      series: 'ln2',
      reference: () => new D200(2).ln(),
      enclose: (ia: IntervalArithmetic) => ia.log(pointInterval('2')),
    },
    {
      name: 'sqrt(2)',
      series: 'sqrt2',
      reference: () => new D200(2).sqrt(),
      enclose: (ia: IntervalArithmetic) => ia.sqrt(pointInterval('2')),
    },
    {
      name: 'sin(1)',
      series: 'sin1',
      reference: () => new D200(1).sin(),
      enclose: (ia: IntervalArithmetic) => ia.sin(pointInterval('1')),
    },
    {
      name: 'cos(1)',
      series: 'cos1',
      reference: () => new D200(1).cos(),
      enclose: (ia: IntervalArithmetic) => ia.cos(pointInterval('1')),
    },
  ] as const;

  for (const c of cases) {
    for (const digits of [60, 120]) {
      it(`${c.name} at ${digits} digits contains the 200-digit decimal.js value and the BigInt series bracket, width ≤ 10^-${digits - 5}`, () => {
        // Arrange
        const [seriesLo, seriesHi] = seriesBounds(c.series);
        const reference = c.reference();
        // Act
        const x = c.enclose(intervalArithmetic(digits));
        // Assert
        expect(seriesLo.lte(reference) && seriesHi.gte(reference)).toBe(true); // the two oracles agree (to ~138 digits)
        expect(contains(x, reference)).toBe(true);
        expect(x.lo.lte(seriesLo) && x.hi.gte(seriesHi)).toBe(true);
        expect(width(x).lte(`1e-${digits - 5}`)).toBe(true);
      });
    }
  }

  it('the first 120 digits of e from the series match the literal', () => {
    const e120 =
      '2.71828182845904523536028747135266249775724709369995957496696762772407663035354759457138217852516642742746639193200305992';
    const [lo, hi] = seriesBounds('e');
    expect(lo.toSignificantDigits(120, Decimal.ROUND_DOWN).toString()).toBe(e120);
    expect(hi.toSignificantDigits(120, Decimal.ROUND_DOWN).toString()).toBe(e120);
  });
});

describe('outward rounding and exact inputs', () => {
  it('rounds 1/3 and −1/3 outward by one unit in the 30th digit', () => {
    const ia = intervalArithmetic(30);
    expect(fmt(ia.div(pointInterval('1'), pointInterval('3')))).toEqual({
      lo: `0.${'3'.repeat(30)}`,
      hi: `0.${'3'.repeat(29)}4`,
    });
    expect(fmt(ia.div(pointInterval('-1'), pointInterval('3')))).toEqual({
      lo: `-0.${'3'.repeat(29)}4`,
      hi: `-0.${'3'.repeat(30)}`,
    });
  });

  it('keeps a point input exact however many digits it has (no rounding to the working precision)', () => {
    const x = pointInterval(`0.1${'0'.repeat(78)}1`);
    const d = intervalArithmetic(20).sub(x, pointInterval('0.1'));
    expect(fmt(d)).toEqual({ lo: '1e-80', hi: '1e-80' });
  });

  it('takes even powers over a sign change to [0, max] and odd powers monotonically', () => {
    const ia = intervalArithmetic(20);
    expect(fmt(ia.powInt(interval('-1', '2'), 2))).toEqual({ lo: '0', hi: '4' });
    expect(fmt(ia.powInt(interval('-3', '-2'), 2))).toEqual({ lo: '4', hi: '9' });
    expect(fmt(ia.powInt(interval('-1', '2'), 3))).toEqual({ lo: '-1', hi: '8' });
    expect(fmt(ia.powInt(interval('-2', '-1'), -1))).toEqual({ lo: '-1', hi: '-0.5' });
    expect(fmt(ia.powInt(interval('-2', '5'), 0))).toEqual({ lo: '1', hi: '1' });
    expect(fmt(ia.abs(interval('-3', '2')))).toEqual({ lo: '0', hi: '3' });
  });

  it("widens exp, log, sin and cos beyond decimal.js's own directed rounding (no blind trust in its last digit)", () => {
    // Arrange
    const digits = 40;
    const Down = Decimal.clone({ precision: digits, rounding: Decimal.ROUND_FLOOR });
    const Up = Decimal.clone({ precision: digits, rounding: Decimal.ROUND_CEIL });
    const ia = intervalArithmetic(digits);
    const x = pointInterval('0.7');
    // Act
    const got = { exp: ia.exp(x), ln: ia.log(x), sin: ia.sin(x), cos: ia.cos(x) };
    // Assert
    for (const [f, enc] of Object.entries(got) as ['exp' | 'ln' | 'sin' | 'cos', Interval][]) {
      expect(enc.lo.lt(Down[f]('0.7'))).toBe(true);
      expect(enc.hi.gt(Up[f]('0.7'))).toBe(true);
    }
  });

  it('formats outward to fewer digits', () => {
    expect(formatInterval(interval('1.23456', '1.23457'), 3)).toEqual({ lo: '1.23', hi: '1.24' });
    expect(formatInterval(interval('-1.23456', '-1.23451'), 3)).toEqual({ lo: '-1.24', hi: '-1.23' });
  });
});

describe('domain errors', () => {
  const ia = intervalArithmetic(30);
  const cases = [
    { what: 'a divisor containing 0', op: 'div', run: () => ia.div(pointInterval('1'), interval('-1e-30', '2')) },
    { what: 'a zero divisor', op: 'div', run: () => ia.div(pointInterval('1'), pointInterval('0')) },
    { what: 'a negative power of an interval containing 0', op: 'div', run: () => ia.powInt(interval('-1', '1'), -2) },
    { what: 'log of an interval reaching 0', op: 'log', run: () => ia.log(interval('0', '1')) },
    { what: 'log of a negative interval', op: 'log', run: () => ia.log(interval('-2', '-1')) },
    { what: 'sqrt of an interval reaching below 0', op: 'sqrt', run: () => ia.sqrt(interval('-1e-40', '1')) },
    { what: 'a non-decimal input', op: 'input', run: () => pointInterval('0x1p3z') },
    { what: 'exp overflowing decimal.js', op: 'overflow', run: () => ia.exp(pointInterval('1e20')) },
  ] as const;
  for (const c of cases) {
    it(`throws a typed IntervalDomainError ('${c.op}') for ${c.what}`, () => {
      let caught: unknown;
      try {
        c.run();
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(IntervalDomainError);
      expect(caught).toBeInstanceOf(ClaimcheckError);
      expect((caught as IntervalDomainError).operation).toBe(c.op);
      expect((caught as IntervalDomainError).message).toMatch(new RegExp(`^interval ${c.op}:`));
    });
  }

  it('accepts sqrt of [0, x] and reports containsZero', () => {
    const s = intervalArithmetic(30).sqrt(interval('0', '4'));
    expect(fmt(s)).toEqual({ lo: '0', hi: '2' });
    expect(containsZero(s)).toBe(true);
  });
});

describe('soundness: every operation contains the 300-digit value at any point of its operands', () => {
  /** An exact decimal in [−span, span] with 30 decimals (more digits than the 20- and 40-digit arithmetic keeps). */
  const scale = 10n ** 30n;
  const dec = (span: number) =>
    fc
      .bigInt({ min: -BigInt(span) * scale, max: BigInt(span) * scale })
      .map((n) => new D300(n.toString()).div(scale.toString()).toString());
  /** An interval [a, b] (a point one time in four) and an exact point of it, often an end (where rounding shows). */
  const member = (span: number) =>
    fc
      .tuple(dec(span), dec(span), fc.nat(3), fc.oneof(fc.constantFrom(0, 1000), fc.integer({ min: 0, max: 1000 })))
      .map(([p, r, k, t]) => {
        const q = k === 0 ? p : r;
        const [a, b] = new D300(p).lte(q) ? [p, q] : [q, p];
        return { iv: interval(a, b), x: new D300(a).plus(new D300(b).minus(a).times(t).div(1000)) };
      });
  type Unary = {
    name: string;
    span: number;
    interval: (ia: IntervalArithmetic, x: Interval) => Interval;
    exact: (x: Decimal) => Decimal;
  };
  const unary: Unary[] = [
    { name: 'neg', span: 5, interval: (ia, x) => ia.neg(x), exact: (x) => x.neg() },
    { name: 'abs', span: 5, interval: (ia, x) => ia.abs(x), exact: (x) => x.abs() },
    { name: 'exp', span: 30, interval: (ia, x) => ia.exp(x), exact: (x) => x.exp() },
    { name: 'log', span: 30, interval: (ia, x) => ia.log(ia.abs(x)), exact: (x) => x.abs().ln() },
    { name: 'sqrt', span: 30, interval: (ia, x) => ia.sqrt(ia.abs(x)), exact: (x) => x.abs().sqrt() },
    { name: 'sin', span: 8, interval: (ia, x) => ia.sin(x), exact: (x) => x.sin() },
    { name: 'cos', span: 8, interval: (ia, x) => ia.cos(x), exact: (x) => x.cos() },
    ...[-3, -2, -1, 2, 3, 4, 5].map(
      (n): Unary => ({ name: `^${n}`, span: 3, interval: (ia, x) => ia.powInt(x, n), exact: (x) => x.pow(n) }),
    ),
  ];
  for (const op of unary) {
    const label = `interval ${op.name}`;
    const seed = deriveSeed(SEED, label);
    it(`${op.name} (fast-check seed ${seed})`, () => {
      fc.assert(
        fc.property(member(op.span), fc.constantFrom(20, 40), ({ iv, x }, digits) => {
          let enc: Interval;
          try {
            enc = op.interval(intervalArithmetic(digits), iv);
          } catch (err) {
            // Refusing (0 in a divisor or log argument) is sound; the refusal must be justified by the interval.
            expect(err).toBeInstanceOf(IntervalDomainError);
            expect(containsZero(iv)).toBe(true);
            return;
          }
          const v = op.exact(x);
          if (v.isFinite()) expect(contains(enc, v)).toBe(true);
        }),
        { seed, numRuns: 150 },
      );
    });
  }

  const binary = ['add', 'sub', 'mul', 'div'] as const;
  for (const name of binary) {
    const label = `interval ${name}`;
    const seed = deriveSeed(SEED, label);
    it(`${name} (fast-check seed ${seed})`, () => {
      fc.assert(
        fc.property(member(5), member(5), fc.constantFrom(20, 40), (p, q, digits) => {
          const ia = intervalArithmetic(digits);
          if (name === 'div' && containsZero(q.iv)) {
            expect(() => ia.div(p.iv, q.iv)).toThrow(IntervalDomainError);
            return;
          }
          const enc = ia[name](p.iv, q.iv);
          const v =
            name === 'add'
              ? p.x.plus(q.x)
              : name === 'sub'
                ? p.x.minus(q.x)
                : name === 'mul'
                  ? p.x.times(q.x)
                  : p.x.div(q.x);
          expect(contains(enc, v)).toBe(true);
        }),
        { seed, numRuns: 200 },
      );
    });
  }
});
