import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeRng } from '../../src/rng.ts';
import { denseMatVec } from '../../src/eigen/dense-matvec.ts';
import { lanczos } from '../../src/eigen/lanczos.ts';
import { symmetricEigen } from '../../src/eigen/symmetric-eigen.ts';
import { assertProperty, seedArb } from '../numeric/helpers.ts';
import { descending, spectrumError, withSpectrum } from './helpers.ts';

describe('lanczos (block Lanczos, full reorthogonalisation, Rayleigh–Ritz)', () => {
  it('agrees with the dense solver on the top-k of random symmetric matrices', () => {
    assertProperty(
      'lanczos vs dense',
      fc.property(seedArb, fc.integer({ min: 2, max: 80 }), fc.integer({ min: 1, max: 4 }), (seed, n, k0) => {
        // Arrange
        const k = Math.min(k0, n);
        const rng = makeRng(seed);
        const A = new Float64Array(n * n);
        for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) A[i * n + j] = A[j * n + i] = rng.normal();
        // Act
        const dense = symmetricEigen(A, n);
        const lz = lanczos(denseMatVec(A, n), n, { k, rng: makeRng(seed + 1), tol: 1e-10 });
        // Assert
        expect(lz.converged).toBe(true);
        expect(spectrumError(lz.values, Array.from(dense.values.subarray(0, k)))).toBeLessThan(1e-9);
      }),
      60,
    );
  });

  it('returns a repeated top eigenvalue as k equal values (multiplicity 2–5, k ≤ multiplicity + 2)', () => {
    assertProperty(
      'lanczos multiplicity',
      fc.property(seedArb, fc.integer({ min: 2, max: 5 }), fc.integer({ min: 1, max: 3 }), (seed, copies, extra) => {
        // Arrange: λ = 5 repeated `copies` times, then 4 (twice), then a random tail below 3.
        const rng = makeRng(seed);
        const n = 60;
        const lambda = [
          ...Array(copies).fill(5),
          4,
          4,
          ...Array.from({ length: n - copies - 2 }, () => rng.uniform(-3, 3)),
        ];
        const A = withSpectrum(lambda, seed);
        const k = Math.min(copies + extra, copies + 2);
        // Act
        const lz = lanczos(denseMatVec(A, n), n, { k, rng: makeRng(seed), vectors: true });
        // Assert
        expect(lz.converged).toBe(true);
        expect(spectrumError(lz.values, descending(lambda).slice(0, k))).toBeLessThan(1e-9);
        // The k Ritz vectors are orthonormal: the copies are distinct directions, not one vector found k times.
        const V = lz.vectors!;
        for (let i = 0; i < k; i++) {
          for (let j = 0; j <= i; j++) {
            let s = 0;
            for (let c = 0; c < n; c++) s += V[i * n + c]! * V[j * n + c]!;
            expect(Math.abs(s - (i === j ? 1 : 0))).toBeLessThan(1e-8);
          }
        }
      }),
      30,
    );
  });

  it('finds k copies of the Eq. (9) projector eigenvalue c (multiplicity d − 1), continuing past the breakdown', () => {
    const d = 200;
    const rng = makeRng(4);
    const w = Array.from({ length: d }, () => rng.normal());
    const ww = w.reduce((a, x) => a + x * x, 0);
    const c = 0.25;
    const mv = (v: Float64Array): Float64Array => {
      const wv = w.reduce((a, x, i) => a + x * v[i]!, 0);
      return v.map((x, i) => c * (x - (w[i]! * wv) / ww));
    };
    const top = lanczos(mv, d, { k: 3, rng: makeRng(1) });
    expect(top.converged).toBe(true);
    expect(spectrumError(top.values, [c, c, c])).toBeLessThan(1e-14);
    const bottom = lanczos(mv, d, { k: 2, rng: makeRng(2), which: 'smallest', blockSize: 1 });
    expect(spectrumError(bottom.values, [0, c])).toBeLessThan(1e-12);
  });

  it('finds the smallest eigenvalues (smallest first)', () => {
    const lambda = Array.from({ length: 40 }, (_, i) => i - 10);
    const lz = lanczos(denseMatVec(withSpectrum(lambda, 3), 40), 40, { k: 3, rng: makeRng(3), which: 'smallest' });
    expect(spectrumError(lz.values, [-10, -9, -8])).toBeLessThan(1e-9);
  });

  it('replays: the same seed gives the same bytes', () => {
    const A = withSpectrum(
      Array.from({ length: 30 }, (_, i) => Math.sqrt(i)),
      8,
    );
    const a = lanczos(denseMatVec(A, 30), 30, { k: 2, rng: makeRng(77) });
    const b = lanczos(denseMatVec(A, 30), 30, { k: 2, rng: makeRng(77) });
    expect(Buffer.from(a.values.buffer).equals(Buffer.from(b.values.buffer))).toBe(true);
    expect(a.matvecs).toBe(b.matvecs);
  });

  it('reports converged: false when the Krylov dimension cap is too small', () => {
    const lambda = Array.from({ length: 100 }, (_, i) => 1 + i * 1e-3);
    const lz = lanczos(denseMatVec(withSpectrum(lambda, 5), 100), 100, {
      k: 1,
      rng: makeRng(5),
      maxDimension: 4,
      tol: 1e-12,
    });
    expect(lz.converged).toBe(false);
    expect(lz.matvecs).toBe(4);
    expect(lz.residual).toBeGreaterThan(0);
  });

  it('rejects k > n and a bad block size', () => {
    expect(() => lanczos((v) => v, 3, { k: 4, rng: makeRng(1) })).toThrow(
      /lanczos: options.k must be an integer in \[1, n = 3\], got 4/,
    );
    expect(() => lanczos((v) => v, 3, { blockSize: 0, rng: makeRng(1) })).toThrow(/options.blockSize/);
  });
});
