/**
 * Proves the `noise-moment` checker on Theorem 2's premises: E[η_iη_j] = (ε²/3)δ_ij for η_i ~ U(−ε, ε) exactly
 * (rational integration) and by a seeded Monte Carlo interval, zero mean, no correlation with x; a wrong coefficient
 * (1/12, i.e. (b − a)²/12 with the width b − a taken as ε instead of 2ε) is refuted with the exact value as witness,
 * and the record's correction carries the coefficient the checker computes exactly.
 */
import { describe, expect, it } from 'vitest';
import { noiseMoment } from '../../checks/noise-moment.ts';
import { thm2UniformVariance } from '../../proofs/thm2-uniform-variance.ts';
import { verdictOf as runVerdict } from './meaning-helpers.ts';
import { recorded } from './verdict-classes.ts';

const verdictOf = recorded('noise-moment', runVerdict);

describe('noise-moment (Theorem 2)', () => {
  it('confirms ε²/3·δ_ij, zero mean and no correlation with x', async () => {
    const v = await verdictOf(noiseMoment, thm2UniformVariance, { samples: 40000 });
    expect(v.status).toBe('confirmed');
    expect(v.evidence.details?.some((d) => d.includes('E[η_i²] = 256/195075'))).toBe(true);
    expect(v.evidence.details?.some((d) => d.includes('pixel x = 0') && d.includes('E[η] = 1/4, E[η²] = 1/6'))).toBe(
      true,
    );
  });

  it('refutes a wrong coefficient exactly', async () => {
    const v = await verdictOf(noiseMoment, thm2UniformVariance, { coefficient: '1/12', samples: 1000 });
    expect(v.status).toBe('refuted');
    if (v.status !== 'refuted') return;
    expect(v.witness).toEqual({
      point: { eps: '1/10', i: '1', j: '1' },
      paperValue: 'lim (1/N) Σ η_i η_i = 1/12·ε² = 1/1200',
      ourValue: 'E[η_i²] = ∫_{−ε}^{ε} t² dt/(2ε) = 1/300',
    });
    expect(v.correction).toEqual({
      statement: 'lim (1/N) Σ_n η_i^n η_j^n = 1/3·ε² δ_ij for η_i ~ U(−ε, ε) independent',
      check: 'confirmed',
      evidence: 'exact rational integration of t²/(2ε) over [−ε, ε] at ε ∈ {1/10, 3/10, 1, 16/255}',
    });
  });

  it('fills the exactly computed coefficient into the record’s words, and refuses a record that writes the number', async () => {
    const v = await verdictOf(noiseMoment, thm2UniformVariance, {
      coefficient: '1/2',
      samples: 1000,
      correction: { statement: 'E[η_iη_j] = {{coefficient}} ε² δ_ij' },
    });
    expect(v.correction).toMatchObject({ statement: 'E[η_iη_j] = 1/3 ε² δ_ij', check: 'confirmed' });
    await expect(
      verdictOf(noiseMoment, thm2UniformVariance, {
        coefficient: '1/2',
        samples: 1000,
        correction: { statement: 'E[η_iη_j] = ε²/3 δ_ij' },
      }),
    ).rejects.toThrow(/does not use \{\{coefficient\}\}/);
  });
});
