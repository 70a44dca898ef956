/**
 * Proves the `ball-argmax` checker on Eq. (2) under each reading of 𝔹_p(x^n, ε): as printed (centred at x^n, "less
 * than ε") it fails with a witness η^n = x^n of norm > ε, the open ball fails because every interior candidate is
 * beaten, and the closed ball centred at 0 holds (holds-under, by the readings rule); each reading alone is decided;
 * a deliberately wrong L2 maximiser (the sign direction) is refuted by the random search, so the search is not vacuous.
 * The correction attached is the record's text, checked by the same search.
 */
import { describe, expect, it } from 'vitest';
import { ballArgmax } from '../../checks/ball-argmax.ts';
import { eq02AdversarialExample } from '../../proofs/eq02-adversarial-example.ts';
import { verdictOf as runVerdict } from './meaning-helpers.ts';
import { recorded } from './verdict-classes.ts';
import { onlyReadings } from './reading-helpers.ts';

const verdictOf = recorded('ball-argmax', runVerdict);
const only = (id: string) => onlyReadings(eq02AdversarialExample, id);
const CORRECTION = (eq02AdversarialExample.params as { correction: { latex: string; statement: string } }).correction;

describe('ball-argmax (Eq. (2))', () => {
  it('fails as printed and holds under the closed ball centred at 0, every reading decided', async () => {
    const v = await verdictOf(ballArgmax, eq02AdversarialExample, { searchSamples: 4000 });
    expect(v.status).toBe('holds-under');
    if (v.status !== 'holds-under') return;
    expect(v.condition).toMatchObject({ kind: 'reading', convention: 'ball', reading: { id: 'ball-0-closed' } });
    expect(v.readings?.outcomes.map((o) => [o.id, o.outcome])).toEqual([
      ['ball-x-open', 'fails'],
      ['ball-x-closed', 'fails'],
      ['ball-0-open', 'fails'],
      ['ball-0-closed', 'holds'],
    ]);
    expect(v.witness.point.eta).toBe('x^n');
    expect(v.witness.paperValue).toMatch(/admits ‖η\^n‖ = [\d.]+ > ε/);
    expect(v.evidence.data).toMatchObject({ closedFormNeverBeaten: true });
    const d = v.evidence.data as { openCandidates: number; openBeaten: number };
    expect(d.openCandidates).toBeGreaterThan(0);
    expect(d.openBeaten).toBe(d.openCandidates);
  });

  it('confirms the closed ball centred at 0 on its own', async () => {
    const v = await verdictOf(ballArgmax, eq02AdversarialExample, { ...only('ball-0-closed'), searchSamples: 4000 });
    expect(v.status).toBe('confirmed');
  });

  it('refutes the printed reading alone, with the closed ball centred at 0 as the checked correction', async () => {
    const v = await verdictOf(ballArgmax, eq02AdversarialExample, { ...only('ball-x-open'), searchSamples: 1000 });
    expect(v.status).toBe('refuted');
    if (v.status !== 'refuted') return;
    expect(v.correction?.check).toBe('confirmed');
    expect(v.correction?.latex).toContain('\\le\\varepsilon');
    // The words are the record's; the check is the checker's.
    expect(v.correction).toMatchObject(CORRECTION);
    const other = await verdictOf(ballArgmax, eq02AdversarialExample, {
      ...only('ball-x-open'),
      searchSamples: 1000,
      correction: { statement: 'a reworded correction' },
    });
    expect(other.correction).toEqual({
      statement: 'a reworded correction',
      check: 'confirmed',
      evidence: v.correction?.evidence,
    });
  });

  it('refutes a wrong L2 maximiser (−yε sign(w)/√d) by random search: the check is not vacuous', async () => {
    const v = await verdictOf(ballArgmax, eq02AdversarialExample, {
      ...only('ball-0-closed'),
      l2Maximizer: 'sign',
      searchSamples: 4000,
    });
    expect(v.status).toBe('refuted');
    if (v.status !== 'refuted') return;
    expect(v.witness.point.norm).toBe('L2');
  });

  it('flags the open ball alone (centre at 0) as refuted: the maximum is not attained', async () => {
    const v = await verdictOf(ballArgmax, eq02AdversarialExample, { ...only('ball-0-open'), searchSamples: 1000 });
    expect(v.status).toBe('refuted');
    if (v.status !== 'refuted') return;
    expect(v.witness.ourValue).toMatch(/attained only on ‖η‖ = ε/);
  });

  it('gives the same verdict for the same seed', async () => {
    const a = await verdictOf(ballArgmax, eq02AdversarialExample, { searchSamples: 500 });
    const b = await verdictOf(ballArgmax, eq02AdversarialExample, { searchSamples: 500 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});
