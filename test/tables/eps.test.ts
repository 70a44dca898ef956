/** Proves that ε sets are read mechanically and exactly from the printed LaTeX and from table cells. */
import { describe, expect, it } from 'vitest';
import { epsMinus, hasEps, parseEpsCell, parseLatexEpsSet, parseLatexNumber, plainEps } from '../../src/tables/eps.ts';
import { eq, rational, show } from '../../src/exact/rational.ts';

const values = (latex: string): string[] => parseLatexEpsSet(latex).elements.map((e) => show(e.value));

describe('parseLatexEpsSet', () => {
  it('reads a decimal set and its left-hand side', () => {
    const s = parseLatexEpsSet('\\varepsilon=\\left\\{0,0.2,0.4,0.6,0.8,1\\right\\}');
    expect(s.lhs).toBe('\\varepsilon');
    expect(s.elements.map((e) => show(e.value))).toEqual(['0', '0.2', '0.4', '0.6', '0.8', '1']);
  });

  it('reads \\frac elements, decimal numerators included', () => {
    expect(
      values('\\varepsilon=\\left\\{\\frac{0}{255},\\frac{25.5}{255},\\frac{51}{255},\\frac{76.5}{255}\\right\\}'),
    ).toEqual(['0', '0.1', '0.2', '0.3']);
    expect(values('L_{\\infty}=\\left\\{0,\\frac{4}{255}\\right\\}')).toEqual(['0', '4/255']);
    expect(parseLatexEpsSet('L_{{\\rm 2}}=\\left\\{0,0.2\\right\\}').lhs).toBe('L_{{\\rm 2}}');
  });

  it('accepts a bare \\{…\\} set', () => {
    expect(values('\\{1, 2\\}')).toEqual(['1', '2']);
  });

  it('throws naming the element it cannot read', () => {
    expect(() => parseLatexEpsSet('\\varepsilon=\\left\\{0,a\\right\\}')).toThrow(/element "a"/);
    expect(() => parseLatexEpsSet('\\varepsilon=0.3')).toThrow(/parseLatexEpsSet: expected/);
    expect(() => parseLatexNumber('\\sqrt{2}')).toThrow(/parseLatexNumber/);
  });
});

describe('table ε cells and set differences', () => {
  it('reads "0.20" and "25.5/255" exactly', () => {
    expect(eq(parseEpsCell('0.20').value, rational(1, 5))).toBe(true);
    expect(eq(parseEpsCell('25.5/255').value, rational(1, 10))).toBe(true);
    expect(() => parseEpsCell('ε')).toThrow(/parseEpsCell/);
  });

  it('compares by value, so "0.60" of a table matches "0.6" of the text and 4/255 matches \\frac{4}{255}', () => {
    const text = parseLatexEpsSet('\\left\\{0,0.2,0.4,0.8,1\\right\\}').elements;
    const table = ['0.00', '0.20', '0.40', '0.60', '0.80', '1.00'].map(parseEpsCell);
    expect(epsMinus(table, text).map((e) => e.printed)).toEqual(['0.60']);
    expect(epsMinus(text, table)).toEqual([]);
    expect(hasEps(parseLatexEpsSet('\\left\\{\\frac{4}{255}\\right\\}').elements, parseEpsCell('4/255'))).toBe(true);
  });

  it('writes \\frac{a}{b} as a/b for evidence', () => {
    expect(plainEps({ printed: '\\frac{12}{255}', value: rational(12, 255) })).toBe('12/255');
  });
});
