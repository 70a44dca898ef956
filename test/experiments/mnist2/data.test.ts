/**
 * What this proves about src/experiments/mnist2/data.ts: the shipped files give the documented MNIST2 split
 * (4,839 / 2,115 images, digit 0 → −1, digit 1 → +1, pixels in [0, 1]) with their sha256; the official file names
 * are preferred over the 22,699-image subset; and every malformed input (missing file, wrong magic, count mismatch,
 * truncated bytes, corrupt gzip, images and labels of different counts, wrong image size) fails with BAD_INPUT naming
 * the file and the problem.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClaimcheckError } from '../../../src/errors.ts';
import {
  DEFAULT_MNIST_DIR,
  loadMnist2,
  MNIST2_LABEL_MAP,
  resolveMnist2Files,
  type Mnist2Files,
} from '../../../src/experiments/mnist2/data.ts';
import { gz, idxBytes, subset } from './fixtures.ts';

/** A valid tiny MNIST-style set: `n` 28×28 images with labels cycling 0, 1, 2. */
function tinySet(dir: string, n: number, options: { images?: Uint8Array; labels?: Uint8Array } = {}): Mnist2Files {
  const pixels = new Uint8Array(n * 784).map((_, i) => (i * 37) % 256);
  const labels = Uint8Array.from({ length: n }, (_, k) => k % 3);
  const files = {
    trainImages: join(dir, 'train-images-idx3-ubyte.gz'),
    trainLabels: join(dir, 'train-labels-idx1-ubyte.gz'),
    testImages: join(dir, 't10k-images-idx3-ubyte'),
    testLabels: join(dir, 't10k-labels-idx1-ubyte'),
  };
  writeFileSync(files.trainImages, options.images ?? gz(idxBytes([n, 28, 28], pixels)));
  writeFileSync(files.trainLabels, options.labels ?? gz(idxBytes([n], labels)));
  writeFileSync(files.testImages, idxBytes([n, 28, 28], pixels));
  writeFileSync(files.testLabels, idxBytes([n], labels));
  return files;
}

function loadError(files: Mnist2Files): ClaimcheckError {
  try {
    loadMnist2({ files });
  } catch (e) {
    expect(e).toBeInstanceOf(ClaimcheckError);
    expect((e as ClaimcheckError).code).toBe('BAD_INPUT');
    return e as ClaimcheckError;
  }
  throw new Error('loadMnist2 did not throw');
}

describe('loadMnist2 on the shipped files', () => {
  it('gives 4,839 train / 2,115 test MNIST2 images, digit 0 → −1 and digit 1 → +1, pixels in [0, 1], with provenance', () => {
    const data = loadMnist2();
    expect(data.train.n).toBe(4839);
    expect(data.test.n).toBe(2115);
    expect(data.train.d).toBe(784);
    const count = (y: Float64Array, v: number): number => y.filter((t) => t === v).length;
    // The README's class counts: train 2,258 zeros and 2,581 ones; test 980 and 1,135.
    expect([count(data.train.y, -1), count(data.train.y, 1)]).toEqual([2258, 2581]);
    expect([count(data.test.y, -1), count(data.test.y, 1)]).toEqual([980, 1135]);
    expect(data.train.X.reduce((a, b) => Math.min(a, b), Infinity)).toBe(0);
    expect(data.train.X.reduce((a, b) => Math.max(a, b), -Infinity)).toBe(1);
    expect(MNIST2_LABEL_MAP).toBe('digit 0 → y = −1, digit 1 → y = +1');
    expect(data.provenance.labelMap).toBe(MNIST2_LABEL_MAP);
    expect(basename(data.files.trainImages)).toBe('train-images-idx3-ubyte.first22699.gz');
    expect(data.provenance.sha256[data.files.trainImages]).toBe(
      'd018571746c81a9d9910899c6cf5868ba15bbf4c8ece5d1081a24abff1ebd42d',
    );
    expect(data.provenance.sha256[data.files.trainLabels]).toBe(
      '132e4d4712f62b4191b6f149fd5b8a33d2bfc5e0860ce7d35e90a2b578e7c413',
    );
    expect(data.provenance).toMatchObject({ trainCount: 4839, testCount: 2115 });
    expect(data.provenance.subset).toBeUndefined();
  });

  it('keeps the first k images of each split in file order with a limit, and says so', () => {
    const small = subset(50, 30);
    const full = loadMnist2();
    expect(small.train.n).toBe(50);
    expect(small.test.n).toBe(30);
    expect(Array.from(small.train.X.subarray(0, 784 * 50))).toEqual(Array.from(full.train.X.subarray(0, 784 * 50)));
    expect(small.provenance.subset).toContain('first 50 train');
  });
});

describe('resolveMnist2Files', () => {
  it('uses the shared directory by default and prefers the full official training file over the subset', () => {
    expect(resolveMnist2Files().trainImages).toBe(join(DEFAULT_MNIST_DIR, 'train-images-idx3-ubyte.first22699.gz'));
    const dir = mkdtempSync(join(tmpdir(), 'mnist2-resolve-'));
    for (const f of [
      'train-images-idx3-ubyte.first22699.gz',
      'train-labels-idx1-ubyte.first22699.gz',
      't10k-images-idx3-ubyte.gz',
      't10k-labels-idx1-ubyte.gz',
    ]) {
      writeFileSync(join(dir, f), '');
    }
    expect(basename(resolveMnist2Files(dir).trainImages)).toBe('train-images-idx3-ubyte.first22699.gz');
    writeFileSync(join(dir, 'train-images-idx3-ubyte'), '');
    expect(basename(resolveMnist2Files(dir).trainImages)).toBe('train-images-idx3-ubyte');
  });

  it('names the directory and the names it looked for when a file is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mnist2-missing-'));
    expect(() => resolveMnist2Files(dir)).toThrow(
      new RegExp(`${dir}: no trainImages file; looked for train-images-idx3-ubyte.gz`),
    );
  });

  it('names the directory and says it does not exist, or is not a directory, instead of a missing file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mnist2-notdir-'));
    const missing = join(dir, 'no-such-dir');
    const file = join(dir, 'plain');
    writeFileSync(file, '');
    expect(() => resolveMnist2Files(missing)).toThrow(`resolveMnist2Files: data directory ${missing} does not exist`);
    expect(() => resolveMnist2Files(file)).toThrow(`resolveMnist2Files: data directory ${file} is not a directory`);
  });
});

describe('loadMnist2 on malformed files', () => {
  it('reads a valid tiny set (gzip and raw) and keeps only digits 0 and 1', () => {
    const files = tinySet(mkdtempSync(join(tmpdir(), 'mnist2-ok-')), 6);
    const data = loadMnist2({ files });
    expect(data.train.n).toBe(4);
    expect(Array.from(data.train.y)).toEqual([-1, 1, -1, 1]);
  });

  it('a missing file names the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mnist2-gone-'));
    const files = { ...tinySet(dir, 6), testLabels: join(dir, 'nope-labels-idx1-ubyte') };
    expect(loadError(files).message).toMatch(/nope-labels-idx1-ubyte: cannot read/);
  });

  it('a wrong magic number names the file and the bytes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mnist2-magic-'));
    const files = tinySet(dir, 6, { images: gz(idxBytes([6, 28, 28], new Uint8Array(6 * 784), [1, 2, 8, 3])) });
    const e = loadError(files);
    expect(e.message).toContain(files.trainImages);
    expect(e.message).toMatch(/bad magic number.*got 0x01 0x02/);
  });

  it('a header count that disagrees with the payload names the file and both sizes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mnist2-count-'));
    const files = tinySet(dir, 6, { images: gz(idxBytes([7, 28, 28], new Uint8Array(6 * 784))) });
    const e = loadError(files);
    expect(e.message).toContain(files.trainImages);
    expect(e.message).toMatch(/need 5488 data bytes, the file has 4704/);
  });

  it('truncated bytes (raw and gzip) name the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mnist2-trunc-'));
    const files = tinySet(dir, 6);
    const raw = idxBytes([6, 28, 28], new Uint8Array(6 * 784));
    writeFileSync(files.testImages, raw.subarray(0, raw.length - 100));
    expect(loadError(files).message).toMatch(
      new RegExp(`${files.testImages}: header dimensions \\[6, 28, 28\\] need 4704 data bytes, the file has 4604`),
    );
    const files2 = tinySet(mkdtempSync(join(tmpdir(), 'mnist2-trunc-gz-')), 6);
    const zipped = gz(idxBytes([6], [0, 1, 0, 1, 0, 1]));
    writeFileSync(files2.trainLabels, zipped.subarray(0, zipped.length - 6));
    const e = loadError(files2);
    expect(e.message).toContain(files2.trainLabels);
    expect(e.message).toMatch(/gzip data is corrupt/);
  });

  it('images and labels of different counts name the label file and both counts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mnist2-mismatch-'));
    const files = tinySet(dir, 6, { labels: gz(idxBytes([5], [0, 1, 0, 1, 0])) });
    expect(loadError(files).message).toMatch(
      new RegExp(`${files.trainLabels}: has 5 labels but ${files.trainImages} has 6 images`),
    );
  });

  it('images that are not 28×28 name the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mnist2-size-'));
    const files = tinySet(dir, 6);
    writeFileSync(files.testImages, idxBytes([6, 14, 14], new Uint8Array(6 * 196)));
    expect(loadError(files).message).toMatch(new RegExp(`${files.testImages}: expected 28×28 MNIST images, got 14×14`));
  });

  it('a label file without both digits 0 and 1 names the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mnist2-digits-'));
    const files = tinySet(dir, 6);
    writeFileSync(files.testLabels, idxBytes([6], [2, 3, 4, 5, 6, 7]));
    expect(loadError(files).message).toMatch(
      new RegExp(`${files.testLabels}: the test labels hold 0 zeros and 0 ones`),
    );
  });

  it('copies of the shipped files load to the same data (the loader reads paths, not the directory name)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mnist2-copy-'));
    const shipped = resolveMnist2Files();
    for (const f of Object.values(shipped)) copyFileSync(f, join(dir, basename(f)));
    expect(resolveMnist2Files(dir).testImages).toBe(join(dir, 't10k-images-idx3-ubyte.gz'));
  });
});
