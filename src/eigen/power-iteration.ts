/**
 * Power iteration for the dominant eigenvalue: a cross-check for `lanczos`, as PyHessian and hessian-eigenthings
 * use it, but with a residual-based stopping test and an honest convergence flag.
 */
import type { Rng } from '../rng.ts';
import { BadArgumentError, DimensionMismatchError } from '../numeric/errors.ts';
import type { EigenResult, MatVec } from './types.ts';

/** Options of `powerIteration`. */
export interface PowerIterationOptions {
  /** Source of the random start vector. */
  readonly rng: Rng;
  /** Iteration cap. Default 1000. */
  readonly maxIterations?: number;
  /** Converged when ‖Av − λv‖₂ ≤ tol·|λ|. Default 1e-8. */
  readonly tol?: number;
}

/** `EigenResult` plus the number of matrix-vector products used. */
export interface PowerIterationResult extends EigenResult {
  readonly matvecs: number;
}

/**
 * The eigenvalue of largest magnitude (with its sign) and its eigenvector by power iteration v ← Av/‖Av‖ with
 * Rayleigh-quotient estimates λ = vᵀAv. Converges at rate |λ₂/λ₁| (slowly for near-equal magnitudes); an exactly
 * repeated top eigenvalue is fine, but ±λ pairs are not (use `lanczos`). Returns one value and one vector.
 */
export function powerIteration(matvec: MatVec, n: number, options: PowerIterationOptions): PowerIterationResult {
  const fn = 'powerIteration';
  if (!Number.isInteger(n) || n < 1) throw new BadArgumentError(fn, 'n', 'a positive integer', String(n));
  const maxIterations = options.maxIterations ?? 1000;
  if (!Number.isInteger(maxIterations) || maxIterations < 1)
    throw new BadArgumentError(fn, 'options.maxIterations', 'a positive integer', String(maxIterations));
  const tol = options.tol ?? 1e-8;
  if (!(tol > 0)) throw new BadArgumentError(fn, 'options.tol', '> 0', String(tol));
  let v: Float64Array = new Float64Array(n);
  let s = 0;
  for (let i = 0; i < n; i++) {
    v[i] = options.rng.normal();
    s += v[i]! * v[i]!;
  }
  const inv = 1 / Math.sqrt(s);
  for (let i = 0; i < n; i++) v[i]! *= inv;
  let lambda = 0;
  let residual = Number.POSITIVE_INFINITY;
  let it = 0;
  let converged = false;
  while (it < maxIterations) {
    const w = matvec(v);
    it++;
    if (w.length !== n) throw new DimensionMismatchError(fn, 'matvec(v)', `length ${n}`, `length ${w.length}`);
    lambda = 0;
    for (let i = 0; i < n; i++) lambda += v[i]! * w[i]!;
    let r2 = 0;
    let w2 = 0;
    for (let i = 0; i < n; i++) {
      const t = w[i]! - lambda * v[i]!;
      r2 += t * t;
      w2 += w[i]! * w[i]!;
    }
    residual = Math.sqrt(r2);
    if (residual <= tol * Math.abs(lambda) || w2 === 0) {
      converged = w2 > 0 || residual === 0;
      break;
    }
    const wn = 1 / Math.sqrt(w2);
    for (let i = 0; i < n; i++) w[i]! *= wn;
    v = w;
  }
  return { values: Float64Array.of(lambda), vectors: v, iterations: it, converged, residual, matvecs: it };
}
