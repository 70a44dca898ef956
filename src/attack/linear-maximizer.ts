/**
 * Exact inner maximisers of Eq. (2) for the linear logistic model over CLOSED balls centred at 0, and the robust
 * losses they give. Because ℓ(x + η) = softplus(−y w·x − y w·η) is increasing in c·η with c = −y w, maximising ℓ
 * over a convex set is maximising the linear function c·η over it.
 */
import { ClaimcheckError } from '../errors.ts';
import {
  assertLabel,
  assertRadius,
  assertSameLength,
  lossArgument,
  sign,
  softplus,
  type Label,
} from './linear-model.ts';
import { dot, norm1, norm2 } from '../numeric/vector.ts';
import { perturbationBox, projectL2Box, type Solved } from './project.ts';

function nonzeroNorm(fn: string, w: ArrayLike<number>): number {
  const n = norm2(w);
  if (!(n > 0)) {
    throw new ClaimcheckError(
      'BAD_INPUT',
      `${fn}: w must have a nonzero L2 norm, got ||w|| = ${n}`,
      'the maximiser is undefined at w = 0',
    );
  }
  return n;
}

/** η* = −y ε w/‖w‖₂: the unique maximiser of ℓ(x + η, y, w) over ‖η‖₂ ≤ ε (w ≠ 0), with ‖η*‖₂ = ε. */
export function l2Maximizer(y: Label, w: ArrayLike<number>, eps: number): Float64Array {
  assertLabel('l2Maximizer', y);
  assertRadius('l2Maximizer', eps);
  const n = nonzeroNorm('l2Maximizer', w);
  const out = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) out[i] = (-y * eps * w[i]!) / n;
  return out;
}

/** η* = −y ε sign(w): a maximiser over ‖η‖∞ ≤ ε (unique when every w_i ≠ 0; where w_i = 0 it picks η_i = 0). */
export function linfMaximizer(y: Label, w: ArrayLike<number>, eps: number): Float64Array {
  assertLabel('linfMaximizer', y);
  assertRadius('linfMaximizer', eps);
  const out = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) out[i] = -y * eps * sign(w[i]!);
  return out;
}

/**
 * η*_i = clip(−y ε sign(w_i), −x_i, 1 − x_i): the exact maximiser over ‖η‖∞ ≤ ε with x + η clipped to [0, 1]
 * (the constraint set is a box, and the linear objective separates over coordinates).
 */
export function linfClippedMaximizer(
  x: ArrayLike<number>,
  y: Label,
  w: ArrayLike<number>,
  eps: number,
  range: { readonly lo: number; readonly hi: number } = { lo: 0, hi: 1 },
): Float64Array {
  assertSameLength('linfClippedMaximizer', 'x', x, w);
  const { lo, hi } = perturbationBox(x, range);
  const s = linfMaximizer(y, w, eps);
  for (let i = 0; i < s.length; i++) s[i] = Math.min(hi[i]!, Math.max(lo[i]!, s[i]!));
  return s;
}

/** max over ‖η‖₂ ≤ ε of ℓ(x + η, y, w) = softplus(−y w·x + ε‖w‖₂): the L2 robust loss (Eq. (4), inner max). */
export function robustLossL2(x: ArrayLike<number>, y: Label, w: ArrayLike<number>, eps: number): number {
  assertRadius('robustLossL2', eps);
  return softplus(lossArgument(x, y, w) + eps * norm2(w));
}

/** max over ‖η‖∞ ≤ ε of ℓ(x + η, y, w) = softplus(−y w·x + ε‖w‖₁): the L∞ robust loss (dual norm ‖·‖₁). */
export function robustLossLinf(x: ArrayLike<number>, y: Label, w: ArrayLike<number>, eps: number): number {
  assertRadius('robustLossLinf', eps);
  return softplus(lossArgument(x, y, w) + eps * norm1(w));
}

/**
 * The KKT form of the maximiser over {‖η‖₂ ≤ ε} ∩ [−x, 1 − x]: η(t) = clip(t c, −x, 1 − x) with c = −y w and the
 * t ≥ 0 at which ‖η(t)‖₂ = ε (found by bisection; t = ∞ when the clipped corner already lies in the ball). A
 * one-dimensional root, not a closed form; used as the reference for `l2ClippedMaximizer`.
 */
export function l2ClippedKkt(
  x: ArrayLike<number>,
  y: Label,
  w: ArrayLike<number>,
  eps: number,
  range: { readonly lo: number; readonly hi: number } = { lo: 0, hi: 1 },
): Solved<Float64Array> {
  assertLabel('l2ClippedKkt', y);
  assertRadius('l2ClippedKkt', eps);
  assertSameLength('l2ClippedKkt', 'x', x, w);
  const { lo, hi } = perturbationBox(x, range);
  const at = (t: number): Float64Array => {
    const out = new Float64Array(w.length);
    for (let i = 0; i < w.length; i++) {
      const ci = -y * w[i]!;
      const v = t === Infinity ? (ci > 0 ? hi[i]! : ci < 0 ? lo[i]! : 0) : t * ci;
      out[i] = Math.min(hi[i]!, Math.max(lo[i]!, v));
    }
    return out;
  };
  const corner = at(Infinity);
  if (norm2(corner) <= eps) return { value: corner, iterations: 0, converged: true, residual: 0 };
  let a = 0;
  let b = eps / Math.max(norm2(w), Number.MIN_VALUE);
  while (norm2(at(b)) < eps) b *= 2;
  let iterations = 0;
  while (iterations < 200 && b - a > 1e-15 * b) {
    const m = 0.5 * (a + b);
    if (norm2(at(m)) < eps) a = m;
    else b = m;
    iterations++;
  }
  const value = at(a);
  return { value, iterations, converged: b - a <= 1e-15 * b, residual: eps - norm2(value) };
}

/** Options of `l2ClippedMaximizer`. */
export interface L2ClippedOptions {
  readonly range?: { readonly lo: number; readonly hi: number };
  /** Step size of the ascent as a multiple of ε (default 1). */
  readonly stepFactor?: number;
  readonly maxIterations?: number;
  /** Stop when the gradient-mapping norm ‖η − Π(η + t ĉ)‖/t falls below this (default 1e-10). */
  readonly tol?: number;
}

/**
 * Maximiser of ℓ over {‖η‖₂ ≤ ε} ∩ [−x, 1 − x] (L2 attack with pixel clipping): this has NO simple closed form, so it
 * is solved by projected gradient ascent η ← Π(η + t ĉ), ĉ = c/‖c‖, with the exact Euclidean projection onto the
 * intersection (`projectL2Box`). For a linear objective a fixed point of this map is a KKT point, hence the global
 * maximum; `residual` is the gradient-mapping norm at the returned point.
 */
export function l2ClippedMaximizer(
  x: ArrayLike<number>,
  y: Label,
  w: ArrayLike<number>,
  eps: number,
  options: L2ClippedOptions = {},
): Solved<Float64Array> {
  assertLabel('l2ClippedMaximizer', y);
  assertRadius('l2ClippedMaximizer', eps);
  assertSameLength('l2ClippedMaximizer', 'x', x, w);
  const n = nonzeroNorm('l2ClippedMaximizer', w);
  const { lo, hi } = perturbationBox(x, options.range ?? { lo: 0, hi: 1 });
  const t = (options.stepFactor ?? 1) * eps;
  const maxIterations = options.maxIterations ?? 10_000;
  const tol = options.tol ?? 1e-10;
  const chat = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) chat[i] = (-y * w[i]!) / n;
  let eta: Float64Array = new Float64Array(w.length);
  let residual = Infinity;
  let iterations = 0;
  if (eps === 0) return { value: eta, iterations: 0, converged: true, residual: 0 };
  while (iterations < maxIterations) {
    const z = new Float64Array(w.length);
    for (let i = 0; i < w.length; i++) z[i] = eta[i]! + t * chat[i]!;
    const next = projectL2Box(z, eps, lo, hi).value;
    let move = 0;
    for (let i = 0; i < w.length; i++) move += (next[i]! - eta[i]!) ** 2;
    residual = Math.sqrt(move) / t;
    eta = next;
    iterations++;
    if (residual <= tol) break;
  }
  return { value: eta, iterations, converged: residual <= tol, residual };
}

/** c·η* − c·η for c = −y w: how far a perturbation falls short of the linear objective's optimum (≥ 0). */
export function objectiveShortfall(
  y: Label,
  w: ArrayLike<number>,
  eta: ArrayLike<number>,
  best: ArrayLike<number>,
): number {
  return -y * (dot(w, best) - dot(w, eta));
}
