/**
 * MNIST2 (the paper's §5.1 / Appendix C: MNIST digits 0 and 1) read from IDX files, with pixels scaled to [0, 1] and
 * labels digit 0 → y = −1, digit 1 → y = +1 (the numeric core's convention, `binaryDatasetFromImages`).
 *
 * Files: `train-images-idx3-ubyte(.gz)`, `train-labels-idx1-ubyte(.gz)`, `t10k-images-idx3-ubyte(.gz)` and
 * `t10k-labels-idx1-ubyte(.gz)` in one directory. The shared directory (`../shared/data/mnist` from the repository
 * root) holds the official test files and the first 22,699 official training images
 * (`train-images-idx3-ubyte.first22699.gz`), giving 4,839 train / 2,115 test MNIST2 images; the full official files
 * give the paper's 12,665 / 2,115.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { IdxFormatError, readIdxImageSet, type IdxImageSet } from '../../data/idx.ts';
import { ClaimcheckError } from '../../errors.ts';
import { REPO_ROOT } from '../../fs/repo.ts';
import { fileDigest } from '../../fs/file-hash.ts';
import { binaryDatasetFromImages, type Dataset } from '../../numeric/dataset.ts';
import type { Mnist2DataProvenance } from './results.ts';

/** The label map of MNIST2 used everywhere in claimcheck. */
export const MNIST2_LABEL_MAP = 'digit 0 → y = −1, digit 1 → y = +1';

/** The shared MNIST directory: `../shared/data/mnist` relative to the repository root. */
export const DEFAULT_MNIST_DIR = resolve(REPO_ROOT, '..', 'shared', 'data', 'mnist');

/** The four IDX files of MNIST2. */
export interface Mnist2Files {
  readonly trainImages: string;
  readonly trainLabels: string;
  readonly testImages: string;
  readonly testLabels: string;
}

/** File names tried in order for each role: the official names (gzip, then raw, then the `.`-separated variant). */
const CANDIDATES: Readonly<Record<keyof Mnist2Files, readonly string[]>> = {
  trainImages: [
    'train-images-idx3-ubyte.gz',
    'train-images-idx3-ubyte',
    'train-images.idx3-ubyte',
    'train-images-idx3-ubyte.first22699.gz',
  ],
  trainLabels: [
    'train-labels-idx1-ubyte.gz',
    'train-labels-idx1-ubyte',
    'train-labels.idx1-ubyte',
    'train-labels-idx1-ubyte.first22699.gz',
  ],
  testImages: ['t10k-images-idx3-ubyte.gz', 't10k-images-idx3-ubyte', 't10k-images.idx3-ubyte'],
  testLabels: ['t10k-labels-idx1-ubyte.gz', 't10k-labels-idx1-ubyte', 't10k-labels.idx1-ubyte'],
};

/** What to do when the data directory or one of its files is missing. */
const DATA_DIR_SUGGESTION =
  'pass --data-dir a directory holding the MNIST IDX files (train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz)';

/**
 * The MNIST IDX files in `dataDir` (default `DEFAULT_MNIST_DIR`): for each role the first existing name among the
 * official ones (`.gz`, raw, `train-images.idx3-ubyte`), then, for training, the shared `.first22699.gz` subset. A
 * full official training file is preferred over the subset when both are present. Throws `BAD_INPUT` naming the
 * directory when it does not exist or is not a directory, and the names tried when a file is missing.
 */
export function resolveMnist2Files(dataDir: string = DEFAULT_MNIST_DIR): Mnist2Files {
  const dir = resolve(dataDir);
  const problem = !existsSync(dir) ? 'does not exist' : statSync(dir).isDirectory() ? undefined : 'is not a directory';
  if (problem !== undefined) {
    throw new ClaimcheckError('BAD_INPUT', `resolveMnist2Files: data directory ${dir} ${problem}`, DATA_DIR_SUGGESTION);
  }
  const pick = (role: keyof Mnist2Files): string => {
    for (const name of CANDIDATES[role]) {
      const path = join(dir, name);
      if (existsSync(path)) return path;
    }
    throw new ClaimcheckError(
      'BAD_INPUT',
      `resolveMnist2Files: ${dir}: no ${role} file; looked for ${CANDIDATES[role].join(', ')}`,
      DATA_DIR_SUGGESTION,
    );
  };
  return {
    trainImages: pick('trainImages'),
    trainLabels: pick('trainLabels'),
    testImages: pick('testImages'),
    testLabels: pick('testLabels'),
  };
}

/** Options of `loadMnist2`. */
export interface LoadMnist2Options {
  /** Directory of the IDX files (default: the shared directory). */
  readonly dataDir?: string;
  /** Explicit files (overrides `dataDir`). */
  readonly files?: Mnist2Files;
  /** Keep only the first k MNIST2 images of the training split (file order). */
  readonly trainLimit?: number;
  /** Keep only the first k MNIST2 images of the test split. */
  readonly testLimit?: number;
}

/** MNIST2 train and test sets with their provenance. */
export interface Mnist2Data {
  readonly train: Dataset;
  readonly test: Dataset;
  readonly files: Mnist2Files;
  readonly provenance: Mnist2DataProvenance;
}

function readSplit(imagesFile: string, labelsFile: string, limit: number | undefined, split: string): Dataset {
  const set: IdxImageSet = readIdxImageSet(imagesFile, labelsFile);
  if (set.rows !== 28 || set.cols !== 28) {
    throw new IdxFormatError(imagesFile, `expected 28×28 MNIST images, got ${set.rows}×${set.cols}`);
  }
  for (let k = 0; k < set.count; k++) {
    if (set.labels[k]! > 9)
      throw new IdxFormatError(labelsFile, `label ${set.labels[k]} at index ${k} is not a digit 0–9`);
  }
  let zeros = 0;
  let ones = 0;
  for (let k = 0; k < set.count; k++) {
    if (set.labels[k] === 0) zeros++;
    else if (set.labels[k] === 1) ones++;
  }
  if (zeros === 0 || ones === 0) {
    throw new IdxFormatError(
      labelsFile,
      `the ${split} labels hold ${zeros} zeros and ${ones} ones; MNIST2 needs both digits`,
    );
  }
  return binaryDatasetFromImages(set.images, set.labels, 28 * 28, { negative: 0, positive: 1, limit, scale: 255 });
}

function checkLimit(name: string, v: number | undefined): void {
  if (v !== undefined && (!Number.isInteger(v) || v < 1)) {
    throw new ClaimcheckError('BAD_INPUT', `loadMnist2: ${name} must be a positive integer, got ${v}`);
  }
}

/**
 * Reads MNIST2 (digits 0 and 1 of MNIST, pixels/255 in [0, 1], digit 0 → −1, digit 1 → +1) from validated IDX files,
 * keeping the file order, and returns both splits with their provenance (paths, sha256, counts, label map, subset).
 * Errors (`BAD_INPUT`) name the file and the problem: missing, corrupt gzip, bad magic, truncated payload, images and
 * labels of different counts, images not 28×28.
 */
export function loadMnist2(options: LoadMnist2Options = {}): Mnist2Data {
  checkLimit('trainLimit', options.trainLimit);
  checkLimit('testLimit', options.testLimit);
  const files = options.files ?? resolveMnist2Files(options.dataDir);
  const train = readSplit(files.trainImages, files.trainLabels, options.trainLimit, 'training');
  const test = readSplit(files.testImages, files.testLabels, options.testLimit, 'test');
  const sha256: Record<string, string> = {};
  for (const path of [files.trainImages, files.trainLabels, files.testImages, files.testLabels])
    sha256[path] = fileDigest(path).sha256;
  const subset =
    options.trainLimit !== undefined || options.testLimit !== undefined
      ? `first ${options.trainLimit ?? 'all'} train and first ${options.testLimit ?? 'all'} test MNIST2 images (file order)`
      : undefined;
  const provenance: Mnist2DataProvenance = {
    trainImages: files.trainImages,
    trainLabels: files.trainLabels,
    testImages: files.testImages,
    testLabels: files.testLabels,
    sha256,
    trainCount: train.n,
    testCount: test.n,
    labelMap: MNIST2_LABEL_MAP,
    ...(subset !== undefined ? { subset } : {}),
  };
  return { train, test, files, provenance };
}
