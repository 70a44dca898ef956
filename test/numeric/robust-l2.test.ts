import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClaimcheckError } from '../../src/errors.ts';
import { makeDataset, perturbDataset } from '../../src/numeric/dataset.ts';
import { NonDifferentiableError, NumericError } from '../../src/numeric/errors.ts';
import { fixedExampleLoss } from '../../src/numeric/fixed-example.ts';
import { logisticLoss } from '../../src/numeric/logistic.ts';
import { l2AdversarialPerturbation, robustL2Loss } from '../../src/numeric/robust-l2.ts';
import { sigmoid, softplus } from '../../src/numeric/stable.ts';
import { symmetricEigen } from '../../src/eigen/symmetric-eigen.ts';
import { assertProperty, closedFormErrors, instance, maxRelDiff, seedArb } from './helpers.ts';

describe('robustL2Loss (Eq. 4, p = 2, closed-form inner max)', () => {
  it('has gradient, Hessian and HVP consistent with central differences (random data, w, ε, d, bias)', () => {
    assertProperty(
      'robust-l2 closed form',
      fc.property(seedArb, fc.boolean(), (seed, bias) => {
        const { ds, w, v, epsilon } = instance(seed, { bias });
        const e = closedFormErrors(robustL2Loss(ds, epsilon, { bias }), w, v);
        expect(e.grad).toBeLessThan(1e-7);
        expect(e.hessian).toBeLessThan(1e-6);
        expect(e.symmetry).toBe(0);
        expect(e.hvp).toBeLessThan(1e-12);
      }),
      60,
    );
  });

  it('equals the maximum of the per-example loss over the ε-ball found numerically (and η* = −yεŵ attains it)', () => {
    assertProperty(
      'robust-l2 = max over ball',
      fc.property(seedArb, (seed) => {
        // Arrange: one example at a time, a numeric search over the L2 ball.
        const { ds, w, epsilon, rng } = instance(seed, { maxN: 4, maxD: 5 });
        const eta = l2AdversarialPerturbation(ds, w, epsilon);
        for (let k = 0; k < ds.n; k++) {
          const x = ds.X.subarray(k * ds.d, (k + 1) * ds.d);
          const one = makeDataset(x, [ds.y[k]!], 1, ds.d);
          const closed = robustL2Loss(one, epsilon).value(w);
          const lossAt = (e: Float64Array): number => logisticLoss(perturbDataset(one, e)).value(w);
          // Act: random points of the ball, then projected gradient ascent from the best one.
          let best = -Infinity;
          let bestEta = new Float64Array(ds.d);
          for (let t = 0; t < 200; t++) {
            const g = Float64Array.from({ length: ds.d }, () => rng.normal());
            const r = (epsilon * Math.pow(rng.next(), 1 / ds.d)) / Math.hypot(...g);
            const e = g.map((c) => c * r);
            const val = lossAt(e);
            expect(val).toBeLessThanOrEqual(closed + 1e-12);
            if (val > best) {
              best = val;
              bestEta = e;
            }
          }
          for (let step = 0; step < 200; step++) {
            const s = sigmoid(-ds.y[k]! * w.reduce((acc, wi, i) => acc + wi * (x[i]! + bestEta[i]!), 0));
            const e = bestEta.map((c, i) => c - 0.5 * ds.y[k]! * s * w[i]!);
            const nrm = Math.hypot(...e);
            const proj = nrm > epsilon ? e.map((c) => (c * epsilon) / nrm) : e;
            bestEta = proj;
            best = Math.max(best, lossAt(proj));
          }
          // Assert
          expect(best).toBeLessThanOrEqual(closed + 1e-12);
          expect(closed - best).toBeLessThan(1e-6 * Math.max(1, closed));
          expect(Math.abs(lossAt(eta.slice(k * ds.d, (k + 1) * ds.d)) - closed)).toBeLessThan(
            1e-12 * Math.max(1, closed),
          );
        }
      }),
      25,
    );
  });

  it('Hessian = fixed-example Hessian at η*(w) + (mean σ)(ε/‖w‖)(I − ŵŵᵀ), the projector term of Eq. (9)', () => {
    assertProperty(
      'robust-l2 vs fixed-example',
      fc.property(seedArb, (seed) => {
        const { ds, w, epsilon } = instance(seed);
        const Hr = robustL2Loss(ds, epsilon).hessian(w);
        const Hf = fixedExampleLoss(ds, l2AdversarialPerturbation(ds, w, epsilon)).hessian(w);
        const r = Math.hypot(...w);
        let meanSigma = 0;
        for (let k = 0; k < ds.n; k++) {
          let m = 0;
          for (let j = 0; j < ds.d; j++) m += w[j]! * ds.X[k * ds.d + j]!;
          meanSigma += sigmoid(-ds.y[k]! * m + epsilon * r) / ds.n;
        }
        const d = ds.d;
        const expected = Hf.map((h, idx) => {
          const i = Math.floor(idx / d);
          const j = idx % d;
          return h + ((meanSigma * epsilon) / r) * ((i === j ? 1 : 0) - (w[i]! * w[j]!) / (r * r));
        });
        expect(maxRelDiff(Hr, expected)).toBeLessThan(1e-12);
      }),
      60,
    );
  });

  it('has a positive semidefinite Hessian at every w tried (convex loss)', () => {
    assertProperty(
      'robust-l2 PSD',
      fc.property(seedArb, (seed) => {
        const { ds, w, epsilon } = instance(seed, { bias: true });
        const { values } = symmetricEigen(robustL2Loss(ds, epsilon, { bias: true }).hessian(w), w.length);
        expect(values[values.length - 1]!).toBeGreaterThanOrEqual(-1e-13 * Math.max(1, values[0]!));
      }),
      60,
    );
  });

  it('throws NonDifferentiableError (code NON_DIFFERENTIABLE) for derivatives at ‖w‖ = 0, while the value is defined', () => {
    // Arrange
    const ds = makeDataset([1, 2, 3, 4], [1, -1], 2, 2);
    const L = robustL2Loss(ds, 0.5);
    const zero = new Float64Array(2);
    // Act / Assert
    expect(L.value(zero)).toBeCloseTo(softplus(0), 15);
    for (const call of [() => L.grad(zero), () => L.hessian(zero), () => L.hvp(zero, Float64Array.of(1, 0))]) {
      expect(call).toThrow(NonDifferentiableError);
      expect(call).toThrow(/robustL2Loss\.(grad|hessian|hvp): not differentiable at w: ‖w‖₂ = 0/);
    }
    try {
      L.grad(zero);
    } catch (e) {
      expect(e).toBeInstanceOf(NumericError);
      expect(e).toBeInstanceOf(ClaimcheckError);
      expect((e as NumericError).code).toBe('NON_DIFFERENTIABLE');
    }
    // With a bias, only the weights count: w = 0, b ≠ 0 is still the kink.
    expect(() => robustL2Loss(ds, 0.5, { bias: true }).grad(Float64Array.of(0, 0, 1))).toThrow(NonDifferentiableError);
    // ε = 0 is the logistic loss, differentiable at 0.
    expect(Array.from(robustL2Loss(ds, 0).grad(zero))).toEqual(Array.from(logisticLoss(ds).grad(zero)));
  });

  it('rejects a negative ε', () => {
    expect(() => robustL2Loss(makeDataset([1], [1], 1, 1), -0.1)).toThrow(
      /robustL2Loss: epsilon must be a finite number ≥ 0, got -0.1/,
    );
  });
});
