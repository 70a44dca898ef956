/**
 * Writes a set of files into a directory so that no reader ever sees a half-written file: each file is written to a
 * temporary file in the same directory, flushed, and renamed over its final name only once every file has been
 * written. On any error the temporary files (and any directory this call created) are removed.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rmdir, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { ClaimcheckError } from '../errors.ts';

/**
 * One file to write: its name relative to the output directory (a bare name, or `sub/dir/name` with plain
 * segments: no `.`, `..`, empty segment or leading `/`) and its UTF-8 content.
 */
export interface OutputFile {
  readonly name: string;
  /** UTF-8 text, or bytes (PNG renderings of the figures). */
  readonly content: string | Uint8Array;
}

/** Whether `name` is a relative path of plain segments (no `.`, `..`, empty segment, backslash or leading `/`). */
function plainRelative(name: string): boolean {
  if (name === '' || name.includes('\\') || name.includes('\0')) return false;
  return name.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

/** Errors that mean the output path itself is unusable (reported as bad input). */
const PATH_ERRORS = new Set(['ENOTDIR', 'EEXIST', 'EACCES', 'EPERM', 'EROFS', 'EISDIR', 'ENAMETOOLONG', 'ENOENT']);

function errno(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
}

/** Directories between `dir` and its nearest existing ancestor, deepest first (those `mkdir -p` would create). */
function missingDirs(dir: string): string[] {
  const missing: string[] = [];
  let d = resolve(dir);
  while (!existsSync(d)) {
    missing.push(d);
    const parent = dirname(d);
    if (parent === d) break;
    d = parent;
  }
  return missing;
}

/**
 * Checks, without creating anything, that `dir` could be created (or is) a writable directory: its nearest existing
 * ancestor must be a writable directory. Throws `ClaimcheckError('BAD_INPUT')` naming the path otherwise (`cannot
 * write <what> to <dir>: …`), so a command can refuse a bad `--out` before doing any work.
 */
export function assertWritableDir(dir: string, what = 'the report'): void {
  const missing = missingDirs(dir);
  const target = missing.length === 0 ? resolve(dir) : dirname(missing.at(-1)!);
  const fail = (why: string): never => {
    throw new ClaimcheckError(
      'BAD_INPUT',
      `cannot write ${what} to ${dir}: ${why}`,
      'pass --out a directory you can create and write to',
    );
  };
  let isDir = false;
  try {
    isDir = statSync(target).isDirectory();
  } catch (err) {
    fail(`${target} cannot be read (${errno(err) ?? String(err)})`);
  }
  if (!isDir) fail(`${target} is not a directory`);
  try {
    accessSync(target, constants.W_OK | constants.X_OK);
  } catch {
    fail(`${target} is not writable`);
  }
}

async function writeTemp(path: string, content: string | Uint8Array): Promise<void> {
  const handle = await open(path, 'wx', 0o644);
  try {
    if (typeof content === 'string') await handle.writeFile(content, 'utf8');
    else await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes `files` into `dir` (created if missing, with the subdirectories the names give) atomically per file and
 * all-or-nothing up to the final renames; returns the written paths. Throws `ClaimcheckError('BAD_INPUT')` naming
 * the directory when it cannot be created or written (a path under a regular file, no permission, …).
 */
export async function writeFilesAtomic(dir: string, files: readonly OutputFile[]): Promise<string[]> {
  for (const f of files) {
    if (!plainRelative(f.name)) {
      throw new RangeError(`writeFilesAtomic: file name must be a relative path of plain segments, but got "${f.name}"`);
    }
  }
  const subdirs = [...new Set(files.map((f) => dirname(f.name)).filter((d) => d !== '.'))].sort();
  const created = [...new Set([...subdirs.flatMap((d) => missingDirs(join(dir, d))), ...missingDirs(dir)])].sort(
    (a, b) => b.length - a.length,
  );
  const temps: string[] = [];
  const cleanup = async (): Promise<void> => {
    for (const t of temps) await unlink(t).catch(() => undefined);
    for (const d of created) await rmdir(d).catch(() => undefined);
  };
  try {
    await mkdir(dir, { recursive: true });
    for (const d of subdirs) await mkdir(join(dir, d), { recursive: true });
    const tag = `${process.pid}.${randomBytes(6).toString('hex')}`;
    const plan = files.map((f) => {
      const final = join(dir, f.name);
      return { ...f, temp: join(dirname(final), `.${basename(final)}.${tag}.tmp`), final };
    });
    for (const p of plan) {
      temps.push(p.temp);
      await writeTemp(p.temp, p.content);
    }
    for (const p of plan) {
      await rename(p.temp, p.final);
      temps.splice(temps.indexOf(p.temp), 1);
    }
    return plan.map((p) => p.final);
  } catch (err) {
    await cleanup();
    const code = errno(err);
    if (code !== undefined && PATH_ERRORS.has(code)) {
      throw new ClaimcheckError(
        'BAD_INPUT',
        `cannot write the report to ${dir}: ${code} (${(err as Error).message})`,
        'pass --out a directory you can create and write to',
      );
    }
    throw err;
  }
}
