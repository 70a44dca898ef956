/**
 * Exact dense symmetric eigendecomposition (Householder tridiagonalisation + implicit QL), the reference every
 * iterative estimator in claimcheck is checked against.
 */
import { BadArgumentError, DimensionMismatchError } from '../numeric/errors.ts';
import { accumulateQt, tridiagonalize } from './_internals/householder.ts';
import { tridiagonalQl } from './_internals/tridiagonal.ts';
import type { EigenResult } from './types.ts';

/** Options of `symmetricEigen`. */
export interface SymmetricEigenOptions {
  /** Also compute the eigenvectors (O(n³) more work; about 4× the values-only time). Default false. */
  readonly vectors?: boolean;
  /** QL sweep cap per eigenvalue before `converged` is reported false. Default 60. */
  readonly maxSweepsPerValue?: number;
}

/**
 * All eigenvalues (descending) and optionally eigenvectors of the symmetric part (A + Aᵀ)/2 of a dense n×n
 * row-major matrix, by Householder tridiagonalisation (lower-triangle, fused rank-2 update / matrix-vector sweep)
 * followed by implicit QL with shifts (EISPACK tql1/tql2). `residual`: with vectors, max_i ‖A v_i − λ_i v_i‖₂; values
 * only, the largest off-diagonal entry QL neglected (an absolute bound on the eigenvalue error of the tridiagonal
 * matrix; the Householder reduction itself is backward stable).
 */
export function symmetricEigen(A: Float64Array, n: number, options: SymmetricEigenOptions = {}): EigenResult {
  const fn = 'symmetricEigen';
  if (!Number.isInteger(n) || n < 1) throw new BadArgumentError(fn, 'n', 'a positive integer', String(n));
  if (!(A instanceof Float64Array)) throw new BadArgumentError(fn, 'A', 'a Float64Array', Object.prototype.toString.call(A));
  if (A.length !== n * n) throw new DimensionMismatchError(fn, 'A', `length n² = ${n * n}`, `length ${A.length}`);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const s = 0.5 * (A[i * n + j]! + A[j * n + i]!);
      if (!Number.isFinite(s)) throw new BadArgumentError(fn, `A[${i}, ${j}]`, 'finite', String(s));
      a[i * n + j] = s;
    }
  }
  const wantVectors = options.vectors === true;
  const { d, e, betas } = tridiagonalize(a, n);
  const zt = wantVectors ? accumulateQt(a, n, betas) : null;
  const ql = tridiagonalQl(d, e, zt, options.maxSweepsPerValue ?? 60);
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => d[j]! - d[i]!);
  const values = Float64Array.from(order, (i) => d[i]!);
  if (zt === null) {
    return { values, iterations: ql.iterations, converged: ql.converged, residual: ql.deflationBound };
  }
  const vectors = new Float64Array(n * n);
  order.forEach((src, dst) => vectors.set(zt.subarray(src * n, (src + 1) * n), dst * n));
  let residual = 0;
  for (let r = 0; r < n; r++) {
    const v = vectors.subarray(r * n, (r + 1) * n);
    const lambda = values[r]!;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const row = i * n;
      let s = 0;
      for (let j = 0; j < n; j++) s += 0.5 * (A[row + j]! + A[j * n + i]!) * v[j]!;
      const t = s - lambda * v[i]!;
      s2 += t * t;
    }
    residual = Math.max(residual, Math.sqrt(s2));
  }
  return { values, vectors, iterations: ql.iterations, converged: ql.converged, residual };
}
