/**
 * The intervals of src/stats/intervals.ts against published values: Wilson and Clopper–Pearson for 81/263 (Newcombe
 * 1998, Table I), Newcombe's method 10 for 56/70 − 48/80 (Newcombe 1998b, Table II), and the Student t interval of a
 * mean; and that bad counts and levels are refused with the function's name.
 */
import { describe, expect, it } from 'vitest';
import { clopperPearson, meanInterval, newcombeDifference, wilson, zTwoSided } from '../../src/stats/intervals.ts';

describe('src/stats/intervals', () => {
  it('z for 95 % is 1.95996…', () => {
    expect(zTwoSided(0.95)).toBeCloseTo(1.959963984540054, 12);
  });

  it('Wilson and Clopper–Pearson for 81/263 match the published intervals', () => {
    const w = wilson(81, 263);
    expect(w.lo).toBeCloseTo(0.2553, 4);
    expect(w.hi).toBeCloseTo(0.3662, 4);
    const c = clopperPearson(81, 263);
    expect(c.lo).toBeCloseTo(0.2527, 4);
    expect(c.hi).toBeCloseTo(0.3676, 4);
  });

  it('the intervals stay in [0, 1] at 0 and n successes, and Clopper–Pearson is exact there', () => {
    expect(wilson(0, 10).lo).toBe(0);
    expect(wilson(10, 10).hi).toBe(1);
    expect(clopperPearson(0, 10).lo).toBe(0);
    expect(clopperPearson(0, 10).hi).toBeCloseTo(1 - 0.025 ** (1 / 10), 10);
  });

  it("Newcombe's hybrid score interval for 56/70 − 48/80 is [0.0524, 0.3339]", () => {
    const d = newcombeDifference(56, 70, 48, 80);
    expect(d.lo).toBeCloseTo(0.0524, 4);
    expect(d.hi).toBeCloseTo(0.3339, 4);
  });

  it('the t interval of the mean of 1…5 is 3 ± 2.776·√(2.5/5)', () => {
    const m = meanInterval([1, 2, 3, 4, 5]);
    expect(m.mean).toBe(3);
    expect(m.hi - m.mean).toBeCloseTo(2.7764451 * Math.sqrt(2.5 / 5), 6);
    expect(meanInterval([7])).toMatchObject({ mean: 7, lo: 7, hi: 7, n: 1 });
  });

  it('refuses counts outside 0 ≤ k ≤ n and levels outside (0, 1)', () => {
    expect(() => wilson(5, 4)).toThrow(/wilson: need integers 0 ≤ k ≤ n/);
    expect(() => clopperPearson(1.5, 4)).toThrow(/clopperPearson/);
    expect(() => wilson(1, 4, 1)).toThrow(/zTwoSided: level must be in \(0, 1\)/);
    expect(() => meanInterval([])).toThrow(/meanInterval: no values/);
  });
});
