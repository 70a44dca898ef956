/**
 * The robustness rule of src/claims/robustness.ts on hand-made replicate verdicts: one class everywhere keeps the
 * reference verdict; protocols that hold under every seed against a refuting one give holds-under the protocols; a
 * claim that holds in every replicate but under different readings holds under the reading common to all; a class
 * that changes with the seed (or an undecided replicate) is inconclusive; and the threshold probe finds where a
 * verdict flips and whether that is within the band.
 */
import { describe, expect, it } from 'vitest';
import {
  combineReplicates,
  probeThreshold,
  type ProtocolRef,
  type ReplicateVerdict,
  verdictClass,
} from '../../src/claims/robustness.ts';
import type { ReadingOutcome, Verdict } from '../../src/claims/verdict.ts';

const base = { claimId: 'c', seed: 1, checker: 'k' } as const;
const witness = { point: { eps: '0.2' }, paperValue: 'p', ourValue: 'o' };
const confirmed: Verdict = {
  ...base,
  status: 'confirmed',
  basis: { kind: 'tested', what: 't' },
  evidence: { summary: 'ok' },
};
const refuted: Verdict = { ...base, status: 'refuted', witness, evidence: { summary: 'no' } };
const undecided: Verdict = { ...base, status: 'inconclusive', reason: 'r', evidence: { summary: '?' } };
const outcome = (id: string, o: ReadingOutcome['outcome']): ReadingOutcome => ({
  id,
  statement: id,
  literal: false,
  outcome: o,
  summary: o,
});
const withReadings = (a: ReadingOutcome['outcome'], b: ReadingOutcome['outcome']): Verdict => {
  const readings = { convention: 'c', question: 'q', outcomes: [outcome('a', a), outcome('b', b)] };
  if (a === 'holds' && b === 'holds') return { ...confirmed, readings };
  const held = a === 'holds' ? 'a' : 'b';
  return {
    ...base,
    status: 'holds-under',
    condition: { kind: 'reading', convention: 'c', reading: { id: held, statement: held, literal: false } },
    witness,
    underCondition: { summary: `holds under ${held}` },
    readings,
    evidence: { summary: `under ${held}` },
  };
};

const P: ProtocolRef[] = [
  { id: 'ref', label: 'reference', source: 'claimcheck: test' },
  { id: 'alt', label: 'alternative', source: 'claimcheck: test' },
];
const rep = (protocol: string, seed: number, verdict: Verdict): ReplicateVerdict => ({
  protocol,
  replicate: seed,
  seed,
  verdict,
});

describe('combineReplicates', () => {
  it('keeps the reference verdict when every protocol gives one class under every seed', () => {
    const v = combineReplicates(P, [rep('ref', 1, refuted), rep('ref', 2, refuted), rep('alt', 1, refuted)], []);
    expect(v.status).toBe('refuted');
    expect(v.robustness?.summary).toBe(
      'the same verdict (refuted) under every replicate: 2 protocol(s) × varying seed(s)',
    );
    expect(v.robustness?.protocols.map((p) => [p.id, p.seeds, p.verdict])).toEqual([
      ['ref', 2, 'refuted'],
      ['alt', 1, 'refuted'],
    ]);
  });

  it('holds under the protocols that hold at every seed when another refutes', () => {
    const v = combineReplicates(
      P,
      [rep('ref', 1, refuted), rep('ref', 2, refuted), rep('alt', 1, confirmed), rep('alt', 2, confirmed)],
      [],
    );
    expect(v.status).toBe('holds-under');
    if (v.status !== 'holds-under') return;
    expect(v.condition).toMatchObject({ kind: 'reading', convention: 'training-protocol', reading: { id: 'alt' } });
    expect(v.witness).toEqual(witness);
    expect(verdictClass(v)).toBe('holds-under alt');
  });

  it('holds under the reading common to every replicate when they all hold in different ways', () => {
    const v = combineReplicates(
      P,
      [rep('ref', 1, withReadings('holds', 'holds')), rep('alt', 1, withReadings('holds', 'fails'))],
      [],
    );
    expect(v.status).toBe('holds-under');
    if (v.status !== 'holds-under') return;
    expect(v.condition).toMatchObject({ kind: 'reading', convention: 'c', reading: { id: 'a' } });
    expect(v.readings?.outcomes.map((o) => [o.id, o.outcome])).toEqual([
      ['a', 'holds'],
      ['b', 'fails'],
    ]);
    const none = combineReplicates(
      P,
      [rep('ref', 1, withReadings('holds', 'fails')), rep('alt', 1, withReadings('fails', 'holds'))],
      [],
    );
    expect(none.status).toBe('inconclusive');
  });

  it('is inconclusive when the class changes with the seed and no protocol holds throughout, or a replicate is undecided', () => {
    const seedy = combineReplicates(P, [rep('ref', 1, refuted), rep('ref', 2, confirmed), rep('alt', 1, refuted)], []);
    expect(seedy.status).toBe('inconclusive');
    if (seedy.status === 'inconclusive') expect(seedy.reason).toMatch(/changes with the seed/);
    expect(seedy.robustness?.protocols[0]?.verdict).toBe('seed-dependent');
    const open = combineReplicates(P, [rep('ref', 1, refuted), rep('alt', 1, undecided)], []);
    expect(open.status).toBe('inconclusive');
    if (open.status === 'inconclusive') expect(open.reason).toMatch(/could not decide/);
  });

  it('never takes a witness from a refutation that another seed of its protocol does not share', () => {
    const v = combineReplicates(
      P,
      [rep('ref', 1, refuted), rep('ref', 2, confirmed), rep('alt', 1, confirmed), rep('alt', 2, confirmed)],
      [],
    );
    expect(v.status).toBe('inconclusive');
    if (v.status === 'inconclusive') expect(v.reason).toMatch(/no protocol refutes it under every seed/);
  });

  it('names the condition of a protocol that holds only under one', () => {
    const v = combineReplicates(P, [rep('ref', 1, refuted), rep('alt', 1, withReadings('holds', 'fails'))], []);
    expect(v.status).toBe('holds-under');
    if (v.status === 'holds-under')
      expect(v.condition).toMatchObject({
        reading: { statement: 'trained with alternative (where it holds under a)' },
      });
  });

  it('refuses no replicates, and a replicate of a protocol that is not listed, naming it', () => {
    expect(() => combineReplicates(P, [], [])).toThrow(/no replicate verdicts/);
    expect(() => combineReplicates([P[0]!], [rep('ref', 1, refuted), rep('alt', 1, confirmed)], [])).toThrow(
      /replicate 1 names protocol "alt", which is not among the protocols \(ref\)/,
    );
  });

  it('merges readings: a reading undecided somewhere and failing nowhere stays undecided', () => {
    const undecidedB: Verdict = {
      ...(withReadings('holds', 'fails') as Extract<Verdict, { status: 'holds-under' }>),
      readings: { convention: 'c', question: 'q', outcomes: [outcome('a', 'holds'), outcome('b', 'undecided')] },
    };
    const v = combineReplicates(P, [rep('ref', 1, withReadings('holds', 'holds')), rep('alt', 1, undecidedB)], []);
    expect(v.readings?.outcomes.map((o) => [o.id, o.outcome])).toEqual([
      ['a', 'holds'],
      ['b', 'undecided'],
    ]);
  });

  it('marks the verdict fragile when a threshold probe is', () => {
    const probe = probeThreshold(
      'cut',
      { value: 0.95, band: 0.02, source: { kind: 'claimcheck', reason: 't' } },
      (v) => (v >= 0.94 ? 'refuted' : 'confirmed'),
    );
    const v = combineReplicates(P, [rep('ref', 1, refuted)], [probe]);
    expect(v.robustness?.fragile).toBe(true);
    expect(v.robustness?.summary).toMatch(/fragile: cut = 0\.95 flips to confirmed at 0\.94/);
  });
});

describe('probeThreshold', () => {
  const source = { kind: 'claimcheck' as const, reason: 't' };
  const step = (v: number) => (v >= 0.9 ? 'confirmed' : 'refuted');

  it('finds the flip to 1e-9 and calls it fragile only within the band', () => {
    const far = probeThreshold('minR2', { value: 0.95, band: 0.02, source }, step);
    expect(far.flipsAt!).toBeCloseTo(0.9, 8);
    expect(far).toMatchObject({ flipsTo: 'refuted', fragile: false });
    expect(probeThreshold('minR2', { value: 0.95, band: 0.06, source }, step).fragile).toBe(true);
  });

  it('finds a flip inside the band that the half-band steps would step over', () => {
    const narrow = probeThreshold('t', { value: 1, band: 0.1, source }, (v) =>
      v > 1.01 && v < 1.04 ? 'refuted' : 'confirmed',
    );
    expect(narrow.fragile).toBe(true);
    expect(narrow.flipsAt!).toBeCloseTo(1.01, 8);
  });

  it('reports no flip within ±10 bands, and never probes outside the domain', () => {
    expect(probeThreshold('x', { value: 0.5, band: 0.01, source }, step)).toMatchObject({
      flipsAt: null,
      fragile: false,
    });
    const seen: number[] = [];
    probeThreshold('level', { value: 0.95, band: 0.04, source }, (v) => (seen.push(v), 'same'), [0.5, 0.9999]);
    expect(Math.max(...seen)).toBeLessThanOrEqual(0.9999);
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(0.5);
  });
});
