/**
 * A `holds-under` verdict whose assumption was shown unable to hold at all says nothing: the claim fails without the
 * assumption (its witness), and the assumption admits no point. Such a verdict is settled as `refuted` here, for every
 * checker, from the assumption check the verdict carries.
 */
import type { Verdict } from './verdict.ts';

/** `v` unchanged, unless it holds only under an assumption whose check found it unsatisfiable: then `refuted`. */
export function settleVacuous(v: Verdict): Verdict {
  if (v.status !== 'holds-under' || v.condition.kind !== 'assumption' || v.condition.check.satisfiable.status !== 'no')
    return v;
  const { condition, witness, underCondition, ...rest } = v;
  const why = `it holds only under "${condition.assumption.statement}", which cannot hold at all (${condition.check.satisfiable.summary})`;
  return {
    ...rest,
    status: 'refuted',
    witness,
    evidence: {
      ...v.evidence,
      summary: `${why}. ${v.evidence.summary}`,
      details: [...(v.evidence.details ?? []), `under the assumption: ${underCondition.summary}`],
    },
  };
}
