/** The shipped paper's text of records' formulas, for tests that build a changed claim from a real one. */
import { locate } from '../../src/paper/locate.ts';
import { tableRows } from '../../src/paper/params.ts';
import { paperAt } from '../../src/pipeline/run.ts';
import type { ClaimRecordInput, LatexFragment } from '../../src/claims/schema.ts';

/** The record's fragments with `printed` read from the shipped paper in place of their locators. */
export function printedFragments(record: ClaimRecordInput): { role: string; parse?: boolean; printed: string }[] {
  return (record.latex ?? []).map((f) => {
    const { at, role, parse } = f as LatexFragment;
    if (!at) return { role, parse, printed: (f as LatexFragment).printed! };
    const found = locate(paperAt(), at);
    if (!found.found) throw new Error(`${String(record.id)}: ${found.why}`);
    return { role, parse, printed: found.latex };
  });
}

/** The record's quote as the shipped paper prints it (a table quote is that table's rows). */
export function recordQuote(record: ClaimRecordInput): string | undefined {
  const q = record.quote;
  if (q === undefined || typeof q === 'string') return q;
  const read = tableRows(paperAt(), q.table);
  if ('why' in read) throw new Error(`${String(record.id)}: ${read.why}`);
  return read.rows.join('\n');
}
