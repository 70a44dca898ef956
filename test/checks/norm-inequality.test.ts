/**
 * The `norm-inequality` checker (Eq. (12)): with any two weight norms the inequality fails (witness), under equal
 * norms it is exactly (1/(2NW)) Σ s_n ≥ 0 (holds-under, with the assumption checked at real optima, where it fails);
 * with the norms equal by domain it is confirmed; printed with ≤ it is refuted (the factored sign is wrong).
 */
import { describe, expect, it } from 'vitest';
import { eq12NormInequality } from '../../proofs/eq12-norm-inequality.ts';
import { recorded } from './verdict-classes.ts';
import { symbolicVerdict } from './symbolic-helpers.ts';
import { printedFragments } from '../paper/shipped.ts';

const verdictOf = recorded('norm-inequality', symbolicVerdict);

describe('norm-inequality checker (Eq. (12))', () => {
  it('holds under ‖w_a*‖ = ‖w_b*‖ (stated in the paper) and reports that the assumption fails at real optima', async () => {
    const v = await verdictOf(eq12NormInequality);
    expect(v.status).toBe('holds-under');
    if (v.status !== 'holds-under' || v.condition.kind !== 'assumption') return;
    expect(v.condition.assumption).toMatchObject({ id: 'equal-weight-norms', source: { kind: 'paper' } });
    expect(v.condition.check.whereItMatters.status).toBe('no');
    expect(v.underCondition.summary).toMatch(/\(1\/\(2NW\)\) Σ s_n \(equal/);
    expect(v.witness.ourValue).toMatch(/^left [\d.]+, right [\d.]+$/);
  });

  it('confirms when the searched weight norms are equal (no counterexample)', async () => {
    expect((await verdictOf(eq12NormInequality, { weightNormRange: [1, 1] })).status).toBe('confirmed');
  });

  it('refutes the inequality printed with ≤: the factored difference is positive', async () => {
    const flipped = {
      ...eq12NormInequality,
      latex: printedFragments(eq12NormInequality).map((f) => ({ ...f, printed: f.printed.replace('\\geq', '\\leq') })),
    };
    const v = await verdictOf(flipped);
    expect(v.status).toBe('refuted');
  });
});
