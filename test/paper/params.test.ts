/**
 * Proves that the paper's own text in checker parameters is read from the paper: a table's rows are the lines under
 * "Table N:" after its header, the figure captions and equation numbers are the paper's, and a table the paper lacks
 * is reported missing. The shipped paper gives exactly the rows, captions and numbers the records were written with.
 */
import { describe, expect, it } from 'vitest';
import { equationLabels, figureCaptions, paramsFromPaper, tableRows } from '../../src/paper/params.ts';
import { parsePaper } from '../../src/paper/paper.ts';
import { paperAt } from '../../src/pipeline/run.ts';
import { TABLE_1, TABLE_3 } from '../../src/tables/paper-tables.ts';
import { FIGURE_CAPTIONS } from '../../proofs/_data/printed.ts';

describe('paper text in parameters', () => {
  it('reads the shipped tables, captions and equation numbers as the records have them', () => {
    const paper = paperAt();
    expect(tableRows(paper, 'Table 1')).toMatchObject({ rows: TABLE_1.rows });
    expect(tableRows(paper, 'Table 3')).toMatchObject({ rows: TABLE_3.rows });
    expect(figureCaptions(paper)).toEqual(FIGURE_CAPTIONS);
    expect(equationLabels(paper)).toEqual(Array.from({ length: 15 }, (_, i) => `(${i + 1})`));
  });

  it('replaces a table’s rows, captions and labels in nested parameters, and names a missing table', () => {
    const text = [
      'T',
      '',
      'A B',
      '',
      'Figure 1: a cat',
      'Table 2: numbers',
      'ε train acc test acc gap',
      '0.00 1.00 2.00 -1.00',
      'after',
      'x=1𝑥1\\displaystyle x=\\frac{1}{2} (1)',
    ].join('\n');
    const paper = parsePaper('t.txt', text, text.length, '0'.repeat(64));
    const params = {
      settings: [{ table: { label: 'Table 2', caption: 'c', rows: ['9.00 9.00 9.00 0.00'] } }],
      captions: ['Figure 1: a dog'],
      labels: ['(1)', '(2)'],
      other: { label: 'Table 7', caption: 'c', rows: ['1.00 1.00 1.00 0.00'] },
    };
    const out = paramsFromPaper(params, paper);
    expect(out.params).toEqual({
      settings: [{ table: { label: 'Table 2', caption: 'c', rows: ['0.00 1.00 2.00 -1.00'] } }],
      captions: ['Figure 1: a cat'],
      labels: ['(1)'],
      other: params.other,
    });
    expect(out.missing).toEqual(['Table 7 is not in this version of the paper']);
  });
});
