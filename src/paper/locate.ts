/**
 * Locators: where a claim's formula stands in the paper, instead of the formula itself. A record names an equation
 * number or an anchor (a verbatim phrase of the paper), and which row, formula and side of it; `locate` reads the LaTeX
 * from the paper text at run time. A formula that moved (renumbered, a paragraph inserted) is still found by its anchor;
 * one that is gone gives a `missing` answer naming the locator, never an old text.
 */
import { z } from 'zod';
import { hasProse } from './math.ts';
import type { Paper, PaperLine } from './paper.ts';

export const LocatorSchema = z
  .object({
    /**
     * A verbatim phrase of the paper (its first occurrence; no-break spaces may be written as spaces). With `row` or
     * `equation`: the display block at or after it. Without: the formulas of its line that follow it (or precede it,
     * with a negative `item`). An anchor finds a formula that moved: renumbered, or a paragraph inserted before it.
     */
    anchor: z.string().min(8).optional(),
    /**
     * The equation number the formula is printed under, e.g. `(8)`. With an anchor it is what the record expects (a
     * located row under another number is reported as renumbered); without one, it names the equation: its rows
     * from after the previous numbered row.
     */
    equation: z
      .string()
      .regex(/^\(\S{1,8}\)$/, 'an equation number such as "(8)"')
      .optional(),
    /** 1-based row of the display block (after the anchor) or of the equation; default 1. */
    row: z.number().int().positive().optional(),
    /**
     * How many rows the display block after the anchor has in the version the record was written against. A block
     * with another number of rows had rows added or removed, so `row` may name another row: the formula is then
     * reported missing rather than read from a neighbour.
     */
    blockRows: z.number().int().positive().optional(),
    /**
     * Which formula: 1-based in the row or after the anchor (default 1); negative counts back, −1 being the last formula
     * of the row or the last one before the anchor.
     */
    item: z
      .number()
      .int()
      .refine((n) => n !== 0, 'not 0: 1 is the first formula, −1 the last')
      .default(1),
    /** Which side of the formula's first top-level relation (`=`, `\equiv`, `\in`, …): `whole` (default), `lhs` or `rhs`. */
    side: z.enum(['whole', 'lhs', 'rhs']).default('whole'),
    /** Drop one pair of `\left( … \right)` around the selected text. */
    unwrap: z.boolean().default(false),
    /** Drop this many leading terms (a control word with its brace groups, or one character with its scripts). */
    skip: z.number().int().min(0).default(0),
  })
  .strict()
  .refine((l) => l.equation !== undefined || l.anchor !== undefined, 'give an anchor, an equation number, or both');
export type Locator = z.output<typeof LocatorSchema>;
export type LocatorInput = z.input<typeof LocatorSchema>;

/** Where a located formula stands. */
export interface Located {
  readonly latex: string;
  /** 1-based line of the paper. */
  readonly line: number;
  /** The number the located row is printed under now, when the record expected another (`equation`). */
  readonly renumbered?: string;
}

export type LocateResult = ({ readonly found: true } & Located) | { readonly found: false; readonly why: string };

/** The locator in words, for verdicts and messages: `Eq. (8) (after "The gradient of loss…"), formula 2`. */
export function describeLocator(l: LocatorInput): string {
  const item = l.item ?? 1;
  const anchor =
    l.anchor === undefined
      ? ''
      : `${item < 0 && l.row === undefined && l.equation === undefined ? 'before' : 'after'} "${l.anchor}"`;
  const parts = [l.equation !== undefined ? `Eq. ${l.equation}${anchor ? ` (${anchor})` : ''}` : anchor];
  if (l.row !== undefined) parts.push(`row ${l.row}`);
  if (item !== 1) parts.push(`formula ${item}`);
  if (l.side === 'lhs') parts.push('left-hand side');
  if (l.side === 'rhs') parts.push('right-hand side');
  if (l.unwrap) parts.push('inside its parentheses');
  if (l.skip) parts.push(`without its first ${l.skip} term(s)`);
  return parts.join(', ');
}

const RELATIONS = ['=', '\\equiv', '\\leq', '\\geq', '\\approx', '\\in', '\\leftarrow', '<', '>'];

/** The offset and length of the first relation outside braces and `\left … \right`, or undefined. */
function firstRelation(latex: string): { at: number; length: number } | undefined {
  let depth = 0;
  for (let i = 0; i < latex.length; i++) {
    const ch = latex[i]!;
    if (ch === '\\') {
      if (/^\\left\W/.test(latex.slice(i, i + 6))) depth++;
      else if (/^\\right\W/.test(latex.slice(i, i + 7))) depth = Math.max(0, depth - 1);
      const rel = RELATIONS.find(
        (r) => r.startsWith('\\') && latex.startsWith(r, i) && !/[A-Za-z]/.test(latex[i + r.length] ?? ''),
      );
      if (depth === 0 && rel) return { at: i, length: rel.length };
      const word = /^\\([A-Za-z]+|.)/.exec(latex.slice(i))![0];
      i += word.length - 1;
      continue;
    }
    if (ch === '{') depth++;
    else if (ch === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0 && RELATIONS.includes(ch)) return { at: i, length: 1 };
  }
  return undefined;
}

function selectSide(latex: string, side: Locator['side']): string | undefined {
  if (side === 'whole') return latex;
  const rel = firstRelation(latex);
  if (!rel) return undefined;
  return (side === 'lhs' ? latex.slice(0, rel.at) : latex.slice(rel.at + rel.length)).trim();
}

/** The end of the term that starts at `i`: a control word with its brace groups, or a character with its scripts. */
function termEnd(latex: string, i: number): number {
  const group = (j: number): number => {
    let depth = 0;
    for (let k = j; k < latex.length; k++) {
      if (latex[k] === '\\') k++;
      else if (latex[k] === '{') depth++;
      else if (latex[k] === '}' && --depth === 0) return k + 1;
    }
    return latex.length;
  };
  let j = i;
  if (latex[j] === '\\') j += /^\\([A-Za-z]+|.)/.exec(latex.slice(j))![0].length;
  else if (latex[j] === '{') j = group(j);
  else j++;
  for (;;) {
    if (latex[j] === '{') j = group(j);
    else if ((latex[j] === '^' || latex[j] === '_') && latex[j + 1] === '{') j = group(j + 1);
    else if (latex[j] === '^' || latex[j] === '_') j += 2;
    else return j;
  }
}

function skipTerms(latex: string, n: number): string {
  let i = 0;
  for (let k = 0; k < n && i < latex.length; k++) i = termEnd(latex, i);
  return latex.slice(i);
}

function unwrapParens(latex: string): string | undefined {
  const m = /^\\left\((.*)\\right\)$/s.exec(latex);
  return m ? m[1] : undefined;
}

/** The rows of display equation `label`: consecutive display rows ending at the numbered one. */
function equationRows(paper: Paper, label: string): PaperLine[] | undefined {
  const at = paper.lines.findIndex((l) => l.label === label);
  if (at < 0) return undefined;
  let start = at;
  while (start > 0 && paper.lines[start - 1]!.display && paper.lines[start - 1]!.label === undefined) start--;
  return paper.lines.slice(start, at + 1);
}

/** The display block at or after line index `from`: its consecutive display rows. */
function blockFrom(paper: Paper, from: number): PaperLine[] | undefined {
  let start = from;
  while (start < paper.lines.length && !paper.lines[start]!.display) start++;
  if (start >= paper.lines.length) return undefined;
  let end = start;
  while (end + 1 < paper.lines.length && paper.lines[end + 1]!.display) end++;
  return paper.lines.slice(start, end + 1);
}

/** Text with no-break and thin spaces as plain spaces (same length), so an anchor is written with plain spaces. */
export function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u2009\u202f]/g, ' ');
}

/** The line and the span of it whose formulas a locator counts, or why there is none. */
type Scope = { readonly line: PaperLine; readonly from: number; readonly before: number } | { readonly why: string };

function scopeOf(paper: Paper, loc: Locator): Scope {
  if (loc.anchor === undefined) {
    const rows = equationRows(paper, loc.equation!);
    if (!rows) return { why: `no display equation numbered ${loc.equation} in this version of the paper` };
    const row = loc.row ?? 1;
    if (row > rows.length) return { why: `the equation has ${rows.length} row(s), not ${row}` };
    return { line: rows[row - 1]!, from: 0, before: Infinity };
  }
  const anchor = plainSpaces(loc.anchor);
  const index = paper.lines.findIndex((l) => plainSpaces(l.text).includes(anchor));
  if (index < 0) return { why: 'the anchor is not in this version of the paper' };
  const occurrences = plainSpaces(paper.text).split(anchor).length - 1;
  if (occurrences > 1)
    return {
      why: `the anchor occurs ${occurrences} times in this version of the paper, so which formula is meant is not clear`,
    };
  const at = plainSpaces(paper.lines[index]!.text).indexOf(anchor);
  if (loc.row === undefined && loc.equation === undefined) {
    const line = paper.lines[index]!;
    return loc.item > 0 ? { line, from: at + anchor.length, before: Infinity } : { line, from: 0, before: at };
  }
  const rows = blockFrom(paper, index);
  if (!rows) return { why: 'no display formula follows the anchor' };
  // The block must follow the anchor's paragraph directly: a formula further on is another one (the anchor's own was
  // deleted), never a stand-in.
  if (paper.lines.slice(index + 1, rows[0]!.number - 1).some((l) => l.text.trim().length > 0)) {
    return { why: 'no display formula directly follows the anchor (only a later one, after more prose)' };
  }
  const row = loc.row ?? 1;
  if (loc.blockRows !== undefined && rows.length !== loc.blockRows) {
    return {
      why: `the display after the anchor has ${rows.length} row(s), not the ${loc.blockRows} the record was written against (rows added or removed)`,
    };
  }
  if (row > rows.length) return { why: `the display after the anchor has ${rows.length} row(s), not ${row}` };
  const line = rows[row - 1]!;
  return { line, from: line.number - 1 === index ? at + anchor.length : 0, before: Infinity };
}

/** The number of the equation a display row belongs to: the label of the first numbered row from it on in its block. */
function labelOf(paper: Paper, line: PaperLine): string | undefined {
  for (let i = line.number - 1; i < paper.lines.length && paper.lines[i]!.display; i++) {
    if (paper.lines[i]!.label !== undefined) return paper.lines[i]!.label;
  }
  return undefined;
}

/** Reads the formula a locator names from the paper. */
export function locate(paper: Paper, input: LocatorInput): LocateResult {
  const loc = LocatorSchema.parse(input);
  const missing = (why: string): LocateResult => ({ found: false, why: `${describeLocator(loc)}: ${why}` });
  const scope = scopeOf(paper, loc);
  if ('why' in scope) return missing(scope.why);
  const { line } = scope;
  const items = line.items.filter((it) => it.start >= scope.from && it.end <= scope.before);
  const item = loc.item > 0 ? items[loc.item - 1] : items[items.length + loc.item];
  if (!item) return missing(`line ${line.number} has ${items.length} formula(s) there, not ${Math.abs(loc.item)}`);
  // The formula next to an anchor must stand right there: prose between them means text was inserted, and the formula
  // found would be another one.
  if (loc.row === undefined && loc.equation === undefined && Math.abs(loc.item) === 1) {
    const gap = loc.item > 0 ? line.text.slice(scope.from, item.start) : line.text.slice(item.end, scope.before);
    if (hasProse(gap))
      return missing(
        `prose stands between the anchor and the formula on line ${line.number} (text was inserted there)`,
      );
  }
  if (/(^|[^\\])%/.test(item.latex)) {
    return missing(
      `the formula on line ${line.number} holds a TeX comment (%), so it may go on beyond the line; it is not read`,
    );
  }
  const side = selectSide(item.latex, loc.side);
  if (side === undefined || side.length === 0) {
    return missing(`the formula on line ${line.number} has no ${loc.side === 'lhs' ? 'left' : 'right'}-hand side`);
  }
  const unwrapped = loc.unwrap ? unwrapParens(side) : side;
  if (unwrapped === undefined)
    return missing(`the formula on line ${line.number} is not wrapped in \\left( … \\right)`);
  const latex = skipTerms(unwrapped, loc.skip);
  if (latex.length === 0) return missing(`the formula on line ${line.number} has no more than ${loc.skip} term(s)`);
  const label = loc.anchor !== undefined && loc.equation !== undefined ? labelOf(paper, line) : loc.equation;
  return {
    found: true,
    latex,
    line: line.number,
    ...(label !== loc.equation ? { renumbered: label ?? 'unnumbered' } : {}),
  };
}
