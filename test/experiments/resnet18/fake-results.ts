/**
 * Hand-made ResNet results (no training) for tests of the verdict helpers and the report section: one cell per
 * (dataset, ε, seed) with given final / best gaps and landscape rises.
 */
import { cellConfig, cellKey, type DatasetName } from '../../../src/experiments/resnet18/config.ts';
import {
  CELL_SCHEMA,
  RESULTS_SCHEMA,
  type CellResult,
  type ResNetResults,
} from '../../../src/experiments/resnet18/results.ts';

/** What a fake cell measures. */
export interface FakeCell {
  readonly dataset: DatasetName;
  readonly eps: number;
  readonly seed?: number;
  /** Final train and test robust accuracy (%); the gap is their difference. */
  readonly train: number;
  readonly test: number;
  /** Landscape loss at α = ±1 minus the loss at 0. */
  readonly rise: number;
  /** Best checkpoint's test accuracy (default: the final one). */
  readonly bestTest?: number;
}

function accuracy(pct: number, count: number): CellResult['final']['train'] {
  const correct = Math.round((pct * count) / 100);
  return {
    robustAccuracy: (100 * correct) / count,
    correct,
    count,
    loss: 1,
    cleanAccuracy: 90,
    cleanCorrect: Math.round(0.9 * count),
    cleanLoss: 0.5,
  };
}

/** A cell result with the given numbers and a valid key. */
export function fakeCell(f: FakeCell): CellResult {
  const config = cellConfig('full', f.dataset, f.eps, f.seed ?? 1, {
    architecture: 'resnet18',
    width: 1,
    numClasses: 10,
  });
  const count = { train: f.dataset === 'cifar10' ? 50000 : 73257, test: f.dataset === 'cifar10' ? 10000 : 26032 };
  const train = accuracy(f.train, count.train);
  const test = accuracy(f.test, count.test);
  const final = { epoch: 200, train, test, gap: train.robustAccuracy - test.robustAccuracy, sameAsFinal: false };
  const bestTest = f.bestTest === undefined ? test : accuracy(f.bestTest, count.test);
  const best =
    f.bestTest === undefined
      ? { ...final, sameAsFinal: true }
      : { epoch: 100, train, test: bestTest, gap: train.robustAccuracy - bestTest.robustAccuracy, sameAsFinal: false };
  const l0 = 1 + f.eps / 10;
  return {
    schema: CELL_SCHEMA,
    id: `${f.dataset}-eps${f.eps}-seed${f.seed ?? 1}`,
    key: cellKey(config),
    config,
    data: {
      dataset: f.dataset,
      train: { count: count.train, files: [{ name: 'train', bytes: 1, sha256: '0'.repeat(64), images: count.train }] },
      test: { count: count.test, files: [{ name: 'test', bytes: 1, sha256: '1'.repeat(64), images: count.test }] },
      officialSplit: true,
    },
    runtime: {
      backend: 'tensorflow',
      backendPackage: '@tensorflow/tfjs-node-gpu',
      backendVersion: '4.22.0',
      convGradient: 'builtin',
      device: 'GPU test',
      tfjs: '4.22.0',
      node: 'v20',
      claimcheck: '0.1.0',
    },
    seeds: { cell: f.seed ?? 1 },
    training: { epochs: [], steps: 0, bestEpoch: best.epoch },
    final,
    best,
    landscape: {
      checkpoint: 'final',
      count: 1000,
      directionSeed: 1,
      attackSeed: 2,
      points: [-1, 0, 1].map((alpha) => ({
        alpha,
        loss: l0 + f.rise * alpha * alpha,
        robustAccuracy: 50,
        cleanLoss: l0,
      })),
      sharpness: { rise: f.rise, curvature: 2 * f.rise },
    },
  };
}

/** Merged results of fake cells. */
export function fakeResults(cells: readonly FakeCell[], missing: readonly string[] = []): ResNetResults {
  return { schema: RESULTS_SCHEMA, setting: 'full', sweep: null, cells: cells.map(fakeCell), missing };
}
