/**
 * Shared result and operator types of the symmetric eigensolvers in `src/eigen`.
 */

/** A symmetric linear operator ℝⁿ → ℝⁿ given by its product with a vector (e.g. a Hessian-vector product). */
export type MatVec = (v: Float64Array) => Float64Array;

/**
 * What every eigensolver returns: never a bare number. `values` are sorted in DESCENDING order (largest first),
 * except `lanczos` with `which: 'smallest'`, which returns the smallest first.
 * `vectors`, when requested, holds one unit eigenvector per value, row-major: vector i is
 * `vectors.subarray(i * n, (i + 1) * n)`. `residual` is max_i ‖A v_i − λ_i v_i‖₂ (absolute) unless a solver says
 * otherwise.
 */
export interface EigenResult {
  readonly values: Float64Array;
  readonly vectors?: Float64Array;
  /** Solver iterations (QL sweeps, Lanczos blocks, power steps). */
  readonly iterations: number;
  /** Whether the solver's own stopping test was met (never true just because an iteration cap was hit). */
  readonly converged: boolean;
  readonly residual: number;
}
