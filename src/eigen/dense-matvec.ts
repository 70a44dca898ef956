/**
 * A `MatVec` for an explicit dense matrix, so that iterative solvers can be run on a formed Hessian.
 */
import { BadArgumentError, DimensionMismatchError } from '../numeric/errors.ts';
import type { MatVec } from './types.ts';

/** v ↦ A v for a dense n×n row-major matrix A (row-contiguous dot products). */
export function denseMatVec(A: Float64Array, n: number): MatVec {
  if (!Number.isInteger(n) || n < 1) throw new BadArgumentError('denseMatVec', 'n', 'a positive integer', String(n));
  if (A.length !== n * n) throw new DimensionMismatchError('denseMatVec', 'A', `length n² = ${n * n}`, `length ${A.length}`);
  return (v) => {
    if (v.length !== n) throw new DimensionMismatchError('denseMatVec(A)', 'v', `length ${n}`, `length ${v.length}`);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const row = i * n;
      let s = 0;
      for (let j = 0; j < n; j++) s += A[row + j]! * v[j]!;
      out[i] = s;
    }
    return out;
  };
}
