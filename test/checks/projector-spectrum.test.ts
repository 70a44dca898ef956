/**
 * The `projector-spectrum` checker: δ_ij − w*_i w*_j/‖w*‖² has eigenvalues 1 (×(d−1)) and 0 (confirmed by zero tests of
 * H² = H and tr H = d − 1); a matrix with the rank-one part halved is not a projector (refuted, witness proved nonzero).
 */
import { describe, expect, it } from 'vitest';
import { ws } from '../../proofs/variables.ts';
import { eq11Eigenvalues } from '../../proofs/eq11-eigenvalues.ts';
import { recorded } from './verdict-classes.ts';
import { symbolicVerdict, testRecord } from './symbolic-helpers.ts';

const verdictOf = recorded('projector-spectrum', symbolicVerdict);

describe('projector-spectrum checker', () => {
  it('confirms the projector of Eq. (11)', async () => {
    expect((await verdictOf(eq11Eigenvalues)).status).toBe('confirmed');
  });

  it('refutes I − w*w*ᵀ/(2‖w*‖²), which is not idempotent', async () => {
    const v = await verdictOf(
      testRecord('projector-spectrum', {
        latex: [
          {
            printed: String.raw`\delta_{ij}-\frac{w_{i}^{\ast}w_{j}^{\ast}}{2\left\|{\bm{w}}^{\ast}\right\|^{2}}`,
            role: 'matrix',
          },
        ],
        variables: [ws],
      }),
    );
    expect(v.status).toBe('refuted');
    if (v.status === 'refuted') expect(v.witness.enclosure?.excludesZero).toBe(true);
  });
});
