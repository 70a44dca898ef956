/**
 * Rigorous bounds on the Gaussian tail, in log space so they stay meaningful where the tail underflows a double.
 * Abramowitz & Stegun 7.1.13: for z ≥ 0,
 *   2/(√π (z + √(z² + 2))) < e^{z²} erfc(z) ≤ 2/(√π (z + √(z² + 4/π))).
 */
import { ClaimcheckError } from '../errors.ts';

function check(fn: string, z: number): void {
  if (!(z >= 0) || !Number.isFinite(z))
    throw new ClaimcheckError('BAD_INPUT', `${fn}: z must be a finite number >= 0, got ${z}`);
}

/** A lower bound on ln erfc(z), z ≥ 0 (Abramowitz & Stegun 7.1.13): −z² + ln 2 − ½ ln π − ln(z + √(z² + 2)). */
export function logErfcLowerBound(z: number): number {
  check('logErfcLowerBound', z);
  return -z * z + Math.log(2) - 0.5 * Math.log(Math.PI) - Math.log(z + Math.sqrt(z * z + 2));
}

/** An upper bound on ln erfc(z), z ≥ 0 (Abramowitz & Stegun 7.1.13): −z² + ln 2 − ½ ln π − ln(z + √(z² + 4/π)). */
export function logErfcUpperBound(z: number): number {
  check('logErfcUpperBound', z);
  return -z * z + Math.log(2) - 0.5 * Math.log(Math.PI) - Math.log(z + Math.sqrt(z * z + 4 / Math.PI));
}

/**
 * A lower bound on log10 P(‖η‖₂ > r) for η ~ N(0, v I_d) (per-coordinate variance v): P(‖η‖ > r) ≥ P(|η_1| > r) =
 * erfc(r/√(2v)) > 0 for every finite r, so Gaussian noise is never confined to a norm ball.
 */
export function log10GaussianNormTailLowerBound(r: number, variance: number): number {
  if (!(variance > 0))
    throw new ClaimcheckError('BAD_INPUT', `log10GaussianNormTailLowerBound: variance must be > 0, got ${variance}`);
  check('log10GaussianNormTailLowerBound', r);
  return logErfcLowerBound(r / Math.sqrt(2 * variance)) / Math.LN10;
}
