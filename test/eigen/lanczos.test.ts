import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeRng } from '../../src/rng.ts';
import { denseMatVec } from '../../src/eigen/dense-matvec.ts';
import { lanczos } from '../../src/eigen/lanczos.ts';
import { symmetricEigen } from '../../src/eigen/symmetric-eigen.ts';
import { assertProperty, seedArb } from '../numeric/helpers.ts';
import { ESTIMATOR_TOLERANCES } from '../../src/numeric/tolerances.ts';
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

  it('with a start vector and `quadrature`, its Gauss rule reproduces vᵀAᵏv/vᵀv for every k ≤ 2m − 1', () => {
    assertProperty(
      'lanczos quadrature',
      fc.property(seedArb, fc.integer({ min: 2, max: 10 }), (seed, m) => {
        // Arrange: a spectrum in [−1, 2] (‖A‖ ≤ 2) and a random start v.
        const n = 50;
        const rng = makeRng(seed);
        const A = withSpectrum(
          Array.from({ length: n }, () => rng.uniform(-1, 2)),
          seed,
        );
        const v = Float64Array.from({ length: n }, () => rng.normal());
        // Act
        const lz = lanczos(denseMatVec(A, n), n, {
          rng: makeRng(seed),
          blockSize: 1,
          maxDimension: m,
          start: v,
          stopWhenConverged: false,
          onBreakdown: 'stop',
          quadrature: true,
        });
        // Assert: the rule has m nodes with weights summing to 1, exact for degree ≤ 2m − 1.
        const { nodes, weights } = lz.quadrature!;
        expect(lz.dimension).toBe(m);
        expect(nodes.length).toBe(m);
        expect(Math.abs(weights.reduce((a, x) => a + x, 0) - 1)).toBeLessThan(1e-12);
        const vv = v.reduce((a, x) => a + x * x, 0);
        let akv: Float64Array = Float64Array.from(v);
        for (let k = 1; k <= 2 * m - 1; k++) {
          akv = denseMatVec(A, n)(akv);
          const exact = v.reduce((a, x, i) => a + x * akv[i]!, 0) / vv;
          let rule = 0;
          for (let i = 0; i < m; i++) rule += weights[i]! * nodes[i]! ** k;
          expect(Math.abs(rule - exact)).toBeLessThanOrEqual(ESTIMATOR_TOLERANCES.quadratureRtol * 2 ** k);
        }
      }),
      30,
    );
  });

  it('builds the basis to maxDimension without early stopping, and stops at an invariant subspace with `stop`', () => {
    // A with 3 distinct eigenvalues: the Krylov space of any start is 3-dimensional.
    const n = 40;
    const A = withSpectrum(
      Array.from({ length: n }, (_, i) => [1, 2, 5][i % 3]!),
      6,
    );
    const start = Float64Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1 : -1));
    const stopped = lanczos(denseMatVec(A, n), n, {
      rng: makeRng(1),
      blockSize: 1,
      maxDimension: 20,
      start,
      stopWhenConverged: false,
      onBreakdown: 'stop',
      quadrature: true,
    });
    expect(stopped.breakdown).toBe(true);
    expect(stopped.dimension).toBe(3);
    expect(spectrumError(stopped.quadrature!.nodes, [1, 2, 5])).toBeLessThan(1e-12);
    // Restarting past the breakdown (the default) fills the basis; without early stopping it reaches maxDimension.
    const full = lanczos(denseMatVec(A, n), n, {
      rng: makeRng(1),
      blockSize: 1,
      maxDimension: 20,
      start,
      stopWhenConverged: false,
    });
    expect(full.dimension).toBe(20);
    expect(full.matvecs).toBe(20);
    // With early stopping (the default) it stops as soon as λ₁ = 5 is converged.
    const early = lanczos(denseMatVec(A, n), n, { rng: makeRng(1), blockSize: 1, maxDimension: 20, start });
    expect(early.converged).toBe(true);
    expect(early.matvecs).toBeLessThan(20);
    expect(Math.abs(early.values[0]! - 5)).toBeLessThan(1e-12);
  });

  it('leaves the default results unchanged by the quadrature option, and rejects a bad start', () => {
    const A = withSpectrum(
      Array.from({ length: 30 }, (_, i) => Math.sqrt(i)),
      8,
    );
    const a = lanczos(denseMatVec(A, 30), 30, { k: 2, rng: makeRng(77) });
    const b = lanczos(denseMatVec(A, 30), 30, { k: 2, rng: makeRng(77), quadrature: true });
    expect(Buffer.from(a.values.buffer).equals(Buffer.from(b.values.buffer))).toBe(true);
    expect(b.quadrature!.nodes.length).toBe(b.dimension);
    expect(() => lanczos((v) => v, 3, { rng: makeRng(1), start: new Float64Array(2) })).toThrow(
      'lanczos: options.start must have length 3, got length 2',
    );
    expect(() => lanczos((v) => v, 3, { rng: makeRng(1), start: new Float64Array(3) })).toThrow(
      'lanczos: options.start must be a finite nonzero vector, got norm 0',
    );
  });

  it('rejects k > n and a bad block size', () => {
    expect(() => lanczos((v) => v, 3, { k: 4, rng: makeRng(1) })).toThrow(
      /lanczos: options.k must be an integer in \[1, n = 3\], got 4/,
    );
    expect(() => lanczos((v) => v, 3, { blockSize: 0, rng: makeRng(1) })).toThrow(/options.blockSize/);
  });
});
