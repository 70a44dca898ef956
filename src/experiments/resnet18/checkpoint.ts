/**
 * Checkpoints of a sweep cell, written atomically (temporary file in the same directory, fsync, rename, fsync of the
 * directory), so that a SIGKILL at any moment leaves either the previous checkpoint or the new one, never a torn file.
 *
 * Format (little-endian): 8 bytes magic `CCRNCKPT`, uint32 version (1), uint32 header length H, H bytes of UTF-8
 * JSON `{ meta, tensors: [{ name, shape, offset }] }` (offset in float32 values from the data start), zero padding to
 * a multiple of 4, the float32 data, then 32 bytes of sha256 over everything before them. A checkpoint that is
 * truncated, has another magic or version, or fails its checksum is refused with an error naming the file.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ClaimcheckError } from '../../errors.ts';
import { writeFileAtomicSync } from '../../fs/write-file-atomic-sync.ts';

/** A bad checkpoint or progress file; `file` is the path. */
export class CheckpointError extends ClaimcheckError {
  readonly file: string;
  constructor(file: string, message: string, suggestion?: string) {
    super(
      'BAD_INPUT',
      `checkpoint ${file}: ${message}`,
      suggestion ??
        'delete the file (the cell restarts from its previous checkpoint or from scratch) or use another --out',
    );
    this.name = 'CheckpointError';
    this.file = file;
  }
}

const MAGIC = 'CCRNCKPT';
const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const VERSION = 1;

/** A named float32 array with its shape. */
export interface NamedArray {
  readonly name: string;
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

/** Serialises a checkpoint (see the module comment). */
export function encodeCheckpoint(meta: unknown, arrays: readonly NamedArray[]): Uint8Array {
  let offset = 0;
  const tensors = arrays.map((a) => {
    const size = a.shape.reduce((x, y) => x * y, 1);
    if (size !== a.data.length)
      throw new RangeError(`encodeCheckpoint: ${a.name} has shape [${a.shape.join(', ')}] but ${a.data.length} values`);
    const entry = { name: a.name, shape: [...a.shape], offset };
    offset += size;
    return entry;
  });
  const header = Buffer.from(JSON.stringify({ meta, tensors }), 'utf8');
  const headerEnd = 16 + header.length;
  const dataStart = Math.ceil(headerEnd / 4) * 4;
  const total = dataStart + offset * 4 + 32;
  const out = new Uint8Array(total);
  out.set(Buffer.from(MAGIC, 'latin1'), 0);
  const view = new DataView(out.buffer);
  view.setUint32(8, VERSION, true);
  view.setUint32(12, header.length, true);
  out.set(header, 16);
  for (const [i, a] of arrays.entries()) {
    const at = dataStart + tensors[i]!.offset * 4;
    if (LITTLE_ENDIAN_HOST) {
      out.set(new Uint8Array(a.data.buffer, a.data.byteOffset, a.data.byteLength), at);
    } else {
      const dst = new DataView(out.buffer, at, a.data.length * 4);
      for (let j = 0; j < a.data.length; j++) dst.setFloat32(j * 4, a.data[j]!, true);
    }
  }
  out.set(
    createHash('sha256')
      .update(out.subarray(0, total - 32))
      .digest(),
    total - 32,
  );
  return out;
}

/** A decoded checkpoint. */
export interface DecodedCheckpoint {
  readonly meta: unknown;
  readonly arrays: ReadonlyMap<string, NamedArray>;
}

/** Parses checkpoint bytes; `file` names the file in errors. */
export function decodeCheckpoint(bytes: Uint8Array, file: string): DecodedCheckpoint {
  if (bytes.length < 16 + 32)
    throw new CheckpointError(file, `truncated: ${bytes.length} bytes is shorter than the smallest checkpoint (48)`);
  if (Buffer.from(bytes.subarray(0, 8)).toString('latin1') !== MAGIC)
    throw new CheckpointError(file, `not a claimcheck ResNet checkpoint (magic must be ${MAGIC})`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version !== VERSION) throw new CheckpointError(file, `version ${version}, expected ${VERSION}`);
  const digest = createHash('sha256')
    .update(bytes.subarray(0, bytes.length - 32))
    .digest();
  if (!Buffer.from(bytes.subarray(bytes.length - 32)).equals(digest)) {
    throw new CheckpointError(file, 'checksum mismatch: the file is truncated or corrupt');
  }
  const headerLength = view.getUint32(12, true);
  if (16 + headerLength > bytes.length - 32)
    throw new CheckpointError(file, `header length ${headerLength} runs past the end of the file`);
  let header: { meta: unknown; tensors: { name: string; shape: number[]; offset: number }[] };
  try {
    header = JSON.parse(Buffer.from(bytes.subarray(16, 16 + headerLength)).toString('utf8')) as typeof header;
  } catch (e) {
    throw new CheckpointError(file, `header is not valid JSON (${(e as Error).message})`);
  }
  const dataStart = Math.ceil((16 + headerLength) / 4) * 4;
  const floats = (bytes.length - 32 - dataStart) / 4;
  const arrays = new Map<string, NamedArray>();
  for (const t of header.tensors) {
    const size = t.shape.reduce((x, y) => x * y, 1);
    if (t.offset + size > floats) throw new CheckpointError(file, `tensor ${t.name} runs past the end of the data`);
    const start = dataStart + t.offset * 4;
    let data: Float32Array;
    if (LITTLE_ENDIAN_HOST) {
      // A copy (a Node Buffer's slice() is a view into a shared pool), aligned for Float32Array.
      data = new Float32Array(new Uint8Array(bytes.subarray(start, start + size * 4)).buffer);
    } else {
      data = new Float32Array(size);
      const src = new DataView(bytes.buffer, bytes.byteOffset + start, size * 4);
      for (let j = 0; j < size; j++) data[j] = src.getFloat32(j * 4, true);
    }
    arrays.set(t.name, { name: t.name, shape: t.shape, data });
  }
  return { meta: header.meta, arrays };
}

/** Writes a checkpoint atomically. */
export function writeCheckpoint(path: string, meta: unknown, arrays: readonly NamedArray[]): void {
  writeFileAtomicSync(path, encodeCheckpoint(meta, arrays));
}

/** Reads a checkpoint; throws `CheckpointError` naming the file when it cannot be read or is damaged. */
export function readCheckpoint(path: string): DecodedCheckpoint {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new CheckpointError(path, `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  return decodeCheckpoint(bytes, path);
}
