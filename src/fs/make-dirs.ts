/**
 * `mkdir -p` with a bound: creates a directory and its missing ancestors one `mkdir` at a time, shallowest first,
 * so every path component costs at most one system call. Node's `mkdirSync(dir, { recursive: true })` retries a
 * parent that reports ENOENT although it exists, which under `/proc` never ends (100 % CPU until killed).
 */
import { lstatSync, mkdirSync, rmdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Removes `dirs` (as `makeDirsSync` returned them) deepest first, keeping any that is not empty any more. */
export function removeDirs(dirs: readonly string[]): void {
  for (const d of [...dirs].reverse()) {
    try {
      rmdirSync(d);
    } catch {
      // not empty (someone wrote into it) or gone: keep
    }
  }
}

function errnoError(code: string, message: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}`), { code, path });
}

/**
 * Creates `dir` and its missing ancestors; returns the directories it created, shallowest first (empty when `dir`
 * existed). All or nothing: on failure it removes what it created and throws the failing `mkdir`'s error (with its
 * `code` and path), or an `ENOTDIR` error naming the first ancestor that exists but is not a directory. Follows
 * symbolic links to directories, as `mkdir -p` does.
 */
export function makeDirsSync(dir: string): string[] {
  const chain: string[] = [];
  // dirname strictly shortens the path until the root, so this walk ends after at most one step per component.
  for (let d = resolve(dir); ; d = dirname(d)) {
    chain.unshift(d);
    if (dirname(d) === d) break;
  }
  let first = chain.length;
  for (let i = chain.length - 1; i >= 0; i -= 1) {
    let exists = true;
    try {
      lstatSync(chain[i]!);
    } catch (e) {
      // ENOTDIR: an ancestor is not a directory; the walk up finds which and names it.
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw e;
      exists = false;
    }
    if (exists) {
      if (!statSync(chain[i]!).isDirectory()) throw errnoError('ENOTDIR', `${chain[i]} is not a directory`, chain[i]!);
      break;
    }
    first = i;
  }
  const created: string[] = [];
  try {
    for (const d of chain.slice(first)) {
      try {
        mkdirSync(d);
        created.push(d);
      } catch (e) {
        // Another process may have created it meanwhile; anything else (ENOENT under /proc, EPERM under /sys) is final.
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(d).isDirectory()) throw e;
      }
    }
  } catch (e) {
    removeDirs(created);
    throw e;
  }
  return created;
}
