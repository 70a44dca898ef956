import { describe, expect, it } from 'vitest';
import { applyFixups, matchBrace, STRING_FIXUPS, SYMBOL_FIXUPS } from '../../src/latex/fixups.ts';
import { parseLatex } from '../../src/latex/parse.ts';
import { lowerScalar } from '../../src/latex/lower.ts';
import { mathjsEngine } from '../../src/engines/mathjs.ts';

const lower = (tex: string, d = 2, N = 2, bind: [string, number][] = []) =>
  lowerScalar(parseLatex(tex).json, { d, N, bind: new Map(bind), derive: mathjsEngine.derivative });

describe('LaTeX fix-ups', () => {
  it('lists each fix-up with its reason, in one module', () => {
    expect(STRING_FIXUPS.map((f) => f.name)).toContain('limit');
    expect(SYMBOL_FIXUPS.map((f) => f.name)).toEqual(
      expect.arrayContaining(['euler', 'log-base', 'data-index', 'norm', 'sums']),
    );
  });

  it('drops \\! spacing, \\text{$…$} and null delimiters', () => {
    expect(applyFixups(String.raw`\!\left.\text{$y^{n}$}\right.`)).toBe('y^{n}');
  });

  it('turns cos θ^n into one variable c^n, also under ∂', () => {
    expect(applyFixups(String.raw`\frac{\partial}{\partial\left(\cos\theta^{n}\right)}\cos\theta^{n}`)).toBe(
      String.raw`\frac{\partial}{\partial c^{n}}c^{n}`,
    );
  });

  it('rewrites a limit at 0 into LimZero and evaluates it by substitution', () => {
    expect(applyFixups(String.raw`\lim_{\kappa^{n}\rightarrow 0}\frac{\kappa^{n}}{2}`)).toBe(
      String.raw`\operatorname{LimZero}\left(\frac{\kappa^{n}}{2},\kappa^{n}\right)`,
    );
    expect(matchBrace('{a{b}c}d', 0)).toBe(7);
  });

  it("reads \\log as the natural log and never lets a symbol become Euler's e", () => {
    expect(lower(String.raw`\log\left(\varepsilon\right)`)).toBe('log(eps)');
  });

  it('reads superscript n as the data index, subscripts as components, \\|w\\| as the L2 norm', () => {
    expect(
      lower(String.raw`y^{n}x_{i}^{n}`, 2, 2, [
        ['i', 2],
        ['n', 1],
      ]),
    ).toBe('(y_1) * (x_2_1)');
    expect(lower(String.raw`\left\|\bm{w}\right\|`)).toBe('sqrt((w_1) ^ 2 + (w_2) ^ 2)');
  });

  it('expands sums over n (1 … N) and over i (1 … d), with an inner Σ_i shadowing a free i', () => {
    expect(lower(String.raw`\sum_{n}y^{n}`, 2, 3)).toBe('((y_1) + (y_2)) + (y_3)');
    expect(lower(String.raw`w_{i}+\sum_{i}w_{i}`, 2, 2, [['i', 2]])).toBe('(w_2) + ((w_1) + (w_2))');
  });

  it('reads w^{\\ast} as w*, \\omega_j as w_j and expands a dot product of bold vectors', () => {
    expect(lower(String.raw`w_{i}^{\ast}`, 2, 2, [['i', 1]])).toBe('ws_1');
    expect(lower(String.raw`\frac{\partial}{\partial\omega_{j}}\left(w_{j}^{2}\right)`, 2, 2, [['j', 1]])).toMatch(
      /w_1/,
    );
    expect(lower(String.raw`\bm{w}\cdot\bm{x}^{n}`, 2, 2, [['n', 2]])).toBe('((w_1) * (x_1_2) + (w_2) * (x_2_2))');
  });

  it('rejects what Compute Engine cannot parse', () => {
    expect(() => parseLatex(String.raw`\left(a+`)).toThrow(/could not parse/);
  });
});
