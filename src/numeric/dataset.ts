/**
 * The data layout of the numeric core: n examples x ∈ ℝ^d stored row-major in one Float64Array, labels y ∈ {−1, +1}
 * (paper §2.1), and the linear model's parameter layout (w ∈ ℝ^d, plus an explicit bias only when asked for).
 */
import { BadArgumentError, DimensionMismatchError } from './errors.ts';

/** A binary classification dataset: `X` is n×d row-major, `y` holds ±1 labels. */
export interface Dataset {
  /** n×d row-major: example k is `X.subarray(k * d, (k + 1) * d)`. */
  readonly X: Float64Array;
  /** Labels, each exactly −1 or +1. */
  readonly y: Float64Array;
  /** Number of examples N. */
  readonly n: number;
  /** Input dimension d. */
  readonly d: number;
}

/**
 * Parameter layout of the linear model s(x) = w·x (+ b). With `bias: false` (the default, as in the paper's Eq. 1)
 * the parameter vector is w ∈ ℝ^d. With `bias: true` it is [w; b] ∈ ℝ^{d+1}: the LAST entry is the bias b, which is
 * never perturbed and never enters ‖w‖ in the robust losses.
 */
export interface LinearModelOptions {
  readonly bias?: boolean;
}

/**
 * Number of parameters of the linear model on `ds`: d, or d + 1 with `bias: true` (see `LinearModelOptions`).
 */
export function parameterCount(ds: Dataset, options: LinearModelOptions = {}): number {
  return ds.d + (options.bias === true ? 1 : 0);
}

/**
 * Builds and validates a `Dataset` from row-major features and ±1 labels (copied into fresh Float64Arrays).
 * Throws when the lengths disagree with n×d, when an entry is not finite, or when a label is not exactly ±1.
 */
export function makeDataset(X: ArrayLike<number>, y: ArrayLike<number>, n: number, d: number): Dataset {
  if (!Number.isInteger(n) || n < 1) throw new BadArgumentError('makeDataset', 'n', 'a positive integer', String(n));
  if (!Number.isInteger(d) || d < 1) throw new BadArgumentError('makeDataset', 'd', 'a positive integer', String(d));
  if (X.length !== n * d)
    throw new DimensionMismatchError('makeDataset', 'X', `length n·d = ${n * d}`, `length ${X.length}`);
  if (y.length !== n) throw new DimensionMismatchError('makeDataset', 'y', `length n = ${n}`, `length ${y.length}`);
  const Xc = Float64Array.from(X);
  for (let i = 0; i < Xc.length; i++) {
    if (!Number.isFinite(Xc[i]!)) {
      throw new BadArgumentError('makeDataset', `X[${i}]`, 'finite', String(Xc[i]));
    }
  }
  const yc = Float64Array.from(y);
  for (let k = 0; k < n; k++) {
    if (yc[k] !== 1 && yc[k] !== -1)
      throw new BadArgumentError('makeDataset', `y[${k}]`, 'exactly −1 or +1', String(yc[k]));
  }
  return { X: Xc, y: yc, n, d };
}

/**
 * The dataset of perturbed inputs z = x + η (η given, n×d row-major, held fixed): the "fixed adversarial examples"
 * of Eq. (2) once generated, or the random-noise inputs of Theorem 2.
 */
export function perturbDataset(ds: Dataset, eta: Float64Array): Dataset {
  if (eta.length !== ds.n * ds.d) {
    throw new DimensionMismatchError('perturbDataset', 'eta', `length n·d = ${ds.n * ds.d}`, `length ${eta.length}`);
  }
  const Z = new Float64Array(ds.X.length);
  for (let i = 0; i < Z.length; i++) {
    const v = ds.X[i]! + eta[i]!;
    if (!Number.isFinite(v)) throw new BadArgumentError('perturbDataset', `eta[${i}]`, 'finite', String(eta[i]));
    Z[i] = v;
  }
  return { X: Z, y: ds.y, n: ds.n, d: ds.d };
}

/** Options of `binaryDatasetFromImages`. */
export interface BinaryImageOptions {
  /** The class labelled −1 (MNIST2: digit 0). */
  readonly negative: number;
  /** The class labelled +1 (MNIST2: digit 1). */
  readonly positive: number;
  /** Keep at most this many examples (the first ones in file order). Default: all. */
  readonly limit?: number;
  /** Pixels are divided by this (255 gives [0, 1], the paper's pixel scale). Default 255. */
  readonly scale?: number;
}

/**
 * Binary dataset from raw 8-bit images and class labels (MNIST2 = digits 0 and 1, paper Appendix C): keeps the
 * examples of the two classes in file order, labels `positive` as +1 and `negative` as −1, scales pixels by 1/scale.
 */
export function binaryDatasetFromImages(
  images: Uint8Array,
  labels: Uint8Array,
  pixelsPerImage: number,
  options: BinaryImageOptions,
): Dataset {
  const fn = 'binaryDatasetFromImages';
  if (images.length !== labels.length * pixelsPerImage) {
    throw new DimensionMismatchError(
      fn,
      'images',
      `length labels·pixelsPerImage = ${labels.length * pixelsPerImage}`,
      `length ${images.length}`,
    );
  }
  if (options.negative === options.positive) {
    throw new BadArgumentError(fn, 'options.positive', 'different from options.negative', String(options.positive));
  }
  const scale = options.scale ?? 255;
  if (!(scale > 0)) throw new BadArgumentError(fn, 'options.scale', 'positive', String(scale));
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const keep: number[] = [];
  for (let k = 0; k < labels.length && keep.length < limit; k++) {
    if (labels[k] === options.negative || labels[k] === options.positive) keep.push(k);
  }
  if (keep.length === 0) {
    throw new BadArgumentError(fn, 'labels', `to contain ${options.negative} or ${options.positive}`, 'neither');
  }
  const d = pixelsPerImage;
  const X = new Float64Array(keep.length * d);
  const y = new Float64Array(keep.length);
  const inv = 1 / scale;
  keep.forEach((k, row) => {
    y[row] = labels[k] === options.positive ? 1 : -1;
    for (let j = 0; j < d; j++) X[row * d + j] = images[k * d + j]! * inv;
  });
  return { X, y, n: keep.length, d };
}
