/**
 * Collapses text to a single line for tables.
 */

/**
 * The first paragraph of `text` on one line (whitespace runs collapsed), cut to `max` characters with an ellipsis
 * when longer (`max` ≤ 0 means no limit).
 */
export function oneLine(text: string, max = 0): string {
  const flat = text
    .split(/\n\s*\n/)[0]!
    .replace(/\s+/g, ' ')
    .trim();
  if (max <= 0 || flat.length <= max) return flat;
  if (max === 1) return '…';
  return `${flat.slice(0, max - 1).trimEnd()}…`;
}
