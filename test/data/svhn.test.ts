import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMat5 } from '../../src/data/mat5.ts';
import { loadSvhn, svhnFromMat, SvhnFormatError } from '../../src/data/svhn.ts';
import { mat5Bytes, svhnVars, syntheticImages, writeSvhnDir } from './formats.ts';

const root = mkdtempSync(join(tmpdir(), 'claimcheck-svhn-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('loadSvhn', () => {
  it.each([false, true])('reads X (32×32×3×N, column-major) and y (10 → 0) into NHWC, compression %s', (compress) => {
    // Arrange
    const dir = join(root, `ok-${compress}`);
    const written = writeSvhnDir(dir, 5, 3, 40, compress);
    // Act
    const data = loadSvhn(dir);
    // Assert
    expect(data.train.count).toBe(5);
    expect(data.test.count).toBe(3);
    expect(data.train.images).toEqual(written.train.images);
    expect(data.train.labels).toEqual(written.train.labels);
    expect(data.test.labels).toEqual(written.test.labels);
    expect(data.train.files[0]!.path).toMatch(/train_32x32\.mat$/);
    expect(data.train.files[0]!.images).toBe(5);
  });

  it('maps label 10 to digit 0 and keeps the first `limit` images', () => {
    const set = { ...syntheticImages(4, 41), labels: Uint8Array.from([0, 1, 9, 0]) };
    const bytes = mat5Bytes(svhnVars(set), true);
    const out = svhnFromMat(parseMat5(bytes, 't.mat'), bytes, 3);
    expect(Array.from(out.labels)).toEqual([0, 1, 9]);
    expect(out.count).toBe(3);
    expect(out.images).toEqual(set.images.subarray(0, 3 * 3072));
  });

  it('names the file and the problem: wrong dims, wrong class, bad labels, missing variables or files', () => {
    const set = syntheticImages(2, 42);
    const [X, y] = svhnVars(set) as [ReturnType<typeof svhnVars>[0], ReturnType<typeof svhnVars>[1]];
    const check = (vars: Parameters<typeof mat5Bytes>[0], message: RegExp): void => {
      const bytes = mat5Bytes(vars, false);
      expect(() => svhnFromMat(parseMat5(bytes, 'bad.mat'), bytes)).toThrow(message);
    };
    check([{ ...X, dims: [32, 32, 6, 1] }, y], /loadSvhn: bad\.mat: X must have dimensions 32×32×3×N, got 32×32×6×1/);
    check([{ ...X, cls: 'double' }, y], /X must be uint8, got class double/);
    check([X, { ...y, values: [3, 11] }], /y\(2\) = 11; SVHN labels are integers 1–10/);
    check([X, { ...y, dims: [3, 1], values: [1, 2, 3] }], /y must be N×1 with N = 2/);
    check([X], /readMat5: bad\.mat: no variable "y" \(variables: X\)/);
    const dir = join(root, 'missing');
    writeSvhnDir(dir, 1, 1, 43, true);
    rmSync(join(dir, 'test_32x32.mat'));
    expect(() => loadSvhn(dir)).toThrow(SvhnFormatError);
    expect(() => loadSvhn(dir)).toThrow(/loadSvhn: .*test_32x32\.mat: file not found/);
  });

  it('reports a truncated MAT-file by name', () => {
    const dir = join(root, 'trunc');
    writeSvhnDir(dir, 2, 1, 44, false);
    const bytes = mat5Bytes(svhnVars(syntheticImages(2, 44)), false);
    writeFileSync(join(dir, 'train_32x32.mat'), bytes.subarray(0, 4000));
    expect(() => loadSvhn(dir)).toThrow(/readMat5: .*train_32x32\.mat: truncated: /);
  });
});
