import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterNormalize, filterNormalizedCurvature } from '../../src/numeric/filter-norm.ts';
import { robustL2Loss } from '../../src/numeric/robust-l2.ts';
import { assertProperty, instance, matVec, seedArb } from './helpers.ts';

describe('filterNormalize (Eq. 6, logistic regression = one filter)', () => {
  it('scales h to the norm of w and keeps its direction; bias slot zero or copied from w', () => {
    assertProperty(
      'filter normalisation',
      fc.property(seedArb, (seed) => {
        const { w, v } = instance(seed, { bias: true });
        const d = w.length - 1;
        const h = filterNormalize(v, w, { bias: true });
        const wn = Math.hypot(...w.subarray(0, d));
        expect(Math.abs(Math.hypot(...h.subarray(0, d)) - wn)).toBeLessThan(1e-12 * wn);
        const c = wn / Math.hypot(...v.subarray(0, d));
        for (let j = 0; j < d; j++) expect(Math.abs(h[j]! - c * v[j]!)).toBeLessThan(1e-12 * Math.max(1, Math.abs(h[j]!)));
        expect(h[d]).toBe(0);
        expect(filterNormalize(v, w, { bias: true, biasDirection: 'weight' })[d]).toBe(w[d]);
      }),
      100,
    );
  });

  it('rejects a zero direction or zero weights', () => {
    expect(() => filterNormalize(new Float64Array(2), Float64Array.of(1, 1))).toThrow(/filterNormalize: h must be a nonzero direction/);
    expect(() => filterNormalize(Float64Array.of(1, 1), new Float64Array(2))).toThrow(/filterNormalize: w must be nonzero/);
  });
});

describe('filterNormalizedCurvature', () => {
  it('equals ‖w‖²·ĥᵀHĥ (ĥ = h/‖h‖), is invariant to rescaling h, and its Rayleigh quotient is ĥᵀHĥ', () => {
    assertProperty(
      'filter curvature',
      fc.property(seedArb, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (seed, scale) => {
        // Arrange
        const { ds, w, v, epsilon } = instance(seed);
        const L = robustL2Loss(ds, epsilon);
        const H = L.hessian(w);
        const hv = matVec(H, v);
        const vv = v.reduce((a, x) => a + x * x, 0);
        const rayleigh = v.reduce((a, x, i) => a + x * hv[i]!, 0) / vv;
        const ww = w.reduce((a, x) => a + x * x, 0);
        // Act
        const c = filterNormalizedCurvature((u) => L.hvp(w, u), w, v);
        const scaled = filterNormalizedCurvature((u) => L.hvp(w, u), w, v.map((x) => x * scale));
        // Assert
        const tol = 1e-11 * Math.max(1, Math.abs(ww * rayleigh));
        expect(Math.abs(c.curvature - ww * rayleigh)).toBeLessThan(tol);
        expect(Math.abs(scaled.curvature - c.curvature)).toBeLessThan(tol);
        expect(Math.abs(c.rayleigh - rayleigh)).toBeLessThan(1e-11 * Math.max(1, Math.abs(rayleigh)));
        expect(Math.abs(c.weightNorm - Math.sqrt(ww))).toBeLessThan(1e-12 * Math.sqrt(ww));
      }),
      60,
    );
  });

  it('uses loss-landscape’s +1e-10 in the denominator only when asked', () => {
    const w = Float64Array.of(3, 4);
    const h = Float64Array.of(1e-9, 0);
    expect(filterNormalize(h, w)[0]).toBeCloseTo(5, 12);
    expect(filterNormalize(h, w, { denominatorEpsilon: 1e-10 })[0]).toBeCloseTo(5 / 1.1, 12);
  });
});
