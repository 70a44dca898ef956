/**
 * What this proves about src/fs/json.ts: canonical JSON sorts keys at every level and drops undefined fields, so a key
 * depends on content, not on field order; non-finite numbers are tagged (NaN and null give different keys, nothing is
 * silently turned into null); stableJson writes non-finite numbers as strings; a value survives the cache encoding.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson, contentKey, jsonRoundTrip, stableJson } from '../../src/fs/json.ts';

describe('canonicalJson and contentKey', () => {
  it('sorts keys at every level and drops undefined fields, so insertion order does not matter', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 'x' }], e: null, u: undefined })).toBe(
      '{"a":[{"c":"x","d":2}],"b":1,"e":null}',
    );
    expect(contentKey({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(contentKey({ b: { d: 'x', c: [1, 2] }, a: 1 }));
  });

  it('differs for different content, non-finite numbers included', () => {
    expect(contentKey({ a: 1 })).not.toBe(contentKey({ a: 2 }));
    expect(contentKey({ a: Number.NaN })).not.toBe(contentKey({ a: null }));
    expect(contentKey({ a: Number.POSITIVE_INFINITY })).not.toBe(contentKey({ a: Number.NEGATIVE_INFINITY }));
    expect(contentKey({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('stableJson', () => {
  it('pretty-prints with a final newline and writes non-finite numbers and bigints as strings', () => {
    expect(stableJson({ a: Number.NaN, b: 2n, c: [1] })).toBe(
      '{\n  "a": "NaN",\n  "b": "2",\n  "c": [\n    1\n  ]\n}\n',
    );
  });
});

describe('jsonRoundTrip', () => {
  it('keeps non-finite numbers and bigints and drops undefined fields', () => {
    expect(jsonRoundTrip({ a: Number.NaN, b: -Infinity, c: 3n, d: undefined })).toEqual({
      a: Number.NaN,
      b: -Infinity,
      c: 3n,
    });
  });
});
