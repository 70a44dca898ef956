/**
 * What this proves: the lines `check` streams carry one mark per verdict class, the claim id, its location and the
 * time (or "cached"); the summary line gives every verdict class, zero included, the total and the run's time; colour
 * only wraps text, so without it the lines are plain.
 */
import { describe, expect, it } from 'vitest';
import picocolors from 'picocolors';
import {
  formatClaimLine,
  formatDuration,
  formatLoadingLine,
  formatSummaryLine,
  VERDICT_MARKS,
} from '../../src/cli/claim-lines.ts';
import { countVerdicts } from '../../src/report/counts.ts';
import { VERDICT_STATUSES } from '../../src/claims/verdict.ts';

const plain = picocolors.createColors(false);
const coloured = picocolors.createColors(true);
const ESC = '\x1b[';

describe('claim lines', () => {
  it('gives each verdict class its own mark', () => {
    expect(VERDICT_MARKS).toEqual({ confirmed: '✓', refuted: '✗', 'holds-under': '◐', inconclusive: '?' });
    expect(new Set(VERDICT_STATUSES.map((s) => VERDICT_MARKS[s])).size).toBe(VERDICT_STATUSES.length);
  });

  it('prints the mark, the id, the location and the time, or "cached"', () => {
    const line = { id: 'eq08-gradient', location: '§3.2, Eq. (8)', status: 'refuted', millis: 340.4 } as const;
    expect(formatClaimLine(line, plain)).toBe('✗ eq08-gradient · §3.2, Eq. (8) · 340 ms');
    expect(formatClaimLine({ ...line, status: 'holds-under', millis: 2449 }, plain)).toBe(
      '◐ eq08-gradient · §3.2, Eq. (8) · 2.4 s',
    );
    expect(formatClaimLine({ ...line, cached: true }, plain)).toBe('✗ eq08-gradient · §3.2, Eq. (8) · cached');
  });

  it('colours the mark by verdict class when colour is on, and only then', () => {
    const line = { id: 'x', location: '§1', status: 'confirmed', millis: 1 } as const;
    expect(formatClaimLine(line, coloured)).toContain(`${ESC}32m✓${ESC}39m`);
    expect(formatClaimLine(line, plain)).not.toContain(ESC);
  });

  it('sums up every verdict class in report order, zeros included, with the time of the run', () => {
    const counts = countVerdicts([
      ...Array<{ status: 'confirmed' }>(42).fill({ status: 'confirmed' }),
      ...Array<{ status: 'refuted' }>(14).fill({ status: 'refuted' }),
      ...Array<{ status: 'holds-under' }>(15).fill({ status: 'holds-under' }),
      ...Array<{ status: 'inconclusive' }>(6).fill({ status: 'inconclusive' }),
    ]);
    expect(formatSummaryLine(counts, 11_249, plain)).toBe(
      '77 claims: 42 confirmed · 14 refuted · 15 holds-under · 6 inconclusive · 11.2 s',
    );
    expect(formatSummaryLine(countVerdicts([{ status: 'refuted' }]), 800, plain)).toBe(
      '1 claim: 0 confirmed · 1 refuted · 0 holds-under · 0 inconclusive · 0.8 s',
    );
  });

  it('says what is loading, and for how many claims', () => {
    expect(formatLoadingLine([], plain)).toBe('loading the paper, the claim records and the checkers for every claim…');
    expect(formatLoadingLine(['a', 'b', 'a'], plain)).toBe(
      'loading the paper, the claim records and the checkers for 2 claims…',
    );
  });

  it('writes durations in ms under a second and in s with one decimal from a second on', () => {
    expect([formatDuration(0.4), formatDuration(999.4), formatDuration(1000), formatDuration(61_250)]).toEqual([
      '0 ms',
      '999 ms',
      '1.0 s',
      '61.3 s',
    ]);
  });
});
