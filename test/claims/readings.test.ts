/**
 * The one readings rule (src/claims/readings.ts), on constructed outcomes: every class it can give, and which reading
 * and witness each verdict carries.
 */
import { describe, expect, it } from 'vitest';
import { decideReadings } from '../../src/claims/readings.ts';
import type { ReadingOutcome } from '../../src/claims/verdict.ts';

const witness = (id: string) => ({ point: { reading: id }, paperValue: 'p', ourValue: 'o' });
const o = (id: string, outcome: ReadingOutcome['outcome'], literal = false): ReadingOutcome => ({
  id,
  statement: `reading ${id}`,
  literal,
  outcome,
  summary: `${id} ${outcome}`,
  ...(outcome === 'fails' ? { witness: witness(id) } : {}),
});
const decide = (...outcomes: ReadingOutcome[]) =>
  decideReadings({
    base: { claimId: 'c', seed: 1, checker: 't' },
    readings: { convention: 'conv', question: 'q?', outcomes },
    evidence: { summary: 'evidence' },
    basis: { kind: 'tested', what: 'constructed' },
    correction: { statement: 'fixed', check: 'confirmed', evidence: 'e' },
  });

describe('decideReadings', () => {
  it('confirms when every reading holds', () => {
    const v = decide(o('a', 'holds', true), o('b', 'holds'));
    expect(v.status).toBe('confirmed');
    expect(v.readings?.outcomes).toHaveLength(2);
  });

  it('confirms when the literal reading holds, whatever the others give', () => {
    expect(decide(o('a', 'holds', true), o('b', 'fails')).status).toBe('confirmed');
  });

  it('holds under the first holding reading when the literal one fails, with the literal witness', () => {
    const v = decide(o('a', 'fails', true), o('b', 'fails'), o('c', 'holds'), o('d', 'holds'));
    expect(v.status).toBe('holds-under');
    if (v.status !== 'holds-under') return;
    expect(v.condition).toEqual({
      kind: 'reading',
      convention: 'conv',
      reading: { id: 'c', statement: 'reading c', literal: false },
    });
    expect(v.witness).toEqual(witness('a'));
    expect(v.underCondition.summary).toBe('c holds');
    expect(v.correction?.statement).toBe('fixed');
  });

  it('holds under a reading when no reading is literal and the others fail', () => {
    const v = decide(o('a', 'fails'), o('b', 'holds'));
    expect(v.status).toBe('holds-under');
    if (v.status === 'holds-under') expect(v.witness).toEqual(witness('a'));
  });

  it('refutes when every reading is decided and none holds', () => {
    const v = decide(o('a', 'fails'), o('b', 'fails', true));
    expect(v.status).toBe('refuted');
    if (v.status !== 'refuted') return;
    expect(v.witness).toEqual(witness('b'));
    expect(v.correction?.check).toBe('confirmed');
  });

  it('is inconclusive when an undecided reading could change the verdict', () => {
    expect(decide(o('a', 'fails'), o('b', 'undecided')).status).toBe('inconclusive');
    expect(decide(o('a', 'holds'), o('b', 'undecided')).status).toBe('inconclusive');
    expect(decide(o('a', 'undecided')).status).toBe('inconclusive');
  });

  it('is inconclusive when the literal reading is undecided, whatever the others give', () => {
    expect(decide(o('a', 'undecided', true), o('b', 'holds'), o('c', 'fails')).status).toBe('inconclusive');
  });

  it('throws on two literal readings', () => {
    expect(() => decide(o('a', 'holds', true), o('b', 'holds', true))).toThrow(/2 literal readings/);
  });

  it('is not changed by an undecided reading once the literal reading holds', () => {
    expect(decide(o('a', 'holds', true), o('b', 'undecided')).status).toBe('confirmed');
  });

  it('throws on a failing reading without a witness (a checker bug, not a verdict)', () => {
    const bad: ReadingOutcome = { id: 'a', statement: 'a', literal: false, outcome: 'fails', summary: 'no witness' };
    expect(() => decide(bad)).toThrow(/carries no witness/);
  });
});
