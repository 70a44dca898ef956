/**
 * Proves src/numeric/vector.ts, the one home of the vector helpers: the norms and dot products of known vectors; that
 * every sum runs left to right, so a helper gives the same bits as the plain loop it replaced (norm2(v) is √(v·v)
 * exactly, norm2(v, len) the plain loop over the first len entries); that norm2Scaled is the overflow- and
 * underflow-safe variant (finite where √Σv² overflows or underflows, equal to norm2 within rounding elsewhere); and
 * that length mismatches throw naming the function.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { axpy, ballNorm, dot, norm1, norm2, norm2Scaled, normInf } from '../../src/numeric/vector.ts';
import { DimensionMismatchError } from '../../src/numeric/errors.ts';
import { assertProperty } from './helpers.ts';

const vec = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 });
/** Entries of moderate magnitude (0 or 1e-100 ≤ |x| ≤ 1e6), where √Σv² neither overflows nor underflows. */
const moderate = fc.array(
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).filter((x) => x === 0 || Math.abs(x) >= 1e-100),
  { minLength: 1, maxLength: 30 },
);

describe('vector helpers', () => {
  it('norms and dot products of a known vector', () => {
    const v = [3, -4, 0];
    expect([norm2(v), norm2Scaled(v), norm1(v), normInf(v), dot(v, [1, 1, 1])]).toEqual([5, 5, 7, 4, -1]);
    expect([ballNorm(v, 'l2'), ballNorm(v, 'linf')]).toEqual([5, 4]);
    expect([...axpy([1, 2], -2, [3, 4])]).toEqual([-5, -6]);
    expect(norm2([3, 4, 12], 2)).toBe(5);
    expect(norm2Scaled([3, 4, 12], 2)).toBe(5);
  });

  it('sums left to right: the same bits as the plain loops they replaced', () => {
    assertProperty(
      'vector left-to-right',
      fc.property(vec, vec, fc.nat(), (a, b0, k) => {
        const b = a.map((_, i) => b0[i % b0.length]!);
        let ab = 0;
        let aa = 0;
        for (let i = 0; i < a.length; i++) {
          ab += a[i]! * b[i]!;
          aa += a[i]! * a[i]!;
        }
        expect(dot(a, b)).toBe(ab);
        expect(dot(Float64Array.from(a), Float64Array.from(b))).toBe(ab);
        expect(norm2(a)).toBe(Math.sqrt(aa));
        expect(norm2(a)).toBe(Math.sqrt(dot(a, a)));
        const len = k % (a.length + 1);
        let head = 0;
        for (let i = 0; i < len; i++) head += a[i]! * a[i]!;
        expect(norm2(a, len)).toBe(Math.sqrt(head));
      }),
      200,
    );
  });

  it('norm2Scaled does not overflow or underflow, and agrees with norm2 within rounding elsewhere', () => {
    expect(norm2([1e200, 1e200])).toBe(Infinity);
    expect(norm2Scaled([1e200, 1e200])).toBeCloseTo(Math.SQRT2 * 1e200, -186);
    expect(norm2([1e-200, 1e-200])).toBe(0);
    expect(norm2Scaled([1e-200, 1e-200]) / 1e-200).toBeCloseTo(Math.SQRT2, 14);
    expect(norm2Scaled([0, 0])).toBe(0);
    expect(norm2Scaled([1, NaN])).toBeNaN();
    assertProperty(
      'norm2Scaled vs norm2',
      fc.property(moderate, (a) => {
        expect(Math.abs(norm2Scaled(a) - norm2(a))).toBeLessThanOrEqual(1e-14 * norm2(a));
      }),
      200,
    );
  });

  it('throws naming the function when lengths differ', () => {
    expect(() => dot([1], [1, 2])).toThrow(DimensionMismatchError);
    expect(() => dot([1], [1, 2])).toThrow(/dot: a and b must have the same length, got 1 and 2/);
    expect(() => axpy([1], 1, [1, 2])).toThrow(/axpy: a and b must have the same length, got 1 and 2/);
  });
});
