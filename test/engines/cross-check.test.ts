import { describe, expect, it } from 'vitest';
import { nerdamerEngine } from '../../src/engines/nerdamer.ts';
import { mathjsEngine, mathjsEvaluator } from '../../src/engines/mathjs.ts';
import { fdAgreement } from '../../src/decide/fd-oracle.ts';

describe('engine cross-checks', () => {
  it("flags nerdamer's wrong derivative of exp(sqrt(w)) with the 128-digit finite-difference oracle", () => {
    const f = 'exp(sqrt(w))';
    const point = { w: '0.7' };
    const right = mathjsEngine.derivative(f, 'w');
    const wrong = nerdamerEngine.derivative(f, 'w');
    expect(fdAgreement(f, right, 'w', point, mathjsEvaluator)).toBeLessThan(-60);
    expect(fdAgreement(f, wrong, 'w', point, mathjsEvaluator)).toBeGreaterThan(-2);
  });

  it('renames symbols so nerdamer reads x_1_2 as one variable', () => {
    const d = nerdamerEngine.derivative('x_1_2 * w_1^2', 'w_1');
    expect(
      mathjsEvaluator.relativeDifference(d, '2 * x_1_2 * w_1', { x_1_2: '1.5', w_1: '0.3' }, 64).log10Rel,
    ).toBeLessThan(-12);
  });
});
