/**
 * Counts of verdicts by status.
 */
import { VERDICT_STATUSES, type VerdictStatus } from '../claims/verdict.ts';

/** How many verdicts have each status, every status present (zero when none), plus the total. */
export type VerdictCounts = Readonly<Record<VerdictStatus, number>> & { readonly total: number };

/** Counts verdicts by status, in report order (confirmed, refuted, holds-under, inconclusive). */
export function countVerdicts(verdicts: readonly { readonly status: VerdictStatus }[]): VerdictCounts {
  const counts: Record<VerdictStatus, number> = Object.fromEntries(VERDICT_STATUSES.map((s) => [s, 0])) as Record<
    VerdictStatus,
    number
  >;
  for (const v of verdicts) counts[v.status] += 1;
  return { ...counts, total: verdicts.length };
}
