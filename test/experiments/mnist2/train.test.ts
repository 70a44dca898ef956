/**
 * What this proves about src/experiments/mnist2/train.ts (and its use of src/numeric/lbfgs.ts): on a 300-image MNIST2 subset every
 * training mode reaches a small full-gradient norm (≤ 1e-8 for the convex modes; L2 PGD stops on its own documented
 * floor), deterministically; the objectives are the numeric core's closed-form losses plus the weight decay; the L∞
 * split solution is a KKT point of the box-robust loss; and L∞ PGD training whose steps reach the box corners gives
 * exactly the weights of exact L∞ training.
 */
import { describe, expect, it } from 'vitest';
import { makeRng } from '../../../src/rng.ts';
import { exactPerturbation } from '../../../src/experiments/mnist2/attack.ts';
import { perturbedObjective, trainMnist2 } from '../../../src/experiments/mnist2/train.ts';
import { randomNoiseLoss } from '../../../src/numeric/random-noise.ts';
import { robustL2Loss } from '../../../src/numeric/robust-l2.ts';
import { linfBoxRobustLoss } from '../../../src/numeric/robust-linf.ts';
import { sampleUniformNoise } from '../../../src/numeric/random-noise.ts';
import { subset, trainConfig } from './fixtures.ts';

const ds = subset(300, 200).train;
const LAMBDA = 1e-3;

const norm2 = (v: ArrayLike<number>): number => Math.sqrt(Array.from(v).reduce((a, b) => a + b * b, 0));

describe('trainMnist2 reaches a small full-gradient norm (ci-sized data)', () => {
  const convex = [
    ['l2', 'standard', 0],
    ['l2', 'random', 1],
    ['l2', 'exact', 0.6],
    ['linf', 'random', 16 / 255],
    ['linf', 'exact', 76.5 / 255],
    ['linf', 'pgd', 8 / 255],
    ['linf', 'pgd', 76.5 / 255],
  ] as const;
  it.each(convex)('%s %s ε=%s: converged, gradient norm ≤ 1e-8, weights and record finite', (norm, training, eps) => {
    const r = trainMnist2(ds, trainConfig(norm, training, eps));
    expect(r.optimisation.converged).toBe(true);
    expect(Number(r.optimisation.finalGradNorm)).toBeLessThanOrEqual(1e-8);
    expect(Number(r.optimisation.weightNorm)).toBeCloseTo(norm2(r.w), 12);
    expect(r.optimisation).toMatchObject({ batchSize: 300, weightDecay: LAMBDA, initialisation: 'w = 0' });
    expect(r.w.every(Number.isFinite)).toBe(true);
  });

  it('L2 PGD stops at a small gradient norm and says why (PGD held fixed is not the exact derivative)', () => {
    const r = trainMnist2(ds, trainConfig('l2', 'pgd', 1));
    expect(Number(r.optimisation.finalGradNorm)).toBeLessThan(1e-6);
    expect(String(r.optimisation.stopReason)).toMatch(/projected gradient norm|no decrease|stalled/);
    expect(r.attack).toMatchObject({ trainSteps: 40, trainStepSize: 0.15, trainRandomStart: 'none' });
  });

  it('is deterministic: the same configuration gives the same weights bit for bit', () => {
    const a = trainMnist2(ds, trainConfig('linf', 'random', 8 / 255, 3));
    const b = trainMnist2(ds, trainConfig('linf', 'random', 8 / 255, 3));
    expect(Array.from(a.w)).toEqual(Array.from(b.w));
    expect(a.attack.trainNoiseSeed).toBe(b.attack.trainNoiseSeed);
  });

  it('L∞ PGD whose 40 steps of 0.01 reach the box corners (ε ≤ 0.2) trains exactly the weights of exact L∞ training', () => {
    const pgd = trainMnist2(ds, trainConfig('linf', 'pgd', 8 / 255));
    const exact = trainMnist2(ds, trainConfig('linf', 'exact', 8 / 255));
    expect(Array.from(pgd.w)).toEqual(Array.from(exact.w));
  });

  it('trains with an optional bias (785 parameters)', () => {
    const r = trainMnist2(ds, { ...trainConfig('l2', 'standard', 0), bias: true });
    expect(r.w.length).toBe(785);
    expect(r.optimisation.converged).toBe(true);
  });

  it('rejects ε = 0 for a noisy mode and a zero weight decay, naming the argument', () => {
    expect(() => trainMnist2(ds, trainConfig('l2', 'pgd', 0))).toThrow(/trainMnist2: pgd training needs eps > 0/);
    expect(() =>
      trainMnist2(ds, {
        ...trainConfig('l2', 'standard', 0),
        optimiser: { ...trainConfig('l2', 'standard', 0).optimiser, weightDecay: 0 },
      }),
    ).toThrow(/trainMnist2: optimiser.weightDecay must be > 0/);
  });
});

describe('the training objectives are the closed-form losses of the numeric core plus (λ/2)‖w‖²', () => {
  const rng = makeRng(4);
  const w = Float64Array.from({ length: ds.d }, () => rng.uniform(-0.2, 0.2));
  const reg = 0.5 * LAMBDA * norm2(w) ** 2;
  const close = (a: Float64Array, b: Float64Array, tol: number): void => {
    for (let j = 0; j < a.length; j++) expect(Math.abs(a[j]! - b[j]!)).toBeLessThan(tol);
  };

  it('exact L2 (closed form, Eq. 4): value and gradient of robustL2Loss', () => {
    const ours = perturbedObjective(
      ds,
      (v) => exactPerturbation(ds, v, 'l2-ball', 0.6, false),
      LAMBDA,
      false,
    ).valueAndGrad(w);
    const core = robustL2Loss(ds, 0.6).valueAndGrad(w);
    expect(ours.value).toBeCloseTo(core.value + reg, 13);
    close(
      ours.grad,
      core.grad.map((g, j) => g + LAMBDA * w[j]!),
      1e-13,
    );
  });

  it('fixed random noise (Theorem 2): value and gradient of randomNoiseLoss', () => {
    const eta = sampleUniformNoise(makeRng(9), ds, 0.3, { norm: 'linf', clipToUnitBox: true });
    const wEta = (v: Float64Array): Float64Array =>
      Float64Array.from({ length: ds.n }, (_, k) => v.reduce((s, vj, j) => s + vj * eta[k * ds.d + j]!, 0));
    const ours = perturbedObjective(ds, (v) => ({ eta, wEta: wEta(v), stalled: 0 }), LAMBDA, false).valueAndGrad(w);
    const core = randomNoiseLoss(ds, eta).valueAndGrad(w);
    expect(ours.value).toBeCloseTo(core.value + reg, 13);
    close(
      ours.grad,
      core.grad.map((g, j) => g + LAMBDA * w[j]!),
      1e-13,
    );
  });

  it('exact L∞ with clipping: the trained weights are a KKT point of linfBoxRobustLoss + (λ/2)‖w‖²', () => {
    const eps = 25.5 / 255;
    const r = trainMnist2(ds, trainConfig('linf', 'exact', eps));
    const objective = perturbedObjective(ds, (v) => exactPerturbation(ds, v, 'linf-box', eps, false), LAMBDA, false);
    const { value, grad } = objective.valueAndGrad(r.w);
    expect(value).toBeCloseTo(linfBoxRobustLoss(ds, eps).value(r.w) + 0.5 * LAMBDA * norm2(r.w) ** 2, 13);
    // Where w_j ≠ 0 the loss is differentiable in w_j and its derivative vanishes at the optimum.
    let worst = 0;
    r.w.forEach((wj, j) => {
      if (wj !== 0) worst = Math.max(worst, Math.abs(grad[j]!));
    });
    expect(worst).toBeLessThan(1e-8);
    expect(r.w.filter((v) => v === 0).length).toBeGreaterThan(0);
  });
});
