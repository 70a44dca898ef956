/**
 * Projections Π_ε onto the closed constraint sets of the attacks, applied to a perturbation η (never to x itself, so
 * the ball stays centred at the original data point, as Eq. (3) needs).
 */
import { ClaimcheckError } from '../errors.ts';
import { norm2, type BallNorm } from '../numeric/vector.ts';
import { assertRadius } from './linear-model.ts';

/** Π onto the closed L2 ball ‖η‖₂ ≤ ε: η·min(1, ε/‖η‖₂). */
export function projectL2(eta: ArrayLike<number>, eps: number): Float64Array {
  assertRadius('projectL2', eps);
  const n = norm2(eta);
  const s = n > eps ? eps / n : 1;
  const out = new Float64Array(eta.length);
  for (let i = 0; i < eta.length; i++) out[i] = eta[i]! * s;
  return out;
}

/** Π onto the closed L∞ ball ‖η‖∞ ≤ ε: coordinate-wise clip to [−ε, ε]. */
export function projectLinf(eta: ArrayLike<number>, eps: number): Float64Array {
  assertRadius('projectLinf', eps);
  const out = new Float64Array(eta.length);
  for (let i = 0; i < eta.length; i++) out[i] = Math.min(eps, Math.max(-eps, eta[i]!));
  return out;
}

/** Π onto the closed ball of the given norm and radius ε. */
export function projectBall(eta: ArrayLike<number>, eps: number, norm: BallNorm): Float64Array {
  return norm === 'l2' ? projectL2(eta, eps) : projectLinf(eta, eps);
}

/** The box of admissible perturbations when x + η is clipped to [lo, hi] (pixel range): η_i ∈ [lo − x_i, hi − x_i]. */
export function perturbationBox(
  x: ArrayLike<number>,
  range: { readonly lo: number; readonly hi: number } = { lo: 0, hi: 1 },
): { readonly lo: Float64Array; readonly hi: Float64Array } {
  const lo = new Float64Array(x.length);
  const hi = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    if (!(xi >= range.lo && xi <= range.hi)) {
      throw new ClaimcheckError(
        'BAD_INPUT',
        `perturbationBox: x[${i}] must lie in [${range.lo}, ${range.hi}] for clipping, got ${xi}`,
        'clip the data to the pixel range before attacking',
      );
    }
    lo[i] = range.lo - xi;
    hi[i] = range.hi - xi;
  }
  return { lo, hi };
}

/** Coordinate-wise clip of η to [lo_i, hi_i]. */
export function clipToBox(eta: ArrayLike<number>, lo: ArrayLike<number>, hi: ArrayLike<number>): Float64Array {
  const out = new Float64Array(eta.length);
  for (let i = 0; i < eta.length; i++) out[i] = Math.min(hi[i]!, Math.max(lo[i]!, eta[i]!));
  return out;
}

/** Π onto {‖η‖∞ ≤ ε} ∩ [lo, hi]: exact, because the intersection of two boxes is a box (clip to the tighter bounds). */
export function projectLinfBox(
  eta: ArrayLike<number>,
  eps: number,
  lo: ArrayLike<number>,
  hi: ArrayLike<number>,
): Float64Array {
  assertRadius('projectLinfBox', eps);
  const out = new Float64Array(eta.length);
  for (let i = 0; i < eta.length; i++) {
    out[i] = Math.min(Math.min(eps, hi[i]!), Math.max(Math.max(-eps, lo[i]!), eta[i]!));
  }
  return out;
}

/** Result of an iterative solver: value with iterations, convergence flag and residual (never a bare number). */
export interface Solved<T> {
  readonly value: T;
  readonly iterations: number;
  readonly converged: boolean;
  readonly residual: number;
}

/**
 * Euclidean projection onto {‖η‖₂ ≤ ε} ∩ [lo, hi] (requires lo ≤ 0 ≤ hi, so 0 is feasible). By the KKT conditions
 * the projection of z is clip(z/(1 + μ), lo, hi) with the multiplier μ ≥ 0 making the norm ε (or μ = 0 when the box
 * clip already lies in the ball); μ is found by bisection, since the norm is non-increasing in μ. The returned point
 * is always feasible; `residual` is ε − ‖η‖₂ when the ball constraint is active, else 0.
 */
export function projectL2Box(
  z: ArrayLike<number>,
  eps: number,
  lo: ArrayLike<number>,
  hi: ArrayLike<number>,
  options: { readonly tol?: number; readonly maxIterations?: number } = {},
): Solved<Float64Array> {
  assertRadius('projectL2Box', eps);
  for (let i = 0; i < z.length; i++) {
    if (!(lo[i]! <= 0 && hi[i]! >= 0)) {
      throw new ClaimcheckError(
        'BAD_INPUT',
        `projectL2Box: the box must contain 0, got [${lo[i]}, ${hi[i]}] at index ${i}`,
      );
    }
  }
  const tol = options.tol ?? 1e-14;
  const maxIterations = options.maxIterations ?? 200;
  const at = (mu: number): Float64Array => {
    const out = new Float64Array(z.length);
    for (let i = 0; i < z.length; i++) out[i] = Math.min(hi[i]!, Math.max(lo[i]!, z[i]! / (1 + mu)));
    return out;
  };
  const free = at(0);
  if (norm2(free) <= eps) return { value: free, iterations: 0, converged: true, residual: 0 };
  if (eps === 0) return { value: new Float64Array(z.length), iterations: 0, converged: true, residual: 0 };
  let a = 0;
  let b = Math.max(norm2(z) / eps - 1, 1);
  let iterations = 0;
  while (iterations < maxIterations && b - a > tol * (1 + a)) {
    const m = 0.5 * (a + b);
    if (norm2(at(m)) > eps) a = m;
    else b = m;
    iterations++;
  }
  const value = at(b);
  return { value, iterations, converged: b - a <= tol * (1 + a), residual: eps - norm2(value) };
}
