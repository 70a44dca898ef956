/**
 * A small reader for the IDX format of MNIST and Fashion-MNIST (optionally gzip-compressed): magic number
 * 0x00 0x00 <type> <rank>, then `rank` big-endian uint32 dimensions, then the data. Only unsigned-byte data
 * (type 0x08, all MNIST files) is supported. Every error names the file.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { ClaimcheckError } from '../errors.ts';

/** A malformed or unexpected IDX file; `file` is the path that was read. */
export class IdxFormatError extends ClaimcheckError {
  readonly file: string;
  constructor(file: string, message: string, suggestion?: string) {
    super('BAD_INPUT', `readIdx: ${file}: ${message}`, suggestion);
    this.name = 'IdxFormatError';
    this.file = file;
  }
}

/** The content of one IDX file. */
export interface IdxArray {
  /** The path it was read from. */
  readonly file: string;
  /** Dimensions from the header, e.g. [22699, 28, 28] for images, [22699] for labels. */
  readonly dims: readonly number[];
  /** Row-major unsigned bytes, length = product of `dims`. */
  readonly data: Uint8Array;
}

/** What the caller expects, checked against the header. */
export interface IdxExpectation {
  /** Number of dimensions (3 for images, 1 for labels). */
  readonly rank?: number;
  /** Trailing dimensions after the count, e.g. [28, 28]. */
  readonly itemShape?: readonly number[];
}

/**
 * Parses IDX bytes (gzip is detected from its 0x1f 0x8b header and inflated): validates the magic number, the
 * data type (unsigned byte), the rank and dimensions against `expect`, and that the payload length equals the
 * product of the dimensions (a shorter payload may be truncated; a longer one is too long, by the extra bytes it
 * holds). `file` is only used in error messages.
 */
export function parseIdx(bytes: Uint8Array, file: string, expect: IdxExpectation = {}): IdxArray {
  let buf = bytes;
  if (buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b) {
    try {
      buf = new Uint8Array(gunzipSync(buf));
    } catch (e) {
      throw new IdxFormatError(file, `gzip data is corrupt (${(e as Error).message})`);
    }
  }
  if (buf.length < 4) throw new IdxFormatError(file, `too short for an IDX header: ${buf.length} bytes`);
  if (buf[0] !== 0 || buf[1] !== 0) {
    throw new IdxFormatError(
      file,
      `bad magic number: first two bytes must be 0x00 0x00, got 0x${hex(buf[0]!)} 0x${hex(buf[1]!)}`,
      'is this an IDX file (e.g. train-images-idx3-ubyte.gz)?',
    );
  }
  if (buf[2] !== 0x08) {
    throw new IdxFormatError(file, `unsupported data type 0x${hex(buf[2]!)}: only unsigned byte (0x08) is read`);
  }
  const rank = buf[3]!;
  if (rank < 1) throw new IdxFormatError(file, 'rank 0 in the header');
  if (expect.rank !== undefined && rank !== expect.rank) {
    throw new IdxFormatError(file, `expected rank ${expect.rank}, got rank ${rank}`);
  }
  const headerLength = 4 + 4 * rank;
  if (buf.length < headerLength)
    throw new IdxFormatError(file, `header declares ${rank} dimensions but the file has ${buf.length} bytes`);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const dims: number[] = [];
  let count = 1;
  for (let i = 0; i < rank; i++) {
    const dim = view.getUint32(4 + 4 * i, false);
    dims.push(dim);
    count *= dim;
  }
  if (expect.itemShape !== undefined) {
    const shape = dims.slice(1);
    if (shape.length !== expect.itemShape.length || shape.some((v, i) => v !== expect.itemShape![i])) {
      throw new IdxFormatError(
        file,
        `expected items of shape [${expect.itemShape.join(', ')}], got [${shape.join(', ')}]`,
      );
    }
  }
  const payload = buf.length - headerLength;
  if (payload < count) {
    throw new IdxFormatError(
      file,
      `header dimensions [${dims.join(', ')}] need ${count} data bytes, the file has ${payload}`,
      'the file may be truncated',
    );
  }
  if (payload > count) {
    throw new IdxFormatError(
      file,
      `header dimensions [${dims.join(', ')}] need ${count} data bytes, but the file is too long: it has ${payload}, ${payload - count} extra bytes`,
      'the header does not describe the data: the file may have been written with the wrong dimensions or joined to another',
    );
  }
  return { file, dims, data: buf.subarray(headerLength) };
}

/** Reads and validates an IDX file (plain or .gz); see `parseIdx`. */
export function readIdx(file: string, expect: IdxExpectation = {}): IdxArray {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new IdxFormatError(file, `cannot read: ${(e as Error).message}`);
  }
  return parseIdx(bytes, file, expect);
}

/** Matching image and label files of an MNIST-style dataset. */
export interface IdxImageSet {
  /** count × rows × cols unsigned bytes. */
  readonly images: Uint8Array;
  /** count labels. */
  readonly labels: Uint8Array;
  readonly count: number;
  readonly rows: number;
  readonly cols: number;
  readonly imagesFile: string;
  readonly labelsFile: string;
}

/**
 * Reads an IDX image file (rank 3) and its label file (rank 1) and checks that their counts agree, e.g.
 * `train-images-idx3-ubyte.first22699.gz` with `train-labels-idx1-ubyte.first22699.gz` (22,699 each).
 */
export function readIdxImageSet(imagesFile: string, labelsFile: string): IdxImageSet {
  const images = readIdx(imagesFile, { rank: 3 });
  const labels = readIdx(labelsFile, { rank: 1 });
  if (images.dims[0] !== labels.dims[0]) {
    throw new IdxFormatError(labelsFile, `has ${labels.dims[0]} labels but ${imagesFile} has ${images.dims[0]} images`);
  }
  return {
    images: images.data,
    labels: labels.data,
    count: images.dims[0]!,
    rows: images.dims[1]!,
    cols: images.dims[2]!,
    imagesFile,
    labelsFile,
  };
}

function hex(b: number): string {
  return b.toString(16).padStart(2, '0');
}
