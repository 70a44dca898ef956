/**
 * Proves the `ball-argmax` checker on Eq. (2): as printed (ball centred at x^n, "less than ε") it is refuted with a
 * witness η^n = x^n of norm > ε and every interior candidate beaten, with a correction (closed ball centred at 0)
 * that the same machinery confirms; the corrected reading alone is confirmed; and a deliberately wrong L2 maximiser
 * (the sign direction) is refuted by the random search, so the search is not vacuous.
 */
import { describe, expect, it } from 'vitest';
import { ballArgmax } from '../../checks/ball-argmax.ts';
import { eq02AdversarialExample } from '../../proofs/eq02-adversarial-example.ts';
import { verdictOf } from './meaning-helpers.ts';

describe('ball-argmax (Eq. (2))', () => {
  it('refutes the printed constraint set and confirms the closed ball centred at 0 as its correction', async () => {
    const v = await verdictOf(ballArgmax, eq02AdversarialExample, { searchSamples: 4000 });
    expect(v.status).toBe('refuted');
    if (v.status !== 'refuted') return;
    expect(v.witness.point.eta).toBe('x^n');
    expect(v.witness.paperValue).toMatch(/admits ‖η\^n‖ = [\d.]+ > ε/);
    expect(v.evidence.summary).toMatch(/centred at x\^n/);
    expect(v.evidence.summary).toMatch(/open ball the argmax is empty/);
    expect(v.evidence.data).toMatchObject({ closedFormNeverBeaten: true });
    const d = v.evidence.data as { openCandidates: number; openBeaten: number };
    expect(d.openCandidates).toBeGreaterThan(0);
    expect(d.openBeaten).toBe(d.openCandidates);
    expect(v.correction?.check).toBe('confirmed');
    expect(v.correction?.latex).toContain('\\le\\varepsilon');
  });

  it('confirms the corrected reading (closed ball centred at 0) on its own', async () => {
    const v = await verdictOf(ballArgmax, eq02AdversarialExample, { center: 'origin', boundary: 'closed', searchSamples: 4000 });
    expect(v.status).toBe('confirmed');
  });

  it('refutes a wrong L2 maximiser (−yε sign(w)/√d) by random search: the check is not vacuous', async () => {
    const v = await verdictOf(ballArgmax, eq02AdversarialExample, { center: 'origin', boundary: 'closed', l2Maximizer: 'sign', searchSamples: 4000 });
    expect(v.status).toBe('refuted');
    if (v.status !== 'refuted') return;
    expect(v.witness.point.norm).toBe('L2');
    expect(v.correction?.check).toBe('confirmed');
  });

  it('flags the open ball alone (centre at 0) as refuted', async () => {
    const v = await verdictOf(ballArgmax, eq02AdversarialExample, { center: 'origin', boundary: 'open', searchSamples: 1000 });
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
