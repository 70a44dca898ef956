import { describe, expect, it } from 'vitest';
import { create, all, type BigNumber } from 'mathjs';
import {
  abs,
  add,
  div,
  mul,
  ONE,
  parseDec,
  round,
  sqrt,
  sub,
  toDecimalString,
  type Dec,
} from '../../src/engines/bigint-decimal.ts';
import { log10ToNumber } from '../../src/engines/fixed-point.ts';
import { compileDag, evaluateDag, evaluateDagDec } from '../../src/engines/dag.ts';

/** A seeded stream of decimal strings, biased to runs of 9s and 0s (the rounding edges). */
function strings(seed: number, count: number, maxDigits: number): string[] {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const int = (a: number, b: number) => a + Math.floor(next() * (b - a + 1));
  return Array.from({ length: count }, () => {
    const style = next();
    let digits = String(int(1, 9));
    for (let i = int(1, maxDigits); i > 1; i--) digits += style < 0.2 ? '9' : style < 0.4 ? '0' : String(int(0, 9));
    return `${next() < 0.5 ? '-' : ''}${digits}e${int(-30, 30)}`;
  });
}

const str = (x: Dec | undefined) => (x ? toDecimalString(x) : 'not finite');
const ref = (x: BigNumber) => (x.isFinite() ? x.toString() : 'not finite');

describe('BigInt decimals', () => {
  it.each([30, 64, 128, 200])('give decimal.js digits for + − × ÷ √ x² 1/x and rounding at %i digits', (p) => {
    const m = create(all, { number: 'BigNumber', precision: p });
    const xs = strings(p, 200, p + 11);
    for (let i = 0; i + 1 < xs.length; i += 2) {
      const [sa, sb] = [xs[i]!, xs[i + 1]!];
      const [A, B] = [m.bignumber(sa) as BigNumber, m.bignumber(sb) as BigNumber];
      const [a, b] = [parseDec(sa)!, parseDec(sb)!];
      expect(toDecimalString(a)).toBe(A.toString());
      expect(str(add(a, b, p))).toBe(ref(A.plus(B)));
      expect(str(sub(a, b, p))).toBe(ref(A.minus(B)));
      expect(str(mul(a, b, p))).toBe(ref(A.times(B)));
      expect(str(div(a, b, p))).toBe(ref(A.div(B)));
      expect(str(mul(a, a, p))).toBe(ref(A.pow(2)));
      expect(str(div(ONE, a, p))).toBe(ref(A.pow(-1)));
      expect(str(round(a, 20))).toBe(ref(A.toSignificantDigits(20)));
      const r = sqrt(abs(a), p);
      if (r) expect(str(r)).toBe(ref(A.abs().sqrt()));
      // A far smaller addend, and a near-cancellation.
      const tiny = parseDec(`${sb.startsWith('-') ? '-' : ''}7e-${400 + (i % 300)}`)!;
      expect(str(add(a, tiny, p))).toBe(ref(A.plus(toDecimalString(tiny))));
      const near = parseDec(A.plus(`1e${-(i % 50)}`).toString())!;
      expect(str(sub(near, a, p))).toBe(ref((m.bignumber(toDecimalString(near)) as BigNumber).minus(A)));
      const l = log10ToNumber(abs(a), Math.max(p, 64));
      if (l !== undefined) {
        const m64 = create(all, { number: 'BigNumber', precision: Math.max(p, 64) });
        expect(l).toBe((m64.bignumber(sa) as BigNumber).abs().log(10).toNumber());
      }
    }
  });

  it.each([64, 128, 200])('evaluate expressions to the digits of the decimal.js evaluator at %i digits', (p) => {
    const exprs = [
      'log(1 + exp(-y * (w_1 * x_1 + w_2 * x_2) + eps * sqrt(w_1 ^ 2 + w_2 ^ 2)))',
      'exp(-w_1) / (1 + exp(-w_1)) ^ 2 - w_2 ^ (-1) + sqrt(x_1 ^ 2)',
      '(w_1 * x_2 - w_2 * x_1) / (w_1 ^ 2 + w_2 ^ 2) ^ (3 / 2) + abs(x_2) * e',
      'log(w_1 ^ 2 + 1e-5) - log(1.00001) + exp(40 * w_2) - exp(-400 * x_1 ^ 2)',
    ];
    const xs = strings(7 * p, 60, 14);
    for (let i = 0; i + 4 < xs.length; i += 5) {
      const point = {
        y: i % 2 ? '1' : '-1',
        w_1: xs[i]!.replace(/e.*/, 'e-1'),
        w_2: xs[i + 1]!.replace(/e.*/, 'e-1'),
        x_1: xs[i + 2]!.replace(/e.*/, 'e-1'),
        x_2: xs[i + 3]!.replace(/e.*/, 'e-1'),
        eps: '0.5',
      };
      for (const e of exprs) {
        const dag = compileDag(e);
        const want = evaluateDag(dag, point, p);
        expect(str(evaluateDagDec(dag, point, p))).toBe(ref(want));
      }
    }
  });
});
