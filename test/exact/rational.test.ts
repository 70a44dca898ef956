/** Proves the exact rational arithmetic the table checks rely on: parsing, ordering and display without float error. */
import { describe, expect, it } from 'vitest';
import { abs, add, cmp, div, eq, mul, parseDecimal, rational, show, sub, toFixed } from '../../src/exact/rational.ts';

describe('rational', () => {
  it('normalises sign and common factors', () => {
    expect(rational(6, -4)).toEqual({ num: -3n, den: 2n });
    expect(() => rational(1, 0)).toThrow(/rational: denominator must be non-zero/);
  });

  it('parses printed decimals exactly, keeping "-0.00" equal to zero', () => {
    expect(parseDecimal('99.89')).toEqual({ num: 9989n, den: 100n });
    expect(parseDecimal('25.5')).toEqual({ num: 51n, den: 2n });
    expect(eq(parseDecimal('-0.00'), rational(0))).toBe(true);
    expect(() => parseDecimal('1e-3')).toThrow(/parseDecimal: expected a decimal number/);
  });

  it('does 0.1 + 0.2 = 0.3 exactly where floats do not', () => {
    expect(eq(add(parseDecimal('0.1'), parseDecimal('0.2')), parseDecimal('0.3'))).toBe(true);
  });

  it('orders, multiplies and divides', () => {
    expect(cmp(rational(7, 255), rational(8, 255))).toBe(-1);
    expect(eq(mul(rational(7), rational(2, 255)), rational(14, 255))).toBe(true);
    expect(eq(div(rational(1), rational(4)), parseDecimal('0.25'))).toBe(true);
    expect(eq(abs(sub(rational(1), rational(3))), rational(2))).toBe(true);
  });

  it('prints rounded and shortest exact forms', () => {
    expect(toFixed(rational(-5, 10000), 4)).toBe('-0.0005');
    expect(toFixed(rational(-4, 100000), 4)).toBe('0.0000');
    expect(toFixed(rational(2, 3), 2)).toBe('0.67');
    expect(show(rational(8, 255))).toBe('8/255');
    expect(show(rational(3, 8))).toBe('0.375');
    expect(show(rational(6, 5))).toBe('1.2');
  });
});
