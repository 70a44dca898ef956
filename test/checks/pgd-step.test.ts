/**
 * Proves the `pgd-step` checker on Eq. (3): the sign step reaches the exact L∞ maximiser within ceil(ε/λ) steps, but
 * with an L2 projection it ends at ε·sign(−yw)/√d, reaching only ‖w‖₁/(√d‖w‖₂) ≈ 0.80 of the optimum at d = 784 —
 * so Eq. (3) holds under p = ∞; the L2 step g/‖g‖₂ is confirmed for p = 2; and the literal reading in which Π_ε
 * projects around the overwritten iterate is refuted (the perturbation leaves the ε-ball).
 */
import { describe, expect, it } from 'vitest';
import { pgdStep } from '../../checks/pgd-step.ts';
import { eq03PgdStep } from '../../proofs/eq03-pgd-step.ts';
import { verdictOf as runVerdict } from './meaning-helpers.ts';
import { recorded } from './verdict-classes.ts';

const verdictOf = recorded('pgd-step', runVerdict);
const P_INF = { id: 'p-inf', statement: 'p = ∞', norm: 'linf' };
const P_2 = { id: 'p-2', statement: 'p = 2', norm: 'l2' };
const readings = (...rs: object[]) => ({
  readings: { convention: 'eq03-pgd-step', question: 'which p?', readings: rs },
});

describe('pgd-step (Eq. (3))', () => {
  it('holds under p = ∞, with the L2 shortfall of the sign step as witness', async () => {
    const v = await verdictOf(pgdStep, eq03PgdStep);
    expect(v.status).toBe('holds-under');
    if (v.status !== 'holds-under') return;
    expect(v.condition).toMatchObject({ kind: 'reading', reading: { id: 'p-inf' } });
    expect(v.witness.point).toMatchObject({ d: '784', norm: 'L2' });
    const data = v.evidence.data as {
      highDimShares: number[];
      highDimPredictedShares: number[];
      iterateProjectionDrift: number;
    };
    for (const [i, s] of data.highDimShares.entries()) {
      expect(s).toBeGreaterThan(0.75);
      expect(s).toBeLessThan(0.85);
      expect(s).toBeCloseTo(data.highDimPredictedShares[i]!, 10);
    }
    expect(data.iterateProjectionDrift).toBeGreaterThan(1);
    expect(v.correction).toMatchObject({
      statement: (eq03PgdStep.params as { correction: { statement: string } }).correction.statement,
      check: 'confirmed',
    });
  });

  it('confirms the L2 step g/‖g‖₂ with the L2 projection', async () => {
    const v = await verdictOf(pgdStep, eq03PgdStep, { step: 'l2', ...readings(P_2) });
    expect(v.status).toBe('confirmed');
  });

  it('refutes projecting around the overwritten iterate: the constraint is lost', async () => {
    const v = await verdictOf(pgdStep, eq03PgdStep, { ...readings(P_INF), projectAround: 'iterate' });
    expect(v.status).toBe('refuted');
    if (v.status !== 'refuted') return;
    expect(v.witness.ourValue).toMatch(/requires ‖η‖ ≤ ε/);
  });

  it('refutes the sign step for L2 alone', async () => {
    const v = await verdictOf(pgdStep, eq03PgdStep, { ...readings(P_2), highDimPoints: 1 });
    expect(v.status).toBe('refuted');
  });
});
