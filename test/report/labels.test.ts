/** Internal names never reach a reader: formula roles and witness variables get human labels. */
import { describe, expect, it } from 'vitest';
import { pointKeyLatex, pointKeyText, roleLabel } from '../../src/report/labels.ts';

describe('roleLabel', () => {
  it('names sides, definitions and qualified quantities in words', () => {
    expect(
      ['lhs', 'rhs', 'base', 'def:g', 'def:ell', 'eps-linf', 'iterations-train', 'second-moment'].map(roleLabel),
    ).toEqual([
      'left-hand side',
      'right-hand side',
      'starting expression',
      'definition of g',
      'definition of ℓ',
      'ε (L∞)',
      'iterations (train)',
      'second moment',
    ]);
  });
});

describe('pointKeyLatex and pointKeyText', () => {
  it('writes indexed variables as the paper does: coordinate as subscript, data point as a bracketed superscript (not a power)', () => {
    expect(pointKeyLatex('eta_1_2')).toBe('\\eta_{1}^{(2)}');
    expect(pointKeyLatex('x_2_1')).toBe('x_{2}^{(1)}');
    expect(pointKeyLatex('y_2')).toBe('y^{(2)}');
    expect(pointKeyLatex('w_1')).toBe('w_{1}');
    expect(pointKeyLatex('ws_1')).toBe('w^{\\ast}_{1}');
    expect(pointKeyLatex('epsA')).toBe('\\varepsilon_{a}');
    expect(pointKeyLatex('epsMin')).toBe('\\varepsilon_{\\mathrm{min}}');
  });

  it('keeps words as words', () => {
    expect(pointKeyLatex('instance')).toBeNull();
    expect(pointKeyText('noiseSeed')).toBe('noise seed');
    expect(pointKeyText('‖η_a^n‖')).toBe('‖η_a^n‖');
  });
});
