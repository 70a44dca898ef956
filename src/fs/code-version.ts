/**
 * The code version a cached result depends on: a hash of the source files themselves (not the git commit, which
 * misses uncommitted edits).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { REPO_ROOT } from './repo.ts';

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

/** Static and dynamic module specifiers of a TypeScript source; type-only imports and exports are left out. */
function specifiers(source: string): string[] {
  const text = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const out: string[] = [];
  const patterns = [
    /\bimport\s+(?!type\b)(?:[\w*{}\s,$]+?\s+from\s*)?['"]([^'"]+)['"]/g,
    /\bexport\s+(?!type\b)(?:\*(?:\s+as\s+\w+)?|\{[^}]*\})\s*from\s*['"]([^'"]+)['"]/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    // A module a worker process imports by URL (`new URL('./jobs.ts', import.meta.url)`) is code the results run.
    /\bnew\s+URL\(\s*['"](\.{1,2}\/[^'"]+\.ts)['"]\s*,\s*import\.meta\.url\s*\)/g,
  ];
  for (const re of patterns) for (const m of text.matchAll(re)) out.push(m[1]!);
  return out;
}

function resolveRelative(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next form
    }
  }
  return undefined;
}

/** What `importGraphVersion` found: the hash and the files it covers (relative to the root). */
export interface ImportGraphVersion {
  readonly version: string;
  readonly files: readonly string[];
}

const graphMemo = new Map<string, ImportGraphVersion>();

/**
 * The code version of what a module computes: sha256 over the path and content of every file reachable from `entry`
 * (relative to `root`) through relative value imports (static, re-exports, literal dynamic imports and modules a worker imports by `new URL(…, import.meta.url)`; `import type`
 * is erased at run time and left out), plus `package-lock.json` when any reached file imports a package. Memoised
 * per process. Throws when `entry` does not exist.
 */
export function importGraphVersion(entry: string, root: string = REPO_ROOT): ImportGraphVersion {
  const memoKey = `${root}\0${entry}`;
  const hit = graphMemo.get(memoKey);
  if (hit) return hit;
  const start = resolve(root, entry);
  if (!statSync(start, { throwIfNoEntry: false })?.isFile())
    throw new Error(`importGraphVersion: no module ${entry} under ${root}`);
  const seen = new Set<string>([start]);
  const queue = [start];
  let packages = false;
  while (queue.length > 0) {
    const file = queue.pop()!;
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) {
        if (!spec.startsWith('node:')) packages = true;
        continue;
      }
      const target = resolveRelative(file, spec);
      if (target !== undefined && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  const lock = join(root, 'package-lock.json');
  if (packages && statSync(lock, { throwIfNoEntry: false })?.isFile()) seen.add(lock);
  const files = [...seen].map((f) => relative(root, f).split(sep).join('/')).sort();
  const hash = createHash('sha256');
  for (const f of files) {
    hash.update(`${f}\0`);
    hash.update(readFileSync(join(root, f)));
    hash.update('\0');
  }
  const result = { version: hash.digest('hex'), files };
  graphMemo.set(memoKey, result);
  return result;
}
