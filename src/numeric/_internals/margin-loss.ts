/**
 * The common closed form behind every loss of the numeric core: L(w) = (1/N) Σ_k softplus(u_k(w)) with
 * u_k = −y_k (w·x_k + b) + ε ρ(w_x), where ρ is a norm of the non-bias weights (none for the plain logistic loss).
 *
 * With g_k = ∇u_k = −y_k x̃_k + a, a = ε ∇ρ (zero in the bias slot), σ_k = σ(u_k), D_k = σ'(u_k):
 *   ∇L  = (1/N) Σ σ_k g_k
 *   ∇²L = (1/N) Σ D_k g_k g_kᵀ + (1/N Σ σ_k) ε ∇²ρ
 */
import type { Dataset, LinearModelOptions } from '../dataset.ts';
import { parameterCount } from '../dataset.ts';
import { BadArgumentError } from '../errors.ts';
import type { Loss } from '../loss.ts';
import { sigmoid, sigmoidDerivative, softplus } from '../stable.ts';
import { checkVector, margins, weightedGram, weightedSum } from './linear.ts';

/** A norm ρ of the first d weights, with its derivatives where they exist. */
export interface NormPenalty {
  /** ρ(w_x). */
  value(w: Float64Array, d: number): number;
  /** ∇ρ(w_x), length d; throws `NonDifferentiableError` (naming `fn`) where ρ is not differentiable. */
  grad(fn: string, w: Float64Array, d: number): Float64Array;
  /** out[0..d) += coef · ∇²ρ(w_x) v. */
  addHvp(w: Float64Array, v: Float64Array, d: number, coef: number, out: Float64Array): void;
  /** H[0..d)² += coef · ∇²ρ(w_x), H being dim×dim row-major. */
  addHessian(w: Float64Array, d: number, dim: number, coef: number, H: Float64Array): void;
}

/** Builds the closed-form `Loss` of mean softplus(−y(w·x + b) + ε ρ(w)). */
export function makeMarginLoss(
  fn: string,
  name: string,
  ds: Dataset,
  epsilon: number,
  penalty: NormPenalty | null,
  options: LinearModelOptions,
): Loss {
  if (!Number.isFinite(epsilon) || epsilon < 0) {
    throw new BadArgumentError(fn, 'epsilon', 'a finite number ≥ 0', String(epsilon));
  }
  const bias = options.bias === true;
  const dim = parameterCount(ds, options);
  const { n, d, y } = ds;
  const active = penalty !== null && epsilon > 0;
  const invN = 1 / n;

  const u = (w: Float64Array): Float64Array => {
    const m = margins(ds, w, bias);
    const r = active ? epsilon * penalty.value(w, d) : 0;
    for (let k = 0; k < n; k++) m[k] = -y[k]! * m[k]! + r;
    return m;
  };
  const direction = (method: string, w: Float64Array): Float64Array | null => {
    if (!active) return null;
    const g = penalty.grad(`${fn}.${method}`, w, d);
    for (let j = 0; j < d; j++) g[j]! *= epsilon;
    return g;
  };

  const value = (w: Float64Array): number => {
    checkVector(`${fn}.value`, 'w', w, dim);
    const uk = u(w);
    let s = 0;
    for (let k = 0; k < n; k++) s += softplus(uk[k]!);
    return s * invN;
  };

  const along = (w: Float64Array, h: Float64Array): ((t: number) => number) => {
    checkVector(`${fn}.along`, 'w', w, dim);
    checkVector(`${fn}.along`, 'h', h, dim);
    const mw = margins(ds, w, bias);
    const mh = margins(ds, h, bias);
    const v = new Float64Array(dim);
    return (t) => {
      let r = 0;
      if (active) {
        for (let j = 0; j < d; j++) v[j] = w[j]! + t * h[j]!;
        r = epsilon * penalty.value(v, d);
      }
      let s = 0;
      for (let k = 0; k < n; k++) s += softplus(-y[k]! * (mw[k]! + t * mh[k]!) + r);
      return s * invN;
    };
  };

  const valueAndGrad = (w: Float64Array): { value: number; grad: Float64Array } => {
    checkVector(`${fn}.grad`, 'w', w, dim);
    const a = direction('grad', w);
    const uk = u(w);
    const c = new Float64Array(n);
    let s = 0;
    let sigmaSum = 0;
    for (let k = 0; k < n; k++) {
      s += softplus(uk[k]!);
      const sk = sigmoid(uk[k]!);
      sigmaSum += sk;
      c[k] = -sk * y[k]!;
    }
    const g = weightedSum(ds, c, bias);
    for (let j = 0; j < dim; j++) g[j]! *= invN;
    if (a !== null) {
      const coef = sigmaSum * invN;
      for (let j = 0; j < d; j++) g[j]! += coef * a[j]!;
    }
    return { value: s * invN, grad: g };
  };

  const hessian = (w: Float64Array): Float64Array => {
    checkVector(`${fn}.hessian`, 'w', w, dim);
    const a = direction('hessian', w);
    const uk = u(w);
    const D = new Float64Array(n);
    const Dy = new Float64Array(n);
    let sigmaSum = 0;
    let DSum = 0;
    for (let k = 0; k < n; k++) {
      const dk = sigmoidDerivative(uk[k]!);
      const yk = y[k]!;
      D[k] = dk * yk * yk;
      Dy[k] = dk * yk;
      DSum += dk;
      sigmaSum += sigmoid(uk[k]!);
    }
    const H = weightedGram(ds, D, bias);
    if (a !== null) {
      const c = weightedSum(ds, Dy, bias);
      for (let i = 0; i < dim; i++) {
        const ai = i < d ? a[i]! : 0;
        const ci = c[i]!;
        const row = i * dim;
        for (let j = 0; j < dim; j++) {
          const aj = j < d ? a[j]! : 0;
          H[row + j]! += -ci * aj - ai * c[j]! + DSum * ai * aj;
        }
      }
    }
    for (let i = 0; i < H.length; i++) H[i]! *= invN;
    if (active) penalty.addHessian(w, d, dim, sigmaSum * invN * epsilon, H);
    // Mirror the lower triangle so that H is exactly symmetric (the rank-2 terms round differently per side).
    for (let i = 0; i < dim; i++) for (let j = 0; j < i; j++) H[j * dim + i] = H[i * dim + j]!;
    return H;
  };

  // The per-example curvature weights at the last w seen by hvp, so that repeated products at one w (Lanczos,
  // Hutchinson) make two passes over the data instead of three. Keyed by a copy of w, compared entry by entry.
  let hvpCache: { w: Float64Array; D: Float64Array; a: Float64Array | null; sigmaMean: number } | null = null;
  const hvpWeights = (w: Float64Array): { D: Float64Array; a: Float64Array | null; sigmaMean: number } => {
    if (hvpCache !== null) {
      const cw = hvpCache.w;
      let same = true;
      for (let j = 0; j < dim && same; j++) same = cw[j] === w[j];
      if (same) return hvpCache;
    }
    const a = direction('hvp', w);
    const uk = u(w);
    const D = new Float64Array(n);
    let sigmaSum = 0;
    for (let k = 0; k < n; k++) {
      D[k] = sigmoidDerivative(uk[k]!);
      if (active) sigmaSum += sigmoid(uk[k]!);
    }
    hvpCache = { w: Float64Array.from(w), D, a, sigmaMean: sigmaSum * invN };
    return hvpCache;
  };

  const hvp = (w: Float64Array, v: Float64Array): Float64Array => {
    checkVector(`${fn}.hvp`, 'w', w, dim);
    checkVector(`${fn}.hvp`, 'v', v, dim);
    const { D, a, sigmaMean } = hvpWeights(w);
    const xv = margins(ds, v, bias);
    let av = 0;
    if (a !== null) for (let j = 0; j < d; j++) av += a[j]! * v[j]!;
    // t_k = D_k (g_k·v) with g_k = −y_k x̃_k + a; Σ_k t_k g_k = Σ (−t_k y_k) x̃_k + (Σ t_k) a.
    const c = new Float64Array(n);
    let tSum = 0;
    for (let k = 0; k < n; k++) {
      const yk = y[k]!;
      const t = D[k]! * (-yk * xv[k]! + av);
      tSum += t;
      c[k] = -t * yk;
    }
    const out = weightedSum(ds, c, bias);
    if (a !== null) for (let j = 0; j < d; j++) out[j]! += tSum * a[j]!;
    for (let j = 0; j < dim; j++) out[j]! *= invN;
    if (active) penalty.addHvp(w, v, d, sigmaMean * epsilon, out);
    return out;
  };

  return {
    name,
    dim,
    value,
    grad: (w) => valueAndGrad(w).grad,
    valueAndGrad,
    hessian,
    hvp,
    along,
  };
}
