/**
 * A reader for SVHN's cropped-digit format 2 (`train_32x32.mat`, `test_32x32.mat`; Netzer et al. 2011): level-5
 * MAT-files holding `X`, uint8 of dimensions 32×32×3×N (column-major: row fastest, then column, channel, image), and
 * `y`, N×1 labels 1–10 where 10 means digit 0. Images are returned as NHWC bytes `[N, 32, 32, 3]` with labels 0–9.
 * The official files hold 73,257 and 26,032 images. Every error names the file and the problem.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClaimcheckError } from '../errors.ts';
import { type ImageSet32 } from './cifar10.ts';
import { sha256Hex } from '../fs/file-hash.ts';
import { mat5Variable, parseMat5, type Mat5File } from './mat5.ts';

/** The training file of SVHN format 2. */
export const SVHN_TRAIN_FILE = 'train_32x32.mat';
/** The test file of SVHN format 2. */
export const SVHN_TEST_FILE = 'test_32x32.mat';
/** Official image counts (the "extra" set is not used). */
export const SVHN_OFFICIAL_COUNTS = { train: 73257, test: 26032 } as const;

/** A SVHN file with the wrong content; `file` is the path that was read. */
export class SvhnFormatError extends ClaimcheckError {
  readonly file: string;
  constructor(file: string, message: string, suggestion?: string) {
    super('BAD_INPUT', `loadSvhn: ${file}: ${message}`, suggestion);
    this.name = 'SvhnFormatError';
    this.file = file;
  }
}

const SUGGEST_FORMAT2 = 'use SVHN format 2 (cropped digits): train_32x32.mat and test_32x32.mat';

/**
 * Converts a parsed SVHN MAT-file to an image set: checks `X` (uint8, 32×32×3×N) and `y` (N values, integers 1–10),
 * maps label 10 to 0 and reorders the pixels to NHWC. Keeps the first `limit` images (null: all).
 */
export function svhnFromMat(mat: Mat5File, bytes: Uint8Array, limit: number | null = null): ImageSet32 {
  const file = mat.file;
  const X = mat5Variable(mat, 'X');
  const y = mat5Variable(mat, 'y');
  if (X.class !== 'uint8' || !(X.data instanceof Uint8Array)) {
    throw new SvhnFormatError(file, `X must be uint8, got class ${X.class}`, SUGGEST_FORMAT2);
  }
  const d = X.dims;
  if (d.length !== 4 || d[0] !== 32 || d[1] !== 32 || d[2] !== 3) {
    throw new SvhnFormatError(file, `X must have dimensions 32×32×3×N, got ${d.join('×')}`, SUGGEST_FORMAT2);
  }
  const total = d[3]!;
  if (total === 0) throw new SvhnFormatError(file, 'X holds no images (N = 0)');
  const yCount = y.dims.reduce((a, b) => a * b, 1);
  if (yCount !== total || y.dims.filter((v) => v !== 1).length > 1) {
    throw new SvhnFormatError(
      file,
      `y must be N×1 with N = ${total} (the images in X), got ${y.dims.join('×')}`,
      SUGGEST_FORMAT2,
    );
  }
  const count = limit === null ? total : Math.min(limit, total);
  const labels = new Uint8Array(count);
  for (let n = 0; n < total; n++) {
    const v = y.data[n]!;
    if (!Number.isInteger(v) || v < 1 || v > 10) {
      throw new SvhnFormatError(
        file,
        `y(${n + 1}) = ${v}; SVHN labels are integers 1–10 (10 means digit 0)`,
        SUGGEST_FORMAT2,
      );
    }
    if (n < count) labels[n] = v === 10 ? 0 : v;
  }
  const src = X.data;
  const images = new Uint8Array(count * 3072);
  for (let n = 0; n < count; n++) {
    const inBase = n * 3072;
    const outBase = n * 3072;
    for (let ch = 0; ch < 3; ch++) {
      for (let c = 0; c < 32; c++) {
        const col = inBase + ch * 1024 + c * 32;
        for (let r = 0; r < 32; r++) images[outBase + (r * 32 + c) * 3 + ch] = src[col + r]!;
      }
    }
  }
  return {
    images,
    labels,
    count,
    files: [{ path: file, bytes: bytes.length, sha256: sha256Hex(bytes), images: count }],
  };
}

/** SVHN as loaded: train and test sets and where they came from. */
export interface SvhnData {
  readonly dir: string;
  readonly train: ImageSet32;
  readonly test: ImageSet32;
}

function readSvhnFile(path: string, limit: number | null): ImageSet32 {
  if (!existsSync(path)) {
    throw new SvhnFormatError(
      path,
      'file not found',
      `expected ${SVHN_TRAIN_FILE} and ${SVHN_TEST_FILE} in the directory; ${SUGGEST_FORMAT2}`,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new SvhnFormatError(path, `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  return svhnFromMat(parseMat5(bytes, path, { only: ['X', 'y'] }), bytes, limit);
}

/**
 * Loads SVHN format 2 from `dir` (`train_32x32.mat`, `test_32x32.mat`). Throws `SvhnFormatError` or
 * `Mat5FormatError` (both `BAD_INPUT`) naming the file and the problem.
 */
export function loadSvhn(
  dir: string,
  options: { readonly limit?: { readonly train: number | null; readonly test: number | null } } = {},
): SvhnData {
  return {
    dir,
    train: readSvhnFile(join(dir, SVHN_TRAIN_FILE), options.limit?.train ?? null),
    test: readSvhnFile(join(dir, SVHN_TEST_FILE), options.limit?.test ?? null),
  };
}
