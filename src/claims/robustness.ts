/**
 * How robust an empirical verdict is: the claim decided under every replicate of the experiment (each training
 * protocol × each seed), and each threshold of its record probed around its value. One rule turns the replicates'
 * verdicts into the verdict:
 *
 * - every protocol gives the same verdict class under every seed → that verdict (the reference replicate's, with its
 *   witness and evidence);
 * - otherwise, when every replicate holds (confirmed, or holds-under a reading of one convention) → `holds-under` the
 *   first reading that holds in every replicate;
 * - otherwise, when some protocols hold under every seed (confirmed, or holds-under) and another protocol refutes under
 *   every seed (none undecided) → `holds-under` the reading "trained with <those protocols>" of the convention
 *   `training-protocol` (the paper does not state its protocol), with that protocol's witness and every protocol's
 *   outcome;
 * - otherwise (no protocol that refutes under every seed against one that holds, or undecided replicates) →
 *   `inconclusive`, saying which replicates disagree. A refutation that does not survive every seed is never reported,
 *   nor used as a witness: a false erratum costs more than a missed one.
 *
 * A threshold states its source and a band; a verdict whose class changes when the threshold moves within its band
 * is `fragile`, and the report says where it flips.
 */
import { z } from 'zod';
import { ClaimcheckError } from '../errors.ts';
import { formatNumber } from '../format/number.ts';
import type {
  Evidence,
  ProtocolOutcome,
  Reading,
  ReadingOutcome,
  ReadingsResult,
  Robustness,
  ThresholdProbe,
  Verdict,
  VerdictStatus,
  Witness,
} from './verdict.ts';

/** A threshold of a record: its value, the band within which a flip makes the verdict fragile, and its source. */
export const ThresholdSchema = z.object({
  value: z.number(),
  /** Half-width of the band around `value` (≥ 0). */
  band: z.number().nonnegative(),
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('paper'), quote: z.string().min(1) }),
    z.object({ kind: z.literal('claimcheck'), reason: z.string().min(1) }),
  ]),
});
export type Threshold = z.infer<typeof ThresholdSchema>;

/** A verdict's class: its status, with the condition of a holds-under verdict. */
export function verdictClass(v: Verdict): string {
  if (v.status !== 'holds-under') return v.status;
  const c = v.condition;
  return c.kind === 'assumption' ? `holds-under ${c.assumption.id}` : `holds-under ${c.reading.id}`;
}

/** A protocol of the grid as the rule needs it. */
export interface ProtocolRef {
  readonly id: string;
  readonly label: string;
  readonly source: string;
}

/** One replicate's verdict. */
export interface ReplicateVerdict {
  readonly protocol: string;
  readonly replicate: number;
  readonly seed: number;
  readonly verdict: Verdict;
}

/** The convention every protocol-dependent verdict names. */
export const PROTOCOL_CONVENTION = 'training-protocol';

const holding = (cls: string): boolean => cls === 'confirmed' || cls.startsWith('holds-under');

/** What a protocol that holds only under a condition needs, for the reading's statement (empty when confirmed). */
const conditionNote = (cls: string): string =>
  cls.startsWith('holds-under ') ? ` (where it holds under ${cls.slice('holds-under '.length)})` : '';

/** Each protocol's outcome over its seeds (protocols without replicates are left out). */
export function protocolOutcomes(
  protocols: readonly ProtocolRef[],
  verdicts: readonly ReplicateVerdict[],
): ProtocolOutcome[] {
  return protocols.flatMap((p) => {
    const mine = verdicts.filter((v) => v.protocol === p.id);
    if (mine.length === 0) return [];
    const classes = new Set(mine.map((v) => verdictClass(v.verdict)));
    const verdict = classes.size === 1 ? [...classes][0]! : 'seed-dependent';
    return [{ id: p.id, label: p.label, source: p.source, seeds: mine.length, verdict }];
  });
}

/** The class of the combined verdict, without building it (what threshold probes compare). */
export function combinedClass(protocols: readonly ProtocolRef[], verdicts: readonly ReplicateVerdict[]): string {
  return verdictClass(combineReplicates(protocols, verdicts, []));
}

/**
 * The verdict from the replicates' verdicts (the reference replicate first) by the rule above, with `robustness`
 * attached: every protocol's and every replicate's outcome and the threshold probes.
 */
export function combineReplicates(
  protocols: readonly ProtocolRef[],
  verdicts: readonly ReplicateVerdict[],
  thresholds: readonly ThresholdProbe[],
  splits?: Robustness['splits'],
): Verdict {
  if (verdicts.length === 0) throw new ClaimcheckError('BAD_INPUT', 'combineReplicates: no replicate verdicts');
  const unlisted = verdicts.find((r) => !protocols.some((p) => p.id === r.protocol));
  if (unlisted !== undefined)
    throw new ClaimcheckError(
      'BAD_INPUT',
      `combineReplicates: replicate ${unlisted.replicate} names protocol ${JSON.stringify(unlisted.protocol)}, which is not among the protocols (${protocols.map((p) => p.id).join(', ')})`,
    );
  const reference = verdicts[0]!.verdict;
  const outcomes = protocolOutcomes(protocols, verdicts);
  const fragile = thresholds.some((t) => t.fragile);
  const replicates = verdicts.map((r) => ({
    protocol: r.protocol,
    replicate: r.replicate,
    seed: r.seed,
    verdict: verdictClass(r.verdict),
    summary: r.verdict.evidence.summary,
  }));
  const seedsOf = new Set(outcomes.map((o) => o.seeds));
  const grid = `${outcomes.length} protocol(s) × ${seedsOf.size === 1 ? [...seedsOf][0] : 'varying'} seed(s)`;
  const fragileText = thresholds
    .filter((t) => t.fragile)
    .map((t) => `${t.name} = ${fmt(t.value)} flips to ${t.flipsTo} at ${fmt(t.flipsAt!)} (band ±${fmt(t.band)})`);
  const finish = (v: Verdict, summary: string): Verdict => {
    const robustness: Robustness = {
      summary: fragileText.length > 0 ? `${summary}; fragile: ${fragileText.join('; ')}` : summary,
      protocols: outcomes,
      replicates,
      thresholds,
      fragile,
      ...(splits ? { splits } : {}),
    };
    return { ...v, robustness };
  };
  const classes = new Set(outcomes.map((o) => o.verdict));
  if (classes.size === 1 && !classes.has('seed-dependent')) {
    return finish(reference, `the same verdict (${[...classes][0]}) under every replicate: ${grid}`);
  }
  const per = outcomes.map((o) => `${o.id}: ${o.verdict}`).join('; ');
  const base = { claimId: reference.claimId, seed: reference.seed, checker: reference.checker };
  const common = robustReading(verdicts);
  if (common !== undefined) {
    return finish(
      {
        ...base,
        status: 'holds-under',
        condition: { kind: 'reading', convention: common.readings.convention, reading: common.reading },
        witness: common.witness,
        underCondition: common.under,
        readings: common.readings,
        evidence: {
          summary: `holds in every replicate under ${common.reading.id}, not under every reading in all: ${per}`,
          details: [
            ...verdicts.map(
              (r) => `${r.protocol} seed ${r.seed}: ${verdictClass(r.verdict)}: ${r.verdict.evidence.summary}`,
            ),
            ...(reference.evidence.details ?? []),
          ],
          ...(reference.evidence.data ? { data: reference.evidence.data } : {}),
        },
      },
      `holds under ${common.reading.id} in every replicate (${grid}): ${per}`,
    );
  }
  const holds = outcomes.filter((o) => holding(o.verdict));
  // The witness comes from a protocol that refutes under every seed: a refutation some seed does not share is none.
  const refutingProtocol = outcomes.find((o) => o.verdict === 'refuted');
  const refuting = verdicts.find((r) => r.protocol === refutingProtocol?.id && r.verdict.status === 'refuted');
  const undecided = verdicts.some((r) => r.verdict.status === 'inconclusive');
  if (holds.length > 0 && refuting !== undefined && !undecided && refuting.verdict.status === 'refuted') {
    const first = verdicts.find((r) => r.protocol === holds[0]!.id)!;
    const readingOutcomes: ReadingOutcome[] = outcomes.map((o) => ({
      id: o.id,
      statement: `trained with ${o.label}${conditionNote(o.verdict)}`,
      literal: false,
      outcome: holding(o.verdict) ? 'holds' : o.verdict === 'refuted' ? 'fails' : 'undecided',
      summary: `${o.verdict} under ${o.seeds} seed(s)`,
    }));
    const reading = {
      id: holds.map((o) => o.id).join('+'),
      statement: `trained with ${holds.map((o) => `${o.label}${conditionNote(o.verdict)}`).join('; or ')}`,
      literal: false,
    };
    return finish(
      {
        ...base,
        status: 'holds-under',
        condition: { kind: 'reading', convention: PROTOCOL_CONVENTION, reading },
        witness: refuting.verdict.witness,
        underCondition: first.verdict.evidence,
        readings: {
          convention: PROTOCOL_CONVENTION,
          question: 'under which training protocol? (the paper does not state how it trained its MNIST2 model)',
          outcomes: readingOutcomes,
        },
        evidence: {
          summary: `depends on the training protocol: ${per}`,
          details: [
            `refuted under ${refuting.protocol} seed ${refuting.seed}: ${refuting.verdict.evidence.summary}`,
            `holds under ${first.protocol} seed ${first.seed}: ${first.verdict.evidence.summary}`,
            ...(reference.evidence.details ?? []),
          ],
          ...(reference.evidence.data ? { data: reference.evidence.data } : {}),
        },
      },
      `holds under ${holds.map((o) => o.id).join(', ')} only: ${per}`,
    );
  }
  const why = undecided
    ? 'some replicates could not decide it'
    : outcomes.some((o) => o.verdict === 'seed-dependent')
      ? holds.length > 0
        ? 'the verdict changes with the seed under some protocol, and no protocol refutes it under every seed'
        : 'the verdict changes with the seed, and no protocol holds under every seed'
      : 'the protocols disagree without a refutation under every seed';
  return finish(
    {
      ...base,
      status: 'inconclusive',
      reason: `${why}: ${per}`,
      evidence: {
        summary: `not robust across replicates (${grid}): ${per}`,
        details: [
          ...verdicts.map(
            (r) => `${r.protocol} seed ${r.seed}: ${verdictClass(r.verdict)}: ${r.verdict.evidence.summary}`,
          ),
          ...(reference.evidence.details ?? []),
        ],
        ...(reference.evidence.data ? { data: reference.evidence.data } : {}),
      },
    },
    `not robust: ${per}`,
  );
}

const fmt = (v: number): string => formatNumber(v, 4);

/**
 * When every replicate holds (confirmed, or holds-under a reading of one convention) but not in the same way: the
 * first reading that holds in every replicate, the witness of a replicate where the claim needs it, and the readings
 * merged (a reading holds when it holds in every replicate, and fails otherwise). Undefined when some replicate does
 * not hold, the replicates' readings differ in convention, or no reading holds in all.
 */
function robustReading(verdicts: readonly ReplicateVerdict[]):
  | {
      readonly reading: Reading;
      readonly readings: ReadingsResult;
      readonly witness: Witness;
      readonly under: Evidence;
    }
  | undefined {
  const all = verdicts.map((r) => r.verdict);
  if (!all.every((v) => v.status === 'confirmed' || v.status === 'holds-under')) return undefined;
  const first = all[0]!.readings;
  if (first === undefined || !all.every((v) => v.readings?.convention === first.convention)) return undefined;
  const count = (id: string, outcome: ReadingOutcome['outcome']): number =>
    all.filter((v) => v.readings!.outcomes.some((o) => o.id === id && o.outcome === outcome)).length;
  const merged: ReadingOutcome[] = first.outcomes.map((o) => {
    const k = count(o.id, 'holds');
    const failed = count(o.id, 'fails');
    return {
      ...o,
      outcome: k === all.length ? 'holds' : failed > 0 ? 'fails' : 'undecided',
      summary: `holds in ${k}, fails in ${failed} of ${all.length} replicates; reference: ${o.summary}`,
    };
  });
  const robust = merged.find((o) => o.outcome === 'holds');
  const needing = all.find((v) => v.status === 'holds-under');
  if (robust === undefined || needing === undefined || needing.status !== 'holds-under') return undefined;
  const { outcome: _o, summary: _s, witness: _w, ...reading } = robust;
  return {
    reading,
    readings: { ...first, outcomes: merged },
    witness: needing.witness,
    under: needing.underCondition,
  };
}

/**
 * Probes threshold `name` of value `t.value`: the class `classAt(v)` on each side (within `domain`) at 20 points inside
 * the band and then every half band out to ±10 bands, and bisection (30 halvings) between the last point of the same
 * class and the first of another; the flip nearest to the value is reported.
 */
export function probeThreshold(
  name: string,
  t: Threshold,
  classAt: (value: number) => string,
  domain: readonly [number, number] = [-Infinity, Infinity],
): ThresholdProbe {
  const here = classAt(t.value);
  const unit = t.band > 0 ? t.band : Math.max(Math.abs(t.value) * 0.01, 1e-12);
  // 20 steps within the band, then half-band steps out to 10 bands.
  const offsets = [
    ...Array.from({ length: 20 }, (_, i) => ((i + 1) / 20) * unit),
    ...Array.from({ length: 18 }, (_, i) => (1.5 + i / 2) * unit),
  ];
  let best: { at: number; to: string } | null = null;
  for (const dir of [-1, 1]) {
    let inside = t.value;
    for (const offset of offsets) {
      const v = t.value + dir * offset;
      if (v < domain[0] || v > domain[1]) break;
      const c = classAt(v);
      if (c !== here) {
        let lo = inside;
        let hi = v;
        for (let k = 0; k < 30; k++) {
          const mid = (lo + hi) / 2;
          if (classAt(mid) === here) lo = mid;
          else hi = mid;
        }
        const to = classAt(hi);
        if (best === null || Math.abs(hi - t.value) < Math.abs(best.at - t.value)) best = { at: hi, to };
        break;
      }
      inside = v;
    }
  }
  return {
    name,
    value: t.value,
    band: t.band,
    source: t.source,
    flipsAt: best?.at ?? null,
    flipsTo: best?.to ?? null,
    fragile: best !== null && Math.abs(best.at - t.value) <= t.band,
  };
}

/** The status of a class (`holds-under x` → `holds-under`). */
export function classStatus(cls: string): VerdictStatus {
  return cls.startsWith('holds-under') ? 'holds-under' : (cls as VerdictStatus);
}
