/**
 * Exact dense symmetric eigendecomposition (Householder tridiagonalisation + implicit QL), the reference every
 * iterative estimator in claimcheck is checked against.
 */
import { BadArgumentError, DimensionMismatchError } from '../numeric/errors.ts';
import { denseEigenInPlace, denseScratch } from './_internals/dense.ts';
import type { EigenResult } from './types.ts';

/** Options of `symmetricEigen`. */
export interface SymmetricEigenOptions {
  /**
   * Also compute the eigenvectors (O(n³) more work in plain JS: the back-transformation, the rotations and the
   * residuals; about 20× the values-only time at n = 785). Default false.
   */
  readonly vectors?: boolean;
  /** QL sweep cap per eigenvalue before `converged` is reported false. Default 60. */
  readonly maxSweepsPerValue?: number;
}

/**
 * All eigenvalues (descending) and optionally eigenvectors of the symmetric part (A + Aᵀ)/2 of a dense n×n
 * row-major matrix, by Householder tridiagonalisation (lower-triangle, fused rank-2 update / matrix-vector sweep, in
 * WebAssembly SIMD for n ≥ 16 where the engine has it) followed by implicit QL with shifts (EISPACK tql1/tql2; the
 * values are bitwise the same with and without vectors). `residual`: with vectors, max_i ‖A v_i − λ_i v_i‖₂; values
 * only, the largest off-diagonal entry QL neglected (an absolute bound on the eigenvalue error of the tridiagonal
 * matrix; the Householder reduction itself is backward stable).
 */
export function symmetricEigen(A: Float64Array, n: number, options: SymmetricEigenOptions = {}): EigenResult {
  const fn = 'symmetricEigen';
  if (!Number.isInteger(n) || n < 1) throw new BadArgumentError(fn, 'n', 'a positive integer', String(n));
  if (!(A instanceof Float64Array))
    throw new BadArgumentError(fn, 'A', 'a Float64Array', Object.prototype.toString.call(A));
  if (A.length !== n * n) throw new DimensionMismatchError(fn, 'A', `length n² = ${n * n}`, `length ${A.length}`);
  const a = denseScratch(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const s = 0.5 * (A[i * n + j]! + A[j * n + i]!);
      if (!Number.isFinite(s)) throw new BadArgumentError(fn, `A[${i}, ${j}]`, 'finite', String(s));
      a[i * n + j] = s;
    }
  }
  const wantVectors = options.vectors === true;
  const { d, z, ql } = denseEigenInPlace(a, n, wantVectors, options.maxSweepsPerValue ?? 60);
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => d[j]! - d[i]!);
  const values = Float64Array.from(order, (i) => d[i]!);
  if (z === null) {
    return { values, iterations: ql.iterations, converged: ql.converged, residual: ql.deflationBound };
  }
  // Column order[r] of z is the eigenvector of values[r]; store it as row r.
  const vectors = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const row = k * n;
    for (let r = 0; r < n; r++) vectors[r * n + k] = z[row + order[r]!]!;
  }
  // Residuals from AZ (row-major i-k-j product; `a` was overwritten, so the symmetric part is re-read from A).
  const az = new Float64Array(n * n);
  const sym = (i: number, j: number): number => 0.5 * (A[i * n + j]! + A[j * n + i]!);
  for (let i = 0; i < n; i++) {
    const out = i * n;
    let j = 0;
    for (; j + 3 < n; j += 4) {
      const a0 = sym(i, j);
      const a1 = sym(i, j + 1);
      const a2 = sym(i, j + 2);
      const a3 = sym(i, j + 3);
      const z0 = j * n;
      const z1 = z0 + n;
      const z2 = z1 + n;
      const z3 = z2 + n;
      for (let c = 0; c < n; c++) az[out + c]! += a0 * z[z0 + c]! + a1 * z[z1 + c]! + a2 * z[z2 + c]! + a3 * z[z3 + c]!;
    }
    for (; j < n; j++) {
      const aij = sym(i, j);
      const zr = j * n;
      for (let c = 0; c < n; c++) az[out + c]! += aij * z[zr + c]!;
    }
  }
  const res2 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = i * n;
    for (let c = 0; c < n; c++) {
      const t = az[row + c]! - d[c]! * z[row + c]!;
      res2[c]! += t * t;
    }
  }
  let residual = 0;
  for (let c = 0; c < n; c++) residual = Math.max(residual, Math.sqrt(res2[c]!));
  return { values, vectors, iterations: ql.iterations, converged: ql.converged, residual };
}
