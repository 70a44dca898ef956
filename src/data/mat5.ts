/**
 * A reader for MATLAB level-5 MAT-files (the format of SVHN's `train_32x32.mat` / `test_32x32.mat`; MATLAB's
 * "MAT-File Format" document, level 5): a 128-byte header (116 bytes of text, 8 bytes of subsystem offset, version
 * 0x0100, endian indicator `IM`/`MI`), then data elements, each a tag (type, byte count; or the 4-byte "small data
 * element" form) followed by its data padded to 8 bytes. Variables are `miMATRIX` elements (array flags, dimensions,
 * name, real part), possibly wrapped in `miCOMPRESSED` elements (a zlib stream holding one element, inflated with
 * node:zlib). Numeric arrays of every class are read (the data may be stored in a smaller type than the class, as
 * MATLAB does); complex, sparse, cell, struct, object and char arrays are listed but not read. MATLAB 7.3 files are
 * HDF5 and are refused with a message saying so. Every error names the file and the problem.
 */
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { ClaimcheckError } from '../errors.ts';

/** A malformed or unsupported MAT-file; `file` is the path that was read. */
export class Mat5FormatError extends ClaimcheckError {
  readonly file: string;
  constructor(file: string, message: string, suggestion?: string) {
    super('BAD_INPUT', `readMat5: ${file}: ${message}`, suggestion);
    this.name = 'Mat5FormatError';
    this.file = file;
  }
}

/** MATLAB array classes (mxCLASS). */
export type Mat5Class =
  | 'cell'
  | 'struct'
  | 'object'
  | 'char'
  | 'sparse'
  | 'double'
  | 'single'
  | 'int8'
  | 'uint8'
  | 'int16'
  | 'uint16'
  | 'int32'
  | 'uint32'
  | 'int64'
  | 'uint64';

const CLASS_BY_CODE: Readonly<Record<number, Mat5Class>> = {
  1: 'cell',
  2: 'struct',
  3: 'object',
  4: 'char',
  5: 'sparse',
  6: 'double',
  7: 'single',
  8: 'int8',
  9: 'uint8',
  10: 'int16',
  11: 'uint16',
  12: 'int32',
  13: 'uint32',
  14: 'int64',
  15: 'uint64',
};

/** Data-element types (miTYPE). */
const MI = {
  INT8: 1,
  UINT8: 2,
  INT16: 3,
  UINT16: 4,
  INT32: 5,
  UINT32: 6,
  SINGLE: 7,
  DOUBLE: 9,
  INT64: 12,
  UINT64: 13,
  MATRIX: 14,
  COMPRESSED: 15,
  UTF8: 16,
  UTF16: 17,
  UTF32: 18,
} as const;

const NUMERIC_SIZES: Readonly<Record<number, number>> = {
  [MI.INT8]: 1,
  [MI.UINT8]: 1,
  [MI.INT16]: 2,
  [MI.UINT16]: 2,
  [MI.INT32]: 4,
  [MI.UINT32]: 4,
  [MI.SINGLE]: 4,
  [MI.DOUBLE]: 8,
  [MI.INT64]: 8,
  [MI.UINT64]: 8,
};

/** One variable of a MAT-file. */
export interface Mat5Variable {
  readonly name: string;
  readonly class: Mat5Class;
  /** Dimensions as stored (column-major order: the first index varies fastest). */
  readonly dims: readonly number[];
  /** Whether the array carries the logical flag. */
  readonly logical: boolean;
  /**
   * The real part in column-major order: a `Uint8Array` for class uint8 (and logical) stored as bytes, a
   * `Float64Array` for every other numeric class; null for classes that are not read (complex, sparse, cell, struct,
   * object, char).
   */
  readonly data: Uint8Array | Float64Array | null;
  /** Why `data` is null, when it is. */
  readonly unsupported?: string;
  /** Whether the variable came from a compressed element. */
  readonly compressed: boolean;
}

/** The content of a MAT-file. */
export interface Mat5File {
  readonly file: string;
  /** The header's descriptive text (trailing spaces and NULs removed). */
  readonly text: string;
  readonly endian: 'little' | 'big';
  /** Variables in file order. */
  readonly variables: readonly Mat5Variable[];
}

/** Options of `parseMat5`. */
export interface Mat5Options {
  /** Read only these variables (others are skipped without reading their data; compressed ones are still inflated). */
  readonly only?: readonly string[];
}

class Reader {
  readonly view: DataView;
  constructor(
    readonly bytes: Uint8Array,
    readonly little: boolean,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  u32(at: number): number {
    return this.view.getUint32(at, this.little);
  }
  i32(at: number): number {
    return this.view.getInt32(at, this.little);
  }
}

interface Element {
  readonly type: number;
  /** Offset of the data within the reader's bytes. */
  readonly start: number;
  readonly length: number;
  /** Offset just past this element (with padding). */
  readonly next: number;
}

function readTag(r: Reader, at: number, end: number, file: string, where: string): Element {
  if (at + 8 > end)
    throw new Mat5FormatError(
      file,
      `truncated: ${where} at byte ${at} needs an 8-byte tag, but only ${end - at} bytes remain`,
    );
  const first = r.u32(at);
  const small = first >>> 16;
  if (small !== 0) {
    // Small data element: byte count in the upper 16 bits, type in the lower 16, data in the next 4 bytes.
    const type = first & 0xffff;
    if (small > 4) throw new Mat5FormatError(file, `bad small data element at byte ${at}: ${small} bytes (at most 4)`);
    return { type, start: at + 4, length: small, next: at + 8 };
  }
  const type = first;
  const length = r.u32(at + 4);
  const start = at + 8;
  if (start + length > end) {
    throw new Mat5FormatError(
      file,
      `truncated: ${where} at byte ${at} declares ${length} bytes of data, but only ${end - start} remain`,
    );
  }
  const padded = type === MI.COMPRESSED ? length : Math.ceil(length / 8) * 8;
  return { type, start, length, next: Math.min(start + padded, end) };
}

function numericData(r: Reader, el: Element, file: string, what: string): Uint8Array | Float64Array {
  const size = NUMERIC_SIZES[el.type];
  if (size === undefined) throw new Mat5FormatError(file, `${what}: data type ${el.type} is not a numeric miTYPE`);
  if (el.length % size !== 0)
    throw new Mat5FormatError(file, `${what}: ${el.length} bytes is not a whole number of ${size}-byte values`);
  const n = el.length / size;
  if (el.type === MI.UINT8) return r.bytes.subarray(el.start, el.start + n);
  const out = new Float64Array(n);
  const v = r.view;
  const le = r.little;
  for (let i = 0, at = el.start; i < n; i++, at += size) {
    switch (el.type) {
      case MI.INT8:
        out[i] = v.getInt8(at);
        break;
      case MI.INT16:
        out[i] = v.getInt16(at, le);
        break;
      case MI.UINT16:
        out[i] = v.getUint16(at, le);
        break;
      case MI.INT32:
        out[i] = v.getInt32(at, le);
        break;
      case MI.UINT32:
        out[i] = v.getUint32(at, le);
        break;
      case MI.SINGLE:
        out[i] = v.getFloat32(at, le);
        break;
      case MI.DOUBLE:
        out[i] = v.getFloat64(at, le);
        break;
      case MI.INT64:
        out[i] = Number(v.getBigInt64(at, le));
        break;
      case MI.UINT64:
        out[i] = Number(v.getBigUint64(at, le));
        break;
    }
  }
  return out;
}

function readMatrix(
  r: Reader,
  el: Element,
  file: string,
  compressed: boolean,
  only: ReadonlySet<string> | null,
): Mat5Variable | null {
  const end = el.start + el.length;
  if (el.length === 0) return null; // an empty miMATRIX (allowed for empty cell entries)
  const flags = readTag(r, el.start, end, file, 'array flags');
  if (flags.type !== MI.UINT32 || flags.length !== 8) {
    throw new Mat5FormatError(
      file,
      `miMATRIX at byte ${el.start - 8}: array flags must be 8 bytes of miUINT32, got type ${flags.type} with ${flags.length} bytes`,
    );
  }
  const word = r.u32(flags.start);
  const classCode = word & 0xff;
  const cls = CLASS_BY_CODE[classCode];
  if (cls === undefined)
    throw new Mat5FormatError(file, `miMATRIX at byte ${el.start - 8}: unknown array class ${classCode}`);
  const complex = (word & 0x0800) !== 0;
  const logical = (word & 0x0200) !== 0;
  const dimsEl = readTag(r, flags.next, end, file, 'dimensions');
  if (dimsEl.type !== MI.INT32 || dimsEl.length % 4 !== 0 || dimsEl.length < 8) {
    throw new Mat5FormatError(
      file,
      `miMATRIX at byte ${el.start - 8}: dimensions must be ≥ 2 miINT32 values, got type ${dimsEl.type} with ${dimsEl.length} bytes`,
    );
  }
  const dims: number[] = [];
  for (let at = dimsEl.start; at < dimsEl.start + dimsEl.length; at += 4) {
    const d = r.i32(at);
    if (d < 0) throw new Mat5FormatError(file, `miMATRIX at byte ${el.start - 8}: negative dimension ${d}`);
    dims.push(d);
  }
  const nameEl = readTag(r, dimsEl.next, end, file, 'array name');
  if (nameEl.type !== MI.INT8 && nameEl.type !== MI.UTF8 && nameEl.type !== MI.UINT8) {
    throw new Mat5FormatError(
      file,
      `miMATRIX at byte ${el.start - 8}: array name must be miINT8 text, got type ${nameEl.type}`,
    );
  }
  const name = new TextDecoder('utf-8').decode(r.bytes.subarray(nameEl.start, nameEl.start + nameEl.length));
  const base = { name, class: cls, dims, logical, compressed };
  if (only !== null && !only.has(name)) return { ...base, data: null, unsupported: 'not requested' };
  if (complex) return { ...base, data: null, unsupported: 'complex arrays are not read' };
  if (cls === 'cell' || cls === 'struct' || cls === 'object' || cls === 'char' || cls === 'sparse') {
    return { ...base, data: null, unsupported: `${cls} arrays are not read` };
  }
  const realEl = readTag(r, nameEl.next, end, file, `real part of "${name}"`);
  const data = numericData(r, realEl, file, `variable "${name}"`);
  const count = dims.reduce((a, b) => a * b, 1);
  if (data.length !== count) {
    throw new Mat5FormatError(
      file,
      `variable "${name}": dimensions [${dims.join(', ')}] need ${count} values, but the real part holds ${data.length}`,
    );
  }
  if (cls === 'uint8' && !(data instanceof Uint8Array)) {
    const bytes = new Uint8Array(count);
    for (let i = 0; i < count; i++) bytes[i] = data[i]!;
    return { ...base, data: bytes };
  }
  return { ...base, data: data instanceof Uint8Array && cls !== 'uint8' ? Float64Array.from(data) : data };
}

/**
 * Parses the bytes of a level-5 MAT-file. `file` is only used in error messages. Throws `Mat5FormatError`
 * (`BAD_INPUT`) naming the file and the problem: short or foreign header, MATLAB 7.3 (HDF5), bad version or endian
 * indicator, truncated elements, corrupt compressed data, unknown classes or types, data that do not fill the
 * dimensions.
 */
export function parseMat5(bytes: Uint8Array, file: string, options: Mat5Options = {}): Mat5File {
  if (bytes.length >= 8 && bytes[0] === 0x89 && bytes[1] === 0x48 && bytes[2] === 0x44 && bytes[3] === 0x46) {
    throw new Mat5FormatError(
      file,
      'this is an HDF5 file (MATLAB 7.3 format), not a level-5 MAT-file',
      "re-save it with MATLAB's save -v7 or scipy.io.savemat",
    );
  }
  if (bytes.length < 128)
    throw new Mat5FormatError(file, `too short for a MAT-file header: ${bytes.length} bytes (the header is 128)`);
  const text = new TextDecoder('latin1').decode(bytes.subarray(0, 116)).replace(/[\s\0]+$/, '');
  if (
    /^MATLAB 7\.3/.test(text) ||
    (bytes.length >= 520 && bytes[512] === 0x89 && bytes[513] === 0x48 && bytes[514] === 0x44 && bytes[515] === 0x46)
  ) {
    throw new Mat5FormatError(
      file,
      'this is a MATLAB 7.3 (HDF5) file, not a level-5 MAT-file',
      "re-save it with MATLAB's save -v7 or scipy.io.savemat",
    );
  }
  if (bytes[0] === 0 || bytes[1] === 0 || bytes[2] === 0 || bytes[3] === 0) {
    throw new Mat5FormatError(
      file,
      'the first 4 header bytes contain a zero byte: this is a level-4 MAT-file or not a MAT-file',
      'only level-5 MAT-files are read',
    );
  }
  const e0 = bytes[126]!;
  const e1 = bytes[127]!;
  let little: boolean;
  if (e0 === 0x49 && e1 === 0x4d)
    little = true; // 'IM'
  else if (e0 === 0x4d && e1 === 0x49)
    little = false; // 'MI'
  else {
    throw new Mat5FormatError(
      file,
      `bad endian indicator: bytes 126–127 must be "IM" or "MI", got 0x${e0.toString(16)} 0x${e1.toString(16)}`,
      'is this a MAT-file?',
    );
  }
  const top = new Reader(bytes, little);
  const version = top.view.getUint16(124, little);
  if (version !== 0x0100)
    throw new Mat5FormatError(file, `unsupported version 0x${version.toString(16)} in the header (level 5 is 0x0100)`);
  const only = options.only === undefined ? null : new Set(options.only);
  const variables: Mat5Variable[] = [];
  let at = 128;
  while (at < bytes.length) {
    if (bytes.length - at < 8 && bytes.subarray(at).every((b) => b === 0)) break; // trailing padding
    const el = readTag(top, at, bytes.length, file, 'data element');
    if (el.type === MI.COMPRESSED) {
      let inflated: Uint8Array;
      try {
        inflated = new Uint8Array(inflateSync(bytes.subarray(el.start, el.start + el.length)));
      } catch (e) {
        throw new Mat5FormatError(file, `compressed element at byte ${at} is corrupt (zlib: ${(e as Error).message})`);
      }
      const inner = new Reader(inflated, little);
      const innerEl = readTag(inner, 0, inflated.length, file, `element inside the compressed element at byte ${at}`);
      if (innerEl.type !== MI.MATRIX) {
        throw new Mat5FormatError(
          file,
          `compressed element at byte ${at} holds data type ${innerEl.type}, expected miMATRIX (14)`,
        );
      }
      const v = readMatrix(inner, innerEl, file, true, only);
      if (v !== null) variables.push(v);
    } else if (el.type === MI.MATRIX) {
      const v = readMatrix(top, el, file, false, only);
      if (v !== null) variables.push(v);
    } else {
      throw new Mat5FormatError(
        file,
        `top-level data element at byte ${at} has type ${el.type}; expected miMATRIX (14) or miCOMPRESSED (15)`,
      );
    }
    at = el.next;
  }
  return { file, text, endian: little ? 'little' : 'big', variables };
}

/** Reads and parses a level-5 MAT-file from disk (see `parseMat5`); a missing or unreadable file is `BAD_INPUT` too. */
export function readMat5(file: string, options: Mat5Options = {}): Mat5File {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Mat5FormatError(file, code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? String(e)})`);
  }
  return parseMat5(bytes, file, options);
}

/** The variable `name` of a parsed file, with its data; throws `Mat5FormatError` naming the file when absent or not read. */
export function mat5Variable(mat: Mat5File, name: string): Mat5Variable & { readonly data: Uint8Array | Float64Array } {
  const v = mat.variables.find((x) => x.name === name);
  if (v === undefined) {
    const names = mat.variables.map((x) => x.name).join(', ') || 'none';
    throw new Mat5FormatError(mat.file, `no variable "${name}" (variables: ${names})`);
  }
  if (v.data === null)
    throw new Mat5FormatError(
      mat.file,
      `variable "${name}" (${v.class}) cannot be read: ${v.unsupported ?? 'unsupported'}`,
    );
  return v as Mat5Variable & { readonly data: Uint8Array | Float64Array };
}
