/**
 * The automatic-differentiation engine: value, gradient, Hessian-vector product (nested `tf.grad`, i.e. double
 * backprop) and full Hessian (by HVP columns) of a loss written in TensorFlow.js ops, plus a second, independent
 * HVP path by central finite differences of gradients. Inputs and outputs are Float64Array; tfjs computes in
 * float32, so compare against Float64 closed forms with `tolerance('float32', order)`.
 *
 * Double backprop is only trustworthy for some ops: build losses on `softplus`, `logSigmoid`, `square`, `sqrt`,
 * `norm` (see docs/engines.md); `log(1 + exp(x))` has a correct gradient but a silently wrong HVP. Call
 * `initBackend()` first.
 */
import * as tf from '@tensorflow/tfjs';
import { BadArgumentError, DimensionMismatchError } from '../numeric/errors.ts';

/** A scalar loss of a parameter vector, written in tfjs ops. */
export type TfLoss = (w: tf.Tensor1D) => tf.Scalar;

function toTensor(fn: string, argument: string, v: Float64Array, dim?: number): tf.Tensor1D {
  if (!(v instanceof Float64Array))
    throw new BadArgumentError(fn, argument, 'a Float64Array', Object.prototype.toString.call(v));
  if (dim !== undefined && v.length !== dim)
    throw new DimensionMismatchError(fn, argument, `length ${dim}`, `length ${v.length}`);
  return tf.tensor1d(Float32Array.from(v), 'float32');
}

function read(t: tf.Tensor): Float64Array {
  return Float64Array.from(t.dataSync());
}

/** Runs f in a tfjs scope and disposes every tensor it created (tf.tidy for non-tensor results). */
function scoped<T>(f: () => T): T {
  const engine = tf.engine();
  engine.startScope();
  try {
    return f();
  } finally {
    engine.endScope();
  }
}

/** ∇L as a tfjs function of a Tensor (tf.grad's signature takes any Tensor). */
function gradOf(loss: TfLoss): (w: tf.Tensor) => tf.Tensor {
  return tf.grad((x: tf.Tensor) => loss(x as tf.Tensor1D));
}

/** L(w) computed by tfjs (float32). */
export function tfValue(loss: TfLoss, w: Float64Array): number {
  return scoped(() => loss(toTensor('tfValue', 'w', w)).dataSync()[0]!);
}

/** ∇L(w) by reverse-mode automatic differentiation (`tf.grad`), float32. */
export function tfGradient(loss: TfLoss, w: Float64Array): Float64Array {
  return scoped(() => read(gradOf(loss)(toTensor('tfGradient', 'w', w))));
}

/** L(w) and ∇L(w) in one tape (`tf.valueAndGrad`), float32. */
export function tfValueAndGradient(loss: TfLoss, w: Float64Array): { value: number; grad: Float64Array } {
  return scoped(() => {
    const { value, grad } = tf.valueAndGrad((x: tf.Tensor) => loss(x as tf.Tensor1D))(
      toTensor('tfValueAndGradient', 'w', w),
    );
    return { value: value.dataSync()[0]!, grad: read(grad) };
  });
}

/** A Hessian-vector product operator at a fixed w: v ↦ ∇²L(w)v by nested `tf.grad`; `dispose()` frees w. */
export interface TfHvpOperator {
  readonly dim: number;
  apply(v: Float64Array): Float64Array;
  dispose(): void;
}

/**
 * ∇²L(w)·v operator by double backprop: the gradient of w ↦ ∇L(w)·v (nested `tf.grad`), float32. Keeps the w
 * tensor alive between calls (for Lanczos); dispose it when done.
 */
export function tfHvpOperator(loss: TfLoss, w: Float64Array): TfHvpOperator {
  const wt = toTensor('tfHvpOperator', 'w', w);
  const dim = w.length;
  const g = gradOf(loss);
  let disposed = false;
  return {
    dim,
    apply(v: Float64Array): Float64Array {
      if (disposed) throw new BadArgumentError('tfHvpOperator.apply', 'this', 'not disposed', 'a disposed operator');
      return scoped(() => {
        const vt = toTensor('tfHvpOperator.apply', 'v', v, dim);
        const hv = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(g(x), vt)))(wt);
        return read(hv);
      });
    },
    dispose(): void {
      if (!disposed) wt.dispose();
      disposed = true;
    },
  };
}

/** ∇²L(w)·v by double backprop (nested `tf.grad`), float32. */
export function tfHvp(loss: TfLoss, w: Float64Array, v: Float64Array): Float64Array {
  if (v.length !== w.length)
    throw new DimensionMismatchError('tfHvp', 'v', `the length of w (${w.length})`, `length ${v.length}`);
  const op = tfHvpOperator(loss, w);
  try {
    return op.apply(v);
  } finally {
    op.dispose();
  }
}

/**
 * Full Hessian ∇²L(w) (dim×dim row-major) assembled from dim Hessian-vector products with the unit vectors
 * (nested `tf.grad`), then symmetrised as (H + Hᵀ)/2 (float32 columns are not exactly symmetric). Meant for
 * dim up to about 1000; the cost is dim HVPs.
 */
export function tfHessian(loss: TfLoss, w: Float64Array): Float64Array {
  const dim = w.length;
  const op = tfHvpOperator(loss, w);
  const H = new Float64Array(dim * dim);
  try {
    const e = new Float64Array(dim);
    for (let j = 0; j < dim; j++) {
      e[j] = 1;
      const col = op.apply(e);
      e[j] = 0;
      for (let i = 0; i < dim; i++) H[i * dim + j] = col[i]!;
    }
  } finally {
    op.dispose();
  }
  for (let i = 0; i < dim; i++) {
    for (let j = 0; j < i; j++) {
      const s = 0.5 * (H[i * dim + j]! + H[j * dim + i]!);
      H[i * dim + j] = s;
      H[j * dim + i] = s;
    }
  }
  return H;
}

/** Options of `fdHvp`. */
export interface FdHvpOptions {
  /** Step along the unit direction v/‖v‖. Default 1e-3, the measured best for float32 (docs/engines.md). */
  readonly h?: number;
}

/**
 * ∇²L(w)·v by central finite differences of tfjs gradients, (∇L(w + hu) − ∇L(w − hu)) / 2h · ‖v‖ with
 * u = v/‖v‖: a second HVP path that needs only first derivatives, so it does not share double backprop's bugs.
 * Truncation error O(h²), float32 rounding error O(ε₃₂‖∇L‖/h).
 */
export function fdHvp(loss: TfLoss, w: Float64Array, v: Float64Array, options: FdHvpOptions = {}): Float64Array {
  const fn = 'fdHvp';
  const h = options.h ?? 1e-3;
  if (!(h > 0) || !Number.isFinite(h)) throw new BadArgumentError(fn, 'options.h', 'a finite number > 0', String(h));
  if (v.length !== w.length)
    throw new DimensionMismatchError(fn, 'v', `the length of w (${w.length})`, `length ${v.length}`);
  let vn = 0;
  for (let i = 0; i < v.length; i++) vn += v[i]! * v[i]!;
  vn = Math.sqrt(vn);
  const out = new Float64Array(w.length);
  if (vn === 0) return out;
  const wp = new Float64Array(w.length);
  const wm = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) {
    wp[i] = w[i]! + (h * v[i]!) / vn;
    wm[i] = w[i]! - (h * v[i]!) / vn;
  }
  const gp = tfGradient(loss, wp);
  const gm = tfGradient(loss, wm);
  const c = vn / (2 * h);
  for (let i = 0; i < w.length; i++) out[i] = (gp[i]! - gm[i]!) * c;
  return out;
}

/** Inputs of `fdHvpErrorBound`: norms of the Float64 reference quantities at w. */
export interface FdErrorModel {
  /** ‖∇L(w)‖₂. */
  readonly gradNorm: number;
  /** ‖∇²L(w)‖₂ (or an upper bound, e.g. the Frobenius norm). */
  readonly hessianNorm: number;
  /** ‖w‖₂ (float32 rounding of w ± h·u is relative to |w_i|). */
  readonly wNorm: number;
  /** ‖v‖₂. */
  readonly vNorm: number;
  /** The FD step used. Default 1e-3. */
  readonly h?: number;
}

const EPS32 = 1.1920928955078125e-7;

/**
 * A rounding-error bound for `fdHvp` in float32, to be used as the absolute tolerance of a comparison:
 * 8·ε₃₂·‖v‖·(‖∇L‖ + ‖∇²L‖·‖w‖)/h. The first term is the rounding of the two gradients, the second the rounding of
 * w ± h·u to float32 (a perturbation of the step of size ε₃₂|w_i|), both divided by 2h; 8 is a safety factor for
 * accumulation. Where this exceeds ‖∇²L v‖ the FD path says nothing (saturated losses, large gradients).
 */
export function fdHvpErrorBound(model: FdErrorModel): number {
  const h = model.h ?? 1e-3;
  return (8 * EPS32 * model.vNorm * (model.gradNorm + model.hessianNorm * model.wNorm)) / h;
}
