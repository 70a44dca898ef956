import { describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import { mat5Variable, Mat5FormatError, parseMat5 } from '../../src/data/mat5.ts';
import { mat5Bytes, matrixElement, type MatVar } from './formats.ts';

const VARS: MatVar[] = [
  { name: 'X', cls: 'uint8', dims: [2, 3], values: [1, 2, 3, 4, 5, 255] },
  { name: 'labels', cls: 'double', dims: [3, 1], values: [10, 1.5, -2] },
  { name: 'small', cls: 'double', dims: [2, 1], values: [7, 9], storeAsUint8: true },
];

describe('parseMat5', () => {
  it.each([false, true])('reads uint8 and double arrays, with compression %s', (compress) => {
    // Arrange
    const bytes = mat5Bytes(VARS, compress);
    // Act
    const mat = parseMat5(bytes, 'vars.mat');
    // Assert
    expect(mat.endian).toBe('little');
    expect(mat.text).toMatch(/^MATLAB 5\.0 MAT-file/);
    expect(mat.variables.map((v) => [v.name, v.class, v.dims, v.compressed])).toEqual([
      ['X', 'uint8', [2, 3], compress],
      ['labels', 'double', [3, 1], compress],
      ['small', 'double', [2, 1], compress],
    ]);
    const x = mat5Variable(mat, 'X');
    expect(x.data).toBeInstanceOf(Uint8Array);
    expect(Array.from(x.data)).toEqual([1, 2, 3, 4, 5, 255]);
    expect(Array.from(mat5Variable(mat, 'labels').data)).toEqual([10, 1.5, -2]);
    // a double array stored as miUINT8 (as MATLAB compresses types) comes back as Float64Array
    const small = mat5Variable(mat, 'small');
    expect(small.data).toBeInstanceOf(Float64Array);
    expect(Array.from(small.data)).toEqual([7, 9]);
  });

  it('reads big-endian files (endian indicator MI)', () => {
    // Arrange: a header and one uncompressed 1×2 double array, written big-endian by hand
    const header = new Uint8Array(128).fill(0x20);
    header.set(new TextEncoder().encode('MATLAB 5.0 MAT-file big-endian'), 0);
    header[124] = 0x01;
    header[125] = 0x00;
    header[126] = 0x4d;
    header[127] = 0x49;
    const body = new Uint8Array(8 + 8 + 8 + 8 + 8 + 8 + 16);
    const v = new DataView(body.buffer);
    let at = 0;
    const tag = (type: number, n: number): void => {
      v.setUint32(at, type, false);
      v.setUint32(at + 4, n, false);
      at += 8;
    };
    tag(6, 8);
    v.setUint32(at, 6, false);
    at += 8;
    tag(5, 8);
    v.setInt32(at, 1, false);
    v.setInt32(at + 4, 2, false);
    at += 8;
    // small element name "a": 2 bytes count, 2 bytes type in big-endian order
    v.setUint16(at, 1, false);
    v.setUint16(at + 2, 1, false);
    body[at + 4] = 0x61;
    at += 8;
    tag(9, 16);
    v.setFloat64(at, 1.25, false);
    v.setFloat64(at + 8, -3, false);
    const el = new Uint8Array(8 + body.length);
    new DataView(el.buffer).setUint32(0, 14, false);
    new DataView(el.buffer).setUint32(4, body.length, false);
    el.set(body, 8);
    const bytes = new Uint8Array(128 + el.length);
    bytes.set(header, 0);
    bytes.set(el, 128);
    // Act
    const mat = parseMat5(bytes, 'big.mat');
    // Assert
    expect(mat.endian).toBe('big');
    expect(Array.from(mat5Variable(mat, 'a').data)).toEqual([1.25, -3]);
  });

  it('skips variables not asked for and lists unsupported classes without reading them', () => {
    const mat = parseMat5(mat5Bytes(VARS, true), 'vars.mat', { only: ['X'] });
    expect(mat.variables.find((v) => v.name === 'labels')?.data).toBeNull();
    expect(() => mat5Variable(mat, 'labels')).toThrow(
      /readMat5: vars\.mat: variable "labels" \(double\) cannot be read: not requested/,
    );
    expect(() => mat5Variable(mat, 'nope')).toThrow(/no variable "nope" \(variables: X, labels, small\)/);
  });

  it('names the file and the problem for damaged or foreign files', () => {
    const good = mat5Bytes(VARS, false);
    const cases: [Uint8Array, RegExp][] = [
      [good.subarray(0, 100), /readMat5: f\.mat: too short for a MAT-file header: 100 bytes/],
      [
        good.subarray(0, good.length - 5),
        /readMat5: f\.mat: truncated: .* declares \d+ bytes of data, but only \d+ remain/,
      ],
      [
        Uint8Array.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a, ...new Uint8Array(200)]),
        /HDF5 file \(MATLAB 7\.3 format\)/,
      ],
      [
        (() => {
          const b = Uint8Array.from(good);
          b[126] = 0x41;
          return b;
        })(),
        /bad endian indicator: bytes 126–127 must be "IM" or "MI"/,
      ],
      [
        (() => {
          const b = Uint8Array.from(good);
          b[124] = 0x02;
          b[125] = 0x02;
          return b;
        })(),
        /unsupported version 0x202/,
      ],
      [
        (() => {
          const b = Uint8Array.from(good);
          b[0] = 0;
          return b;
        })(),
        /level-4 MAT-file or not a MAT-file/,
      ],
    ];
    for (const [bytes, message] of cases) {
      expect(() => parseMat5(bytes, 'f.mat')).toThrow(Mat5FormatError);
      expect(() => parseMat5(bytes, 'f.mat')).toThrow(message);
    }
  });

  it('refuses corrupt compressed data and data that do not fill the dimensions', () => {
    // Arrange
    const compressed = mat5Bytes(VARS.slice(0, 1), true);
    const corrupt = Uint8Array.from(compressed);
    corrupt.fill(0xff, 140, 150);
    const wrongCount = mat5Bytes([{ name: 'Z', cls: 'uint8', dims: [4, 4], values: [1, 2, 3] }], false);
    const headerOnly = mat5Bytes([], false);
    const tag = new Uint8Array(8);
    new DataView(tag.buffer).setUint32(0, 15, true);
    const inner = new Uint8Array(deflateSync(Uint8Array.from([9, 0, 0, 0, 8, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8])));
    new DataView(tag.buffer).setUint32(4, inner.length, true);
    const notMatrix = new Uint8Array(headerOnly.length + 8 + inner.length);
    notMatrix.set(headerOnly, 0);
    notMatrix.set(tag, headerOnly.length);
    notMatrix.set(inner, headerOnly.length + 8);
    // Act / Assert
    expect(() => parseMat5(corrupt, 'c.mat')).toThrow(
      /readMat5: c\.mat: compressed element at byte 128 is corrupt \(zlib: /,
    );
    expect(() => parseMat5(wrongCount, 'w.mat')).toThrow(
      /variable "Z": dimensions \[4, 4\] need 16 values, but the real part holds 3/,
    );
    expect(() => parseMat5(notMatrix, 'n.mat')).toThrow(
      /compressed element at byte 128 holds data type 9, expected miMATRIX \(14\)/,
    );
    expect(matrixElement(VARS[0]!).length % 8).toBe(0);
  });
});
