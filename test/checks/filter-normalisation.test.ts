/**
 * Proves the `filter-normalisation` checker on Eq. (6): per-filter ‖h‖ = ‖w‖, invariance to rescaling h,
 * Frobenius = L2 for w ∈ ℝ^{1×d}, and curvature along the normalised h = ‖w‖²ĥᵀHĥ (exact robust Hessian vs central
 * differences) are confirmed; rescaling to unit norm, or a curvature scaling ‖w‖¹, is refuted.
 */
import { describe, expect, it } from 'vitest';
import { filterNormalisation } from '../../checks/filter-normalisation.ts';
import { eq06FilterNormalisation } from '../../proofs/eq06-filter-normalisation.ts';
import { verdictOf as runVerdict } from './meaning-helpers.ts';
import { recorded } from './verdict-classes.ts';

const verdictOf = recorded('filter-normalisation', runVerdict);

describe('filter-normalisation (Eq. (6))', () => {
  it('confirms the identities, the Hessian agreeing with central differences', async () => {
    const v = await verdictOf(filterNormalisation, eq06FilterNormalisation);
    expect(v.status).toBe('confirmed');
    const data = v.evidence.data as {
      maxNormErr: number;
      maxCurvErr: number;
      maxFdErr: number;
      maxFrobeniusVsL2: number;
    };
    expect(data.maxNormErr).toBeLessThan(1e-13);
    expect(data.maxCurvErr).toBeLessThan(1e-12);
    expect(data.maxFdErr).toBeLessThan(1e-7);
    expect(data.maxFrobeniusVsL2).toBe(0);
  });

  it('refutes rescaling h to unit norm', async () => {
    const v = await verdictOf(filterNormalisation, eq06FilterNormalisation, { scale: 'unit' });
    expect(v.status).toBe('refuted');
  });

  it('refutes a curvature that scales with ‖w‖ instead of ‖w‖²', async () => {
    const v = await verdictOf(filterNormalisation, eq06FilterNormalisation, { curvaturePower: 1 });
    expect(v.status).toBe('refuted');
    if (v.status !== 'refuted') return;
    expect(v.witness.paperValue).toMatch(/‖w‖\^1/);
  });
});
