/**
 * What this proves about the IDX reader (src/data/idx.ts): headers and data are read plain or gzip-compressed, and
 * every malformed file (bad magic, unsupported type, wrong rank or shape, a payload shorter or longer than its header
 * declares, corrupt gzip, image and label counts that differ) fails with BAD_INPUT naming the file and what is wrong.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { IdxFormatError, parseIdx, readIdx, readIdxImageSet, type IdxExpectation } from '../../src/data/idx.ts';
import { ClaimcheckError } from '../../src/errors.ts';
import { MNIST_TRAIN_IMAGES, MNIST_TRAIN_LABELS } from '../numeric/helpers.ts';

/** An IDX file of unsigned bytes with the given dimensions and payload. */
function idx(dims: number[], payload: number[], type = 0x08): Uint8Array {
  const header = new Uint8Array(4 + 4 * dims.length);
  header.set([0, 0, type, dims.length]);
  const view = new DataView(header.buffer);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  return Uint8Array.from([...header, ...payload]);
}

describe('parseIdx', () => {
  it('reads dimensions (big-endian) and data, plain or gzip-compressed', () => {
    const raw = idx([2, 2, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (const bytes of [raw, new Uint8Array(gzipSync(raw))]) {
      const a = parseIdx(bytes, 'mem.idx', { rank: 3, itemShape: [2, 3] });
      expect(a.dims).toEqual([2, 2, 3]);
      expect(Array.from(a.data)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    }
  });

  it('rejects bad magic, unsupported types, wrong rank or shape and truncated payloads, naming the file', () => {
    const images = { rank: 3, itemShape: [28, 28] };
    const cases: [Uint8Array, IdxExpectation, RegExp][] = [
      [
        Uint8Array.from([1, 0, 8, 1, 0, 0, 0, 0]),
        {},
        /readIdx: f\.idx: bad magic number: first two bytes must be 0x00 0x00, got 0x01 0x00/,
      ],
      [idx([1], [0], 0x0d), {}, /unsupported data type 0x0d/],
      [idx([2], [1, 2]), images, /expected rank 3, got rank 1/],
      [idx([1, 2, 2], [1, 2, 3, 4]), images, /expected items of shape \[28, 28\], got \[2, 2\]/],
      [idx([3, 1, 1], [1, 2]), {}, /header dimensions \[3, 1, 1\] need 3 data bytes, the file has 2/],
      [Uint8Array.from([0x1f, 0x8b, 1, 2]), {}, /gzip data is corrupt/],
    ];
    for (const [bytes, expectation, message] of cases) {
      expect(() => parseIdx(bytes, 'f.idx', expectation)).toThrow(message);
      expect(() => parseIdx(bytes, 'f.idx', expectation)).toThrow(IdxFormatError);
    }
    try {
      parseIdx(Uint8Array.of(9), 'x.gz');
    } catch (e) {
      expect(e).toBeInstanceOf(ClaimcheckError);
      expect((e as IdxFormatError).code).toBe('BAD_INPUT');
      expect((e as IdxFormatError).file).toBe('x.gz');
    }
  });

  it('calls a payload longer than the header declares too long, with the count of extra bytes, not truncated', () => {
    const err = (() => {
      try {
        parseIdx(idx([2, 1, 1], [1, 2, 3, 4, 5]), 'long.idx');
      } catch (e) {
        return e as IdxFormatError;
      }
      throw new Error('parseIdx accepted a payload longer than its header declares');
    })();
    expect(err).toBeInstanceOf(IdxFormatError);
    expect(err.message).toBe(
      'readIdx: long.idx: header dimensions [2, 1, 1] need 2 data bytes, but the file is too long: it has 5, 3 extra bytes',
    );
    expect(err.suggestion).not.toMatch(/truncated/);
  });
});

describe('readIdx / readIdxImageSet', () => {
  it('reads the shared MNIST training subset: 22,699 images of 28×28 with as many labels', () => {
    const set = readIdxImageSet(MNIST_TRAIN_IMAGES, MNIST_TRAIN_LABELS);
    expect([set.count, set.rows, set.cols]).toEqual([22699, 28, 28]);
    expect(set.images.length).toBe(22699 * 784);
    expect(Math.max(...set.labels)).toBe(9);
  });

  it('rejects a label file whose count differs from the image file, and a missing file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'idx-'));
    const images = join(dir, 'images.idx');
    const labels = join(dir, 'labels.idx');
    writeFileSync(images, idx([2, 1, 1], [0, 255]));
    writeFileSync(labels, idx([3], [0, 1, 1]));
    expect(() => readIdxImageSet(images, labels)).toThrow(/labels\.idx: has 3 labels but .*images\.idx has 2 images/);
    expect(() => readIdx(join(dir, 'missing.gz'))).toThrow(/readIdx: .*missing\.gz: cannot read/);
  });
});
