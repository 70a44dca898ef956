import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeDataset } from '../../src/numeric/dataset.ts';
import { logisticLoss } from '../../src/numeric/logistic.ts';
import { softplus } from '../../src/numeric/stable.ts';
import { symmetricEigen } from '../../src/eigen/symmetric-eigen.ts';
import { randomNoiseLoss } from '../../src/numeric/random-noise.ts';
import { robustL2Loss } from '../../src/numeric/robust-l2.ts';
import { robustLinfLoss } from '../../src/numeric/robust-linf.ts';
import { TOLERANCES } from '../../src/numeric/tolerances.ts';
import { ALONG_TS, alongGap, assertProperty, closedFormErrors, instance, seedArb } from './helpers.ts';

describe('logisticLoss (Eq. 1)', () => {
  it('is the mean of softplus(−y w·x), bias added to the margin when asked for', () => {
    // Arrange
    const ds = makeDataset([1, 2, -1, 0.5], [1, -1], 2, 2);
    const w = Float64Array.from([0.3, -0.2]);
    // Act
    const plain = logisticLoss(ds).value(w);
    const withBias = logisticLoss(ds, { bias: true }).value(Float64Array.from([0.3, -0.2, 0.7]));
    // Assert
    expect(plain).toBeCloseTo((softplus(-(0.3 - 0.4)) + softplus(0.3 * -1 - 0.2 * 0.5)) / 2, 15);
    expect(withBias).toBeCloseTo((softplus(-(0.3 - 0.4 + 0.7)) + softplus(-0.3 - 0.1 + 0.7)) / 2, 15);
  });

  it('has gradient, Hessian and HVP consistent with central differences, for random data, w, d, with and without bias', () => {
    assertProperty(
      'logistic closed form',
      fc.property(seedArb, fc.boolean(), (seed, bias) => {
        const { ds, w, v } = instance(seed, { bias });
        const e = closedFormErrors(logisticLoss(ds, { bias }), w, v);
        expect(e.grad).toBeLessThan(1e-7);
        expect(e.hessian).toBeLessThan(1e-7);
        expect(e.symmetry).toBe(0);
        expect(e.hvp).toBeLessThan(1e-13);
      }),
      60,
    );
  });

  it('has a positive semidefinite Hessian at every w tried (convex loss)', () => {
    assertProperty(
      'logistic PSD',
      fc.property(seedArb, (seed) => {
        const { ds, w } = instance(seed, { bias: true });
        const H = logisticLoss(ds, { bias: true }).hessian(w);
        const { values } = symmetricEigen(H, w.length);
        expect(values[values.length - 1]!).toBeGreaterThanOrEqual(-1e-14 * Math.max(1, values[0]!));
      }),
      60,
    );
  });

  it('stays finite at huge margins where exp overflows (|w·x| = 1e4)', () => {
    const ds = makeDataset([1, -1], [1, 1], 2, 1);
    const L = logisticLoss(ds);
    const w = Float64Array.of(1e4);
    expect(L.value(w)).toBeCloseTo(5e3, 9);
    // Example 1 contributes 0 (σ(−1e4) = 0); example 2 (margin −1e4) contributes −y·σ(1e4)·x = +1, halved.
    expect(Array.from(L.grad(w))).toEqual([0.5]);
    expect(Number.isFinite(L.hessian(w)[0]!)).toBe(true);
  });

  it('rejects w of the wrong length, naming the method and the lengths', () => {
    const L = logisticLoss(makeDataset([1, 2], [1], 1, 2));
    expect(() => L.grad(new Float64Array(3))).toThrow(/logisticLoss.grad: w must have length 2, got length 3/);
  });
});

describe('Loss.along (the line form every margin loss shares)', () => {
  it('equals value(w + t·h) to Float64 rounding for the logistic, L2-robust, L∞-robust and random-noise losses', () => {
    assertProperty(
      'margin loss along',
      fc.property(seedArb, fc.boolean(), (seed, bias) => {
        // Arrange
        const { ds, w, v, epsilon, rng } = instance(seed, { bias });
        const eta = Float64Array.from({ length: ds.n * ds.d }, () => rng.uniform(-epsilon, epsilon));
        const losses = [
          logisticLoss(ds, { bias }),
          robustL2Loss(ds, epsilon, { bias }),
          robustLinfLoss(ds, epsilon, { bias }),
          randomNoiseLoss(ds, eta, { bias }),
        ];
        // Act / Assert: the value-order tolerance of the table (rounding only).
        for (const loss of losses)
          expect(alongGap(loss, w, v, ALONG_TS)).toBeLessThanOrEqual(TOLERANCES.float64[0].rtol);
      }),
      60,
    );
  });

  it('returns exactly value(w) at t = 0 for the plain logistic loss, and rejects a direction of the wrong length', () => {
    const { ds, w } = instance(7);
    const loss = logisticLoss(ds);
    expect(loss.along(w, new Float64Array(w.length))(0.7)).toBe(loss.value(w));
    expect(() => loss.along(w, new Float64Array(w.length + 1))).toThrow(/along/);
  });
});
