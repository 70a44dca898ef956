/**
 * The code version a cached result depends on: a hash of the source files themselves (not the git commit, which
 * misses uncommitted edits).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { REPO_ROOT } from './provenance.ts';

/**
 * The environment variable that pins the code version of verdict cache keys (tests set it, so that someone editing
 * the tree during a test cannot turn a cache hit into a miss). Leave it unset otherwise.
 */
export const CODE_VERSION_ENV_VAR = 'CLAIMCHECK_CODE_VERSION';

/** What verdicts depend on: the machinery (but not the report and CLI code), the checkers, the claim records and the locked dependencies. */
export const CHECK_CODE_PATHS: readonly string[] = ['src', 'checks', 'proofs', 'package-lock.json'];

/** Parts of `CHECK_CODE_PATHS` that cannot change a verdict or a measurement. */
export const CHECK_CODE_EXCLUDED: readonly string[] = ['src/report', 'src/cli'];

const SKIP_DIRS = new Set(['node_modules', '.git', '.claimcheck-cache']);

function walk(root: string, path: string, excluded: ReadonlySet<string>, out: string[]): void {
  const rel = relative(root, path).split(sep).join('/');
  if (excluded.has(rel)) return;
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return;
  }
  if (stat.isDirectory()) {
    for (const name of readdirSync(path).sort()) {
      if (!SKIP_DIRS.has(name)) walk(root, join(path, name), excluded, out);
    }
  } else if (stat.isFile()) {
    out.push(rel);
  }
}

const memo = new Map<string, string>();

/**
 * sha256 (hex) over the relative path and content of every file under `paths` (relative to `root`, default the
 * repository root), in sorted order, leaving out `excluded` paths; a path that does not exist contributes nothing.
 * Memoised per process (the tree does not change during a run).
 */
export function codeVersion(
  paths: readonly string[] = CHECK_CODE_PATHS,
  excluded: readonly string[] = CHECK_CODE_EXCLUDED,
  root: string = REPO_ROOT,
): string {
  const memoKey = JSON.stringify([paths, excluded, root]);
  const hit = memo.get(memoKey);
  if (hit) return hit;
  const files: string[] = [];
  const skip = new Set(excluded);
  for (const p of [...paths].sort()) walk(root, join(root, p), skip, files);
  const hash = createHash('sha256');
  for (const f of files) {
    hash.update(`${f}\0`);
    hash.update(readFileSync(join(root, f)));
    hash.update('\0');
  }
  const version = hash.digest('hex');
  memo.set(memoKey, version);
  return version;
}
