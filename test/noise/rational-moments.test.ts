/**
 * Proves the exact rational machinery: decimal and p/q strings parse exactly; polynomial integration is exact; the
 * moments of U(−ε, ε) are ε²/3 (second), 0 (odd), ε⁴/5 (fourth); uniform in the L2 ball gives E‖η‖² = dε²/(d + 2),
 * per coordinate ε²/(d + 2); uniform radius gives ε²/3; clipping at pixel 0 gives mean ε/4 and second moment ε²/6.
 */
import { describe, expect, it } from 'vitest';
import {
  clippedUniformMoment,
  l2BallCoordinateSecondMoment,
  l2BallNormMoment,
  uniformMoment,
  uniformRadiusNormMoment,
  uniformSecondMoment,
} from '../../src/noise/moments.ts';
import { formatRational, parseRational, rational } from '../../src/exact/rational.ts';
import { integratePolynomial } from '../../src/noise/polynomial.ts';

const f = formatRational;

describe('exact rationals and moments', () => {
  it('parses decimals and fractions exactly and names the input on failure', () => {
    expect(f(parseRational('0.1'))).toBe('1/10');
    expect(f(parseRational('16/255'))).toBe('16/255');
    expect(f(parseRational('-2.50'))).toBe('-5/2');
    expect(f(parseRational('1e-3'))).toBe('1/1000');
    expect(() => parseRational('abc')).toThrow(/parseRational: expected a decimal or p\/q string, got "abc"/);
    expect(() => rational(1, 0)).toThrow(/rational: denominator must be non-zero/);
  });

  it('integrates polynomials exactly', () => {
    // ∫_0^3 (1 + 2t + 3t²) dt = 3 + 9 + 27 = 39
    expect(f(integratePolynomial([rational(1), rational(2), rational(3)], rational(0), rational(3)))).toBe('39');
  });

  it('U(−ε, ε): E[η²] = ε²/3, odd moments 0, E[η⁴] = ε⁴/5, E[η_iη_j] = 0 for i ≠ j', () => {
    for (const e of ['1', '1/10', '16/255', '0.3']) {
      const eps = parseRational(e);
      const e2 = Number(eps.num) ** 2 / Number(eps.den) ** 2;
      expect(f(uniformMoment(eps, 2))).toBe(f(rational(eps.num ** 2n, 3n * eps.den ** 2n)));
      expect(f(uniformMoment(eps, 1))).toBe('0');
      expect(f(uniformMoment(eps, 3))).toBe('0');
      expect(f(uniformMoment(eps, 4))).toBe(f(rational(eps.num ** 4n, 5n * eps.den ** 4n)));
      expect(f(uniformSecondMoment(eps, false))).toBe('0');
      expect(Number(uniformMoment(eps, 2).num) / Number(uniformMoment(eps, 2).den)).toBeCloseTo(e2 / 3, 15);
    }
  });

  it('uniform in the L2 ball: E‖η‖² = dε²/(d + 2) and E[η_i²] = ε²/(d + 2); 1/786 at d = 784, ε = 1', () => {
    for (const d of [1, 2, 3, 10, 784]) {
      expect(f(l2BallNormMoment(rational(1), d, 2))).toBe(f(rational(d, d + 2)));
      expect(f(l2BallCoordinateSecondMoment(rational(1), d))).toBe(f(rational(1, d + 2)));
    }
    expect(f(l2BallCoordinateSecondMoment(parseRational('1/2'), 784))).toBe('1/3144');
    expect(f(uniformRadiusNormMoment(rational(1), 2))).toBe('1/3');
  });

  it('noise clipped to [0, 1]: at x = 0 the mean is ε/4 and the second moment ε²/6; at x = 1/2 with ε ≤ 1/2 nothing changes', () => {
    expect(f(clippedUniformMoment(rational(1), rational(0), 1))).toBe('1/4');
    expect(f(clippedUniformMoment(rational(1), rational(0), 2))).toBe('1/6');
    expect(f(clippedUniformMoment(parseRational('0.3'), rational(1), 1))).toBe('-3/40');
    expect(f(clippedUniformMoment(parseRational('0.3'), rational(1, 2), 2))).toBe(
      f(uniformMoment(parseRational('0.3'), 2)),
    );
  });
});
