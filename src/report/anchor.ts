/**
 * Anchors of the report: the same ids in errata.html and errata.md, so a link works in both.
 */

/** `id` as an HTML id fragment under `prefix`: anything but letters, digits, `-`, `_`, `.` becomes `-`. */
export function anchor(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9._-]/g, '-')}`;
}
