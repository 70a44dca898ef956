/**
 * The report's result cache (`.claimcheck-cache/` by default): verdicts and experiment results stored as JSON under
 * a key that hashes everything they depend on (the claim or experiment, its configuration and the code version), so
 * a stale entry is never found rather than ever invalidated.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { decode, encode } from './json.ts';
import { REPO_ROOT } from './repo.ts';
import { removeStaleTemps, writeFileAtomicSync } from './write-file-atomic-sync.ts';

/** The environment variable that moves the cache (default: `.claimcheck-cache/` in the repository root). */
export const CACHE_DIR_ENV_VAR = 'CLAIMCHECK_CACHE_DIR';

/** The cache directory: `$CLAIMCHECK_CACHE_DIR` when set and not empty, else `.claimcheck-cache/` in the repository root. */
export function defaultCacheDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const dir = env[CACHE_DIR_ENV_VAR]?.trim();
  return dir ? dir : join(REPO_ROOT, '.claimcheck-cache');
}

/** The kinds of entries the cache holds, each in its own subdirectory (`checks`, `experiments`, `mnist2-cells` …). */
export type CacheKind = string;

/** How a stored entry is checked before use: the value it stands for, or why it cannot be used. */
export type EntryCheck<T> = (
  value: unknown,
) => { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/** An `EntryCheck` from a schema with zod's `safeParse` (the issues are summarised in one line); passes the stored value on unchanged. */
export function schemaCheck<T>(schema: {
  safeParse(
    v: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}): EntryCheck<T> {
  return (value) => {
    const r = schema.safeParse(value);
    // The value as stored, not the parse (which reorders keys and drops unknown ones): a cached result reads back
    // byte for byte as the fresh one was written.
    if (r.success) return { ok: true, value: value as T };
    const first = r.error.issues[0];
    const where = first && first.path.length > 0 ? first.path.map(String).join('.') : 'the entry';
    return {
      ok: false,
      reason: `${where}: ${first?.message ?? 'does not match its schema'}${r.error.issues.length > 1 ? ` (and ${r.error.issues.length - 1} more)` : ''}`,
    };
  };
}

/** Options of a `ResultCache`. */
export interface ResultCacheOptions {
  /** Hears one line per entry that could not be used and once per run when the cache cannot be written. */
  readonly warn?: (message: string) => void;
}

function reasonOf(err: unknown): string {
  const code =
    typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? `${err.code}: ` : '';
  return `${code}${err instanceof Error ? err.message : String(err)}`;
}

/**
 * A directory of JSON entries keyed by `contentKey`. A missing entry is a miss. An entry that cannot be parsed, or that
 * its `EntryCheck` rejects, is a miss with one warning line naming the file and what was wrong; the caller
 * recomputes and the write overwrites it. Writes go through `writeFileAtomicSync` (a temporary file renamed into
 * place), so concurrent runs never see half an entry; a failed write never fails the run: the first one warns,
 * naming the directory and the error.
 */
export class ResultCache {
  /** Entries read (hits) and written during this run; `invalid` counts entries rejected on read. */
  readonly stats = { hits: 0, misses: 0, invalid: 0, writes: 0, writeFailures: 0 };
  private readonly warn: (message: string) => void;
  private readonly swept = new Set<CacheKind>();

  constructor(
    readonly dir: string,
    options: ResultCacheOptions = {},
  ) {
    this.warn = options.warn ?? (() => undefined);
  }

  /** The file of the entry for `name` under `key` (`name` may be empty). */
  path(kind: CacheKind, name: string, key: string): string {
    const safe = name.replace(/[^A-Za-z0-9._-]/g, '_');
    return join(this.dir, kind, `${safe === '' ? '' : `${safe}-`}${key}.json`);
  }

  /**
   * The entry stored for `name` under `key`, or undefined when there is none or it cannot be used (unparsable, or
   * rejected by `check`, which every caller should pass: the file is data from disk).
   */
  read<T>(kind: CacheKind, name: string, key: string, check?: EntryCheck<T>): T | undefined {
    const file = this.path(kind, name, key);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      this.stats.misses += 1;
      return undefined;
    }
    let value: unknown;
    try {
      value = JSON.parse(text, decode);
    } catch (e) {
      return this.reject(file, `not valid JSON (${(e as Error).message})`);
    }
    if (check) {
      const r = check(value);
      if (!r.ok) return this.reject(file, r.reason);
      value = r.value;
    }
    this.stats.hits += 1;
    return value as T;
  }

  private reject(file: string, reason: string): undefined {
    this.stats.misses += 1;
    this.stats.invalid += 1;
    this.warn(`cache entry ${file} cannot be used (${reason}); recomputing it`);
    return undefined;
  }

  /**
   * Stores `value` for `name` under `key` with the project's atomic writer; returns whether it was written. The first
   * write into a kind's directory removes the temporary files killed runs left there.
   */
  write(kind: CacheKind, name: string, key: string, value: unknown): boolean {
    const final = this.path(kind, name, key);
    try {
      if (!this.swept.has(kind)) {
        this.swept.add(kind);
        removeStaleTemps(dirname(final));
      }
      writeFileAtomicSync(final, JSON.stringify(value, encode));
      this.stats.writes += 1;
      return true;
    } catch (err) {
      this.writeFailed(err);
      return false;
    }
  }

  /** Records a failed write of this cache (also for writers of their own in the same directory); warns once. */
  writeFailed(err: unknown): void {
    this.stats.writeFailures += 1;
    if (this.stats.writeFailures === 1)
      this.warn(
        `cannot write the cache directory ${this.dir} (${reasonOf(err)}); this run goes on without caching its results`,
      );
  }
}
