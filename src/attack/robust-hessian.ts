/**
 * The L2 robust loss of the linear logistic model (the inner max of Eq. (4) in closed form, w-dependent perturbation)
 * and its exact gradient and Hessian in Float64:
 *   L(w) = (1/N) Σ softplus(u_n),  u_n = −y_n w·x_n + ε‖w‖₂,
 *   ∇L = (1/N) Σ σ(u_n) v_n,  v_n = −y_n x_n + ε ŵ,
 *   H  = (1/N) Σ [σ(u_n) ε/‖w‖ (I − ŵŵᵀ) + σ(u_n)(1 − σ(u_n)) v_n v_nᵀ].
 * This is the Hessian of the robust loss, not the fixed-perturbation Hessian most tools compute.
 */
import { ClaimcheckError } from '../errors.ts';
import { assertLabel, assertRadius, dot, norm2, sigmoid, softplus, type Label } from './linear-model.ts';

/** A labelled data set: points x_n ∈ ℝ^d with labels y_n ∈ {−1, 1}. */
export interface LabelledData {
  readonly xs: readonly ArrayLike<number>[];
  readonly ys: readonly Label[];
}

function validate(fn: string, data: LabelledData, w: ArrayLike<number>, eps: number): number {
  assertRadius(fn, eps);
  if (data.xs.length === 0 || data.xs.length !== data.ys.length) {
    throw new ClaimcheckError('BAD_INPUT', `${fn}: data must have N >= 1 points and one label each, got ${data.xs.length} points and ${data.ys.length} labels`);
  }
  for (const [n, x] of data.xs.entries()) {
    if (x.length !== w.length) throw new ClaimcheckError('BAD_INPUT', `${fn}: data.xs[${n}] must have length ${w.length}, got ${x.length}`);
    assertLabel(fn, data.ys[n]!);
  }
  const wn = norm2(w);
  if (eps > 0 && !(wn > 0)) throw new ClaimcheckError('BAD_INPUT', `${fn}: w must be nonzero when eps > 0 (||w|| is not differentiable at 0), got ||w|| = ${wn}`);
  return wn;
}

/** L(w) = (1/N) Σ softplus(−y_n w·x_n + ε‖w‖₂): the mean L2 robust loss. */
export function robustLossL2Mean(data: LabelledData, w: ArrayLike<number>, eps: number): number {
  const wn = validate('robustLossL2Mean', data, w, eps);
  let s = 0;
  for (const [n, x] of data.xs.entries()) s += softplus(-data.ys[n]! * dot(w, x) + eps * wn);
  return s / data.xs.length;
}

/** ∇L(w) of the mean L2 robust loss: (1/N) Σ σ(u_n)(−y_n x_n + ε ŵ). */
export function robustGradL2(data: LabelledData, w: ArrayLike<number>, eps: number): Float64Array {
  const wn = validate('robustGradL2', data, w, eps);
  const d = w.length;
  const g = new Float64Array(d);
  for (const [n, x] of data.xs.entries()) {
    const y = data.ys[n]!;
    const s = sigmoid(-y * dot(w, x) + eps * wn);
    for (let i = 0; i < d; i++) g[i] = g[i]! + s * (-y * x[i]! + (eps > 0 ? (eps * w[i]!) / wn : 0));
  }
  for (let i = 0; i < d; i++) g[i] = g[i]! / data.xs.length;
  return g;
}

/** The d×d Hessian of the mean L2 robust loss (row-major), formula in the module comment. */
export function robustHessianL2(data: LabelledData, w: ArrayLike<number>, eps: number): Float64Array {
  const wn = validate('robustHessianL2', data, w, eps);
  const d = w.length;
  const H = new Float64Array(d * d);
  const what = new Float64Array(d);
  if (wn > 0) for (let i = 0; i < d; i++) what[i] = w[i]! / wn;
  const v = new Float64Array(d);
  for (const [n, x] of data.xs.entries()) {
    const y = data.ys[n]!;
    const s = sigmoid(-y * dot(w, x) + eps * wn);
    const a = eps > 0 ? (s * eps) / wn : 0;
    const b = s * (1 - s);
    for (let i = 0; i < d; i++) v[i] = -y * x[i]! + eps * what[i]!;
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < d; j++) {
        H[i * d + j] = H[i * d + j]! + a * ((i === j ? 1 : 0) - what[i]! * what[j]!) + b * v[i]! * v[j]!;
      }
    }
  }
  for (let k = 0; k < d * d; k++) H[k] = H[k]! / data.xs.length;
  return H;
}

/**
 * hᵀHh for the Hessian of the mean L2 robust loss, without forming H:
 * (1/N) Σ [σ(u_n) ε/‖w‖ (‖h‖² − (ŵ·h)²) + σ(u_n)(1 − σ(u_n)) (v_n·h)²]. This is the curvature of α ↦ L(w + αh) at 0.
 */
export function robustCurvatureL2(data: LabelledData, w: ArrayLike<number>, eps: number, h: ArrayLike<number>): number {
  const wn = validate('robustCurvatureL2', data, w, eps);
  if (h.length !== w.length) throw new ClaimcheckError('BAD_INPUT', `robustCurvatureL2: h must have length ${w.length}, got ${h.length}`);
  const hh = dot(h, h);
  const wh = wn > 0 ? dot(w, h) / wn : 0;
  let s = 0;
  for (const [n, x] of data.xs.entries()) {
    const y = data.ys[n]!;
    const sg = sigmoid(-y * dot(w, x) + eps * wn);
    const vh = -y * dot(x, h) + eps * wh;
    s += (eps > 0 ? ((sg * eps) / wn) * (hh - wh * wh) : 0) + sg * (1 - sg) * vh * vh;
  }
  return s / data.xs.length;
}

/** hᵀMh for a d×d row-major matrix M. */
export function quadraticForm(M: ArrayLike<number>, h: ArrayLike<number>): number {
  const d = h.length;
  if (M.length !== d * d) throw new ClaimcheckError('BAD_INPUT', `quadraticForm: M must have ${d * d} entries for h of length ${d}, got ${M.length}`);
  let s = 0;
  for (let i = 0; i < d; i++) {
    let r = 0;
    for (let j = 0; j < d; j++) r += M[i * d + j]! * h[j]!;
    s += h[i]! * r;
  }
  return s;
}
