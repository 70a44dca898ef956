/**
 * A `MatVec` for an explicit dense matrix, so that iterative solvers can be run on a formed Hessian.
 */
import { BadArgumentError, DimensionMismatchError } from '../numeric/errors.ts';
import type { MatVec } from './types.ts';

/** v ↦ A v for a dense n×n row-major matrix A (row-contiguous dot products, four rows per pass). */
export function denseMatVec(A: Float64Array, n: number): MatVec {
  if (!Number.isInteger(n) || n < 1) throw new BadArgumentError('denseMatVec', 'n', 'a positive integer', String(n));
  if (A.length !== n * n)
    throw new DimensionMismatchError('denseMatVec', 'A', `length n² = ${n * n}`, `length ${A.length}`);
  return (v) => {
    if (v.length !== n) throw new DimensionMismatchError('denseMatVec(A)', 'v', `length ${n}`, `length ${v.length}`);
    const out = new Float64Array(n);
    // Four rows per pass share the loads of v.
    let i = 0;
    for (; i + 3 < n; i += 4) {
      const r0 = i * n;
      const r1 = r0 + n;
      const r2 = r1 + n;
      const r3 = r2 + n;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let j = 0; j < n; j++) {
        const vj = v[j]!;
        s0 += A[r0 + j]! * vj;
        s1 += A[r1 + j]! * vj;
        s2 += A[r2 + j]! * vj;
        s3 += A[r3 + j]! * vj;
      }
      out[i] = s0;
      out[i + 1] = s1;
      out[i + 2] = s2;
      out[i + 3] = s3;
    }
    for (; i < n; i++) {
      const row = i * n;
      let s = 0;
      for (let j = 0; j < n; j++) s += A[row + j]! * v[j]!;
      out[i] = s;
    }
    return out;
  };
}
