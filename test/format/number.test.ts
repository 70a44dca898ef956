import { describe, expect, it } from 'vitest';
import { formatExactVector, formatNumber, formatVector } from '../../src/format/number.ts';

describe('number formatting', () => {
  it('prints significant digits without trailing zeros, and non-finite values and zero as themselves', () => {
    expect(formatNumber(0.125)).toBe('0.125');
    expect(formatNumber(1.5e-7)).toBe('1.5e-7');
    expect(formatNumber(2 / 3, 3)).toBe('0.667');
    expect(formatNumber(1234567)).toBe('1.23457e+6');
    expect(formatNumber(100)).toBe('100');
    expect([formatNumber(0), formatNumber(-0), formatNumber(Number.NaN), formatNumber(-Infinity)]).toEqual([
      '0',
      '0',
      'NaN',
      '-Infinity',
    ]);
  });

  it('prints vectors to significant digits, or exactly (shortest round-trip decimals)', () => {
    expect(formatVector([0.1 + 0.2, 1])).toBe('[0.3, 1]');
    expect(formatExactVector(Float64Array.of(0.1 + 0.2, 1))).toBe('[0.30000000000000004, 1]');
  });
});
