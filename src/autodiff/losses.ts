/**
 * The losses of the numeric core written in TensorFlow.js ops, for the autodiff engine: logistic (Eq. 1),
 * L2-robust and L∞-robust (Eq. 4 with the closed-form inner maximum). Built only on ops whose double backprop is
 * correct: `matMul`, `softplus`, `square`, `sqrt`, `norm`, `sum`, `mean` (docs/engines.md); the tests compare every
 * HVP with the Float64 closed form.
 */
import * as tf from '@tensorflow/tfjs';
import type { Dataset, LinearModelOptions } from '../numeric/dataset.ts';
import { BadArgumentError } from '../numeric/errors.ts';
import type { TfLoss } from './engine.ts';

/** A dataset uploaded as float32 tensors: X [n, d], y [n]. Dispose when done. */
export interface TfData {
  readonly X: tf.Tensor2D;
  readonly y: tf.Tensor1D;
  readonly n: number;
  readonly d: number;
  dispose(): void;
}

/** Uploads a `Dataset` as float32 tensors (X [n, d], y [n]). */
export function toTfData(ds: Dataset): TfData {
  const X = tf.tensor2d(Float32Array.from(ds.X), [ds.n, ds.d], 'float32');
  const y = tf.tensor1d(Float32Array.from(ds.y), 'float32');
  return {
    X,
    y,
    n: ds.n,
    d: ds.d,
    dispose: () => {
      X.dispose();
      y.dispose();
    },
  };
}

/** −y ⊙ (Xw + b) as a tensor [n], with w split into weights and bias per `options`. */
function negMargins(data: TfData, w: tf.Tensor1D, bias: boolean): { u: tf.Tensor1D; wx: tf.Tensor1D } {
  const wx = bias ? (tf.slice(w, [0], [data.d]) as tf.Tensor1D) : w;
  let s = tf.reshape(tf.matMul(data.X, tf.reshape(wx, [data.d, 1])), [data.n]) as tf.Tensor1D;
  if (bias) s = tf.add(s, tf.slice(w, [data.d], [1])) as tf.Tensor1D;
  return { u: tf.neg(tf.mul(data.y, s)) as tf.Tensor1D, wx };
}

function checkEpsilon(fn: string, epsilon: number): void {
  if (!Number.isFinite(epsilon) || epsilon < 0)
    throw new BadArgumentError(fn, 'epsilon', 'a finite number ≥ 0', String(epsilon));
}

/** Logistic loss mean softplus(−y (w·x + b)) of Eq. (1), in tfjs ops. */
export function tfLogisticLoss(data: TfData, options: LinearModelOptions = {}): TfLoss {
  const bias = options.bias === true;
  return (w) => tf.mean(tf.softplus(negMargins(data, w, bias).u)) as tf.Scalar;
}

/** L2-robust loss mean softplus(−y (w·x + b) + ε‖w‖₂) (Eq. 4, closed-form inner max), in tfjs ops. */
export function tfRobustL2Loss(data: TfData, epsilon: number, options: LinearModelOptions = {}): TfLoss {
  checkEpsilon('tfRobustL2Loss', epsilon);
  const bias = options.bias === true;
  return (w) => {
    const { u, wx } = negMargins(data, w, bias);
    const r = tf.sqrt(tf.sum(tf.square(wx)));
    return tf.mean(tf.softplus(tf.add(u, tf.mul(epsilon, r)))) as tf.Scalar;
  };
}

/** L∞-robust loss mean softplus(−y (w·x + b) + ε‖w‖₁) (Eq. 4, closed-form inner max, no pixel box), in tfjs ops. */
export function tfRobustLinfLoss(data: TfData, epsilon: number, options: LinearModelOptions = {}): TfLoss {
  checkEpsilon('tfRobustLinfLoss', epsilon);
  const bias = options.bias === true;
  return (w) => {
    const { u, wx } = negMargins(data, w, bias);
    // norm(·, 1) differentiates twice with an exact zero second derivative; sum(sqrt(square(w))) loses ~1e-5 to
    // float32 cancellation in its second derivative.
    const l1 = tf.norm(wx, 1);
    return tf.mean(tf.softplus(tf.add(u, tf.mul(epsilon, l1)))) as tf.Scalar;
  };
}
