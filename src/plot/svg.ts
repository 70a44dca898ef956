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

/** Font weight of a text, for `textWidth`. */
export type FontWeight = 'normal' | 'bold';

/**
 * Rough rendered width of `s` at `fontSize` in a sans-serif face, for layout only: 0.6 em per character, 0.64 em in
 * bold (DejaVu Sans, measured with resvg on the report's titles: about 0.51 em regular and 0.58 em bold, so the
 * estimate errs wide).
 */
export function textWidth(s: string, fontSize: number, weight: FontWeight = 'normal'): number {
  return [...s].length * fontSize * (weight === 'bold' ? 0.64 : 0.6);
}

/** Options of `fitLines`. */
export interface FitOptions {
  /** At most this many lines (default 2); text beyond them is cut, ending in "…". */
  readonly maxLines?: number;
  readonly weight?: FontWeight;
}

/** `s` cut to fit `maxWidth` (by `textWidth`), ending in "…" when anything was cut. */
function shorten(s: string, fontSize: number, maxWidth: number, weight: FontWeight): string {
  if (textWidth(s, fontSize, weight) <= maxWidth) return s;
  const chars = [...s];
  let n = chars.length;
  while (n > 0 && textWidth(`${chars.slice(0, n).join('').trimEnd()}…`, fontSize, weight) > maxWidth) n--;
  return `${chars.slice(0, n).join('').trimEnd()}…`;
}

/**
 * `s` broken at spaces into lines whose estimated width (`textWidth`) is at most `maxWidth`, greedily, and at most
 * `maxLines` of them: what does not fit on the last line is cut, ending in "…" (a single word wider than a line too).
 * Text that fits comes back as one line, unchanged.
 */
export function fitLines(s: string, fontSize: number, maxWidth: number, options: FitOptions = {}): string[] {
  const maxLines = Math.max(1, options.maxLines ?? 2);
  const weight = options.weight ?? 'normal';
  if (textWidth(s, fontSize, weight) <= maxWidth) return [s];
  const words = s.split(/ +/).filter((w) => w !== '');
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    const cand = cur === '' ? w : `${cur} ${w}`;
    if (cur === '' || textWidth(cand, fontSize, weight) <= maxWidth) cur = cand;
    else {
      lines.push(cur);
      cur = w;
    }
  }
  if (cur !== '') lines.push(cur);
  const kept = lines.slice(0, maxLines);
  if (lines.length > maxLines) kept[maxLines - 1] = `${kept[maxLines - 1]} ${lines.slice(maxLines).join(' ')}`;
  return kept.map((line) => shorten(line, fontSize, maxWidth, weight));
}

/** One `<text>` per line, the first at (x, y) and each next `lineHeight` lower, with the same attributes. */
export function textLines(
  x: number,
  y: number,
  lines: readonly string[],
  lineHeight: number,
  a: Readonly<Record<string, AttrValue>> = {},
): string {
  return lines.map((line, i) => text(x, y + i * lineHeight, line, a)).join('');
}
