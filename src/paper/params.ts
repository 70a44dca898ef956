/**
 * The parts of a record's checker parameters that are the paper's own text, read from the paper at run time like its
 * formulas:
 *
 * - a table (an object with `label: "Table N"`, `caption` and `rows`): its rows are the lines under "Table N:" in the
 *   paper (after its header line) that read as table rows;
 * - `captions` (a list of "Figure N: …" strings): the figure captions of the paper, in order;
 * - `labels` (a list of equation numbers "(N)"): the equation numbers of the paper, in order.
 *
 * The values written in the records are those of the shipped text (they document what the record was written
 * against and keep the records readable); the values used are the paper's. A table the paper lacks makes the claim
 * "not in this version".
 */
import { TABLE_ROW_PATTERN } from '../tables/table.ts';
import { plainSpaces } from './locate.ts';
import type { Paper } from './paper.ts';

/** A line that is meant as a table row: a number first, and numbers in all but at most one of its 3+ columns. */
function rowLike(tokens: readonly string[]): boolean {
  return tokens.length >= 3 && /^\d/.test(tokens[0]!) && tokens.filter((t) => /\d/.test(t)).length >= tokens.length - 1;
}

/**
 * The rows printed under "Table N:" (`label`), with runs of spaces read as one; or why there are none, or which row
 * cannot be read (a line meant as a row that does not read as one, such as "8/255 99.7 99.86 -0.16").
 */
export function tableRows(
  paper: Paper,
  label: string,
): { readonly rows: string[]; readonly line: number } | { readonly why: string; readonly unreadable?: boolean } {
  const at = paper.lines.findIndex((l) => plainSpaces(l.text).trimStart().startsWith(`${label}:`));
  if (at < 0) return { why: `${label} is not in this version of the paper` };
  const tokens = (i: number) => plainSpaces(paper.lines[i]!.text).trim().split(/\s+/);
  let i = at + 1;
  // The header line(s): "ε train acc test acc gap".
  while (i < paper.lines.length && i <= at + 2 && !rowLike(tokens(i))) i++;
  const rows: string[] = [];
  for (; i < paper.lines.length && rowLike(tokens(i)); i++) {
    const row = tokens(i).join(' ');
    if (!TABLE_ROW_PATTERN.test(row))
      return {
        why: `${label}: row ${rows.length + 1} ("${row}") cannot be read as ε and three numbers with two decimals`,
        unreadable: true,
      };
    rows.push(row);
  }
  return rows.length > 0 ? { rows, line: at + 1 } : { why: `${label} has no rows in this version of the paper` };
}

/** The figure captions of the paper ("Figure N: …"), in order. */
export function figureCaptions(paper: Paper): string[] {
  return paper.lines.map((l) => plainSpaces(l.text).trim()).filter((t) => /^Figure \d+: /.test(t));
}

/** The equation numbers of the paper, in order. */
export function equationLabels(paper: Paper): string[] {
  return paper.lines.filter((l) => l.label !== undefined).map((l) => l.label!);
}

function isTable(v: Record<string, unknown>): boolean {
  return (
    typeof v['label'] === 'string' &&
    /^Table \d+$/.test(v['label']) &&
    typeof v['caption'] === 'string' &&
    Array.isArray(v['rows'])
  );
}

/** `params` with the paper's own text read from `paper`, and why parts of it are missing there. */
export function paramsFromPaper(
  params: Record<string, unknown>,
  paper: Paper,
): { params: Record<string, unknown>; missing: string[]; unreadable: string[] } {
  const missing = new Set<string>();
  const unreadable = new Set<string>();
  const walk = (value: unknown, key: string): unknown => {
    if (Array.isArray(value)) {
      if (key === 'captions' && value.every((c) => typeof c === 'string' && /^Figure \d+: /.test(c)))
        return figureCaptions(paper);
      if (key === 'labels' && value.every((c) => typeof c === 'string' && /^\(\d+\)$/.test(c)))
        return equationLabels(paper);
      return value.map((v) => walk(v, ''));
    }
    if (value && typeof value === 'object') {
      const obj = value as Record<string, unknown>;
      const out = Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, walk(v, k)]));
      if (isTable(obj)) {
        const read = tableRows(paper, obj['label'] as string);
        if ('why' in read) (read.unreadable ? unreadable : missing).add(read.why);
        else out['rows'] = read.rows;
      }
      return out;
    }
    return value;
  };
  return { params: walk(params, '') as Record<string, unknown>, missing: [...missing], unreadable: [...unreadable] };
}
