/**
 * The `argmax-angle` checker ("Lemma 1 shows y^n cos θ^n = 1"): the brute-force maximiser of the printed loss at fixed
 * ‖η^n‖ has y^n cos θ^n = 1 when θ is measured from −w (confirmed) and −1 when measured from w (refuted); with both
 * readings listed, the sentence holds under the first.
 */
import { describe, expect, it } from 'vitest';
import { sec32YCosTheta } from '../../proofs/sec32-y-cos-theta.ts';
import { recorded } from './verdict-classes.ts';
import { onlyReadings } from './reading-helpers.ts';
import { symbolicVerdict } from './symbolic-helpers.ts';

const verdictOf = recorded('argmax-angle', symbolicVerdict);
const fast = { pointsPerDim: 2, searchSamples: 60, ascentSteps: 40 };
const only = (id: string) => ({ ...fast, ...onlyReadings(sec32YCosTheta, id) });

describe('argmax-angle checker', () => {
  it('holds under θ from −w, fails as literally read (θ from w gives y cos θ = −1)', async () => {
    const v = await verdictOf(sec32YCosTheta, fast);
    expect(v.status).toBe('holds-under');
    if (v.status !== 'holds-under') return;
    expect(v.witness.ourValue).toMatch(/y\^n cos θ\^n = -1(\.0+)? /);
  });

  it('confirms under θ from −w alone and refutes under θ from w alone', async () => {
    expect((await verdictOf(sec32YCosTheta, only('theta-from-minus-w'))).status).toBe('confirmed');
    expect((await verdictOf(sec32YCosTheta, only('theta-from-w'))).status).toBe('refuted');
  });
});
