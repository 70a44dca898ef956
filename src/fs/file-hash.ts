/**
 * The sha256 of a data file, computed once and remembered by path, size, modification time and inode: in this
 * process, and across runs in `<memo dir>/file-hashes.json` when a memo directory is given (the cache directory). A
 * file modified within the last two seconds is hashed but not remembered across runs, since a later write in the same
 * clock tick could keep its size and mtime. A memo that cannot be read or written costs a re-hash, never the run.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { ClaimcheckError } from '../errors.ts';
import { writeFileAtomicSync } from './write-file-atomic-sync.ts';

/** A data file as a result depends on it. */
export interface FileDigest {
  /** The absolute path it was read from. */
  readonly path: string;
  readonly name: string;
  readonly bytes: number;
  readonly sha256: string;
}

interface Stamp {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
  readonly sha256: string;
}

/** sha256 of bytes, hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The memo file's name inside the memo directory. */
export const FILE_HASH_MEMO = 'file-hashes.json';

const RACY_MILLIS = 2000;
const inProcess = new Map<string, Stamp>();
const onDisk = new Map<string, Record<string, Stamp>>();

function loadMemo(dir: string): Record<string, Stamp> {
  let memo = onDisk.get(dir);
  if (memo) return memo;
  try {
    const parsed = JSON.parse(readFileSync(join(dir, FILE_HASH_MEMO), 'utf8')) as unknown;
    memo =
      typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, Stamp>) : {};
  } catch {
    memo = {};
  }
  onDisk.set(dir, memo);
  return memo;
}

const same = (s: Stamp | undefined, size: number, mtimeMs: number, ino: number): s is Stamp =>
  s !== undefined &&
  s.size === size &&
  s.mtimeMs === mtimeMs &&
  s.ino === ino &&
  typeof s.sha256 === 'string' &&
  /^[0-9a-f]{64}$/.test(s.sha256);

/**
 * The digest of the file at `path`. `memoDir`: a directory to remember hashes in across runs (null: this process
 * only). `onMemoWriteError` hears why the memo could not be saved. Throws `ClaimcheckError('BAD_INPUT')` naming the
 * file when it cannot be read.
 */
export function fileDigest(
  path: string,
  memoDir: string | null = null,
  onMemoWriteError?: (err: Error) => void,
): FileDigest {
  const abs = resolve(path);
  let st;
  try {
    st = statSync(abs);
  } catch (e) {
    throw new ClaimcheckError('BAD_INPUT', `cannot read the data file ${abs}: ${(e as Error).message}`);
  }
  if (!st.isFile()) throw new ClaimcheckError('BAD_INPUT', `the data file ${abs} is not a regular file`);
  const { size, mtimeMs, ino } = st;
  const digest = (sha256: string): FileDigest => ({ path: abs, name: basename(abs), bytes: size, sha256 });
  const here = inProcess.get(abs);
  if (same(here, size, mtimeMs, ino)) return digest(here.sha256);
  const memo = memoDir === null ? undefined : loadMemo(memoDir);
  const remembered = memo?.[abs];
  if (same(remembered, size, mtimeMs, ino)) {
    inProcess.set(abs, remembered);
    return digest(remembered.sha256);
  }
  let sha256: string;
  try {
    sha256 = sha256Hex(readFileSync(abs));
  } catch (e) {
    throw new ClaimcheckError('BAD_INPUT', `cannot read the data file ${abs}: ${(e as Error).message}`);
  }
  const stamp: Stamp = { size, mtimeMs, ino, sha256 };
  inProcess.set(abs, stamp);
  if (memo && memoDir !== null && Date.now() - mtimeMs > RACY_MILLIS) {
    memo[abs] = stamp;
    try {
      writeFileAtomicSync(join(memoDir, FILE_HASH_MEMO), `${JSON.stringify(memo)}\n`);
    } catch (e) {
      onMemoWriteError?.(e as Error);
    }
  }
  return digest(sha256);
}
