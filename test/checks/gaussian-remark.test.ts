/**
 * Proves the `gaussian-remark` checker: N(0, σI) has zero mean and a second moment growing with σ but is not
 * norm-constrained (P(‖η‖ > r) > 0 for every r), so the reading "the Gaussian is the L2-constrained noise" fails; a
 * Gaussian restricted to an L2 ball and the two-examples reading hold (uniform noise in the L2 ball has
 * E[η_i²] = ε²/(d + 2) exactly: 1/786 at d = 784, ε = 1); each reading alone is decided.
 */
import { describe, expect, it } from 'vitest';
import { gaussianRemark } from '../../checks/gaussian-remark.ts';
import { thm2GaussianRemark } from '../../proofs/thm2-gaussian-remark.ts';
import { verdictOf as runVerdict } from './meaning-helpers.ts';
import { recorded } from './verdict-classes.ts';
import { onlyReadings } from './reading-helpers.ts';

const verdictOf = recorded('gaussian-remark', runVerdict);
const FAST = { samples: 4000, l2McSamples: 1000 };
const only = (id: string) => ({ ...FAST, ...onlyReadings(thm2GaussianRemark, id) });

describe('gaussian-remark (after Theorem 2)', () => {
  it('fails for the Gaussian as the constrained noise, holds for a Gaussian restricted to a ball', async () => {
    const v = await verdictOf(gaussianRemark, thm2GaussianRemark, FAST);
    expect(v.status).toBe('holds-under');
    if (v.status !== 'holds-under') return;
    expect(v.condition).toMatchObject({ kind: 'reading', reading: { id: 'truncated-gaussian' } });
    expect(v.readings?.outcomes.map((o) => o.outcome)).toEqual(['fails', 'holds', 'holds']);
    expect(v.readings?.outcomes[2]?.summary).toContain('1/786 per coordinate');
    expect(v.witness.ourValue).toMatch(/≥ 10\^-\d+(\.\d+)? > 0/);
    expect(v.evidence.data).toMatchObject({
      l2: [
        { d: 2, perCoordinate: '1/4' },
        { d: 3, perCoordinate: '1/5' },
        { d: 784, perCoordinate: '1/786' },
      ],
    });
  });

  it('confirms the two-examples reading alone and refutes the constrained-Gaussian reading alone', async () => {
    expect((await verdictOf(gaussianRemark, thm2GaussianRemark, only('two-examples'))).status).toBe('confirmed');
    expect((await verdictOf(gaussianRemark, thm2GaussianRemark, only('gaussian-constrained'))).status).toBe('refuted');
  });
});
