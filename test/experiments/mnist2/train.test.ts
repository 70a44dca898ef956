/**
 * What this proves about src/experiments/mnist2/train.ts (and its use of src/numeric/lbfgs.ts): on a 300-image MNIST2 subset every
 * training mode reaches a small full-gradient norm (≤ 1e-8 for the convex modes; L2 PGD stops on its own documented
 * floor), deterministically; the objectives are the numeric core's closed-form losses plus the weight decay; the L∞
 * split solution is a KKT point of the box-robust loss; and L∞ PGD training whose steps reach the box corners gives
 * exactly the weights of exact L∞ training. The other two optimisers of the protocol grid: L-BFGS with early stopping
 * and minibatch Adam train every mode, with and without a bias, to well above chance; early stopping returns the
 * iterate of lowest held-out objective and stops by patience when that objective rises; its held-out split is
 * disjoint, complete and fixed by its seed, and the sweep measures training accuracy on the images trained on; Adam
 * is deterministic for a seed and changes with it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { makeRng } from '../../../src/rng.ts';
import { exactPerturbation } from '../../../src/experiments/mnist2/attack.ts';
import type { Mnist2AdamConfig, Mnist2EarlyStopConfig } from '../../../src/experiments/mnist2/config.ts';
import { accuracyUnder } from '../../../src/experiments/mnist2/evaluate.ts';
import { protocolById } from '../../../src/experiments/mnist2/protocols.ts';
import { computeMnist2Cell, planMnist2Sweep } from '../../../src/experiments/mnist2/sweep.ts';
import { holdoutSplit, perturbedObjective, trainMnist2 } from '../../../src/experiments/mnist2/train.ts';
import { randomNoiseLoss } from '../../../src/numeric/random-noise.ts';
import { robustL2Loss } from '../../../src/numeric/robust-l2.ts';
import { linfBoxRobustLoss } from '../../../src/numeric/robust-linf.ts';
import { sampleUniformNoise } from '../../../src/numeric/random-noise.ts';
import { subset, trainConfig } from './fixtures.ts';

const ds = subset(300, 200).train;
const LAMBDA = 1e-3;

const norm2 = (v: ArrayLike<number>): number => Math.sqrt(Array.from(v).reduce((a, b) => a + b * b, 0));

/** The grid's early-stopping and Adam protocols (setting ci, replicate seed 1). */
const EARLY_STOP = protocolById('early-stop-wd0')!.optimiser('ci', 1) as Mnist2EarlyStopConfig;
const ADAM = protocolById('adam-minibatch')!.optimiser('ci', 1) as Mnist2AdamConfig;

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
    // Early stopping and Adam accept λ = 0 (their protocols use none), not a negative one.
    expect(() =>
      trainMnist2(ds, { ...trainConfig('l2', 'standard', 0), optimiser: { ...ADAM, weightDecay: -1 } }),
    ).toThrow(/trainMnist2: optimiser.weightDecay must be a finite number >= 0/);
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

describe('L-BFGS with early stopping and minibatch Adam (the grid protocols) train every mode', () => {
  const data = subset(200, 200);
  const small = data.train;
  const modes = [
    ['l2', 'standard', 0],
    ['l2', 'pgd', 1],
    ['l2', 'exact', 1],
    ['l2', 'random', 1],
    ['linf', 'pgd', 76.5 / 255],
    ['linf', 'exact', 76.5 / 255],
    ['linf', 'random', 76.5 / 255],
  ] as const;
  const cases = [EARLY_STOP, ADAM].flatMap((o) =>
    modes.flatMap(([norm, training, eps]) =>
      [false, true].map((bias) => [o.method, norm, training, eps, bias, o] as const),
    ),
  );
  it.each(cases)(
    '%s %s %s ε=%s bias %s: clean training accuracy ≥ 95 %, finite record',
    (method, norm, training, eps, bias, o) => {
      const r = trainMnist2(small, { ...trainConfig(norm, training, eps), bias, optimiser: o });
      expect(r.w.length).toBe(784 + (bias ? 1 : 0));
      expect(r.w.every(Number.isFinite)).toBe(true);
      expect(accuracyUnder(small, r.w, bias, null).robustAccuracy).toBeGreaterThanOrEqual(95);
      expect(Number(r.optimisation.weightNorm)).toBeCloseTo(norm2(r.w.subarray(0, 784)), 12);
      expect(Number.isFinite(Number(r.optimisation.finalObjective))).toBe(true);
      if (method === 'adam') {
        expect(r.optimisation).toMatchObject({ batchSize: 50, epochs: 10, iterations: 40, learningRate: 0.01 });
      } else {
        expect(r.optimisation).toMatchObject({ holdoutSize: 20, fitSize: 180, patience: 10, weightDecay: 0 });
        expect(Number(r.optimisation.bestIteration)).toBeLessThanOrEqual(Number(r.optimisation.iterations));
      }
    },
  );
});

describe('early stopping', () => {
  // 100 images with every fifth label flipped, no weight decay: the fit part is separable, so ‖w‖ grows without bound
  // and the loss of the held-out images whose label is flipped with it: the held-out objective falls, then rises.
  const base = subset(100, 10).train;
  const noisy = { ...base, y: Float64Array.from(base.y, (v, k) => (k % 5 === 0 ? -v : v)) };
  const optimiser: Mnist2EarlyStopConfig = { ...EARLY_STOP, holdoutFraction: 0.2, holdoutSeed: 11, patience: 5 };
  const config = { ...trainConfig('l2', 'standard', 0), optimiser };
  let r: ReturnType<typeof trainMnist2>;
  let best: number;
  beforeAll(() => {
    r = trainMnist2(noisy, config);
    best = Number(r.optimisation.bestIteration);
  });

  it('stops by patience once the held-out objective has not fallen for `patience` iterations', () => {
    expect(r.optimisation.stoppedBy).toBe('patience');
    expect(best).toBeGreaterThan(0);
    expect(r.optimisation.iterations).toBe(best + 5);
    expect(String(r.optimisation.stopReason)).toMatch(/no lower held-out objective in 5 iterations after iteration/);
  });

  it('returns the iterate of lowest held-out objective (the mean loss on the held-out images, no weight decay)', () => {
    const { holdout } = holdoutSplit(noisy, optimiser);
    const heldOut = (w: Float64Array): number => perturbedObjective(holdout, () => null, 0, false).value(w);
    expect(heldOut(r.w)).toBe(r.optimisation.heldOutObjective);
    // The same run capped at the best iteration ends there: the returned weights are that iterate's.
    const capped = trainMnist2(noisy, { ...config, optimiser: { ...optimiser, maxIterations: best } });
    expect(capped.optimisation.stoppedBy).toBe('iteration-cap');
    expect(Array.from(capped.w)).toEqual(Array.from(r.w));
    // The iterates after it, through the stop, are no better: without the patience rule the best is still `best`.
    const through = trainMnist2(noisy, {
      ...config,
      optimiser: { ...optimiser, patience: 1000, maxIterations: best + 5 },
    });
    expect(through.optimisation.bestIteration).toBe(best);
    expect(Array.from(through.w)).toEqual(Array.from(r.w));
    // And the one before it is worse.
    const before = trainMnist2(noisy, { ...config, optimiser: { ...optimiser, maxIterations: best - 1 } });
    expect(heldOut(before.w)).toBeGreaterThan(heldOut(r.w));
  });

  it('holds out round(fraction·n) images drawn by the holdout seed: disjoint, complete, the same for every cell', () => {
    const split = holdoutSplit(ds, EARLY_STOP);
    expect([split.holdout.n, split.fit.n]).toEqual([30, 270]);
    const all = [...split.holdoutIndices, ...split.fitIndices].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 300 }, (_, k) => k));
    for (const [part, idx] of [
      [split.holdout, split.holdoutIndices],
      [split.fit, split.fitIndices],
    ] as const) {
      idx.forEach((k, r) => {
        expect(part.y[r]).toBe(ds.y[k]);
        expect(Array.from(part.X.subarray(r * 784, (r + 1) * 784))).toEqual(
          Array.from(ds.X.subarray(k * 784, (k + 1) * 784)),
        );
      });
    }
    expect(Array.from(holdoutSplit(ds, EARLY_STOP).holdoutIndices)).toEqual(Array.from(split.holdoutIndices));
    const other = holdoutSplit(ds, { ...EARLY_STOP, holdoutSeed: EARLY_STOP.holdoutSeed + 1 });
    expect(Array.from(other.holdoutIndices)).not.toEqual(Array.from(split.holdoutIndices));
    expect(() => holdoutSplit(ds, { ...EARLY_STOP, holdoutFraction: 0.001 })).toThrow(/holdoutSplit: holding out/);
  });

  it("the sweep measures an early-stopped cell's training accuracy on the images it was trained on", () => {
    const data = subset(300, 200);
    const [cell] = planMnist2Sweep(
      { setting: 'ci', protocol: protocolById('early-stop-wd0')!, norms: ['l2'], eps: [0] },
      data,
    );
    const computed = computeMnist2Cell(cell!, data);
    const { fit } = holdoutSplit(data.train, cell!.config.optimiser as Mnist2EarlyStopConfig);
    expect(computed.train).toEqual(accuracyUnder(fit, Float64Array.from(computed.w), false, null));
    expect([computed.train.count, computed.test.count]).toEqual([270, 200]);
  });
});

describe('Adam', () => {
  const config = { ...trainConfig('linf', 'pgd', 16 / 255, 3), optimiser: ADAM };
  it('is deterministic for a seed (shuffles, PGD random starts) and changes with the seed', () => {
    const a = trainMnist2(ds, config);
    const b = trainMnist2(ds, config);
    expect(Array.from(a.w)).toEqual(Array.from(b.w));
    expect(a.optimisation.shuffleSeed).toBe(b.optimisation.shuffleSeed);
    const c = trainMnist2(ds, { ...config, seed: 4 });
    expect(Array.from(c.w)).not.toEqual(Array.from(a.w));
    // 300 images in batches of 50: 6 steps per epoch; the objective falls from epoch 1 to epoch 10.
    expect(a.optimisation.iterations).toBe(60);
    const epochs = String(a.optimisation.epochObjectives).split(' ').map(Number);
    expect(epochs.length).toBe(10);
    expect(epochs[9]!).toBeLessThan(epochs[0]!);
  });
});
