/**
 * Proves the L2 robust loss L(w) = (1/N)Σ softplus(−y w·x + ε‖w‖₂) helpers: the gradient matches central
 * differences of the loss, the Hessian matches central differences of the gradient and is symmetric, and the
 * matrix-free curvature hᵀHh equals the quadratic form of the assembled Hessian.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeRng } from '../../src/decide/rng.ts';
import type { Label } from '../../src/attack/linear-model.ts';
import { quadraticForm, robustCurvatureL2, robustGradL2, robustHessianL2, robustLossL2Mean, type LabelledData } from '../../src/attack/robust-hessian.ts';
import { sampleGaussian } from '../../src/noise/sample.ts';
import { assertSeeded } from './helpers.ts';

function problem(seed: number, d: number, N: number): { data: LabelledData; w: Float64Array; h: Float64Array } {
  const rng = makeRng(seed);
  return {
    data: { xs: Array.from({ length: N }, () => sampleGaussian(rng, d, 0.7)), ys: Array.from({ length: N }, (_, n): Label => (n % 2 === 0 ? 1 : -1)) },
    w: sampleGaussian(rng, d),
    h: sampleGaussian(rng, d),
  };
}

describe('robust L2 loss derivatives', () => {
  it('gradient and Hessian match central differences; H is symmetric; hᵀHh matrix-free = assembled', () => {
    assertSeeded(
      'robust-hessian',
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 4 }), fc.constantFrom(0, 0.3, 1), (seed, d, N, eps) => {
        const { data, w, h } = problem(seed, d, N);
        const g = robustGradL2(data, w, eps);
        const H = robustHessianL2(data, w, eps);
        const t = 1e-6;
        for (let i = 0; i < d; i++) {
          const wp = Float64Array.from(w);
          const wm = Float64Array.from(w);
          wp[i] = wp[i]! + t;
          wm[i] = wm[i]! - t;
          const fd = (robustLossL2Mean(data, wp, eps) - robustLossL2Mean(data, wm, eps)) / (2 * t);
          expect(Math.abs(fd - g[i]!)).toBeLessThan(1e-7 * (1 + Math.abs(g[i]!)));
          const gp = robustGradL2(data, wp, eps);
          const gm = robustGradL2(data, wm, eps);
          for (let j = 0; j < d; j++) {
            expect(Math.abs((gp[j]! - gm[j]!) / (2 * t) - H[i * d + j]!)).toBeLessThan(1e-6 * (1 + Math.abs(H[i * d + j]!)));
            expect(H[i * d + j]).toBeCloseTo(H[j * d + i]!, 14);
          }
        }
        expect(robustCurvatureL2(data, w, eps, h)).toBeCloseTo(quadraticForm(H, h), 12);
      }),
      50,
    );
  });

  it('names the function when the data and labels do not match', () => {
    expect(() => robustLossL2Mean({ xs: [[1]], ys: [] }, [1], 0.1)).toThrow(/robustLossL2Mean: data must have N >= 1 points and one label each, got 1 points and 0 labels/);
  });
});
