/**
 * The `monotonicity` checker (Lemma 1) decides each reading of θ^n: with θ measured from −w the printed function is the
 * loss and its derivative has the sign of y (confirmed by proof and search), with θ measured from w a counterexample
 * search on the loss finds the opposite sign (refuted); with both readings listed, the lemma holds under the first.
 */
import { describe, expect, it } from 'vitest';
import { lem1Monotone } from '../../proofs/lem1-monotone.ts';
import { recorded } from './verdict-classes.ts';
import { onlyReadings } from './reading-helpers.ts';
import { symbolicVerdict } from './symbolic-helpers.ts';

const verdictOf = recorded('monotonicity', symbolicVerdict);
const only = (id: string) => ({ ...onlyReadings(lem1Monotone, id), searchPoints: 40 });

describe('monotonicity checker (Lemma 1)', () => {
  it('holds under θ measured from −w; fails as literally read (θ from w) with a counterexample', async () => {
    const v = await verdictOf(lem1Monotone, { searchPoints: 40 });
    expect(v.status).toBe('holds-under');
    if (v.status !== 'holds-under') return;
    expect(v.condition).toMatchObject({ kind: 'reading', reading: { id: 'theta-from-minus-w' } });
    expect(v.witness.ourValue).toMatch(/∂L\/∂cos θ\^n = /);
  });

  it('confirms the lemma under θ from −w alone (proof: the printed f is the loss, factors of proved sign)', async () => {
    const v = await verdictOf(lem1Monotone, only('theta-from-minus-w'));
    expect(v.status).toBe('confirmed');
  });

  it('refutes the lemma under θ from w alone: the loss decreases in cos θ when y = 1', async () => {
    const v = await verdictOf(lem1Monotone, only('theta-from-w'));
    expect(v.status).toBe('refuted');
  });
});
