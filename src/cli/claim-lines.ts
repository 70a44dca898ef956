/**
 * The lines `check` and `report` stream on stderr: one per claim as its verdict is known (a mark for the verdict
 * class, the claim id, where it stands in the paper, the time its check took) and, for `check`, a summary line at the
 * end with the counts by verdict and the time of the whole run.
 */
import type { VerdictStatus } from '../claims/verdict.ts';
import type { VerdictCounts } from '../report/counts.ts';
import { VERDICT_STATUSES } from '../claims/verdict.ts';
import type { Palette } from './colour.ts';
import type { ClaimFinished } from '../pipeline/run-report.ts';
import { formatLocation } from '../report/location.ts';

/** The mark of each verdict class at the start of a claim's line. */
export const VERDICT_MARKS: Readonly<Record<VerdictStatus, string>> = {
  confirmed: '✓',
  refuted: '✗',
  'holds-under': '◐',
  inconclusive: '?',
};

/** What one claim's line shows. */
export interface ClaimLine {
  readonly id: string;
  /** Where the claim stands in the paper (`formatLocation`). */
  readonly location: string;
  readonly status: VerdictStatus;
  /** Time the check took, in milliseconds. */
  readonly millis: number;
  /** Whether the verdict was read from the cache (shown instead of the time). */
  readonly cached?: boolean;
}

/** What the line of a claim `runReport` reports as finished shows. */
export function claimLine(result: ClaimFinished): ClaimLine {
  return {
    id: result.claim.id,
    location: formatLocation(result.claim.location),
    status: result.verdict.status,
    millis: result.millis,
    cached: result.cached,
  };
}

/** Colours each verdict class in the palette. */
function paint(p: Palette, status: VerdictStatus): (text: string) => string {
  switch (status) {
    case 'confirmed':
      return p.green;
    case 'refuted':
      return p.red;
    case 'holds-under':
      return p.yellow;
    case 'inconclusive':
      return p.magenta;
  }
}

/** A verdict status in its colour (the verdict column of `check`'s table). */
export function paintStatus(p: Palette, status: VerdictStatus, text: string = status): string {
  return paint(p, status)(text);
}

/**
 * The first line a run prints, before it loads what takes seconds to load, e.g. `loading the paper, the claim records
 * and the checkers for 2 claims…` (no newline).
 */
export function formatLoadingLine(ids: readonly string[], p: Palette): string {
  const n = new Set(ids).size;
  const what = n === 0 ? 'every claim' : `${n} claim${n === 1 ? '' : 's'}`;
  return p.dim(`loading the paper, the claim records and the checkers for ${what}…`);
}

/** A duration: `340 ms` under a second, `2.4 s` from one second on. */
export function formatDuration(millis: number): string {
  return millis < 1000 ? `${Math.round(millis)} ms` : `${(millis / 1000).toFixed(1)} s`;
}

/** One claim's line, e.g. `✓ eq08-gradient · §3.2, Eq. (8) · 340 ms` (no newline). */
export function formatClaimLine(line: ClaimLine, p: Palette): string {
  const time = line.cached ? 'cached' : formatDuration(line.millis);
  return `${paint(p, line.status)(VERDICT_MARKS[line.status])} ${p.bold(line.id)} ${p.dim(`· ${line.location} · ${time}`)}`;
}

/**
 * The summary line, e.g. `77 claims: 42 confirmed · 14 refuted · 15 holds-under · 6 inconclusive · 11.2 s`: every
 * verdict class in report order, zero included, then the time of the run (no newline).
 */
export function formatSummaryLine(counts: VerdictCounts, elapsedMillis: number, p: Palette): string {
  const parts = VERDICT_STATUSES.map((s) => {
    const text = `${counts[s]} ${s}`;
    return counts[s] > 0 ? paint(p, s)(text) : p.dim(text);
  });
  const seconds = `${(elapsedMillis / 1000).toFixed(1)} s`;
  return `${p.bold(`${counts.total} claim${counts.total === 1 ? '' : 's'}:`)} ${[...parts, seconds].join(' · ')}`;
}
