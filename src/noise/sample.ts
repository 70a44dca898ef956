/**
 * Seeded draws of perturbations: every function takes an `Rng` (never a global generator), so a run is replayed by
 * its seed. These are the random starts of PGD and the random-noise distributions of Theorem 2 and section 5.
 */
import type { Rng } from '../rng.ts';
import { ClaimcheckError } from '../errors.ts';

function assertDimRadius(fn: string, d: number, eps: number): void {
  if (!Number.isInteger(d) || d < 1)
    throw new ClaimcheckError('BAD_INPUT', `${fn}: d must be an integer >= 1, got ${d}`);
  if (!Number.isFinite(eps) || eps < 0)
    throw new ClaimcheckError('BAD_INPUT', `${fn}: eps must be a finite number >= 0, got ${eps}`);
}

/** A standard normal vector N(0, I_d). */
export function sampleGaussian(rng: Rng, d: number, scale = 1): Float64Array {
  assertDimRadius('sampleGaussian', d, scale);
  const v = new Float64Array(d);
  for (let i = 0; i < d; i++) v[i] = scale * rng.normal();
  return v;
}

/** A direction uniform on the unit sphere S^{d−1} (normalised Gaussian; redrawn in the measure-zero case ‖z‖ = 0). */
export function sampleDirection(rng: Rng, d: number): Float64Array {
  assertDimRadius('sampleDirection', d, 1);
  for (;;) {
    const z = sampleGaussian(rng, d);
    let n = 0;
    for (let i = 0; i < d; i++) n += z[i]! * z[i]!;
    n = Math.sqrt(n);
    if (n > 0) {
      for (let i = 0; i < d; i++) z[i] = z[i]! / n;
      return z;
    }
  }
}

/** η uniform in the L∞ box [−ε, ε]^d (each η_i ~ U(−ε, ε) independently: Theorem 2's noise, PGD's L∞ random start). */
export function sampleLinfBox(rng: Rng, d: number, eps: number): Float64Array {
  assertDimRadius('sampleLinfBox', d, eps);
  const v = new Float64Array(d);
  for (let i = 0; i < d; i++) v[i] = rng.uniform(-eps, eps);
  return v;
}

/** η uniform (in volume) in the closed L2 ball of radius ε: radius ε·U^{1/d} times a uniform direction. */
export function sampleL2Ball(rng: Rng, d: number, eps: number): Float64Array {
  assertDimRadius('sampleL2Ball', d, eps);
  const r = eps * Math.pow(rng.next(), 1 / d);
  const u = sampleDirection(rng, d);
  for (let i = 0; i < d; i++) u[i] = u[i]! * r;
  return u;
}

/**
 * η with radius uniform in [0, ε] times a uniform direction (the L2 random start of torchattacks and AWP): not
 * uniform in the ball, it puts more mass near the centre (E‖η‖² = ε²/3 instead of dε²/(d + 2)).
 */
export function sampleL2UniformRadius(rng: Rng, d: number, eps: number): Float64Array {
  assertDimRadius('sampleL2UniformRadius', d, eps);
  const r = rng.uniform(0, eps);
  const u = sampleDirection(rng, d);
  for (let i = 0; i < d; i++) u[i] = u[i]! * r;
  return u;
}

/** η uniform on the sphere ‖η‖₂ = ε (the L2 random start of MadryLab robustness). */
export function sampleL2Sphere(rng: Rng, d: number, eps: number): Float64Array {
  assertDimRadius('sampleL2Sphere', d, eps);
  const u = sampleDirection(rng, d);
  for (let i = 0; i < d; i++) u[i] = u[i]! * eps;
  return u;
}

/**
 * A vector with components uniform in [lo, hi], each rounded to `digits` decimals, so that its decimal printout is the
 * exact point used (witnesses are replayed from their strings).
 */
export function sampleDecimalVector(rng: Rng, d: number, lo: number, hi: number, digits = 4): Float64Array {
  assertDimRadius('sampleDecimalVector', d, 0);
  const f = 10 ** digits;
  const v = new Float64Array(d);
  for (let i = 0; i < d; i++) v[i] = Math.round(rng.uniform(lo, hi) * f) / f;
  return v;
}
