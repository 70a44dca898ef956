/**
 * Input normalisation inside the model, applied AFTER the attack (PGD perturbs and clips pixels in [0, 1]):
 *
 * - `per-image-standardisation` (Madry et al.'s CIFAR-10 model, `tf.image.per_image_standardization` on pixels in
 *   0…255): (x − mean)/max(std, 1/√n) over the n = H·W·C values of each image.
 * - `mean-std` (Wu et al.'s SVHN code): (x − μ)/σ per channel with μ = σ = 0.5 on [0, 1] pixels.
 */
import * as tf from '@tensorflow/tfjs';
import type { Normalisation } from './normalisation.ts';

/** Normalises a batch of [0, 1] NHWC images (differentiable, so PGD's gradient passes through it). */
export function normaliseInput(x: tf.Tensor4D, scheme: Normalisation): tf.Tensor4D {
  if (scheme.kind === 'mean-std') {
    const c = x.shape[3];
    if (scheme.mean.length !== c || scheme.std.length !== c) {
      throw new RangeError(
        `normaliseInput: mean/std need ${c} channels, got ${scheme.mean.length}/${scheme.std.length}`,
      );
    }
    return tf.div(tf.sub(x, tf.tensor1d([...scheme.mean])), tf.tensor1d([...scheme.std])) as tf.Tensor4D;
  }
  const [, h, w, c] = x.shape;
  const n = h * w * c;
  const scaled = tf.mul(x, scheme.pixelScale);
  const { mean, variance } = tf.moments(scaled, [1, 2, 3], true);
  // max(std, 1/√n) = √max(var, 1/n): the same value, and a finite gradient for a constant image.
  const std = tf.sqrt(tf.maximum(variance, 1 / n));
  return tf.div(tf.sub(scaled, mean), std) as tf.Tensor4D;
}
