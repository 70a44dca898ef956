/**
 * Plain-text tables for the terminal. The layout is computed on the plain text, so a caller's colours (`style`)
 * never shift a column, and piped output without them is stable.
 */

/** A column that may be cut to fit `maxWidth`, and how narrow it may become. */
export interface ShrinkableColumn {
  readonly column: number;
  /** The narrowest the column is cut to in the first pass (never below its header). */
  readonly min: number;
}

/** Options of `formatTextTable`. */
export interface TextTableOptions {
  /** Total line width to fit, in characters (code points); cells are cut with an ellipsis to fit it (0: no limit, the default). */
  readonly maxWidth?: number;
  /**
   * The columns cut to fit `maxWidth`, in the order they are cut: each down to its `min` in turn, then, if the table
   * is still too wide, each down to its header in the same order (default: the last column alone).
   */
  readonly shrink?: readonly ShrinkableColumn[];
  /** Styles a non-empty body cell after it was fitted and before it is padded (colours); `row` indexes `rows`. */
  readonly style?: (text: string, row: number, column: number) => string;
}

const GAP = '  ';

/** Width of `text` in characters: code points, so a letter outside the BMP (𝔹) counts once. */
function width(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** `text` cut to `w` characters with an ellipsis, never splitting a code point. */
function fit(text: string, w: number): string {
  if (width(text) <= w) return text;
  return `${Array.from(text)
    .slice(0, Math.max(0, w - 1))
    .join('')}…`;
}

/**
 * Lays out `rows` under `headers` in left-aligned columns separated by two spaces, with a dashed rule under the
 * header; every line ends without trailing spaces and the table ends with a newline.
 */
export function formatTextTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  options: TextTableOptions = {},
): string {
  const cols = headers.length;
  for (const [i, row] of rows.entries()) {
    if (row.length !== cols) {
      throw new RangeError(`formatTextTable: row ${i} must have ${cols} cells, but got ${row.length}`);
    }
  }
  const widths = headers.map((h, c) => Math.max(width(h), ...rows.map((r) => width(r[c]!))));
  const maxWidth = options.maxWidth ?? 0;
  if (maxWidth > 0 && cols > 0) {
    const shrink = options.shrink ?? [{ column: cols - 1, min: 0 }];
    for (const s of shrink) {
      if (s.column < 0 || s.column >= cols || !Number.isInteger(s.column))
        throw new RangeError(
          `formatTextTable: shrink column must be an integer from 0 to ${cols - 1}, but got ${s.column}`,
        );
    }
    const total = (): number => widths.reduce((a, w) => a + w, 0) + GAP.length * (cols - 1);
    for (const floor of [(s: ShrinkableColumn) => s.min, () => 0]) {
      for (const s of shrink) {
        const excess = total() - maxWidth;
        if (excess <= 0) break;
        const narrowest = Math.max(width(headers[s.column]!), floor(s));
        widths[s.column] = Math.max(Math.min(widths[s.column]!, narrowest), widths[s.column]! - excess);
      }
    }
  }
  const line = (cells: readonly string[], row: number | undefined): string =>
    cells
      .map((cell, c) => {
        const text = fit(cell, widths[c]!);
        const pad = c === cols - 1 ? '' : ' '.repeat(widths[c]! - width(text));
        return `${row !== undefined && options.style && text !== '' ? options.style(text, row, c) : text}${pad}`;
      })
      .join(GAP)
      .trimEnd();
  return (
    [
      line(headers, undefined),
      line(
        widths.map((w) => '-'.repeat(w)),
        undefined,
      ),
      ...rows.map((r, i) => line(r, i)),
    ].join('\n') + '\n'
  );
}
