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

  it('names the row whose cell count is wrong', () => {
    expect(() => formatTextTable(['a', 'b'], [['1']])).toThrow(/row 0 must have 2 cells, but got 1/);
  });
});
