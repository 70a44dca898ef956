/**
 * The one rule that turns the outcomes of a claim under each reading of the paper's words into its verdict. Every
 * checker that decides several readings returns through `decideReadings`, so the rule is the same everywhere:
 *
 * - every reading decided and every one holds → `confirmed`;
 * - the literal reading (where the words have one) holds → `confirmed`, whatever the others give;
 * - the literal reading is undecided → `inconclusive` (had it held, the verdict would be `confirmed`);
 * - some readings hold and some fail, none undecided → `holds-under` the first reading that holds (witness from the
 *   literal reading when it fails, else from the first failing one);
 * - every reading decided and none holds → `refuted`;
 * - anything else (a reading undecided where it could change the verdict) → `inconclusive`.
 */
import type {
  Basis,
  Correction,
  EngineAgreement,
  Evidence,
  ReadingOutcome,
  ReadingsResult,
  Verdict,
  Witness,
} from './verdict.ts';

/** The fields a verdict carries whatever its status. */
export interface VerdictFields {
  readonly claimId: string;
  readonly seed: number;
  readonly checker: string;
  readonly derivedLatex?: string;
  readonly engines?: readonly EngineAgreement[];
}

export interface ReadingsDecision {
  readonly base: VerdictFields;
  readonly readings: ReadingsResult;
  /** The evidence of the whole check (the per-reading outcomes travel in `readings`). */
  readonly evidence: Evidence;
  /** How a `confirmed` verdict was reached. */
  readonly basis: Basis;
  /** A corrected form, checked by the same machinery; attached to a `refuted` or `holds-under` verdict. */
  readonly correction?: Correction;
}

function witnessOf(o: ReadingOutcome): Witness {
  if (!o.witness) throw new Error(`decideReadings: reading "${o.id}" fails but carries no witness`);
  return o.witness;
}

function line(o: ReadingOutcome): string {
  return `${o.literal ? 'literal reading' : 'reading'} "${o.statement}": ${o.outcome}`;
}

/** The verdict the per-reading outcomes give (see the module comment for the rule). */
export function decideReadings(d: ReadingsDecision): Verdict {
  const outcomes = d.readings.outcomes;
  if (outcomes.length === 0) throw new Error(`decideReadings: claim ${d.base.claimId} has no readings`);
  const holds = outcomes.filter((o) => o.outcome === 'holds');
  const fails = outcomes.filter((o) => o.outcome === 'fails');
  const undecided = outcomes.filter((o) => o.outcome === 'undecided');
  const literals = outcomes.filter((o) => o.literal);
  if (literals.length > 1)
    throw new Error(`decideReadings: claim ${d.base.claimId} has ${literals.length} literal readings (at most one)`);
  const literal = literals[0];
  const common = { ...d.base, readings: d.readings };
  const details = [...outcomes.map(line), d.evidence.summary, ...(d.evidence.details ?? [])];
  if (fails.length === 0 && undecided.length === 0) {
    const summary =
      outcomes.length === 1
        ? d.evidence.summary
        : `holds under every reading (${outcomes.map((o) => o.id).join(', ')}): ${d.evidence.summary}`;
    return { ...common, status: 'confirmed', basis: d.basis, evidence: { ...d.evidence, summary, details } };
  }
  if (literal?.outcome === 'holds') {
    const others = outcomes.filter((o) => o !== literal && o.outcome !== 'holds').map((o) => `${o.id}: ${o.outcome}`);
    return {
      ...common,
      status: 'confirmed',
      basis: d.basis,
      evidence: {
        ...d.evidence,
        summary: `holds as literally read (${literal.statement}); other readings: ${others.join(', ')}. ${d.evidence.summary}`,
        details,
      },
    };
  }
  const failing = literal?.outcome === 'fails' ? literal : fails[0];
  if (holds.length > 0 && failing && undecided.length === 0) {
    const chosen = holds[0]!;
    return {
      ...common,
      status: 'holds-under',
      condition: {
        kind: 'reading',
        convention: d.readings.convention,
        reading: { id: chosen.id, statement: chosen.statement, literal: chosen.literal },
      },
      witness: witnessOf(failing),
      underCondition: { summary: chosen.summary },
      ...(d.correction ? { correction: d.correction } : {}),
      evidence: {
        ...d.evidence,
        summary: `fails ${failing.literal ? 'as literally read' : `under "${failing.id}"`} (${failing.summary}); holds under "${chosen.id}" (${chosen.summary})`,
        details,
      },
    };
  }
  if (holds.length === 0 && undecided.length === 0 && failing) {
    return {
      ...common,
      status: 'refuted',
      witness: witnessOf(failing),
      ...(d.correction ? { correction: d.correction } : {}),
      evidence: {
        ...d.evidence,
        summary: `${outcomes.length === 1 ? 'fails' : 'fails under every reading'}: ${failing.summary}`,
        details,
      },
    };
  }
  return {
    ...common,
    status: 'inconclusive',
    reason: `undecided under ${undecided.map((o) => `"${o.id}" (${o.summary})`).join(', ')}; ${[...holds, ...fails].map((o) => `${o.id}: ${o.outcome}`).join(', ') || 'no reading decided'}`,
    evidence: { ...d.evidence, details },
  };
}
