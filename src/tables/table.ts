/**
 * A robust-accuracy table of the paper (ε, train acc, test acc, gap) kept as its printed rows, with the split sizes
 * its percentages are fractions of; `parseTable` reads every cell exactly.
 */
import { z } from 'zod';
import { parseEpsCell, type EpsValue } from './eps.ts';
import { parsePrintedPercent, rowCounts, type PrintedPercent, type RowCounts } from './rounding.ts';

/** A printed row: ε, train accuracy, test accuracy and gap separated by single spaces ("0.20 99.79 99.95 -0.16"). */
export const TABLE_ROW_PATTERN = /^\d+(?:\.\d+)?(?:\/\d+(?:\.\d+)?)? -?\d+\.\d{2} -?\d+\.\d{2} -?\d+\.\d{2}$/;

/** Schema of one table as the records carry it in `params`. */
export const PaperTableSchema = z.object({
  /** "Table 1" … "Table 6". */
  label: z.string().regex(/^Table \d+$/, 'a label like "Table 1"'),
  /** The caption line, verbatim from the paper text. */
  caption: z.string().min(1),
  dataset: z.string().min(1),
  norm: z.enum(['L2', 'Linf']),
  noise: z.enum(['PGD', 'RANDOM']),
  /** Sizes of the splits the accuracies are fractions of, and where the sizes come from. */
  split: z.object({
    train: z.number().int().positive(),
    test: z.number().int().positive(),
    source: z.string().min(1),
  }),
  /** The rows, each verbatim from the paper text. */
  rows: z.array(z.string().regex(TABLE_ROW_PATTERN, 'a row like "0.20 99.79 99.95 -0.16"')).min(1),
});
/** One table as validated by `PaperTableSchema`. */
export type PaperTable = z.infer<typeof PaperTableSchema>;

/** One parsed row. */
export interface TableRow {
  readonly printed: string;
  readonly eps: EpsValue;
  readonly train: PrintedPercent;
  readonly test: PrintedPercent;
  readonly gap: PrintedPercent;
  /** Achievable counts and the count pairs consistent with the printed gap. */
  readonly counts: RowCounts;
}

/** Parses every row of a table and enumerates its achievable counts. */
export function parseTable(table: PaperTable): TableRow[] {
  return table.rows.map((printed) => {
    const [eps, train, test, gap] = printed.split(' ');
    if (eps === undefined || train === undefined || test === undefined || gap === undefined) {
      throw new SyntaxError(`parseTable: ${table.label} row "${printed}" does not have four cells`);
    }
    const cells = { train: parsePrintedPercent(train), test: parsePrintedPercent(test), gap: parsePrintedPercent(gap) };
    return { printed, eps: parseEpsCell(eps), ...cells, counts: rowCounts(cells, table.split) };
  });
}

/** The point of a witness or evidence line that names a row. */
export function rowPoint(table: PaperTable, row: TableRow): Record<string, string> {
  return { table: table.label, eps: row.eps.printed, row: row.printed };
}
