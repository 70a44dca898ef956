/**
 * Proves the Float64 linear logistic model: the stable softplus and sigmoid match the naive formulas where those are
 * accurate and stay finite where they overflow; ∂ℓ/∂x matches central differences and is never zero for w ≠ 0; and
 * bad inputs fail with the function, the argument and the received value named.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClaimcheckError } from '../../src/errors.ts';
import { logisticLoss, lossArgument, lossGradX, sigmoid, softplus } from '../../src/attack/linear-model.ts';
import { norm2 } from '../../src/numeric/vector.ts';
import { assertSeeded, instance } from './helpers.ts';

describe('linear model', () => {
  it('softplus and sigmoid are stable and agree with the naive formulas on moderate arguments', () => {
    expect(softplus(800)).toBe(800);
    expect(softplus(-800)).toBe(0);
    expect(softplus(-40)).toBeCloseTo(Math.exp(-40), 60);
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(800)).toBe(1);
    for (const z of [-20, -3, -0.5, 0, 0.5, 3, 20]) {
      expect(softplus(z)).toBeCloseTo(Math.log(1 + Math.exp(z)), 12);
      expect(sigmoid(z)).toBeCloseTo(1 / (1 + Math.exp(-z)), 14);
    }
  });

  it('∂ℓ/∂x = −yσ(−y w·x) w matches central differences and is nonzero', () => {
    assertSeeded(
      'lossGradX-fd',
      fc.property(instance(), ({ x, y, w }) => {
        const g = lossGradX(x, y, w);
        const h = 1e-6;
        for (let i = 0; i < x.length; i++) {
          const xp = Float64Array.from(x);
          const xm = Float64Array.from(x);
          xp[i] = xp[i]! + h;
          xm[i] = xm[i]! - h;
          const fd = (logisticLoss(xp, y, w) - logisticLoss(xm, y, w)) / (2 * h);
          expect(Math.abs(fd - g[i]!)).toBeLessThan(1e-6 * (1 + Math.abs(g[i]!)));
        }
        expect(norm2(g)).toBeGreaterThan(0);
      }),
    );
  });

  it('ℓ(x + η) = softplus(lossArgument(x, y, w, η))', () => {
    expect(logisticLoss([1, 2], 1, [0.5, -1], [0.1, 0.1])).toBe(
      softplus(lossArgument([1, 2], 1, [0.5, -1], [0.1, 0.1])),
    );
    expect(lossArgument([1, 2], -1, [0.5, -1])).toBeCloseTo(-1.5, 15);
  });

  it('names the function, the argument and the value on bad input', () => {
    expect(() => lossArgument([1, 2, 3], 1, [1, 2])).toThrow(ClaimcheckError);
    expect(() => lossArgument([1, 2, 3], 1, [1, 2])).toThrow(
      /lossArgument: x must have the same length as the weights \(2\), got length 3/,
    );
  });
});
