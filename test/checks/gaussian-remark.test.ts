/**
 * Proves the `gaussian-remark` checker: N(0, σI) has zero mean and a second moment growing with σ but is not
 * norm-constrained (P(‖η‖ > r) > 0 for every r), and uniform noise in the L2 ball has E[η_i²] = ε²/(d + 2) exactly
 * (1/786 at d = 784, ε = 1, vs 1/3 for L∞-uniform); asserting ε²/3 for the L2 ball is refuted.
 */
import { describe, expect, it } from 'vitest';
import { gaussianRemark } from '../../checks/gaussian-remark.ts';
import { thm2GaussianRemark } from '../../proofs/thm2-gaussian-remark.ts';
import { verdictOf } from './meaning-helpers.ts';

describe('gaussian-remark (after Theorem 2)', () => {
  it('holds under the two-examples reading; a Gaussian is not norm-constrained', async () => {
    const v = await verdictOf(gaussianRemark, thm2GaussianRemark, { samples: 10000, l2McSamples: 2000 });
    expect(v.status).toBe('holds-under');
    if (v.status !== 'holds-under') return;
    expect(v.assumptionEvidence.summary).toContain('1/786 per coordinate');
    expect(v.witness?.ourValue).toMatch(/≥ 10\^-\d+(\.\d+)? > 0/);
    expect(v.evidence.data).toMatchObject({ l2: [{ d: 2, perCoordinate: '1/4' }, { d: 3, perCoordinate: '1/5' }, { d: 784, perCoordinate: '1/786' }] });
  });

  it('refutes ε²/3 as the second moment of uniform L2-ball noise', async () => {
    const v = await verdictOf(gaussianRemark, thm2GaussianRemark, { l2BallDenominator: { perD: 0, offset: 3 }, samples: 1000, l2McSamples: 500 });
    expect(v.status).toBe('refuted');
    if (v.status !== 'refuted') return;
    expect(v.witness.ourValue).toMatch(/= 1\/4$/);
    expect(v.correction?.check).toBe('confirmed');
  });
});
