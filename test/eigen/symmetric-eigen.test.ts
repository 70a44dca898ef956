import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeRng } from '../../src/rng.ts';
import { symmetricEigen } from '../../src/eigen/symmetric-eigen.ts';
import { assertProperty, seedArb } from '../numeric/helpers.ts';
import { descending, randomOrthogonal, spectrumError, withSpectrum } from './helpers.ts';

describe('symmetricEigen (Householder tridiagonalisation + implicit QL)', () => {
  it('returns the diagonal of a diagonal matrix, sorted descending, in zero QL sweeps', () => {
    const A = new Float64Array(16);
    [3, -1, 7, 0].forEach((x, i) => (A[i * 4 + i] = x));
    const r = symmetricEigen(A, 4, { vectors: true });
    expect(Array.from(r.values)).toEqual([7, 3, 0, -1]);
    expect(r.iterations).toBe(0);
    expect(r.converged).toBe(true);
    expect(r.residual).toBe(0);
    expect(Array.from(r.vectors!.subarray(0, 4)).map(Math.abs)).toEqual([0, 0, 1, 0]);
  });

  it('recovers known spectra Q diag(λ) Qᵀ, including repeated eigenvalues, with orthonormal vectors and small residuals', () => {
    assertProperty(
      'dense known spectrum',
      fc.property(seedArb, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 4 }), (seed, n, copies) => {
        // Arrange: a spectrum whose top value is repeated `copies` times (capped by n).
        const rng = makeRng(seed);
        const top = rng.uniform(1, 10);
        const lambda = Array.from({ length: n }, (_, i) => (i < copies ? top : rng.uniform(-10, top - 0.1)));
        const A = withSpectrum(lambda, seed);
        // Act
        const r = symmetricEigen(A, n, { vectors: true });
        const valuesOnly = symmetricEigen(A, n);
        // Assert
        expect(spectrumError(r.values, descending(lambda))).toBeLessThan(1e-12);
        expect(Array.from(valuesOnly.values)).toEqual(Array.from(r.values));
        expect(r.converged).toBe(true);
        expect(r.residual).toBeLessThan(1e-12 * 10 * n);
        const V = r.vectors!;
        for (let i = 0; i < n; i++) {
          for (let j = 0; j <= i; j++) {
            let s = 0;
            for (let k = 0; k < n; k++) s += V[i * n + k]! * V[j * n + k]!;
            expect(Math.abs(s - (i === j ? 1 : 0))).toBeLessThan(1e-12 * n);
          }
        }
      }),
      60,
    );
  });

  it('matches a rank-one update D + ρuuᵀ through its invariants (trace, ‖A‖_F) and interlacing with D', () => {
    assertProperty(
      'dense rank-one update',
      fc.property(seedArb, fc.integer({ min: 2, max: 30 }), (seed, n) => {
        const rng = makeRng(seed);
        const dvals = Array.from({ length: n }, () => rng.uniform(-5, 5));
        const u = Array.from({ length: n }, () => rng.normal());
        const rho = rng.uniform(0.1, 3);
        const A = new Float64Array(n * n);
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++) A[i * n + j] = (i === j ? dvals[i]! : 0) + rho * u[i]! * u[j]!;
        const { values } = symmetricEigen(A, n);
        const trace = dvals.reduce((a, x) => a + x, 0) + rho * u.reduce((a, x) => a + x * x, 0);
        const frob2 = A.reduce((a, x) => a + x * x, 0);
        const sum = values.reduce((a, x) => a + x, 0);
        const sumSq = values.reduce((a, x) => a + x * x, 0);
        expect(Math.abs(sum - trace)).toBeLessThan(1e-11 * Math.max(1, Math.abs(trace), frob2));
        expect(Math.abs(sumSq - frob2)).toBeLessThan(1e-11 * Math.max(1, frob2));
        // ρ > 0: the eigenvalues interlace the sorted diagonal from above: d_i ≤ λ_i ≤ d_{i−1}.
        const ds = descending(dvals);
        for (let i = 0; i < n; i++) {
          expect(values[i]!).toBeGreaterThanOrEqual(ds[i]! - 1e-10);
          if (i > 0) expect(values[i]!).toBeLessThanOrEqual(ds[i - 1]! + 1e-10);
        }
      }),
      60,
    );
  });

  it('handles the Eq. (9) projector c(I − ŵŵᵀ): eigenvalue c with multiplicity d − 1 and 0 once', () => {
    const d = 50;
    const rng = makeRng(9);
    const w = Array.from({ length: d }, () => rng.normal());
    const ww = w.reduce((a, x) => a + x * x, 0);
    const c = 0.37;
    const A = new Float64Array(d * d);
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) A[i * d + j] = c * ((i === j ? 1 : 0) - (w[i]! * w[j]!) / ww);
    const r = symmetricEigen(A, d, { vectors: true });
    expect(spectrumError(r.values, [...Array(d - 1).fill(c), 0])).toBeLessThan(1e-14);
    expect(r.residual).toBeLessThan(1e-14);
  });

  it('uses the symmetric part of a non-symmetric input and rejects bad shapes', () => {
    const A = Float64Array.of(1, 2, 0, 1);
    expect(Array.from(symmetricEigen(A, 2).values).map((x) => Math.round(x * 1e12) / 1e12)).toEqual([2, 0]);
    expect(() => symmetricEigen(new Float64Array(3), 2)).toThrow(
      /symmetricEigen: A must have length n² = 4, got length 3/,
    );
    expect(() => symmetricEigen(Float64Array.of(NaN), 1)).toThrow(/symmetricEigen: A\[0, 0\] must be finite, got NaN/);
  });
});

describe('symmetricEigen on the WebAssembly SIMD path (n ≥ 16) and around its threshold', () => {
  it('recovers known spectra with repeated and zero eigenvalues at n = 1, 2, 3, 15, 16, 17, 101 and a diagonal', () => {
    for (const n of [1, 2, 3, 15, 16, 17, 101]) {
      // A third zeros, a third 2.5 (repeated), a third spread: every kind of deflation QL meets.
      const rng = makeRng(n);
      const lambda = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 0 : i % 3 === 1 ? 2.5 : rng.uniform(-4, 4)));
      const A = withSpectrum(lambda, 100 + n);
      const r = symmetricEigen(A, n);
      expect(r.converged).toBe(true);
      expect(spectrumError(r.values, descending(lambda))).toBeLessThan(1e-12);
      expect(Array.from(symmetricEigen(A, n, { vectors: true }).values)).toEqual(Array.from(r.values));
    }
    const n = 50;
    const diag = Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 0 : Math.sin(i)));
    const D = new Float64Array(n * n);
    diag.forEach((x, i) => (D[i * n + i] = x));
    expect(Array.from(symmetricEigen(D, n).values)).toEqual(descending(diag));
  });

  it('recovers the spectrum of a rank-deficient Gram XᵀDX at n = 785 with zero rows (as the MNIST2 Hessian has)', () => {
    // X: 40 orthonormal rows supported off every 7th column, so A = XᵀDX has zero rows/columns there and
    // eigenvalues D_r (some 0, some repeated) and 0 with multiplicity 745.
    const n = 785;
    const m = 40;
    const support = Array.from({ length: n }, (_, c) => c).filter((c) => c % 7 !== 3);
    const Q = randomOrthogonal(support.length, makeRng(5));
    const Dr = Array.from({ length: m }, (_, r) => (r % 4 === 0 ? 0 : r % 4 === 1 ? 0.75 : 0.1 * r));
    const A = new Float64Array(n * n);
    for (let r = 0; r < m; r++) {
      const x = new Float64Array(n);
      support.forEach((c, k) => (x[c] = Q[r * support.length + k]!));
      for (let i = 0; i < n; i++) {
        const dxi = Dr[r]! * x[i]!;
        if (dxi !== 0) for (let j = 0; j < n; j++) A[i * n + j]! += dxi * x[j]!;
      }
    }
    const r = symmetricEigen(A, n);
    expect(r.converged).toBe(true);
    const known = descending([...Dr, ...Array<number>(n - m).fill(0)]);
    expect(spectrumError(r.values, known)).toBeLessThan(1e-12);
  });
});
