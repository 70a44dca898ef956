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
import { optimalityCondition } from '../../proofs/variables.ts';
import { recorded } from './verdict-classes.ts';
import { literalReading, onlyReadings } from './reading-helpers.ts';
import { symbolicVerdict } from './symbolic-helpers.ts';

const verdictOf = recorded('synthetic-optimum', symbolicVerdict);

describe('synthetic-optimum: the per-point condition before Eq. (9)', () => {
  it('is confirmed as printed ("for each point": every point stationary), and fails at the optimum of L_η on Gaussian data', async () => {
    const v = await verdictOf(sec3OptimalityCondition);
    expect(v.status).toBe('confirmed');
    expect(v.readings?.outcomes.map((o) => [o.id, o.outcome])).toEqual([
      ['stationary', 'holds'],
      ['optimum', 'fails'],
    ]);
  });

  it('holds only under "every point stationary" when the optimum of L_η is taken as the literal reading', async () => {
    const v = await verdictOf(sec3OptimalityCondition, literalReading(sec3OptimalityCondition, 'optimum'));
    expect(v.status).toBe('holds-under');
    if (v.status === 'holds-under')
      expect(v.condition).toMatchObject({ kind: 'reading', reading: { id: 'stationary' } });
  });

  it('is confirmed on data on one ray, where the real optimum satisfies it', async () => {
    expect((await verdictOf(sec3OptimalityCondition, { dataset: 'on-ray' })).status).toBe('confirmed');
  });

  it('refutes a condition with the wrong sign: points built from it are not stationary', async () => {
    const wrong = {
      ...optimalityCondition,
      constructions: [
        optimalityCondition.constructions[0]!,
        { target: 'x_{k}_{n}', expr: '-y_{n} * NORM(eta_{n}) * ws_{k} / NORM(ws)' },
      ],
    };
    expect((await verdictOf(sec3OptimalityCondition, { condition: wrong })).status).toBe('refuted');
  });
});

describe('synthetic-optimum: Theorem 1 and proportionality', () => {
  it('Theorem 1: the premise cannot hold at two ε on one data set; at real optima λmax grows, ‖w*‖²λmax (§3.1) does not', async () => {
    const v = await verdictOf(thm1SharperWithEps);
    expect(v.status).toBe('holds-under');
    if (v.status !== 'holds-under') return;
    expect(v.condition).toMatchObject({ kind: 'reading', convention: 'sharpness', reading: { id: 'eigenvalue' } });
    expect(v.readings?.outcomes.map((o) => [o.id, o.outcome])).toEqual([
      ['normalised', 'fails'],
      ['eigenvalue', 'holds'],
    ]);
    expect(v.evidence.details?.join('\n')).toMatch(
      /cannot hold for two models trained at different ε on the same data/,
    );
    expect(v.evidence.details?.join('\n')).toMatch(/equal-weight-norms where it matters: no/);
  });

  it('each reading alone decides: λmax confirms, the filter-normalised sharpness refutes', async () => {
    expect((await verdictOf(thm1SharperWithEps, onlyReadings(thm1SharperWithEps, 'eigenvalue'))).status).toBe(
      'confirmed',
    );
    expect((await verdictOf(thm1SharperWithEps, onlyReadings(thm1SharperWithEps, 'normalised'))).status).toBe(
      'refuted',
    );
  });

  it('"proportional to the norm of the noise" fails at real optima under both readings (λ/ε not constant)', async () => {
    const v = await verdictOf(introEigenProportional);
    expect(v.status).toBe('refuted');
    if (v.status === 'refuted') expect(v.witness.paperValue).toMatch(/proportional to ε/);
  });
});

describe('synthetic-optimum: other modes', () => {
  it('convexity: confirmed for the inner maximum, refuted for the inner minimum (projector term with a minus sign)', async () => {
    expect((await verdictOf(sec3Convexity)).status).toBe('confirmed');
    expect((await verdictOf(sec3Convexity, { inner: 'min' })).status).toBe('refuted');
  });

  it('adversarial vs random: more than twice the sharpening of random noise in λmax, not in §3.1 normalised sharpness (holds-under)', async () => {
    const v = await verdictOf(thm2AdversarialVsRandom);
    expect(v.status).toBe('holds-under');
    if (v.status === 'holds-under')
      expect(v.condition).toMatchObject({ kind: 'reading', reading: { id: 'more-sharpening-eigenvalue' } });
    // In λmax adversarial noise sharpens more; in §3.1's filter-normalised sharpness neither reading of "more" holds.
    expect(v.readings?.outcomes.map((o) => [o.id, o.outcome])).toEqual([
      ['more-sharpening-normalised', 'fails'],
      ['more-sharpening-eigenvalue', 'holds'],
      ['sharper-normalised', 'fails'],
      ['sharper-eigenvalue', 'holds'],
    ]);
  });

  it('adversarial vs random in λmax alone is confirmed', async () => {
    expect(
      (
        await verdictOf(
          thm2AdversarialVsRandom,
          onlyReadings(thm2AdversarialVsRandom, 'more-sharpening-eigenvalue', 'sharper-eigenvalue'),
        )
      ).status,
    ).toBe('confirmed');
  });

  it('adversarial vs random: a threshold the data miss refutes, and a second reading that holds gives holds-under', async () => {
    const strict = {
      id: 'strict',
      statement: '100 times sharper',
      literal: true,
      measure: 'absolute',
      sharpness: 'eigenvalue',
      minRatio: 100,
    };
    const lax = { id: 'lax', statement: 'sharper', measure: 'absolute', sharpness: 'eigenvalue', minRatio: 1 };
    const readings = (...rs: object[]) => ({ readings: { convention: 'test', question: 'how much?', readings: rs } });
    expect((await verdictOf(thm2AdversarialVsRandom, readings(strict))).status).toBe('refuted');
    const v = await verdictOf(thm2AdversarialVsRandom, readings(strict, lax));
    expect(v.status).toBe('holds-under');
    if (v.status === 'holds-under') expect(v.condition).toMatchObject({ kind: 'reading', reading: { id: 'lax' } });
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
