/**
 * Where a claim sits in the paper, as one short human-readable string.
 */
import type { Location } from '../claims/schema.ts';

/**
 * Formats a claim's location as printed in reports and tables, e.g. `§3.2, Eq. (8)`, `Appendix B, line 3`,
 * `§5.1, Table 3`.
 */
export function formatLocation(location: Location): string {
  const parts: string[] = [];
  parts.push(/^\d/.test(location.section) ? `§${location.section}` : location.section);
  if (location.equation !== undefined) {
    // "(8)" and "8" are equation numbers; anything else ("Lemma 1") is printed as the record gives it.
    parts.push(/^[(\d]/.test(location.equation) ? `Eq. ${location.equation}` : location.equation);
  }
  if (location.line !== undefined) parts.push(`line ${location.line}`);
  if (location.table !== undefined) parts.push(location.table);
  return parts.join(', ');
}

/**
 * A key that sorts locations in the paper's order: numbered sections, then appendices, each by its numbers; within a
 * section, equations and lines by number. Compare keys with a numeric collation.
 */
export function locationSortKey(location: Location): string {
  const num = (s: string | number | undefined): string =>
    s === undefined ? '' : String(s).replace(/\d+/g, (d) => d.padStart(4, '0'));
  const section = /^\d/.test(location.section) ? `0 ${num(location.section)}` : `1 ${num(location.section)}`;
  return [section, num(location.equation), num(location.line), num(location.table)].join(' | ');
}
