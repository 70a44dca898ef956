/** Proves that figure citations are read into the figure numbers they cite. */
import { describe, expect, it } from 'vitest';
import { citedFigures } from '../../src/tables/citation.ts';

describe('citedFigures', () => {
  it('reads single, paired and listed citations, non-breaking spaces included', () => {
    expect(citedFigures('Figure 3')).toEqual([3]);
    expect(citedFigures('Figures\u00a02 and\u00a02')).toEqual([2, 2]);
    expect(citedFigures('Figs. 1, 2 and 3')).toEqual([1, 2, 3]);
  });

  it('throws on text that is not a figure citation', () => {
    expect(() => citedFigures('Table 2')).toThrow(/citedFigures/);
    expect(() => citedFigures('Figures 2 and B')).toThrow(/"B"/);
  });
});
