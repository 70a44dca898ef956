/** Proves the reading of the paper's PGD settings (step sizes) and the steps × step bound. */
import { describe, expect, it } from 'vitest';
import { budget, parseStepSize } from '../../src/tables/pgd.ts';
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
});
