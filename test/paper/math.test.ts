/**
 * Proves the rules that find a formula's LaTeX in a line of the paper text (src/paper/math.ts): display cells split at
 * `\displaystyle`, inline formulas ending at prose, numbers of the markup copy dropped, formulas with no markup copy
 * (tripled numbers, digit copies before `\frac`), prose parentheses and equation numbers left out.
 */
import { describe, expect, it } from 'vitest';
import { mathItems, rowLabel } from '../../src/paper/math.ts';

const latex = (line: string) => mathItems(line).map((i) => i.latex);

describe('formulas of a line', () => {
  it('splits a display row into its cells and leaves out the equation number and the final comma', () => {
    const row =
      'ℓ(𝒙n,yn,𝒘)superscript𝒙𝑛superscript𝑦𝑛𝒘\\displaystyle\\ell\\left(\\bm{x}^{n},y^{n},\\bm{w}\\right) log(1+exp(yn𝒘𝒙n)),absent1superscript𝑦𝑛𝒘superscript𝒙𝑛\\displaystyle\\equiv\\log\\left(1+\\exp\\left(-y^{n}\\bm{w}\\cdot\\bm{x}^{n}\\right)\\right), (1)';
    expect(latex(row)).toEqual([
      '\\ell\\left(\\bm{x}^{n},y^{n},\\bm{w}\\right)',
      '\\equiv\\log\\left(1+\\exp\\left(-y^{n}\\bm{w}\\cdot\\bm{x}^{n}\\right)\\right)',
    ]);
    expect(mathItems(row).every((i) => i.display)).toBe(true);
    expect(rowLabel(row)).toBe('(1)');
  });

  it('ends a cell at its last space when the next cell starts with markup digits only', () => {
    const row =
      'j(δij)wjsubscript𝑗subscript𝑤𝑗\\displaystyle\\sum_{j}\\left(\\delta_{ij}\\right)w_{j} =0,absent0\\displaystyle=0, (11)';
    expect(latex(row)).toEqual(['\\sum_{j}\\left(\\delta_{ij}\\right)w_{j}', '=0']);
  });

  it('keeps \\right. at the end of a row (it is LaTeX, not punctuation)', () => {
    expect(latex('1Nn(𝒘)𝒘\\displaystyle\\frac{1}{N}\\left(\\frac{a}{b}\\right.')).toEqual([
      '\\frac{1}{N}\\left(\\frac{a}{b}\\right.',
    ]);
  });

  it('reads inline formulas up to the prose that follows them', () => {
    const line = 'where gn1+exp(𝒘)superscript𝑔𝑛1𝒘g^{n}\\equiv 1+\\exp\\left(\\bm{w}\\right). The matrix is';
    expect(latex(line)).toEqual(['g^{n}\\equiv 1+\\exp\\left(\\bm{w}\\right)']);
  });

  it('drops a number the markup copy ends with unless the rendered copy starts with it', () => {
    expect(latex('shows yncosθn=1superscript𝑦𝑛superscript𝜃𝑛1y^{n}\\cos\\theta^{n}=1. Next')).toEqual([
      'y^{n}\\cos\\theta^{n}=1',
    ]);
    expect(latex('the L2subscript𝐿2L_{\\rm 2} norm')).toEqual(['L_{\\rm 2}']);
    expect(latex('step is 0.15×ε0.15𝜀0.15\\times\\varepsilon, while')).toEqual(['0.15\\times\\varepsilon']);
    expect(latex('set to ε={0,0.2}𝜀00.2\\varepsilon=\\left\\{0,0.2\\right\\} for MNIST2')).toEqual([
      '\\varepsilon=\\left\\{0,0.2\\right\\}',
    ]);
  });

  it('finds formulas with no markup copy: tripled numbers and digit copies before \\frac', () => {
    expect(latex('for 404040 iterations at training time and 100100100 iterations.')).toEqual(['40', '100']);
    expect(latex('PGD is 0.010.010.01. For CIFAR10')).toEqual(['0.01']);
    expect(latex('PGD is 22552255\\frac{2}{255} in CIFAR10')).toEqual(['\\frac{2}{255}']);
  });

  it('leaves out a closing parenthesis of the surrounding prose', () => {
    expect(latex('(as θ=0𝜃0\\theta=0) holds')).toEqual(['\\theta=0']);
  });

  it('finds nothing in prose, with no-break spaces and typographic quotes', () => {
    expect(latex('Wu\u00a0et al. (2020) said the matrix’s eigenvalues grow. (See Fig.\u00a02.)')).toEqual([]);
    expect(rowLabel('prose that ends Madry et al. (2018)')).toBeUndefined();
  });
});
