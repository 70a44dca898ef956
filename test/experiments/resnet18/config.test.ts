import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  cellConfig,
  cellKey,
  defaultSweep,
  parseShard,
  PAPER_EPS_NUMERATORS,
  shardCells,
  sweepCells,
} from '../../../src/experiments/resnet18/config.ts';
import { batchBounds, permutation } from '../../../src/experiments/resnet18/batches.ts';
import { learningRate } from '../../../src/experiments/resnet18/sgd-momentum.ts';
import { makeRng } from '../../../src/rng.ts';

const SPEC = { architecture: 'resnet18' as const, width: 1, numClasses: 10 };

describe('full setting', () => {
  it("has the paper's PGD budgets and ε set, and the sources' optimisers and normalisations", () => {
    const c = cellConfig('full', 'cifar10', 8, 1, SPEC);
    const s = cellConfig('full', 'svhn', 8, 1, SPEC);
    expect(PAPER_EPS_NUMERATORS).toEqual([0, 4, 8, 12, 16]);
    expect([
      c.training.attack.steps,
      c.evaluation.attack.steps,
      c.training.attack.stepSize,
      c.evaluation.attack.stepSize,
    ]).toEqual([7, 20, 2 / 255, 2 / 255]);
    expect([
      s.training.attack.steps,
      s.evaluation.attack.steps,
      s.training.attack.stepSize,
      s.evaluation.attack.stepSize,
    ]).toEqual([7, 20, 1 / 255, 1 / 255]);
    expect(c.training.attack.randomStart).toBe('uniform-box');
    expect(c.eps).toBe(8 / 255);
    expect(c.normalisation.kind).toBe('per-image-standardisation');
    expect(s.normalisation).toMatchObject({ kind: 'mean-std', mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5] });
    expect(c.training.optimiser).toMatchObject({
      momentum: 0.9,
      weightDecay: 0.0002,
      weightDecayOn: 'conv-and-dense-weights',
    });
    expect(s.training.optimiser).toMatchObject({ momentum: 0.9, weightDecay: 5e-4, weightDecayOn: 'all-parameters' });
    expect([c.training.batchSize, c.training.maxSteps, c.training.augmentation]).toEqual([128, 80000, 'crop4-flip']);
    expect([s.training.batchSize, s.training.epochs, s.training.augmentation]).toEqual([128, 200, 'none']);
    expect(c.landscape).toMatchObject({
      normalisation: 'filter',
      ignore: 'biasbn',
      attack: 'evaluation',
      bnMode: 'eval',
    });
    expect(c.landscape.alphas).toContain(0);
    expect(c.dataLimit).toEqual({ train: null, test: null });
  });

  it('learning rates follow Madry (by step) and Rice / Wu (by epoch fraction, per iteration)', () => {
    const madry = cellConfig('full', 'cifar10', 8, 1, SPEC).training.schedule;
    const wu = cellConfig('full', 'svhn', 8, 1, SPEC).training.schedule;
    const at = (step: number, epoch: number, batch: number) => ({
      step,
      epoch,
      batch,
      batchesPerEpoch: 573,
      epochs: 200,
    });
    expect([0, 39999, 40000, 59999, 60000].map((s) => learningRate(madry, at(s, 0, 0)))).toEqual([
      0.1, 0.1, 0.01, 0.01, 0.001,
    ]);
    expect(learningRate(wu, at(0, 99, 571))).toBe(0.01);
    expect(learningRate(wu, at(0, 99, 572))).toBe(0.001);
    expect(learningRate(wu, at(0, 149, 572))).toBe(0.0001);
  });
});

describe('sweep cells and shards', () => {
  it('every cell has a distinct id and key; keys are stable and change with the config', () => {
    const cells = sweepCells(defaultSweep('full'));
    expect(cells.length).toBe(10);
    expect(new Set(cells.map((c) => c.id)).size).toBe(10);
    expect(new Set(cells.map((c) => c.key)).size).toBe(10);
    expect(sweepCells(defaultSweep('full')).map((c) => c.key)).toEqual(cells.map((c) => c.key));
    const changed = { ...cells[0]!.config, training: { ...cells[0]!.config.training, epochs: 3 } };
    expect(cellKey(changed)).not.toBe(cells[0]!.key);
    expect(cells[0]!.id).toBe('cifar10-eps0-seed20210');
  });

  it('shards i/n partition the cells: disjoint, covering, deterministic', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 12 }), (m, n) => {
        const cells = Array.from({ length: m }, (_, i) => i);
        const parts = Array.from({ length: n }, (_, i) => shardCells(cells, { index: i, count: n }));
        expect(parts.flat().sort((a, b) => a - b)).toEqual(cells);
        expect(shardCells(cells, { index: n - 1, count: n })).toEqual(parts[n - 1]);
      }),
      { seed: 20210 },
    );
    expect(parseShard(' 2 / 5 ')).toEqual({ index: 2, count: 5 });
    expect(() => parseShard('5/5')).toThrow(/parseShard: expected i\/n with integers 0 ≤ i < n, got "5\/5"/);
    expect(() => parseShard('a/b')).toThrow(/got "a\/b"/);
  });

  it('batches and shuffles are seeded', () => {
    expect(batchBounds(10, 4, false)).toEqual([
      [0, 4],
      [4, 8],
      [8, 10],
    ]);
    expect(batchBounds(10, 4, true)).toEqual([
      [0, 4],
      [4, 8],
    ]);
    const p = permutation(50, makeRng(3));
    expect(Array.from(p).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(permutation(50, makeRng(3))).toEqual(p);
  });
});
