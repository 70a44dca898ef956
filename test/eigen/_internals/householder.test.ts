/**
 * The Householder reduction with its two sweep kernels (WebAssembly SIMD and the JS fallback): both give an exact
 * similarity QᵀAQ = T (to rounding) with the same spectrum, reduce a matrix filled in `tridiagonalScratch` in place
 * without reading its stale upper triangle, and 'auto' keeps small matrices on the JS kernel.
 */
import { describe, expect, it } from 'vitest';
import {
  accumulateQ,
  type SweepKernel,
  tridiagonalize,
  tridiagonalScratch,
} from '../../../src/eigen/_internals/householder.ts';
import { tridiagonalQl } from '../../../src/eigen/_internals/tridiagonal.ts';
import { makeRng } from '../../../src/rng.ts';

/** A random symmetric n×n matrix (both triangles), entries N(0, 1). */
function randomSymmetric(n: number, seed: number): Float64Array {
  const rng = makeRng(seed);
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) A[i * n + j] = A[j * n + i] = rng.normal();
  return A;
}

/** max |(QᵀAQ − T)_ij| / max |A_ij| with T from d, e. */
function similarityError(A: Float64Array, n: number, Q: Float64Array, d: Float64Array, e: Float64Array): number {
  const AQ = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < n; k++) {
      const aik = A[i * n + k]!;
      for (let j = 0; j < n; j++) AQ[i * n + j]! += aik * Q[k * n + j]!;
    }
  let err = 0;
  let scale = 0;
  for (let i = 0; i < n * n; i++) scale = Math.max(scale, Math.abs(A[i]!));
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += Q[k * n + i]! * AQ[k * n + j]!;
      const t = i === j ? d[i]! : Math.abs(i - j) === 1 ? e[Math.min(i, j)]! : 0;
      err = Math.max(err, Math.abs(s - t));
    }
  return err / scale;
}

function reduce(A: Float64Array, n: number, kernel: SweepKernel) {
  const a = A.slice();
  const t = tridiagonalize(a, n, kernel);
  return { ...t, Q: accumulateQ(a, n, t.betas), a };
}

function spectrum(d: Float64Array, e: Float64Array): Float64Array {
  const dd = d.slice();
  tridiagonalQl(dd, e.slice(), null);
  return dd.sort((x, y) => y - x);
}

/** The eigenvalues (descending) of A through `kernel`'s reduction and QL. */
function reduceSpectrum(A: Float64Array, n: number, kernel: SweepKernel): Float64Array {
  const { d, e } = tridiagonalize(A.slice(), n, kernel);
  return spectrum(d, e);
}

describe('tridiagonalize (fused sweep in WebAssembly SIMD or JS)', () => {
  it('both kernels give QᵀAQ = T to rounding, and the same spectrum, at sizes around the row pairs and tails', () => {
    // Odd and even n, n − start odd and even in every step: every tail and remainder path of the kernel runs.
    for (const [n, seed] of [
      [3, 1],
      [4, 2],
      [5, 3],
      [6, 4],
      [17, 5],
      [32, 6],
      [33, 7],
    ] as const) {
      const A = randomSymmetric(n, seed);
      const js = reduce(A, n, 'js');
      const wasm = reduce(A, n, 'wasm');
      expect(similarityError(A, n, js.Q, js.d, js.e)).toBeLessThan(1e-14 * n);
      expect(similarityError(A, n, wasm.Q, wasm.d, wasm.e)).toBeLessThan(1e-14 * n);
      const sj = spectrum(js.d, js.e);
      const sw = spectrum(wasm.d, wasm.e);
      const scale = Math.max(...sj.map(Math.abs));
      for (let i = 0; i < n; i++) expect(Math.abs(sj[i]! - sw[i]!)).toBeLessThan(1e-14 * n * scale);
    }
  });

  it('the kernels agree at n = 785 on a rank-deficient Gram XᵀDX with zero rows (β = 0 steps and a zero block)', () => {
    // 40 samples: rank ≤ 30 (D has zeros), and every 7th column of X is zero, so A has zero rows and columns.
    const n = 785;
    const m = 40;
    const rng = makeRng(11);
    const X = new Float64Array(m * n);
    for (let r = 0; r < m; r++) for (let c = 0; c < n; c++) X[r * n + c] = c % 7 === 3 ? 0 : rng.normal();
    const D = Array.from({ length: m }, (_, r) => (r % 4 === 0 ? 0 : rng.uniform(0, 1)));
    const A = new Float64Array(n * n);
    for (let r = 0; r < m; r++)
      for (let i = 0; i < n; i++) {
        const x = D[r]! * X[r * n + i]!;
        for (let j = 0; j < n; j++) A[i * n + j]! += x * X[r * n + j]!;
      }
    const sj = reduceSpectrum(A, n, 'js');
    const sw = reduceSpectrum(A, n, 'wasm');
    let err = 0;
    for (let i = 0; i < n; i++) err = Math.max(err, Math.abs(sj[i]! - sw[i]!));
    expect(err).toBeLessThan(1e-13 * sj[0]!);
    // Rank 30 at most: the rest of the spectrum is zero to rounding.
    expect(Math.abs(sw[30]!)).toBeLessThan(1e-13 * sw[0]!);
  });

  it('reduces a matrix filled in tridiagonalScratch in place, bitwise as a copy, never reading above the diagonal', () => {
    const n = 40;
    const A = randomSymmetric(n, 21);
    const copy = reduce(A, n, 'wasm');
    const a = tridiagonalScratch(n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = j <= i ? A[i * n + j]! : Number.NaN;
    const t = tridiagonalize(a, n, 'wasm');
    expect(Array.from(t.d)).toEqual(Array.from(copy.d));
    expect(Array.from(t.e)).toEqual(Array.from(copy.e));
    expect(Array.from(accumulateQ(a, n, t.betas))).toEqual(Array.from(copy.Q));
  });

  it("'auto' runs small matrices on the JS kernel and large ones on the WebAssembly kernel (bitwise)", () => {
    for (const [n, same] of [
      [8, 'js'],
      [64, 'wasm'],
    ] as const) {
      const A = randomSymmetric(n, n);
      const auto = tridiagonalize(A.slice(), n, 'auto');
      const ref = tridiagonalize(A.slice(), n, same);
      expect(Array.from(auto.d)).toEqual(Array.from(ref.d));
      expect(Array.from(auto.e)).toEqual(Array.from(ref.e));
    }
  });
});
