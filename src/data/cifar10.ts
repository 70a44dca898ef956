/**
 * A reader for the binary version of CIFAR-10 (`cifar-10-batches-bin`): `data_batch_1.bin` … `data_batch_5.bin` and
 * `test_batch.bin`, each a sequence of records of 1 label byte (0–9) and 3,072 pixel bytes, channel-major (1,024 red,
 * 1,024 green, 1,024 blue, each 32×32 row-major). The official files hold 10,000 records each; smaller files in the
 * same format are read too, and every output says how many images came from which file. Images are returned as
 * NHWC bytes (`[N, 32, 32, 3]`, row-major), the layout TF.js uses. Every error names the file and the problem.
 *
 * Also home of `ImageSet32`, the 32×32×3 image set the SVHN reader returns as well.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ClaimcheckError } from '../errors.ts';
import { sha256Hex } from '../fs/file-hash.ts';

/** A data file that was read: path, size, sha256 and how many images it gave. */
export interface DataFileInfo {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly images: number;
}

/** 32×32 RGB images with integer labels 0–9. */
export interface ImageSet32 {
  /** NHWC bytes, `count × 32 × 32 × 3`, pixel values 0–255. */
  readonly images: Uint8Array;
  /** Labels 0–9 (SVHN's label 10 is already mapped to 0). */
  readonly labels: Uint8Array;
  readonly count: number;
  /** The files the images came from, in order. */
  readonly files: readonly DataFileInfo[];
}

/** The six files of the CIFAR-10 binary version. */
export const CIFAR10_TRAIN_FILES = [
  'data_batch_1.bin',
  'data_batch_2.bin',
  'data_batch_3.bin',
  'data_batch_4.bin',
  'data_batch_5.bin',
] as const;
/** The test file of the CIFAR-10 binary version. */
export const CIFAR10_TEST_FILE = 'test_batch.bin';
/** Bytes per record: 1 label + 32·32·3 pixels. */
export const CIFAR10_RECORD_BYTES = 1 + 32 * 32 * 3;
/** Records per file in the official release. */
export const CIFAR10_RECORDS_PER_FILE = 10000;
/** Class names, by label. */
export const CIFAR10_CLASSES = [
  'airplane',
  'automobile',
  'bird',
  'cat',
  'deer',
  'dog',
  'frog',
  'horse',
  'ship',
  'truck',
] as const;

/** A malformed or missing CIFAR-10 file; `file` is the path that was read. */
export class Cifar10FormatError extends ClaimcheckError {
  readonly file: string;
  constructor(file: string, message: string, suggestion?: string) {
    super('BAD_INPUT', `loadCifar10: ${file}: ${message}`, suggestion);
    this.name = 'Cifar10FormatError';
    this.file = file;
  }
}

const SUGGEST_BINARY =
  'use the CIFAR-10 binary version (cifar-10-binary.tar.gz, directory cifar-10-batches-bin), not the python or matlab one';

/**
 * Parses one CIFAR-10 binary batch: validates that it is a non-empty whole number of 3,073-byte records with labels
 * 0–9, and converts the channel-major pixels to NHWC. `file` is used in error messages and the file info.
 */
export function parseCifar10Batch(bytes: Uint8Array, file: string, limit: number | null = null): ImageSet32 {
  if (bytes.length === 0) throw new Cifar10FormatError(file, 'the file is empty', SUGGEST_BINARY);
  if (bytes.length % CIFAR10_RECORD_BYTES !== 0) {
    const whole = Math.floor(bytes.length / CIFAR10_RECORD_BYTES);
    throw new Cifar10FormatError(
      file,
      `size ${bytes.length} bytes is not a whole number of ${CIFAR10_RECORD_BYTES}-byte records (1 label + 3,072 pixels): ${whole} records and ${bytes.length - whole * CIFAR10_RECORD_BYTES} bytes left over (truncated?)`,
      SUGGEST_BINARY,
    );
  }
  const total = bytes.length / CIFAR10_RECORD_BYTES;
  const count = limit === null ? total : Math.min(limit, total);
  const images = new Uint8Array(count * 3072);
  const labels = new Uint8Array(count);
  for (let n = 0; n < total; n++) {
    const rec = n * CIFAR10_RECORD_BYTES;
    const label = bytes[rec]!;
    if (label > 9)
      throw new Cifar10FormatError(
        file,
        `record ${n} (byte ${rec}) has label ${label}; CIFAR-10 labels are 0–9`,
        SUGGEST_BINARY,
      );
    if (n >= count) continue;
    labels[n] = label;
    const px = rec + 1;
    const out = n * 3072;
    for (let ch = 0; ch < 3; ch++) {
      const plane = px + ch * 1024;
      for (let i = 0; i < 1024; i++) images[out + i * 3 + ch] = bytes[plane + i]!;
    }
  }
  return {
    images,
    labels,
    count,
    files: [{ path: file, bytes: bytes.length, sha256: sha256Hex(bytes), images: count }],
  };
}

function readFile(path: string): Uint8Array {
  if (!existsSync(path)) {
    throw new Cifar10FormatError(
      path,
      'file not found',
      `expected ${CIFAR10_TRAIN_FILES.join(', ')} and ${CIFAR10_TEST_FILE} in the directory; ${SUGGEST_BINARY}`,
    );
  }
  if (!statSync(path).isFile()) throw new Cifar10FormatError(path, 'not a regular file');
  try {
    return readFileSync(path);
  } catch (e) {
    throw new Cifar10FormatError(path, `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

/** Concatenates image sets in order. */
export function concatImageSets(sets: readonly ImageSet32[]): ImageSet32 {
  const count = sets.reduce((a, s) => a + s.count, 0);
  const images = new Uint8Array(count * 3072);
  const labels = new Uint8Array(count);
  let at = 0;
  for (const s of sets) {
    images.set(s.images, at * 3072);
    labels.set(s.labels, at);
    at += s.count;
  }
  return { images, labels, count, files: sets.flatMap((s) => s.files) };
}

/** CIFAR-10 as loaded: the training batches concatenated, the test batch, and where they came from. */
export interface Cifar10Data {
  readonly dir: string;
  readonly train: ImageSet32;
  readonly test: ImageSet32;
}

/** Options of `loadCifar10`. */
export interface Cifar10Options {
  /** Keep only the first `train` training and `test` test images (null: all). Every file is still validated. */
  readonly limit?: { readonly train: number | null; readonly test: number | null };
}

/**
 * Loads CIFAR-10 from the binary batches in `dir` (all five training batches, in order, and the test batch).
 * Throws `Cifar10FormatError` (`BAD_INPUT`) naming the file: missing, empty, not a whole number of records, or a
 * label outside 0–9.
 */
export function loadCifar10(dir: string, options: Cifar10Options = {}): Cifar10Data {
  const limitTrain = options.limit?.train ?? null;
  const limitTest = options.limit?.test ?? null;
  const parts: ImageSet32[] = [];
  let have = 0;
  for (const name of CIFAR10_TRAIN_FILES) {
    const path = join(dir, name);
    const left = limitTrain === null ? null : Math.max(0, limitTrain - have);
    const part = parseCifar10Batch(readFile(path), path, left);
    parts.push(part);
    have += part.count;
  }
  const testPath = join(dir, CIFAR10_TEST_FILE);
  const test = parseCifar10Batch(readFile(testPath), testPath, limitTest);
  return { dir, train: concatImageSets(parts), test };
}
