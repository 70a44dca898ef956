/**
 * The summary row of one checked claim: claim, location, verdict, one-line evidence.
 */
import { statusText, verdictLine } from './conditions.ts';
import type { CheckResult } from '../claims/loaded.ts';
import { formatLocation } from './location.ts';
import { oneLine } from './one-line.ts';

/** Column headers of the verdict table, in order. */
export const VERDICT_TABLE_HEADERS = ['claim', 'location', 'verdict', 'evidence'] as const;

/** Marker appended to the id of a claim whose formula was transcribed by hand. */
export const TRANSCRIBED_MARK = '[transcribed]';

/** One row of the verdict table. */
export interface VerdictRow {
  /** Claim id, followed by `[transcribed]` when the record is a hand transcription. */
  readonly claim: string;
  readonly location: string;
  readonly verdict: string;
  readonly evidence: string;
}

/** The verdict table's rows: one per result, in the order given (paper order from `runChecks`). */
export function verdictRows(results: readonly CheckResult[]): VerdictRow[] {
  return results.map(({ claim, verdict }) => ({
    claim: claim.transcribed ? `${claim.id} ${TRANSCRIBED_MARK}` : claim.id,
    location: formatLocation(claim.location),
    verdict: statusText(verdict),
    evidence: oneLine(verdictLine(verdict)),
  }));
}
