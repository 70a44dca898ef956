import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultCacheDir, ResultCache } from '../../src/fs/cache.ts';
import { jsonRoundTrip } from '../../src/fs/json.ts';
import { codeVersion } from '../../src/fs/code-version.ts';
import { REPO_ROOT } from '../../src/fs/repo.ts';

describe('ResultCache', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'claimcheck-cache-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads back what it wrote, non-finite numbers and bigints included, and misses otherwise', () => {
    const cache = new ResultCache(dir);
    const value = { verdict: { n: Number.NaN, inf: Number.NEGATIVE_INFINITY, big: 12n, list: [1.5, 'x'] } };
    expect(cache.read('checks', 'eq01', 'k1')).toBeUndefined();
    expect(cache.write('checks', 'eq01', 'k1', value)).toBe(true);
    expect(cache.read('checks', 'eq01', 'k1')).toEqual(value);
    expect(cache.read('checks', 'eq01', 'k2')).toBeUndefined();
    expect(cache.read('experiments', 'eq01', 'k1')).toBeUndefined();
    expect(readdirSync(join(dir, 'checks'))).toEqual(['eq01-k1.json']);
    expect(cache.stats).toMatchObject({ hits: 1, misses: 3, writes: 1 });
  });

  it('treats an unreadable entry as a miss and a failed write as no error', () => {
    const cache = new ResultCache(dir);
    cache.write('checks', 'a', 'k', 1);
    writeFileSync(join(dir, 'checks', 'a-k.json'), '{ truncated');
    expect(cache.read('checks', 'a', 'k')).toBeUndefined();
    const file = join(dir, 'plain');
    writeFileSync(file, '');
    expect(new ResultCache(file).write('checks', 'a', 'k', 1)).toBe(false);
  });

  it('makes fresh data look like cached data', () => {
    expect(jsonRoundTrip({ a: undefined, b: Number.NaN, c: new Float64Array([1, 2]) })).toEqual({
      b: Number.NaN,
      c: { 0: 1, 1: 2 },
    });
  });

  it('lives in .claimcheck-cache/ unless CLAIMCHECK_CACHE_DIR says otherwise', () => {
    expect(defaultCacheDir({})).toBe(join(REPO_ROOT, '.claimcheck-cache'));
    expect(defaultCacheDir({ CLAIMCHECK_CACHE_DIR: '/tmp/x' })).toBe('/tmp/x');
    expect(defaultCacheDir({ CLAIMCHECK_CACHE_DIR: ' ' })).toBe(join(REPO_ROOT, '.claimcheck-cache'));
  });
});

describe('codeVersion', () => {
  it('hashes the files under the given paths: a change to one changes it', () => {
    const root = mkdtempSync(join(tmpdir(), 'claimcheck-code-'));
    try {
      writeFileSync(join(root, 'a.ts'), 'one');
      const before = codeVersion(['a.ts', 'missing'], [], root);
      expect(before).toMatch(/^[0-9a-f]{64}$/);
      writeFileSync(join(root, 'b.ts'), 'two');
      expect(codeVersion(['a.ts', 'b.ts'], [], root)).not.toBe(before);
      expect(codeVersion(['a.ts', 'b.ts'], ['b.ts'], root)).toBe(before);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
