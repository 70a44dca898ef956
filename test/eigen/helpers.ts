/**
 * Test matrices with known spectra: Q diag(λ) Qᵀ for a random orthogonal Q (Householder products), so eigenvalues
 * (with any multiplicities) are known exactly up to rounding.
 */
import { makeRng, type Rng } from '../../src/rng.ts';

/** A random orthogonal n×n matrix (row-major) as a product of n random Householder reflections. */
export function randomOrthogonal(n: number, rng: Rng): Float64Array {
  const Q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) Q[i * n + i] = 1;
  for (let r = 0; r < Math.min(n, 40); r++) {
    const v = Float64Array.from({ length: n }, () => rng.normal());
    const vv = v.reduce((a, x) => a + x * x, 0);
    // Q ← (I − 2vvᵀ/vᵀv) Q
    const t = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) t[j]! += v[i]! * Q[i * n + j]!;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) Q[i * n + j]! -= (2 * v[i]! * t[j]!) / vv;
  }
  return Q;
}

/** A = Q diag(λ) Qᵀ, exactly symmetrised. */
export function withSpectrum(lambda: readonly number[], seed: number): Float64Array {
  const n = lambda.length;
  const Q = randomOrthogonal(n, makeRng(seed));
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += Q[i * n + k]! * lambda[k]! * Q[j * n + k]!;
      A[i * n + j] = s;
      A[j * n + i] = s;
    }
  }
  return A;
}

/** Values sorted descending. */
export function descending(values: readonly number[]): number[] {
  return [...values].sort((a, b) => b - a);
}

/** max_i |a_i − b_i| / max(1, max|b|). */
export function spectrumError(a: ArrayLike<number>, b: readonly number[]): number {
  let err = 0;
  let scale = 1;
  for (let i = 0; i < b.length; i++) {
    err = Math.max(err, Math.abs(a[i]! - b[i]!));
    scale = Math.max(scale, Math.abs(b[i]!));
  }
  return err / scale;
}
