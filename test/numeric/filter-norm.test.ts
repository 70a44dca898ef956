import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterNormalise, filterNormalisedCurvature, filterNorms } from '../../src/numeric/filter-norm.ts';
import { robustL2Loss } from '../../src/numeric/robust-l2.ts';
import { assertProperty, instance, matVec, seedArb } from './helpers.ts';

describe('filterNormalise (Eq. 6, logistic regression = one filter)', () => {
  it('scales h to the norm of w and keeps its direction; bias slot zero or copied from w', () => {
    assertProperty(
      'filter normalisation',
      fc.property(seedArb, (seed) => {
        const { w, v } = instance(seed, { bias: true });
        const d = w.length - 1;
        const h = filterNormalise(v, w, { bias: true });
        const wn = Math.hypot(...w.subarray(0, d));
        expect(Math.abs(Math.hypot(...h.subarray(0, d)) - wn)).toBeLessThan(1e-12 * wn);
        const c = wn / Math.hypot(...v.subarray(0, d));
        for (let j = 0; j < d; j++)
          expect(Math.abs(h[j]! - c * v[j]!)).toBeLessThan(1e-12 * Math.max(1, Math.abs(h[j]!)));
        expect(h[d]).toBe(0);
        expect(filterNormalise(v, w, { bias: true, biasDirection: 'weight' })[d]).toBe(w[d]);
      }),
      100,
    );
  });

  it('rejects a zero direction or zero weights', () => {
    expect(() => filterNormalise(new Float64Array(2), Float64Array.of(1, 1))).toThrow(
      /filterNormalise: h must be a nonzero direction/,
    );
    expect(() => filterNormalise(Float64Array.of(1, 1), new Float64Array(2))).toThrow(
      /filterNormalise: w must be nonzero/,
    );
  });
});

describe('filterNormalise with several filters, loss-landscape arithmetic (ResNet18 kernels, random_line)', () => {
  it('rescales each last-axis filter to the norm of the same weight filter', () => {
    // A 2×3 kernel in TF.js's layout: entry i belongs to filter i mod 3.
    const w = Float32Array.of(3, 0, 1, 4, 0, 1);
    const h = Float32Array.of(1, 2, 1, 0, 2, -1);
    const out = filterNormalise(h, w, { filters: 3, sum: 'plain', denominatorEpsilon: 1e-10, strict: false });
    const wn = filterNorms(w, { filters: 3, sum: 'plain' });
    expect([...wn]).toEqual([5, 0, Math.SQRT2]);
    const on = filterNorms(out, { filters: 3, sum: 'plain' });
    expect(on[0]).toBeCloseTo(5, 8);
    expect(on[2]).toBeCloseTo(Math.SQRT2, 8);
    // A zero weight filter gives a zero slice when not strict, and throws when strict.
    expect([out[1], out[4]]).toEqual([0, 0]);
    expect(() => filterNormalise(Float64Array.from(h), Float64Array.from(w), { filters: 3, sum: 'plain' })).toThrow(
      /filterNormalise: w must be nonzero .*‖w‖ = 0 on filter 1/,
    );
  });

  it("computes the plain sums and the rescaled bias bit for bit as loss-landscapes' random_line did", () => {
    const w = Float64Array.of(0.3, -1.2, 2.5, 0.7);
    const g = Float64Array.of(0.11, 0.52, 0.93, 0.25);
    const d = 3;
    let hn = 0;
    let wn = 0;
    for (let j = 0; j < d; j++) {
      hn += g[j]! * g[j]!;
      wn += w[j]! * w[j]!;
    }
    const c = Math.sqrt(wn) / (Math.sqrt(hn) + 1e-10);
    const want = [g[0]! * c, g[1]! * c, g[2]! * c, (g[d]! * Math.abs(w[d]!)) / (Math.abs(g[d]!) + 1e-10)];
    const got = filterNormalise(g, w, {
      bias: true,
      biasDirection: 'rescaled',
      denominatorEpsilon: 1e-10,
      sum: 'plain',
      strict: false,
    });
    expect([...got]).toEqual(want);
  });

  it('refuses the scaled sum with several filters and a length the filters do not divide', () => {
    const v = new Float64Array(6).fill(1);
    expect(() => filterNormalise(v, v, { filters: 3 })).toThrow(
      /filterNormalise: options.sum must be 'plain' with several filters/,
    );
    expect(() => filterNormalise(v, v, { filters: 4, sum: 'plain' })).toThrow(
      /filterNormalise: w must be a non-bias length divisible by the 4 filters/,
    );
  });
});

describe('filterNormalisedCurvature', () => {
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
        const c = filterNormalisedCurvature((u) => L.hvp(w, u), w, v);
        const scaled = filterNormalisedCurvature(
          (u) => L.hvp(w, u),
          w,
          v.map((x) => x * scale),
        );
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
    expect(filterNormalise(h, w)[0]).toBeCloseTo(5, 12);
    expect(filterNormalise(h, w, { denominatorEpsilon: 1e-10 })[0]).toBeCloseTo(5 / 1.1, 12);
  });
});
