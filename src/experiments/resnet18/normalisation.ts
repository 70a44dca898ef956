/**
 * The input normalisation schemes of the ResNet18 companion, as data (applied by `normaliseInput` in normalise.ts,
 * which needs TensorFlow.js; this module does not, so the sweep's configuration loads without it).
 */
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
