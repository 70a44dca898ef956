/**
 * The `derivative` checker decides both ways and under a condition: the logistic gradient is confirmed (with the
 * finite-difference oracle agreeing), a sign error is refuted with a witness proved nonzero by an interval enclosure,
 * and Eq. (9) holds only under the per-point optimality condition, whose check is computed.
 */
import { describe, expect, it } from 'vitest';
import { w, x, y, N } from '../../proofs/variables.ts';
import { eq09HessianAtOptimum } from '../../proofs/eq09-hessian-at-optimum.ts';
import { recorded } from './verdict-classes.ts';
import { symbolicVerdict, testRecord } from './symbolic-helpers.ts';

const verdictOf = recorded('derivative', symbolicVerdict);

const LOSS = String.raw`\frac{1}{N}\sum_{n}\log\left(1+\exp\left(-y^{n}\bm{w}\cdot\bm{x}^{n}\right)\right)`;
const GRAD = String.raw`\frac{1}{N}\sum_{n}\frac{-y^{n}x_{i}^{n}}{1+\exp\left(y^{n}\bm{w}\cdot\bm{x}^{n}\right)}`;
const WRONG = String.raw`\frac{1}{N}\sum_{n}\frac{y^{n}x_{i}^{n}}{1+\exp\left(y^{n}\bm{w}\cdot\bm{x}^{n}\right)}`;

const gradientClaim = (printed: string) =>
  testRecord('derivative', {
    latex: [
      { printed: LOSS, role: 'base' },
      { printed, role: 'rhs' },
    ],
    variables: [w, x, y, N],
    params: { wrt: ['w_{i}'], indices: ['i'], derived: GRAD, correction: { latex: GRAD } },
  });

describe('derivative checker', () => {
  it('confirms the logistic gradient (tested, not proved) and agrees with the finite-difference oracle', async () => {
    const v = await verdictOf(gradientClaim(GRAD));
    expect(v.status).toBe('confirmed');
    if (v.status !== 'confirmed') return;
    expect(v.basis.kind).toBe('tested');
    expect(v.engines?.find((e) => e.engine.startsWith('finite'))?.agrees).toBe(true);
  });

  it('refutes a sign error with a witness whose difference an interval enclosure proves nonzero', async () => {
    const v = await verdictOf(gradientClaim(WRONG));
    expect(v.status).toBe('refuted');
    if (v.status !== 'refuted') return;
    expect(Number(v.witness.paperValue)).toBeCloseTo(-Number(v.witness.ourValue), 10);
    expect(v.witness.enclosure?.excludesZero).toBe(true);
    const mid = (Number(v.witness.enclosure!.lo) + Number(v.witness.enclosure!.hi)) / 2;
    expect(mid).toBeCloseTo(Number(v.witness.paperValue) - Number(v.witness.ourValue), 12);
    expect(v.correction).toMatchObject({ latex: GRAD, check: 'confirmed' });
  });

  it('holds Eq. (9) only under per-point optimality, and checks the assumption (satisfiable, forces, fails at real optima)', async () => {
    const v = await verdictOf(eq09HessianAtOptimum);
    expect(v.status).toBe('holds-under');
    if (v.status !== 'holds-under' || v.condition.kind !== 'assumption') return;
    expect(v.condition.assumption.id).toBe('per-point-optimality');
    expect(v.condition.assumption.source.kind).toBe('paper');
    expect(v.condition.check.satisfiable.status).toBe('yes');
    expect(v.condition.check.forces.map((f) => f.status)).toEqual(['forced', 'forced', 'forced']);
    expect(v.condition.check.whereItMatters.status).toBe('no');
    expect(v.witness.enclosure?.excludesZero).toBe(true);
  });
});
