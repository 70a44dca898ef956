/**
 * The SVG writing primitives of `src/plot`: numbers printed with fixed precision (so the same input gives the same
 * bytes), XML escaping, elements with attributes in the order given, and a stable short hash for element ids.
 */

/**
 * `v` with at most `digits` decimals, trailing zeros dropped ("12.5", "3", "-0.25"); never "-0". Throws on a
 * non-finite number: callers drop or break at non-finite data before drawing.
 */
export function fmt(v: number, digits = 2): string {
  if (!Number.isFinite(v)) throw new RangeError(`fmt: v must be finite, got ${v}`);
  let s = v.toFixed(digits);
  if (s.includes('.')) s = s.replace(/\.?0+$/, '');
  if (s === '-0') s = '0';
  return s;
}

/** `s` with the five XML special characters escaped, safe in text content and in double-quoted attributes. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;',
  );
}

/** An attribute value: a number (printed with `fmt`), a string, or undefined (attribute left out). */
export type AttrValue = string | number | undefined;

/** ` name="value"` for each defined attribute, in insertion order; numbers printed by `fmt` with 2 decimals. */
export function attrs(a: Readonly<Record<string, AttrValue>>): string {
  let out = '';
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined) continue;
    out += ` ${k}="${typeof v === 'number' ? fmt(v) : escapeXml(v)}"`;
  }
  return out;
}

/** `<name attrs>children</name>`, or `<name attrs/>` when `children` is undefined. Children are NOT escaped. */
export function element(name: string, a: Readonly<Record<string, AttrValue>>, children?: string): string {
  return children === undefined ? `<${name}${attrs(a)}/>` : `<${name}${attrs(a)}>${children}</${name}>`;
}

/** `<text>` with escaped content. */
export function text(x: number, y: number, content: string, a: Readonly<Record<string, AttrValue>> = {}): string {
  return element('text', { x, y, ...a }, escapeXml(content));
}

/** FNV-1a 32-bit hash of `s` as 8 hex digits: a deterministic id prefix, so figures inlined together never clash. */
export function stableId(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `p${(h >>> 0).toString(16).padStart(8, '0')}`;
}

/** Rough rendered width of `s` at `fontSize` in a sans-serif face (0.6 em per character): for layout only. */
export function textWidth(s: string, fontSize: number): number {
  return [...s].length * fontSize * 0.6;
}
