/**
 * Dense symmetric eigensolver core shared by `symmetricEigen` and the Rayleigh–Ritz step of `lanczos`.
 */
import { accumulateQ, tridiagonalize, tridiagonalScratch } from './householder.ts';
import { tridiagonalQl, type QlOutcome } from './tridiagonal.ts';

/** Unsorted eigenvalues `d` and, when asked, eigenvectors as the COLUMNS of `z` (n×n row-major). */
export interface DenseEigen {
  readonly d: Float64Array;
  readonly z: Float64Array | null;
  readonly ql: QlOutcome;
}

/**
 * An n×n matrix for `denseEigenInPlace` to work on without a copy (WebAssembly memory where that kernel runs; its
 * contents are stale): fill its lower triangle, then call `denseEigenInPlace` before asking for another.
 */
export const denseScratch = (n: number): Float64Array => tridiagonalScratch(n);

/** Eigen-decomposes the symmetric matrix whose lower triangle is in `a` (n×n row-major, overwritten). */
export function denseEigenInPlace(
  a: Float64Array,
  n: number,
  wantVectors: boolean,
  maxSweepsPerValue = 60,
): DenseEigen {
  const { d, e, betas } = tridiagonalize(a, n);
  const z = wantVectors ? accumulateQ(a, n, betas) : null;
  const ql = tridiagonalQl(d, e, z, maxSweepsPerValue);
  return { d, z, ql };
}
