import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeDataset, perturbDataset } from '../../src/numeric/dataset.ts';
import { NonDifferentiableError } from '../../src/numeric/errors.ts';
import { logisticLoss } from '../../src/numeric/logistic.ts';
import { linfBoxPerturbation, linfBoxRobustLoss, robustLinfLoss } from '../../src/numeric/robust-linf.ts';
import { symmetricEigen } from '../../src/eigen/symmetric-eigen.ts';
import { TOLERANCES } from '../../src/numeric/tolerances.ts';
import {
  ALONG_TS,
  alongGap,
  assertProperty,
  closedFormErrors,
  headOf,
  instance,
  maxRelDiff,
  mnist2,
  seedArb,
} from './helpers.ts';

describe('robustLinfLoss (Eq. 4, p = ∞, ε‖w‖₁)', () => {
  it('has gradient, Hessian and HVP consistent with central differences where all w_i ≠ 0', () => {
    assertProperty(
      'robust-linf closed form',
      fc.property(seedArb, fc.boolean(), (seed, bias) => {
        const { ds, w, v, epsilon } = instance(seed, { bias, minAbsW: 0.01 });
        const e = closedFormErrors(robustLinfLoss(ds, epsilon, { bias }), w, v);
        expect(e.grad).toBeLessThan(1e-7);
        expect(e.hessian).toBeLessThan(1e-6);
        expect(e.hvp).toBeLessThan(1e-12);
      }),
      60,
    );
  });

  it('has a positive semidefinite Hessian at every w tried', () => {
    assertProperty(
      'robust-linf PSD',
      fc.property(seedArb, (seed) => {
        const { ds, w, epsilon } = instance(seed, { minAbsW: 0.01 });
        const { values } = symmetricEigen(robustLinfLoss(ds, epsilon).hessian(w), w.length);
        expect(values[values.length - 1]!).toBeGreaterThanOrEqual(-1e-13 * Math.max(1, values[0]!));
      }),
      60,
    );
  });

  it('throws NonDifferentiableError naming the zero coordinate', () => {
    const L = robustLinfLoss(makeDataset([1, 2], [1], 1, 2), 0.1);
    expect(() => L.grad(Float64Array.of(1, 0))).toThrow(NonDifferentiableError);
    expect(() => L.hessian(Float64Array.of(1, 0))).toThrow(
      /robustLinfLoss.hessian: not differentiable at w: w\[1\] = 0/,
    );
    expect(Number.isFinite(L.value(Float64Array.of(1, 0)))).toBe(true);
  });
});

describe('linfBoxPerturbation / linfBoxRobustLoss (pixels clipped to [0, 1])', () => {
  it('the per-coordinate maximiser beats every random point of the box ∩ ε-ball', () => {
    assertProperty(
      'linf box maximiser',
      fc.property(seedArb, (seed) => {
        // Arrange
        const { ds, w, epsilon, rng } = instance(seed, { unitBox: true, maxN: 5, maxD: 8 });
        const eta = linfBoxPerturbation(ds, w, epsilon);
        for (let k = 0; k < ds.n; k++) {
          const x = ds.X.subarray(k * ds.d, (k + 1) * ds.d);
          const one = makeDataset(x, [ds.y[k]!], 1, ds.d);
          const lossAt = (e: Float64Array): number => logisticLoss(perturbDataset(one, e)).value(w);
          const star = eta.slice(k * ds.d, (k + 1) * ds.d);
          // The maximiser is feasible.
          star.forEach((e, i) => {
            expect(Math.abs(e)).toBeLessThanOrEqual(epsilon + 1e-15);
            expect(x[i]! + e).toBeGreaterThanOrEqual(-1e-15);
            expect(x[i]! + e).toBeLessThanOrEqual(1 + 1e-15);
          });
          const best = lossAt(star);
          // Act / Assert: random feasible points (including box corners) never beat it.
          for (let t = 0; t < 300; t++) {
            const e = Float64Array.from(x, (xi) => {
              const lo = Math.max(-epsilon, -xi);
              const hi = Math.min(epsilon, 1 - xi);
              const u = rng.next();
              return t % 3 === 0 ? (u < 0.5 ? lo : hi) : lo + (hi - lo) * u;
            });
            expect(lossAt(e)).toBeLessThanOrEqual(best + 1e-14);
          }
        }
      }),
      40,
    );
  });

  it('equals robustLinfLoss when the box never binds (ε ≤ x_i ≤ 1 − ε)', () => {
    assertProperty(
      'linf box = linf when box inactive',
      fc.property(seedArb, (seed) => {
        const { ds, w, v } = instance(seed, { unitBox: true, minAbsW: 0.01 });
        const epsilon = 0.05;
        const X = ds.X.map((x) => epsilon + (1 - 2 * epsilon) * x);
        const inner = makeDataset(X, ds.y, ds.n, ds.d);
        const box = linfBoxRobustLoss(inner, epsilon);
        const free = robustLinfLoss(inner, epsilon);
        expect(Math.abs(box.value(w) - free.value(w))).toBeLessThan(1e-13);
        expect(maxRelDiff(box.grad(w), free.grad(w))).toBeLessThan(1e-13);
        expect(maxRelDiff(box.hessian(w), free.hessian(w))).toBeLessThan(1e-12);
        expect(maxRelDiff(box.hvp(w, v), free.hvp(w, v))).toBeLessThan(1e-12);
      }),
      40,
    );
  });

  it('has gradient and Hessian consistent with central differences (Danskin: the maximiser is locally constant)', () => {
    assertProperty(
      'linf box closed form',
      fc.property(seedArb, fc.boolean(), (seed, bias) => {
        const { ds, w, v, epsilon } = instance(seed, { unitBox: true, bias, minAbsW: 0.01 });
        const e = closedFormErrors(linfBoxRobustLoss(ds, epsilon, { bias }), w, v);
        expect(e.grad).toBeLessThan(1e-7);
        expect(e.hessian).toBeLessThan(1e-6);
        expect(e.hvp).toBeLessThan(1e-12);
      }),
      40,
    );
  });

  it('rejects pixels outside [0, 1] and derivatives at w_i = 0', () => {
    expect(() => linfBoxRobustLoss(makeDataset([1.5], [1], 1, 1), 0.1)).toThrow(
      /linfBoxRobustLoss: ds.X\[0\] must be in the pixel box \[0, 1\], got 1.5/,
    );
    const L = linfBoxRobustLoss(makeDataset([0.5, 0.5], [1], 1, 2), 0.1);
    expect(() => L.grad(Float64Array.of(0, 1))).toThrow(NonDifferentiableError);
  });
});

describe('linfBoxRobustLoss.along (the box-clipped loss on a line, one pass over the nonzero pixels per t)', () => {
  it('equals value(w + t·h) to Float64 rounding, for dense pixels and for sparse ones (most pixels 0)', () => {
    assertProperty(
      'linf box along',
      fc.property(seedArb, fc.boolean(), fc.boolean(), (seed, bias, sparse) => {
        // Arrange: zeroing 70 % of the pixels makes X sparse enough for the row index.
        const { ds, w, v, epsilon, rng } = instance(seed, { unitBox: true, bias });
        const X = Float64Array.from(ds.X, (x) => (sparse && rng.next() < 0.7 ? 0 : x));
        const data = makeDataset(X, ds.y, ds.n, ds.d);
        // Act / Assert
        expect(alongGap(linfBoxRobustLoss(data, epsilon, { bias }), w, v, ALONG_TS)).toBeLessThanOrEqual(
          TOLERANCES.float64[0].rtol,
        );
      }),
      60,
    );
  });

  it('agrees on real MNIST2 images at trained-looking weights (many small weights change sign along the line)', () => {
    const ds = headOf(mnist2(), 200);
    const w = Float64Array.from({ length: ds.d }, (_, j) => 0.05 * Math.sin(0.37 * j));
    const h = Float64Array.from({ length: ds.d }, (_, j) => 0.05 * Math.cos(0.11 * j));
    expect(alongGap(linfBoxRobustLoss(ds, 8 / 255), w, h, ALONG_TS)).toBeLessThanOrEqual(TOLERANCES.float64[0].rtol);
  });
});
