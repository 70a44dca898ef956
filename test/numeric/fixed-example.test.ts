import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedExampleLoss } from '../../src/numeric/fixed-example.ts';
import { l2AdversarialPerturbation, robustL2Loss } from '../../src/numeric/robust-l2.ts';
import { sigmoid } from '../../src/numeric/stable.ts';
import { assertProperty, closedFormErrors, instance, maxRelDiff, seedArb } from './helpers.ts';

describe('fixedExampleLoss (adversarial examples generated once, then held fixed)', () => {
  it('Hessian = (1/N) Σ σ(1−σ) z zᵀ with z = x + η, written out literally', () => {
    assertProperty(
      'fixed-example Hessian literal',
      fc.property(seedArb, (seed) => {
        // Arrange
        const { ds, w, rng } = instance(seed);
        const eta = Float64Array.from({ length: ds.n * ds.d }, () => rng.uniform(-0.3, 0.3));
        // Act
        const H = fixedExampleLoss(ds, eta).hessian(w);
        // Assert
        const d = ds.d;
        const ref = new Float64Array(d * d);
        for (let k = 0; k < ds.n; k++) {
          const z = Array.from({ length: d }, (_, j) => ds.X[k * d + j]! + eta[k * d + j]!);
          const s = sigmoid(ds.y[k]! * z.reduce((a, zj, j) => a + zj * w[j]!, 0));
          for (let i = 0; i < d; i++)
            for (let j = 0; j < d; j++) ref[i * d + j]! += (s * (1 - s) * z[i]! * z[j]!) / ds.n;
        }
        expect(maxRelDiff(H, ref)).toBeLessThan(1e-13);
      }),
      50,
    );
  });

  it('is self-consistent (gradient, Hessian, HVP against central differences)', () => {
    assertProperty(
      'fixed-example closed form',
      fc.property(seedArb, fc.boolean(), (seed, bias) => {
        const { ds, w, v, rng } = instance(seed, { bias });
        const eta = Float64Array.from({ length: ds.n * ds.d }, () => rng.uniform(-0.3, 0.3));
        const e = closedFormErrors(fixedExampleLoss(ds, eta, { bias }), w, v);
        expect(e.grad).toBeLessThan(1e-7);
        expect(e.hessian).toBeLessThan(1e-7);
        expect(e.hvp).toBeLessThan(1e-13);
      }),
      40,
    );
  });

  it('differs from the robust L2 Hessian at the same w (they are different objects; both must be named)', () => {
    const { ds, w } = instance(7, { maxN: 30, maxD: 6 });
    const eps = 0.5;
    const robust = robustL2Loss(ds, eps).hessian(w);
    const fixed = fixedExampleLoss(ds, l2AdversarialPerturbation(ds, w, eps)).hessian(w);
    expect(maxRelDiff(fixed, robust)).toBeGreaterThan(1e-3);
    // Same value and gradient at w (Danskin), different curvature.
    expect(fixedExampleLoss(ds, l2AdversarialPerturbation(ds, w, eps)).value(w)).toBeCloseTo(
      robustL2Loss(ds, eps).value(w),
      13,
    );
    expect(
      maxRelDiff(fixedExampleLoss(ds, l2AdversarialPerturbation(ds, w, eps)).grad(w), robustL2Loss(ds, eps).grad(w)),
    ).toBeLessThan(1e-13);
  });
});
