/**
 * Proves the `robust-inner-max` checker on Eq. (4): the inner max of the linear model over the closed L2 (L∞) ball
 * centred at 0 is softplus(−y w·x + ε‖w‖₂) (softplus(−y w·x + ε‖w‖₁)), certified by KKT-checked PGD and random
 * search at d up to 784 — holding under the closed ball centred at 0 (the printed centre gives another value and the
 * open ball attains no maximum); each reading alone is decided; a wrong closed form (‖w‖₁ for the L2 ball) is refuted.
 */
import { describe, expect, it } from 'vitest';
import { robustInnerMax } from '../../checks/robust-inner-max.ts';
import { eq04AdversarialTraining } from '../../proofs/eq04-adversarial-training.ts';
import { verdictOf as runVerdict } from './meaning-helpers.ts';
import { recorded } from './verdict-classes.ts';
import { onlyReadings } from './reading-helpers.ts';

const verdictOf = recorded('robust-inner-max', runVerdict);
const only = (id: string) => onlyReadings(eq04AdversarialTraining, id);

describe('robust-inner-max (Eq. (4))', () => {
  it('holds under the closed ball centred at 0; the printed centre gives a different inner max', async () => {
    const v = await verdictOf(robustInnerMax, eq04AdversarialTraining, { searchSamples: 1000 });
    expect(v.status).toBe('holds-under');
    if (v.status !== 'holds-under') return;
    expect(v.condition).toMatchObject({ kind: 'reading', reading: { id: 'ball-0-closed' } });
    expect(v.witness.paperValue).toMatch(/as printed/);
    expect(v.evidence.data).toMatchObject({ dims: [2, 3, 10, 784] });
    expect((v.evidence.data as { forms: { ok: boolean }[] }).forms.every((f) => f.ok)).toBe(true);
  });

  it('confirms the closed form when the ball is read as centred at 0', async () => {
    const v = await verdictOf(robustInnerMax, eq04AdversarialTraining, {
      ...only('ball-0-closed'),
      searchSamples: 1000,
    });
    expect(v.status).toBe('confirmed');
  });

  it('refutes the printed reading alone (centred at x^n, open)', async () => {
    expect(
      (await verdictOf(robustInnerMax, eq04AdversarialTraining, { ...only('ball-x-open'), searchSamples: 300 })).status,
    ).toBe('refuted');
  });

  it('refutes a wrong closed form (‖w‖₁ for the L2 ball)', async () => {
    const v = await verdictOf(robustInnerMax, eq04AdversarialTraining, {
      ...only('ball-0-closed'),
      forms: [{ ball: 'l2', dualNorm: 'l1' }],
      searchSamples: 1000,
    });
    expect(v.status).toBe('refuted');
    if (v.status !== 'refuted') return;
    expect(v.witness.paperValue).toMatch(/‖w‖₁/);
    expect(v.witness.ourValue).toMatch(/KKT-certified/);
  });
});
