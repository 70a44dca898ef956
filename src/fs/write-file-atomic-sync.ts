/**
 * The one synchronous atomic file writer of the project (experiment caches, checkpoints, merged results): a reader
 * sees the old file or the new one, never a torn write, even after SIGKILL. Its temporary files are named
 * `.<name>.<pid>.<12 hex>.tmp`; `removeStaleTemps` removes those a killed run left.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, lstatSync, openSync, readdirSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isLeftover } from './leftover.ts';
import { makeDirsSync } from './make-dirs.ts';

const TEMP = /^\.(.+)\.(\d+)\.[0-9a-f]{12}\.tmp$/;

/** The final name and the writer's pid of a temporary file of `writeFileAtomicSync`, or undefined for another name. */
export function parseTempName(name: string): { readonly name: string; readonly pid: number } | undefined {
  const m = TEMP.exec(name);
  return m === null ? undefined : { name: m[1]!, pid: Number(m[2]) };
}

/**
 * Writes `data` to `path` atomically: a temporary file next to it (`.<name>.<pid>.<random>.tmp`), fsync, rename over
 * `path`, fsync of the directory. Creates the directory if needed (`makeDirsSync`, bounded).
 */
export function writeFileAtomicSync(path: string, data: Uint8Array | string): void {
  const dir = dirname(path);
  makeDirsSync(dir);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const fd = openSync(temp, 'wx', 0o644);
  try {
    let at = 0;
    while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
    throw e;
  }
  closeSync(fd);
  renameSync(temp, path);
  syncDir(dir);
}

/** Flushes a directory's entries (after renames into it); a platform that cannot fsync directories is let be. */
export function syncDir(path: string): void {
  try {
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Directories cannot be fsynced on every platform; the renames are still atomic.
  }
}

/**
 * Removes the temporary files of `writeFileAtomicSync` that killed runs left in `dir` (see `isLeftover`); returns
 * their names. A missing `dir` has none.
 */
export function removeStaleTemps(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const temp = parseTempName(name);
    if (temp === undefined) continue;
    try {
      const stat = lstatSync(join(dir, name));
      if (!stat.isFile() || !isLeftover(temp.pid, stat.mtimeMs)) continue;
      unlinkSync(join(dir, name));
      removed.push(name);
    } catch {
      // gone already
    }
  }
  return removed;
}
