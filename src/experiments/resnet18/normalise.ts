/**
 * Input normalisation inside the model, applied AFTER the attack (PGD perturbs and clips pixels in [0, 1]):
 *
 * - `per-image-standardisation` (Madry et al.'s CIFAR-10 model, `tf.image.per_image_standardization` on pixels in
 *   0…255): (x − mean)/max(std, 1/√n) over the n = H·W·C values of each image.
 * - `mean-std` (Wu et al.'s SVHN code): (x − μ)/σ per channel with μ = σ = 0.5 on [0, 1] pixels.
 */
import * as tf from '@tensorflow/tfjs';

/** A normalisation scheme, as recorded in every result. */
export type Normalisation =
  | { readonly kind: 'per-image-standardisation'; readonly pixelScale: 255; readonly source: string }
  | {
      readonly kind: 'mean-std';
      readonly mean: readonly number[];
      readonly std: readonly number[];
      readonly source: string;
    };

/** Madry et al. (CIFAR-10): per-image standardisation of 0…255 pixels inside the model. */
export const MADRY_STANDARDISATION: Normalisation = {
  kind: 'per-image-standardisation',
  pixelScale: 255,
  source:
    'Madry et al. cifar10_challenge model.py: tf.image.per_image_standardization on 0..255 pixels, inside the model',
};

/** Wu et al. (SVHN): mean = std = 0.5 per channel. */
export const WU_MEAN_STD: Normalisation = {
  kind: 'mean-std',
  mean: [0.5, 0.5, 0.5],
  std: [0.5, 0.5, 0.5],
  source: 'Wu et al. (AWP) / Rice et al. train_svhn.py: svhn_mean = svhn_std = (0.5, 0.5, 0.5), normalize(X + delta)',
};

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
