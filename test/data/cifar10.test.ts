import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Cifar10FormatError, loadCifar10, parseCifar10Batch } from '../../src/data/cifar10.ts';
import { cifarBatchBytes, syntheticImages, writeCifarDir } from './formats.ts';

const root = mkdtempSync(join(tmpdir(), 'claimcheck-cifar-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('parseCifar10Batch', () => {
  it('reads records of 1 label byte and 3,072 channel-major pixels into NHWC bytes', () => {
    // Arrange: one record whose red plane is 1, green 2, blue 3, except pixel (row 1, column 2)
    const rec = new Uint8Array(3073);
    rec[0] = 7;
    rec.fill(1, 1, 1025);
    rec.fill(2, 1025, 2049);
    rec.fill(3, 2049, 3073);
    rec[1 + 32 + 2] = 11;
    rec[1 + 1024 + 32 + 2] = 12;
    rec[1 + 2048 + 32 + 2] = 13;
    // Act
    const set = parseCifar10Batch(rec, 'one.bin');
    // Assert
    expect(set.count).toBe(1);
    expect(Array.from(set.labels)).toEqual([7]);
    expect(Array.from(set.images.subarray(0, 3))).toEqual([1, 2, 3]);
    const at = (1 * 32 + 2) * 3;
    expect(Array.from(set.images.subarray(at, at + 3))).toEqual([11, 12, 13]);
    expect(set.files[0]).toMatchObject({ path: 'one.bin', bytes: 3073, images: 1 });
    expect(set.files[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('round-trips images written in the format, and keeps the first `limit`', () => {
    const images = syntheticImages(5, 3);
    const set = parseCifar10Batch(cifarBatchBytes(images), 'b.bin');
    expect(set.images).toEqual(images.images);
    expect(set.labels).toEqual(images.labels);
    const first2 = parseCifar10Batch(cifarBatchBytes(images), 'b.bin', 2);
    expect(first2.count).toBe(2);
    expect(first2.images).toEqual(images.images.subarray(0, 2 * 3072));
  });

  it('names the file and the problem: empty, truncated, label out of range', () => {
    const good = cifarBatchBytes(syntheticImages(2, 4));
    const badLabel = Uint8Array.from(good);
    badLabel[3073] = 10;
    expect(() => parseCifar10Batch(new Uint8Array(0), 'e.bin')).toThrow(/loadCifar10: e\.bin: the file is empty/);
    expect(() => parseCifar10Batch(good.subarray(0, 5000), 't.bin')).toThrow(
      /loadCifar10: t\.bin: size 5000 bytes is not a whole number of 3073-byte records .*1 records and 1927 bytes left over \(truncated\?\)/,
    );
    expect(() => parseCifar10Batch(badLabel, 'l.bin')).toThrow(
      /loadCifar10: l\.bin: record 1 \(byte 3073\) has label 10; CIFAR-10 labels are 0–9/,
    );
    expect(() => parseCifar10Batch(badLabel, 'l.bin')).toThrow(Cifar10FormatError);
  });
});

describe('loadCifar10', () => {
  it('loads the five training batches in order and the test batch, with limits', () => {
    // Arrange
    const dir = join(root, 'ok');
    const written = writeCifarDir(dir, 3, 4, 10);
    // Act
    const all = loadCifar10(dir);
    const some = loadCifar10(dir, { limit: { train: 7, test: 2 } });
    // Assert
    expect(all.train.count).toBe(15);
    expect(all.test.count).toBe(4);
    expect(Array.from(all.train.labels)).toEqual(written.train.flatMap((s) => Array.from(s.labels)));
    expect(all.train.images.subarray(3 * 3072, 4 * 3072)).toEqual(written.train[1]!.images.subarray(0, 3072));
    expect(all.train.files.map((f) => f.path.split('/').pop())).toEqual([
      'data_batch_1.bin',
      'data_batch_2.bin',
      'data_batch_3.bin',
      'data_batch_4.bin',
      'data_batch_5.bin',
    ]);
    expect(some.train.count).toBe(7);
    expect(some.train.files.map((f) => f.images)).toEqual([3, 3, 1, 0, 0]);
    expect(some.test.count).toBe(2);
  });

  it('names a missing file and says which version of CIFAR-10 is expected', () => {
    const dir = join(root, 'missing');
    writeCifarDir(dir, 1, 1, 20);
    rmSync(join(dir, 'data_batch_3.bin'));
    expect(() => loadCifar10(dir)).toThrow(/loadCifar10: .*data_batch_3\.bin: file not found/);
    try {
      loadCifar10(dir);
    } catch (e) {
      expect((e as Cifar10FormatError).code).toBe('BAD_INPUT');
      expect((e as Cifar10FormatError).suggestion).toMatch(/binary version/);
    }
  });

  it('refuses a truncated test batch', () => {
    const dir = join(root, 'trunc');
    writeCifarDir(dir, 1, 2, 30);
    writeFileSync(join(dir, 'test_batch.bin'), new Uint8Array(3073 + 100));
    expect(() => loadCifar10(dir)).toThrow(/test_batch\.bin: size 3173 bytes is not a whole number/);
  });
});
