/**
 * Proves the two-decimal k/n enumeration: its closed-form count range equals brute force over every k, ties and the
 * printed minus sign are handled, and impossible cells and gaps come out empty.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rational, toFixed } from '../../src/exact/rational.ts';
import { countsPrintingAs, parsePrintedPercent, percentOf, printsAs, rowCounts } from '../../src/tables/rounding.ts';

const p = parsePrintedPercent;

describe('printsAs', () => {
  it('accepts values within half a unit of the last digit, ties both ways', () => {
    expect(printsAs(rational(99949, 1000), p('99.95'))).toBe(true);
    expect(printsAs(rational(99944, 1000), p('99.95'))).toBe(false);
    expect(printsAs(rational(5, 1000), p('0.00'))).toBe(true);
    expect(printsAs(rational(5, 1000), p('0.01'))).toBe(true);
  });

  it('prints a small negative as "-0.00", never as "0.00", and zero only as "0.00"', () => {
    const tiny = rational(-5, 10000);
    expect(printsAs(tiny, p('-0.00'))).toBe(true);
    expect(printsAs(tiny, p('0.00'))).toBe(false);
    expect(printsAs(rational(0), p('0.00'))).toBe(true);
    expect(printsAs(rational(0), p('-0.00'))).toBe(false);
  });

  it('rejects cells without exactly two decimals', () => {
    expect(() => p('99.9')).toThrow(/parsePrintedPercent: expected two decimals/);
  });
});

describe('countsPrintingAs', () => {
  it('finds the MNIST2 test counts of the paper (n = 2,115)', () => {
    expect(countsPrintingAs(p('99.95'), 2115)).toEqual([2114]);
    expect(countsPrintingAs(p('99.91'), 2115)).toEqual([2113]);
    expect(countsPrintingAs(p('99.89'), 12665)).toEqual([12651]);
  });

  it('returns nothing for a value no k/2115 rounds to (99.93: between 2113 → 99.9054 and 2114 → 99.9527)', () => {
    expect(countsPrintingAs(p('99.93'), 2115)).toEqual([]);
  });

  it('includes n itself and the counts that round up to 100.00', () => {
    expect(countsPrintingAs(p('100.00'), 73257)).toEqual([73254, 73255, 73256, 73257]);
    expect(countsPrintingAs(p('0.00'), 10)).toEqual([0]);
  });

  it('equals brute force over every k for arbitrary n and printed values', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 10000 }), (n, h) => {
        const cell = p(`${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`);
        const brute = Array.from({ length: n + 1 }, (_, k) => k).filter((k) => printsAs(percentOf(k, n), cell));
        expect(countsPrintingAs(cell, n)).toEqual(brute);
      }),
      { seed: 20210, numRuns: 300 },
    );
  });

  it('always contains the count a printed value was made from', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, u) => {
        const k = Math.floor(u * n);
        const cell = p(toFixed(percentOf(k, n), 2));
        expect(countsPrintingAs(cell, n)).toContain(k);
      }),
      { seed: 20210, numRuns: 300 },
    );
  });
});

describe('rowCounts', () => {
  const split = { train: 12665, test: 2115 };

  it('explains Table 3 row 12/255: 99.79 − 99.76 = 0.03 in print, but 12638/12665 − 2110/2115 = 0.0232 → 0.02', () => {
    const c = rowCounts({ train: p('99.79'), test: p('99.76'), gap: p('0.02') }, split);
    expect(c.trainCounts).toEqual([12638, 12639]);
    expect(c.testCounts).toEqual([2110]);
    expect(c.consistent.map((x) => [x.train, x.test, toFixed(x.gap, 4)])).toEqual([[12638, 2110, '0.0232']]);
  });

  it('finds no pair for a gap no achievable accuracies give (0.10 for 99.79 vs 99.76)', () => {
    const c = rowCounts({ train: p('99.79'), test: p('99.76'), gap: p('0.10') }, split);
    expect(c.consistent).toEqual([]);
    expect(c.gapRange?.map((g) => toFixed(g, 4))).toEqual(['0.0232', '0.0311']);
  });

  it('reads Table 1 row 0.60 "-0.00" as 12635/12665 − 2110/2115 = −0.0005', () => {
    const c = rowCounts({ train: p('99.76'), test: p('99.76'), gap: p('-0.00') }, split);
    expect(c.consistent.map((x) => [x.train, x.test, toFixed(x.gap, 4)])).toEqual([[12635, 2110, '-0.0005']]);
    expect(rowCounts({ train: p('99.76'), test: p('99.76'), gap: p('0.00') }, split).consistent).toEqual([]);
  });
});
