/**
 * Proves the `robust-inner-max` checker on Eq. (4): the inner max of the linear model over the closed L2 (L∞) ball
 * centred at 0 is softplus(−y w·x + ε‖w‖₂) (softplus(−y w·x + ε‖w‖₁)), certified by KKT-checked PGD and random
 * search at d up to 784 — holding under the corrected ball, since the printed ball 𝔹_p(x^n, ε) gives another value;
 * and a deliberately wrong closed form (‖w‖₁ for the L2 ball) is refuted.
 */
import { describe, expect, it } from 'vitest';
import { robustInnerMax } from '../../checks/robust-inner-max.ts';
import { eq04AdversarialTraining } from '../../proofs/eq04-adversarial-training.ts';
import { verdictOf } from './meaning-helpers.ts';

describe('robust-inner-max (Eq. (4))', () => {
  it('holds under the closed ball centred at 0; the printed centre gives a different inner max', async () => {
    const v = await verdictOf(robustInnerMax, eq04AdversarialTraining, { searchSamples: 1000 });
    expect(v.status).toBe('holds-under');
    if (v.status !== 'holds-under') return;
    expect(v.assumption).toMatch(/closed ball ‖η\^n‖_p ≤ ε centred at 0/);
    expect(v.witness?.paperValue).toMatch(/as printed/);
    expect(v.evidence.data).toMatchObject({ dims: [2, 3, 10, 784] });
    expect((v.evidence.data as { forms: { ok: boolean }[] }).forms.every((f) => f.ok)).toBe(true);
  });

  it('confirms the closed form when the ball is read as centred at 0', async () => {
    const v = await verdictOf(robustInnerMax, eq04AdversarialTraining, { printedCenter: 'origin', searchSamples: 1000 });
    expect(v.status).toBe('confirmed');
  });

  it('refutes a wrong closed form (‖w‖₁ for the L2 ball)', async () => {
    const v = await verdictOf(robustInnerMax, eq04AdversarialTraining, { forms: [{ ball: 'l2', dualNorm: 'l1' }], searchSamples: 1000 });
    expect(v.status).toBe('refuted');
    if (v.status !== 'refuted') return;
    expect(v.witness.paperValue).toMatch(/‖w‖₁/);
    expect(v.witness.ourValue).toMatch(/KKT-certified/);
  });
});
