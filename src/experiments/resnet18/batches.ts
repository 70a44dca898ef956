/**
 * Mini-batches of 32×32×3 byte images as TF.js tensors in [0, 1]: a seeded shuffle per epoch (Fisher–Yates), and
 * Madry et al.'s augmentation (zero-pad to 40×40, random 32×32 crop, random left-right flip), done on the bytes.
 */
import * as tf from '@tensorflow/tfjs';
import type { ImageSet32 } from '../../data/cifar10.ts';
import type { Rng } from '../../rng.ts';

/** A batch: images `[n, 32, 32, 3]` in [0, 1] and int32 labels `[n]`. */
export interface Batch {
  readonly x: tf.Tensor4D;
  readonly y: tf.Tensor1D;
  readonly size: number;
}

/** A uniformly random permutation of 0 … n − 1 (Fisher–Yates with `rng`). */
export function permutation(n: number, rng: Rng): Uint32Array {
  const p = new Uint32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const t = p[i]!;
    p[i] = p[j]!;
    p[j] = t;
  }
  return p;
}

/** Start and end (exclusive) of each batch over n items; a last partial batch is kept unless `dropLast`. */
export function batchBounds(n: number, batchSize: number, dropLast: boolean): [number, number][] {
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError(`batchBounds: batchSize must be an integer ≥ 1, got ${batchSize}`);
  const out: [number, number][] = [];
  for (let s = 0; s < n; s += batchSize) {
    const e = Math.min(n, s + batchSize);
    if (dropLast && e - s < batchSize) break;
    out.push([s, e]);
  }
  return out;
}

/**
 * The images `indices` of `set` as a batch; with `augment` (and its `rng`), each image is zero-padded by 4 pixels,
 * cropped at a random offset in 0…8 × 0…8 and flipped left-right with probability ½ (draws: row offset, column
 * offset, flip, per image in order).
 */
export function makeBatch(
  set: ImageSet32,
  indices: ArrayLike<number>,
  augment: 'crop4-flip' | 'none',
  rng?: Rng,
): Batch {
  const n = indices.length;
  const pixels = new Float32Array(n * 3072);
  const labels = new Int32Array(n);
  for (let b = 0; b < n; b++) {
    const src = indices[b]! * 3072;
    labels[b] = set.labels[indices[b]!]!;
    const out = b * 3072;
    if (augment === 'none') {
      for (let i = 0; i < 3072; i++) pixels[out + i] = set.images[src + i]! / 255;
      continue;
    }
    if (rng === undefined) throw new RangeError('makeBatch: augmentation crop4-flip needs an rng');
    const dr = rng.int(0, 8) - 4;
    const dc = rng.int(0, 8) - 4;
    const flip = rng.next() < 0.5;
    for (let r = 0; r < 32; r++) {
      const sr = r + dr;
      for (let c = 0; c < 32; c++) {
        const cc = flip ? 31 - c : c;
        const sc = cc + dc;
        const o = out + (r * 32 + c) * 3;
        if (sr < 0 || sr >= 32 || sc < 0 || sc >= 32) continue; // zero padding
        const s = src + (sr * 32 + sc) * 3;
        pixels[o] = set.images[s]! / 255;
        pixels[o + 1] = set.images[s + 1]! / 255;
        pixels[o + 2] = set.images[s + 2]! / 255;
      }
    }
  }
  return { x: tf.tensor4d(pixels, [n, 32, 32, 3], 'float32'), y: tf.tensor1d(labels, 'int32'), size: n };
}

/** The first `count` images of a set (null: all), in order, as index ranges of `batchSize`. */
export function evaluationRanges(set: ImageSet32, count: number | null, batchSize: number): [number, number][] {
  const n = count === null ? set.count : Math.min(count, set.count);
  return batchBounds(n, batchSize, false);
}

/** Indices start … end − 1. */
export function range(start: number, end: number): Uint32Array {
  const r = new Uint32Array(end - start);
  for (let i = 0; i < r.length; i++) r[i] = start + i;
  return r;
}
