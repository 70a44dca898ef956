/** Proves the reading of the paper's PGD settings (step sizes, tripled iteration counts) and the steps × step bound. */
import { describe, expect, it } from 'vitest';
import { budget, parseIterations, parseStepSize, untriple } from '../../src/tables/pgd.ts';
import { eq, rational } from '../../src/exact/rational.ts';

describe('PGD settings', () => {
  it('reads absolute and relative step sizes', () => {
    const rel = parseStepSize('0.15\\times\\varepsilon');
    expect(rel.kind).toBe('relative');
    expect(eq(budget(40, rel, rational(1, 5)), rational(6, 5))).toBe(true);
    expect(eq(budget(7, parseStepSize('\\frac{1}{255}'), rational(8, 255)), rational(7, 255))).toBe(true);
    expect(parseStepSize('0.01')).toEqual({ kind: 'absolute', value: rational(1, 100) });
    expect(() => parseStepSize('\\alpha')).toThrow(/parseStepSize/);
  });

  it('reads numbers the text extraction printed three times', () => {
    expect(untriple('404040')).toBe(40);
    expect(untriple('777')).toBe(7);
    expect(untriple('100100100')).toBe(100);
    expect(() => untriple('40')).toThrow(/untriple: expected a number printed three times/);
  });

  it('reads the training and evaluation iteration counts of a sentence', () => {
    expect(
      parseIterations('For CIFAR10 and SVHN, we updated the perturbation for 777 iterations at training time and 202020 iterations at evaluation time.'),
    ).toEqual({ train: 7, eval: 20 });
    expect(() => parseIterations('we trained for 7 epochs')).toThrow(/parseIterations/);
  });
});
