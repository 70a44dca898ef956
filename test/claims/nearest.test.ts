/**
 * What this proves about `nearestIds` (src/claims/nearest.ts), the suggestions of an unknown claim id: ids that start
 * with what was typed come first (`fig3` → `fig3-*`, `thm1` → `thm1-*`), then ids that share its first segment, then
 * the rest by edit distance; a typo of a whole id still finds it; ties keep the order of `known`.
 */
import { describe, expect, it } from 'vitest';
import { nearestIds } from '../../src/claims/nearest.ts';
import { claimRecords } from '../../proofs/index.ts';

/** Ids shaped like the registry's, where short unrelated ids are closer in edit distance than the intended ones. */
const KNOWN = [
  'appb-l1',
  'appb-l2',
  'appb-l3',
  'tab1-gap',
  'lem1-monotone',
  'thm1-sharper-with-eps',
  'fig3-eigen-grow-with-eps',
  'fig3-nearly-linear',
  'fig3-eq9-spectrum',
  'thm1-premise-mnist2',
];

describe('nearestIds', () => {
  it('ranks ids that start with the typed prefix first, closest first', () => {
    expect(nearestIds('fig3', KNOWN)).toEqual(['fig3-eq9-spectrum', 'fig3-nearly-linear', 'fig3-eigen-grow-with-eps']);
    expect(nearestIds('thm1', KNOWN).slice(0, 2)).toEqual(['thm1-premise-mnist2', 'thm1-sharper-with-eps']);
    expect(nearestIds('FIG3', KNOWN)[0]).toBe('fig3-eq9-spectrum');
  });

  it('ranks ids sharing the first segment next, and finds the id of a typo', () => {
    expect(nearestIds('thm1-sharpr', KNOWN)[0]).toBe('thm1-sharper-with-eps');
    expect(
      nearestIds('thm1-sharpr', KNOWN)
        .slice(0, 2)
        .every((id) => id.startsWith('thm1-')),
    ).toBe(true);
    expect(nearestIds('tab1-gpa', KNOWN)[0]).toBe('tab1-gap');
    expect(nearestIds('appb-l4', KNOWN)).toEqual(['appb-l1', 'appb-l2', 'appb-l3']);
  });

  it('suggests only ids of the prefix for every first segment of the registry', () => {
    const ids = claimRecords.map((r) => r.id);
    const segments = [...new Set(ids.map((id) => id.split('-')[0]!))];
    expect(segments).toEqual(expect.arrayContaining(['fig3', 'thm1']));
    for (const segment of segments) {
      const near = nearestIds(segment, ids);
      const expected = Math.min(3, ids.filter((id) => id.startsWith(segment)).length);
      expect(
        near.filter((id) => id.startsWith(segment)),
        segment,
      ).toHaveLength(expected);
      expect(
        near.slice(0, expected).every((id) => id.startsWith(segment)),
        segment,
      ).toBe(true);
    }
  });
});
