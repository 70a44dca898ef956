/** Plain-text math in statements becomes LaTeX symbol by symbol; prose and identifiers stay text. */
import { describe, expect, it } from 'vitest';
import { plainMathParts as parts } from '../../src/report/plain-math.ts';

/** The parts as text and LaTeX (the parts of each symbol are checked separately). */
const plainMathParts = (text: string) => parts(text).map((p) => ('text' in p ? p : { latex: p.latex }));

describe('plainMathParts', () => {
  it('renders indexed and starred symbols, keeping operators and norms as text', () => {
    expect(plainMathParts('w*_i/‖w*‖ = y^n x_i^n/‖η^n‖')).toEqual([
      { latex: 'w_{i}^{\\ast}' },
      { text: '/‖' },
      { latex: 'w^{\\ast}' },
      { text: '‖ = ' },
      { latex: 'y^{n}' },
      { text: ' ' },
      { latex: 'x_{i}^{n}' },
      { text: '/‖' },
      { latex: '\\eta^{n}' },
      { text: '‖' },
    ]);
    expect(plainMathParts('‖w_a*‖ ≈ ‖w_b*‖').filter((p) => 'latex' in p)).toEqual([
      { latex: 'w_{a}^{\\ast}' },
      { latex: 'w_{b}^{\\ast}' },
    ]);
    expect(plainMathParts('(1/N) Σ_n L_η')).toEqual([
      { text: '(1/N) ' },
      { latex: '\\sum_{n}' },
      { text: ' ' },
      { latex: 'L_{\\eta}' },
    ]);
  });

  it('gives each symbol its letter, subscripts and superscripts', () => {
    expect(parts('w*_i and x_{ij}^n')).toEqual([
      { latex: 'w_{i}^{\\ast}', base: 'w', sub: ['i'], sup: ['*'] },
      { text: ' and ' },
      { latex: 'x_{ij}^{n}', base: 'x', sub: ['ij'], sup: ['n'] },
    ]);
  });

  it('takes LaTeX written in the text as one part, and symbols around it as usual', () => {
    expect(plainMathParts('names {\\bm{w}}^{\\ast}_{a} and {\\bm{w}}^{\\ast}_{a} for w*_b')).toEqual([
      { text: 'names ' },
      { latex: '{\\bm{w}}^{\\ast}_{a}' },
      { text: ' and ' },
      { latex: '{\\bm{w}}^{\\ast}_{a}' },
      { text: ' for ' },
      { latex: 'w_{b}^{\\ast}' },
    ]);
    expect(parts('a \\frac{1}{N} b')[1]).toEqual({ latex: '\\frac{1}{N}', base: '', sub: [], sup: [] });
  });

  it('takes a letter whose index is LaTeX into the LaTeX, keeping every character once', () => {
    expect(plainMathParts('B_{\\infty} and x_i')).toEqual([
      { latex: 'B_{\\infty}' },
      { text: ' and ' },
      { latex: 'x_{i}' },
    ]);
  });

  it('leaves prose, identifiers, products and words with underscores alone', () => {
    for (const text of ['lbfgs-wd1e-3 at d=2,N=2', 'λmax = a·ε for one constant a', 'a * b', 'max_i over per_point'])
      expect(plainMathParts(text)).toEqual([{ text }]);
  });
});
