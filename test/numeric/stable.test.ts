import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logSigmoid, sigmoid, sigmoidDerivative, softplus } from '../../src/numeric/stable.ts';
import { assertProperty } from './helpers.ts';

describe('stable scalar functions', () => {
  it('never overflow or return NaN at huge |x| (where log(1 + exp(x)) gives Infinity)', () => {
    // Arrange
    const xs = [-1e308, -1000, -745, -40, 0, 40, 710, 1000, 1e308];
    // Act / Assert
    for (const x of xs) {
      expect(Number.isFinite(softplus(x))).toBe(true);
      expect(Number.isFinite(sigmoid(x))).toBe(true);
      expect(Number.isFinite(logSigmoid(x))).toBe(true);
      expect(Number.isFinite(sigmoidDerivative(x))).toBe(true);
    }
    expect(Math.log(1 + Math.exp(1000))).toBe(Infinity);
    expect(softplus(1000)).toBe(1000);
  });

  it('keep full relative precision in the tails (softplus(−40) ≈ e^−40, σ(−40) ≈ e^−40, σ′(x) ≈ e^−|x|)', () => {
    for (const x of [-40, -100, -700]) {
      expect(Math.abs(softplus(x) / Math.exp(x) - 1)).toBeLessThan(1e-15);
      expect(Math.abs(sigmoid(x) / Math.exp(x) - 1)).toBeLessThan(1e-15);
      expect(Math.abs(sigmoidDerivative(x) / Math.exp(x) - 1)).toBeLessThan(1e-15);
      expect(Math.abs(sigmoidDerivative(-x) / Math.exp(x) - 1)).toBeLessThan(1e-15);
    }
    // The naive form loses everything: 1 + e^−40 rounds to 1.
    expect(Math.log(1 + Math.exp(-40))).toBe(0);
  });

  it('satisfy softplus(x) − softplus(−x) = x, σ(x) + σ(−x) = 1, logσ(x) = −softplus(−x), σ′ = σ(x)σ(−x)', () => {
    assertProperty(
      'stable identities',
      fc.property(fc.double({ min: -50, max: 50, noNaN: true }), (x) => {
        expect(Math.abs(softplus(x) - softplus(-x) - x)).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(x)));
        expect(Math.abs(sigmoid(x) + sigmoid(-x) - 1)).toBeLessThanOrEqual(2e-16);
        expect(logSigmoid(x)).toBe(-softplus(-x));
        expect(Math.abs(sigmoidDerivative(x) - sigmoid(x) * sigmoid(-x))).toBeLessThanOrEqual(1e-16);
      }),
      500,
    );
  });

  it('are derivatives of each other: softplus′ = σ, σ′ = sigmoidDerivative (central differences)', () => {
    assertProperty(
      'stable derivatives',
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => {
        const h = 1e-5;
        expect(Math.abs((softplus(x + h) - softplus(x - h)) / (2 * h) - sigmoid(x))).toBeLessThan(1e-9);
        expect(Math.abs((sigmoid(x + h) - sigmoid(x - h)) / (2 * h) - sigmoidDerivative(x))).toBeLessThan(1e-9);
      }),
      300,
    );
  });
});
