/** Locations sort in the paper's order, numbers compared as numbers. */
import { describe, expect, it } from 'vitest';
import { locationSortKey } from '../../src/report/location.ts';

describe('locationSortKey', () => {
  it('orders sections numerically, appendices after them, equations and lines by number', () => {
    const locations = [
      { section: 'Appendix B', line: 10 },
      { section: '5.1', table: 'Table 3' },
      { section: '3.2', equation: '(12)' },
      { section: 'Appendix B', line: 2 },
      { section: '3.2', equation: '(8)' },
      { section: '10' },
      { section: '2.4', equation: '(5)' },
    ];
    const sorted = [...locations].sort((a, b) => locationSortKey(a).localeCompare(locationSortKey(b)));
    expect(sorted).toEqual([
      { section: '2.4', equation: '(5)' },
      { section: '3.2', equation: '(8)' },
      { section: '3.2', equation: '(12)' },
      { section: '5.1', table: 'Table 3' },
      { section: '10' },
      { section: 'Appendix B', line: 2 },
      { section: 'Appendix B', line: 10 },
    ]);
  });
});
