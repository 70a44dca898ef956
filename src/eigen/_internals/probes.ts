/**
 * Random probe vectors of the stochastic estimators (Hutchinson's trace, stochastic Lanczos quadrature).
 */
import type { Rng } from '../../rng.ts';

/** Fills `out` with Rademacher entries (±1, each with probability ½), one `rng.next()` per entry. */
export function fillRademacher(out: Float64Array, rng: Rng): Float64Array {
  for (let i = 0; i < out.length; i++) out[i] = rng.next() < 0.5 ? -1 : 1;
  return out;
}
