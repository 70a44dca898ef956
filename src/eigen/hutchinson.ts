/**
 * Stochastic trace estimation of a symmetric operator known through matrix-vector products (Hutchinson).
 */
import type { Rng } from '../rng.ts';
import { BadArgumentError, DimensionMismatchError } from '../numeric/errors.ts';
import type { MatVec } from './types.ts';
import { fillRademacher } from './_internals/probes.ts';

/** Options of `hutchinsonTrace`. */
export interface HutchinsonOptions {
  /** Source of the Rademacher vectors. */
  readonly rng: Rng;
  /** Maximum number of probe vectors. Default 100. */
  readonly samples?: number;
  /** Probe vectors drawn before the stopping test is applied. Default 10. */
  readonly minSamples?: number;
  /** Converged (and stops) when standardError ≤ tol·|value|. Default 1e-2. */
  readonly tol?: number;
}

/** The estimate, its standard error and the stopping information. */
export interface HutchinsonResult {
  /** Estimated tr(A). */
  readonly value: number;
  /** Sample standard deviation of zᵀAz over √samples. */
  readonly standardError: number;
  /** Probe vectors used (= matrix-vector products). */
  readonly iterations: number;
  /** Whether standardError ≤ tol·|value| was reached. */
  readonly converged: boolean;
  /** Same as standardError (the estimator's own uncertainty). */
  readonly residual: number;
}

/**
 * tr(A) ≈ (1/m) Σ zᵀAz over Rademacher vectors z (entries ±1 with probability ½), Hutchinson's estimator; unbiased
 * with variance 2 Σ_{i≠j} A_ij² per probe. Stops once the standard error is below tol·|estimate| (after
 * `minSamples`) or at `samples` probes.
 */
export function hutchinsonTrace(matvec: MatVec, n: number, options: HutchinsonOptions): HutchinsonResult {
  const fn = 'hutchinsonTrace';
  if (!Number.isInteger(n) || n < 1) throw new BadArgumentError(fn, 'n', 'a positive integer', String(n));
  const samples = options.samples ?? 100;
  const minSamples = Math.min(options.minSamples ?? 10, samples);
  const tol = options.tol ?? 1e-2;
  if (!Number.isInteger(samples) || samples < 2)
    throw new BadArgumentError(fn, 'options.samples', 'an integer ≥ 2', String(samples));
  if (!Number.isInteger(minSamples) || minSamples < 2)
    throw new BadArgumentError(fn, 'options.minSamples', 'an integer ≥ 2', String(minSamples));
  if (!(tol > 0)) throw new BadArgumentError(fn, 'options.tol', '> 0', String(tol));
  let mean = 0;
  let m2 = 0;
  let m = 0;
  let se = Number.POSITIVE_INFINITY;
  let converged = false;
  const z = new Float64Array(n);
  while (m < samples) {
    fillRademacher(z, options.rng);
    const az = matvec(z);
    if (az.length !== n) throw new DimensionMismatchError(fn, 'matvec(z)', `length ${n}`, `length ${az.length}`);
    let x = 0;
    for (let i = 0; i < n; i++) x += z[i]! * az[i]!;
    m++;
    const delta = x - mean;
    mean += delta / m;
    m2 += delta * (x - mean);
    if (m >= 2) se = Math.sqrt(m2 / (m - 1) / m);
    if (m >= minSamples && se <= tol * Math.abs(mean)) {
      converged = true;
      break;
    }
  }
  return { value: mean, standardError: se, iterations: m, converged, residual: se };
}
