/**
 * The `synthetic-optimum` checker, mode by mode, on real optima of seeded synthetic problems and on points built to
 * satisfy a premise: each mode reaches the verdicts its computation allows, and the paper's records pin theirs.
 */
import { describe, expect, it } from 'vitest';
import { sec3OptimalityCondition } from '../../proofs/sec3-optimality-condition.ts';
import { thm1SharperWithEps } from '../../proofs/thm1-sharper-with-eps.ts';
import { sec3Convexity } from '../../proofs/sec3-convexity.ts';
import { thm2AdversarialVsRandom } from '../../proofs/thm2-adversarial-vs-random.ts';
import { thm2RandomNoiseFlat } from '../../proofs/thm2-random-noise-flat.ts';
import { sec3FilterNormEqualWeights } from '../../proofs/sec3-filter-norm-equal-weights.ts';
import { introEigenProportional } from '../../proofs/intro-eigen-proportional.ts';
import { EQUAL_WEIGHT_NORMS } from '../../proofs/_data/assumptions.ts';
import { optimalityCondition } from '../../proofs/variables.ts';
import { recorded } from './verdict-classes.ts';
import { onlyReadings } from './reading-helpers.ts';
import { symbolicVerdict } from './symbolic-helpers.ts';

const verdictOf = recorded('synthetic-optimum', symbolicVerdict);

describe('synthetic-optimum: the per-point condition before Eq. (9)', () => {
  it('holds as "every point stationary", fails at the optimum of L_η on Gaussian data', async () => {
    const v = await verdictOf(sec3OptimalityCondition);
    expect(v.status).toBe('holds-under');
    if (v.status === 'holds-under') expect(v.condition).toMatchObject({ kind: 'reading', reading: { id: 'stationary' } });
  });

  it('is confirmed on data on one ray, where the real optimum satisfies it', async () => {
    expect((await verdictOf(sec3OptimalityCondition, { dataset: 'on-ray' })).status).toBe('confirmed');
  });

  it('refutes a condition with the wrong sign: points built from it are not stationary', async () => {
    const wrong = { ...optimalityCondition, constructions: [optimalityCondition.constructions[0]!, { target: 'x_{k}_{n}', expr: '-y_{n} * NORM(eta_{n}) * ws_{k} / NORM(ws)' }] };
    expect((await verdictOf(sec3OptimalityCondition, { condition: wrong })).status).toBe('refuted');
  });
});

describe('synthetic-optimum: Theorem 1 and proportionality', () => {
  it('Theorem 1 holds only under ‖w_a*‖ = ‖w_b*‖: the premise leaves ‖w*‖ free (witness on one ray)', async () => {
    const v = await verdictOf(thm1SharperWithEps);
    expect(v.status).toBe('holds-under');
    if (v.status !== 'holds-under' || v.condition.kind !== 'assumption') return;
    expect(v.condition.assumption.id).toBe('equal-weight-norms');
    expect(v.condition.check.whereItMatters.status).toBe('no');
    expect(v.witness.point['‖w_a*‖']).not.toBe(v.witness.point['‖w_b*‖']);
  });

  it('is confirmed when equal norms are part of the premise, and refuted for the opposite conclusion', async () => {
    expect((await verdictOf(thm1SharperWithEps, { alsoAssumed: [EQUAL_WEIGHT_NORMS] })).status).toBe('confirmed');
    expect((await verdictOf(thm1SharperWithEps, { conclusion: 'decreasing' })).status).toBe('refuted');
  });

  it('proportionality to ε holds only under equal norms as well', async () => {
    expect((await verdictOf(introEigenProportional)).status).toBe('holds-under');
  });
});

describe('synthetic-optimum: other modes', () => {
  it('convexity: confirmed for the inner maximum, refuted for the inner minimum (projector term with a minus sign)', async () => {
    expect((await verdictOf(sec3Convexity)).status).toBe('confirmed');
    expect((await verdictOf(sec3Convexity, { inner: 'min' })).status).toBe('refuted');
  });

  it('adversarial vs random: sharper at every ε but not twice as sharp at the smallest; each reading alone decides', async () => {
    const v = await verdictOf(thm2AdversarialVsRandom);
    expect(v.status).toBe('holds-under');
    if (v.status === 'holds-under') expect(v.condition).toMatchObject({ kind: 'reading', reading: { id: 'sharper' } });
    const one = (id: string) => onlyReadings(thm2AdversarialVsRandom, id);
    expect((await verdictOf(thm2AdversarialVsRandom, one('sharper'))).status).toBe('confirmed');
    expect((await verdictOf(thm2AdversarialVsRandom, one('much-sharper'))).status).toBe('refuted');
  });

  it('Theorem 2 is confirmed as an implication, refuted for eigenvalues that shrink with ε', async () => {
    expect((await verdictOf(thm2RandomNoiseFlat)).status).toBe('confirmed');
    expect((await verdictOf(thm2RandomNoiseFlat, { direction: 'shrinks' })).status).toBe('refuted');
  });

  it('a sentence that states an assumption as a fact is decided where it matters: ‖w*‖ changes with ε', async () => {
    const v = await verdictOf(sec3FilterNormEqualWeights);
    expect(v.status).toBe('refuted');
    if (v.status === 'refuted') expect(v.witness.ourValue).toMatch(/max\/min = [\d.]+/);
  });
});
