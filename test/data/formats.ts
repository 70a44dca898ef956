/**
 * Writers of small files in the exact formats of CIFAR-10 (binary batches) and SVHN (MATLAB level-5 MAT-files, with
 * or without miCOMPRESSED elements), for tests: the real datasets cannot be downloaded here. Images are seeded
 * (`makeRng`), so the same seed writes the same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { makeRng } from '../../src/rng.ts';

/** A synthetic image set: NHWC bytes and labels 0–9. */
export interface SyntheticImages {
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
  readonly count: number;
}

/**
 * `count` images whose class is visible: a noisy background plus a bright square at a label-dependent position in a
 * label-dependent channel, so that a model can learn something in one epoch.
 */
export function syntheticImages(count: number, seed: number): SyntheticImages {
  const rng = makeRng(seed);
  const images = new Uint8Array(count * 3072);
  const labels = new Uint8Array(count);
  for (let n = 0; n < count; n++) {
    const label = rng.int(0, 9);
    labels[n] = label;
    for (let i = 0; i < 3072; i++) images[n * 3072 + i] = rng.int(0, 120);
    const r0 = 4 + 6 * (label % 4);
    const c0 = 4 + 8 * Math.floor(label / 4);
    for (let r = r0; r < r0 + 6; r++)
      for (let c = c0; c < c0 + 6; c++) images[n * 3072 + (r * 32 + c) * 3 + (label % 3)] = 250;
  }
  return { images, labels, count };
}

/** A CIFAR-10 binary batch of the given images: per record 1 label byte and 3,072 channel-major pixel bytes. */
export function cifarBatchBytes(set: SyntheticImages): Uint8Array {
  const out = new Uint8Array(set.count * 3073);
  for (let n = 0; n < set.count; n++) {
    out[n * 3073] = set.labels[n]!;
    for (let ch = 0; ch < 3; ch++) {
      for (let i = 0; i < 1024; i++) out[n * 3073 + 1 + ch * 1024 + i] = set.images[n * 3072 + i * 3 + ch]!;
    }
  }
  return out;
}

/** Writes data_batch_1..5.bin (`perBatch` images each) and test_batch.bin (`test` images) into `dir`; returns the sets. */
export function writeCifarDir(
  dir: string,
  perBatch: number,
  test: number,
  seed: number,
): { train: SyntheticImages[]; test: SyntheticImages } {
  mkdirSync(dir, { recursive: true });
  const train: SyntheticImages[] = [];
  for (let b = 1; b <= 5; b++) {
    const set = syntheticImages(perBatch, seed + b);
    train.push(set);
    writeFileSync(join(dir, `data_batch_${b}.bin`), cifarBatchBytes(set));
  }
  const t = syntheticImages(test, seed + 100);
  writeFileSync(join(dir, 'test_batch.bin'), cifarBatchBytes(t));
  return { train, test: t };
}

/** A MAT-file variable to write: class, dims, column-major values. */
export interface MatVar {
  readonly name: string;
  readonly cls: 'uint8' | 'double';
  readonly dims: readonly number[];
  readonly values: ArrayLike<number>;
  /** Store the data of a double array as miUINT8 (as MATLAB does when the values fit), to test type conversion. */
  readonly storeAsUint8?: boolean;
}

function pad8(n: number): number {
  return Math.ceil(n / 8) * 8;
}

function element(type: number, data: Uint8Array, small = false): Uint8Array {
  if (small && data.length <= 4) {
    const out = new Uint8Array(8);
    const v = new DataView(out.buffer);
    v.setUint16(0, type, true);
    v.setUint16(2, data.length, true);
    out.set(data, 4);
    return out;
  }
  const out = new Uint8Array(8 + pad8(data.length));
  const v = new DataView(out.buffer);
  v.setUint32(0, type, true);
  v.setUint32(4, data.length, true);
  out.set(data, 8);
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** One miMATRIX element (little-endian) for `v`. */
export function matrixElement(v: MatVar): Uint8Array {
  const flags = new Uint8Array(8);
  new DataView(flags.buffer).setUint32(0, v.cls === 'uint8' ? 9 : 6, true);
  const dims = new Uint8Array(4 * v.dims.length);
  v.dims.forEach((d, i) => new DataView(dims.buffer).setInt32(4 * i, d, true));
  const name = new TextEncoder().encode(v.name);
  let real: Uint8Array;
  let realType: number;
  if (v.cls === 'uint8' || v.storeAsUint8) {
    real = Uint8Array.from(v.values);
    realType = 2;
  } else {
    real = new Uint8Array(8 * v.values.length);
    const dv = new DataView(real.buffer);
    for (let i = 0; i < v.values.length; i++) dv.setFloat64(8 * i, v.values[i]!, true);
    realType = 9;
  }
  const body = concat([element(6, flags), element(5, dims), element(1, name, true), element(realType, real)]);
  return element(14, body);
}

/** A level-5 MAT-file (little-endian) holding `vars`, each optionally inside a miCOMPRESSED element. */
export function mat5Bytes(vars: readonly MatVar[], compress: boolean): Uint8Array {
  const header = new Uint8Array(128).fill(0x20);
  header.set(new TextEncoder().encode('MATLAB 5.0 MAT-file, Platform: claimcheck test, Created on: synthetic'), 0);
  header.fill(0, 116, 124);
  const hv = new DataView(header.buffer);
  hv.setUint16(124, 0x0100, true);
  header[126] = 0x49; // 'I'
  header[127] = 0x4d; // 'M'
  const parts: Uint8Array[] = [header];
  for (const v of vars) {
    const el = matrixElement(v);
    if (!compress) {
      parts.push(el);
      continue;
    }
    const z = new Uint8Array(deflateSync(el));
    const tag = new Uint8Array(8);
    new DataView(tag.buffer).setUint32(0, 15, true);
    new DataView(tag.buffer).setUint32(4, z.length, true);
    parts.push(tag, z);
  }
  return concat(parts);
}

/** The `X` (32×32×3×N uint8, column-major) and `y` (N×1 double, 10 for digit 0) variables of SVHN format 2. */
export function svhnVars(set: SyntheticImages, options: { readonly yAsUint8?: boolean } = {}): MatVar[] {
  const n = set.count;
  const x = new Uint8Array(n * 3072);
  for (let k = 0; k < n; k++) {
    for (let r = 0; r < 32; r++) {
      for (let c = 0; c < 32; c++) {
        for (let ch = 0; ch < 3; ch++)
          x[r + 32 * c + 1024 * ch + 3072 * k] = set.images[k * 3072 + (r * 32 + c) * 3 + ch]!;
      }
    }
  }
  const y = Array.from(set.labels, (l) => (l === 0 ? 10 : l));
  return [
    { name: 'X', cls: 'uint8', dims: [32, 32, 3, n], values: x },
    { name: 'y', cls: 'double', dims: [n, 1], values: y, storeAsUint8: options.yAsUint8 ?? false },
  ];
}

/** Writes train_32x32.mat and test_32x32.mat into `dir` (compressed or not); returns the sets. */
export function writeSvhnDir(
  dir: string,
  train: number,
  test: number,
  seed: number,
  compress: boolean,
): { train: SyntheticImages; test: SyntheticImages } {
  mkdirSync(dir, { recursive: true });
  const tr = syntheticImages(train, seed);
  const te = syntheticImages(test, seed + 100);
  writeFileSync(join(dir, 'train_32x32.mat'), mat5Bytes(svhnVars(tr), compress));
  writeFileSync(join(dir, 'test_32x32.mat'), mat5Bytes(svhnVars(te, { yAsUint8: true }), compress));
  return { train: tr, test: te };
}
