import { describe, expect, it } from 'vitest';
import type { BigNumber } from 'mathjs';
import { create, all } from '../../src/engines/mathjs-load.ts';
import { fastExp, fastLn } from '../../src/engines/fixed-point.ts';

describe('fixed-point exp and ln', () => {
  it.each([64, 128])('agree with decimal.js to within 10^(2 − digits) relative at %i digits', (digits) => {
    const m = create(all, { number: 'BigNumber', precision: digits });
    for (const s of [
      '0.123456789012',
      '-3.5',
      '17.25',
      '-40.125',
      '0.0001',
      '2.5e-7',
      '88.3',
      '-0.69314718',
      '1e-30',
    ]) {
      const x = m.bignumber(s) as BigNumber;
      const e = fastExp(m, x, digits);
      expect(e.minus(x.exp()).abs().div(x.exp()).toNumber()).toBeLessThan(10 ** (2 - digits));
      const p = x.abs();
      const l = fastLn(m, p, digits);
      expect(l.minus(p.ln()).abs().div(p.ln().abs()).toNumber()).toBeLessThan(10 ** (2 - digits));
    }
  });
});
