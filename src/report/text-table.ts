/**
 * Plain-text tables for the terminal (no colours, so piped output is stable).
 */

/** Options of `formatTextTable`. */
export interface TextTableOptions {
  /** Total line width to fit; the last column is cut with an ellipsis to fit it (0: no limit, the default). */
  readonly maxWidth?: number;
}

const GAP = '  ';

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
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const maxWidth = options.maxWidth ?? 0;
  if (maxWidth > 0 && cols > 0) {
    const fixed = widths.slice(0, -1).reduce((a, w) => a + w + GAP.length, 0);
    widths[cols - 1] = Math.max(headers[cols - 1]!.length, Math.min(widths[cols - 1]!, maxWidth - fixed));
  }
  const fit = (cell: string, w: number): string => (cell.length <= w ? cell : `${cell.slice(0, Math.max(0, w - 1))}…`);
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, c) => fit(cell, widths[c]!).padEnd(c === cols - 1 ? 0 : widths[c]!))
      .join(GAP)
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}
