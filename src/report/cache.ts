/**
 * The report's result cache (`.claimcheck-cache/` by default): verdicts and experiment results stored as JSON under
 * a key that hashes everything they depend on (the claim or experiment, its configuration and the code version), so
 * a stale entry is never found rather than ever invalidated.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeDirsSync } from '../fs/make-dirs.ts';
import { REPO_ROOT } from './provenance.ts';

/** The environment variable that moves the cache (default: `.claimcheck-cache/` in the repository root). */
export const CACHE_DIR_ENV_VAR = 'CLAIMCHECK_CACHE_DIR';

/** The cache directory: `$CLAIMCHECK_CACHE_DIR` when set and not empty, else `.claimcheck-cache/` in the repository root. */
export function defaultCacheDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const dir = env[CACHE_DIR_ENV_VAR]?.trim();
  return dir ? dir : join(REPO_ROOT, '.claimcheck-cache');
}

/** Tag under which non-finite numbers and bigints are stored (JSON has no NaN, ±Infinity or bigint). */
const TAG = '$claimcheck';

function encode(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return { [TAG]: String(value) };
  if (typeof value === 'bigint') return { [TAG]: `${value}n` };
  return value;
}

function decode(_key: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === TAG) {
      const tagged = (value as Record<string, unknown>)[TAG];
      if (typeof tagged === 'string') return tagged.endsWith('n') ? BigInt(tagged.slice(0, -1)) : Number(tagged);
    }
  }
  return value;
}

/**
 * `value` after a trip through the cache's JSON encoding (non-finite numbers and bigints kept, `undefined` fields
 * dropped, typed arrays turned into plain objects), so that a fresh result and a cached one are the same data.
 */
export function jsonRoundTrip<T>(value: T): T {
  const text = JSON.stringify(value, encode);
  return (text === undefined ? value : JSON.parse(text, decode)) as T;
}

/**
 * The sha256 (hex) of `parts` serialised as JSON with object keys sorted, so the same content always gives the same
 * key whatever the order its fields were written in.
 */
export function cacheKey(parts: unknown): string {
  const sorted = (_key: string, value: unknown): unknown => {
    const v = encode(_key, value);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]));
  };
  return createHash('sha256').update(JSON.stringify(parts, sorted) ?? 'undefined').digest('hex');
}

/** The kinds of entries the cache holds, each in its own subdirectory. */
export type CacheKind = 'checks' | 'experiments';

/**
 * A directory of JSON entries keyed by `cacheKey`. Reads treat a missing or unreadable entry as a miss; writes go to
 * a temporary file renamed into place, so concurrent runs never see half an entry, and a failed write is reported
 * (returns false) but never fails the run.
 */
export class ResultCache {
  /** Entries read (hits) and written during this run. */
  readonly stats = { hits: 0, misses: 0, writes: 0, writeFailures: 0 };

  constructor(readonly dir: string) {}

  private path(kind: CacheKind, name: string, key: string): string {
    return join(this.dir, kind, `${name.replace(/[^A-Za-z0-9._-]/g, '_')}-${key}.json`);
  }

  /** The entry stored for `name` under `key`, or undefined when there is none (or it cannot be read). */
  read<T>(kind: CacheKind, name: string, key: string): T | undefined {
    try {
      const value = JSON.parse(readFileSync(this.path(kind, name, key), 'utf8'), decode) as T;
      this.stats.hits += 1;
      return value;
    } catch {
      this.stats.misses += 1;
      return undefined;
    }
  }

  /** Stores `value` for `name` under `key`; returns whether it was written. */
  write(kind: CacheKind, name: string, key: string, value: unknown): boolean {
    const final = this.path(kind, name, key);
    const temp = `${final}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      makeDirsSync(join(this.dir, kind));
      writeFileSync(temp, JSON.stringify(value, encode), 'utf8');
      renameSync(temp, final);
      this.stats.writes += 1;
      return true;
    } catch {
      try {
        unlinkSync(temp);
      } catch {
        // nothing was written
      }
      this.stats.writeFailures += 1;
      return false;
    }
  }
}
