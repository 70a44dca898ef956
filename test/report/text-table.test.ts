import { describe, expect, it } from 'vitest';
import { formatTextTable } from '../../src/report/text-table.ts';

describe('formatTextTable', () => {
  it('aligns columns under a dashed rule without trailing spaces', () => {
    const out = formatTextTable(
      ['id', 'verdict'],
      [
        ['eq07-loss', 'confirmed'],
        ['x', 'refuted'],
      ],
    );
    expect(out).toBe(
      ['id         verdict', '---------  ---------', 'eq07-loss  confirmed', 'x          refuted', ''].join('\n'),
    );
  });

  it('cuts the last column to fit maxWidth', () => {
    const out = formatTextTable(['a', 'text'], [['1', 'x'.repeat(50)]], { maxWidth: 20 });
    for (const line of out.trimEnd().split('\n')) expect(line.length).toBeLessThanOrEqual(20);
    expect(out).toContain('…');
  });

  it('cuts the shrinkable columns in order, each to its minimum first, then to its header', () => {
    const headers = ['id', 'where', 'title'];
    const rows = [['abc', 'w'.repeat(20), 't'.repeat(40)]];
    // 3 + 2 + 20 + 2 + 40 = 67 columns; the title goes to 12 first, then `where` absorbs what is left.
    const shrink = [
      { column: 2, min: 12 },
      { column: 1, min: 8 },
    ];
    const fits = formatTextTable(headers, rows, { maxWidth: 30, shrink }).trimEnd().split('\n');
    expect(fits[2]).toBe(`abc  ${'w'.repeat(10)}…  ${'t'.repeat(11)}…`);
    for (const line of fits) expect([...line].length).toBeLessThanOrEqual(30);
    // Narrower than every minimum: the same columns go down to their headers, in the same order.
    const tight = formatTextTable(headers, rows, { maxWidth: 18, shrink }).trimEnd().split('\n');
    expect(tight[2]).toBe(`abc  ${'w'.repeat(5)}…  tttt…`);
    // The id column is never cut.
    for (const line of tight.slice(2)) expect(line.startsWith('abc  ')).toBe(true);
  });

  it('counts and cuts characters, not UTF-16 units: a letter outside the BMP is one column and never split', () => {
    const out = formatTextTable(['a', 'b'], [['𝔹𝔹', '𝔹'.repeat(10)]], { maxWidth: 9 });
    expect(out.split('\n')[2]).toBe('𝔹𝔹  𝔹𝔹𝔹𝔹…');
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('styles body cells after the layout, so colours never shift a column', () => {
    const rows = [
      ['x', 'refuted', 'e'],
      ['long-id', 'ok', 'f'],
    ];
    const plain = formatTextTable(['id', 'v', 'ev'], rows);
    const styled = formatTextTable(['id', 'v', 'ev'], rows, { style: (t, _r, c) => (c === 1 ? `<${t}>` : t) });
    expect(styled.replace(/[<>]/g, '')).toBe(plain);
    expect(styled.split('\n')[2]).toBe('x        <refuted>  e');
  });

  it('names the row whose cell count is wrong', () => {
    expect(() => formatTextTable(['a', 'b'], [['1']])).toThrow(/row 0 must have 2 cells, but got 1/);
  });
});
