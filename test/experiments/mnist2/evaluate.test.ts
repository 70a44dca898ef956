/**
 * What this proves about src/experiments/mnist2/evaluate.ts: ε = 0 is clean accuracy; robust accuracy counts are
 * consistent (percent = 100·correct/count) and PGD-100 does not beat the exact maximiser; the PGD audit gap is 0 for
 * L∞ (sign steps reach the corners of the box) and reported, non-negative, for L2 (clipping after the projection
 * stops short of the ball ∩ box maximum); random-noise cells are evaluated under fresh noise and under PGD.
 */
import { describe, expect, it } from 'vitest';
import { evaluateMnist2 } from '../../../src/experiments/mnist2/evaluate.ts';
import { planMnist2Sweep } from '../../../src/experiments/mnist2/sweep.ts';
import { trainMnist2 } from '../../../src/experiments/mnist2/train.ts';
import { subset } from './fixtures.ts';

const data = subset(300, 200);
const plan = planMnist2Sweep({ setting: 'ci' }, data);
const cell = (name: string) => {
  const p = plan.find((c) => c.name === name);
  if (p === undefined) throw new Error(`no planned cell ${name}: ${plan.map((c) => c.name).join(', ')}`);
  const trained = trainMnist2(data.train, p.config);
  return { config: p.config, w: trained.w, evaluation: evaluateMnist2(data.train, data.test, trained.w, p.config) };
};

describe('evaluateMnist2', () => {
  it('measures clean accuracy at ε = 0, with no audit', () => {
    const { evaluation } = cell('l2 standard ε=0.00');
    expect(evaluation.evaluation).toBe('clean');
    expect(evaluation.audits).toEqual([]);
    expect(evaluation.train.count).toBe(300);
    expect(evaluation.test.count).toBe(200);
  });

  it('L∞ PGD-100 reaches the exact maximiser: audit gap 0 on both splits, same robust accuracy', () => {
    const { evaluation } = cell('linf pgd ε=76.5/255');
    expect(evaluation.evaluation).toBe('pgd');
    expect(evaluation.audits.map((a) => a.split)).toEqual(['train', 'test']);
    for (const a of evaluation.audits) {
      expect(Math.abs(a.gap)).toBeLessThanOrEqual(1e-12);
      expect(a.pgdRobustAccuracy).toBe(a.exactRobustAccuracy);
    }
    expect(evaluation.train.loss).toBeCloseTo(evaluation.audits[0]!.pgdLoss, 15);
    for (const s of [evaluation.train, evaluation.test])
      expect(s.robustAccuracy).toBeCloseTo((100 * s.correct) / s.count, 12);
    expect(evaluation.attack).toMatchObject({ evalSteps: 100, evalStepSize: 0.01, evalRandomStart: 'linf-box' });
  });

  it('L2 PGD-100 audit: the gap is reported and non-negative (PGD stops short of the ball ∩ box maximum)', () => {
    const { evaluation } = cell('l2 pgd ε=1.00');
    for (const a of evaluation.audits) {
      expect(a.gap).toBeGreaterThan(0);
      expect(a.exactLoss).toBeGreaterThan(a.pgdLoss);
      expect(a.exactRobustAccuracy!).toBeLessThanOrEqual(a.pgdRobustAccuracy!);
    }
    expect(evaluation.attack).toMatchObject({ evalSteps: 100, evalStepSize: 0.15, evalRandomStart: 'none' });
  });

  it('random-noise cells: accuracy under fresh noise ("against RANDOM"), and under PGD-100 in pgdEval', () => {
    const { evaluation } = cell('linf random ε=76.5/255');
    expect(evaluation.evaluation).toBe('random-noise');
    expect(evaluation.pgdEval).toBeDefined();
    // Noise training does not make the model robust to the attack of the same radius.
    expect(evaluation.pgdEval!.test.robustAccuracy).toBeLessThan(evaluation.test.robustAccuracy);
    expect(evaluation.attack.evalNoiseSeedTrain).not.toBe(evaluation.attack.evalNoiseSeedTest);
  });
});
