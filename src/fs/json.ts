/**
 * The JSON of every file and key the tool writes: `stableJson` for files people read (pretty, non-finite numbers as
 * strings), `canonicalJson` and `contentKey` for keys (object keys sorted, compact), and the tagged encoding that
 * carries non-finite numbers and bigints through the cache.
 */
import { createHash } from 'node:crypto';

/**
 * Serialises any value as JSON with two-space indentation and a final newline. Non-finite numbers become the strings
 * `"NaN"`, `"Infinity"`, `"-Infinity"` and bigints become decimal strings, so no number is silently turned into null.
 */
export function stableJson(value: unknown): string {
  return (
    JSON.stringify(
      value,
      (_key, v: unknown) => {
        if (typeof v === 'bigint') return v.toString();
        if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
        return v;
      },
      2,
    ) + '\n'
  );
}

/** Tag under which non-finite numbers and bigints are stored (JSON has no NaN, ±Infinity or bigint). */
const TAG = '$claimcheck';

export function encode(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return { [TAG]: String(value) };
  if (typeof value === 'bigint') return { [TAG]: `${value}n` };
  return value;
}

export function decode(_key: string, value: unknown): unknown {
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
 * Canonical JSON: object keys sorted at every level, no whitespace, numbers as JavaScript prints them (shortest
 * round-trip), `undefined` fields dropped, non-finite numbers and bigints tagged as in the cache. The same content
 * always gives the same text whatever the order its fields were written in.
 */
export function canonicalJson(value: unknown): string {
  const sorted = (key: string, raw: unknown): unknown => {
    const v = encode(key, raw);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, (v as Record<string, unknown>)[k]]),
    );
  };
  return JSON.stringify(value, sorted) ?? 'undefined';
}

/** The sha256 (hex) of `canonicalJson(value)`: the key of everything cached or resumed by content. */
export function contentKey(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}
