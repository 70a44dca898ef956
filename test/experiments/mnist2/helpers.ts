/**
 * Hand-built MNIST2 results for the measurement, figure and checker tests: real MNIST2 images (the first few hundred
 * of the shared training subset, read by the sweep's loader), optionally 2×2-average-pooled to 14×14 to keep dense
 * eigensolves cheap, and weights from a quick L-BFGS (`minimize`) on each cell's training objective with weight decay.
 * No sweep is run: the cells are built here in the `Mnist2Results` shape the sweep writes.
 */
import type { Mnist2Replicated } from '../../../checks/_internals/mnist2.ts';
import { REFERENCE_PROTOCOL } from '../../../src/experiments/mnist2/protocols.ts';
import { replicateCell } from '../../../src/experiments/mnist2/replicates.ts';
import { deriveSeed, makeRng } from '../../../src/rng.ts';
import { loadMnist2 } from '../../../src/experiments/mnist2/data.ts';
import type {
  AccuracyCount,
  Mnist2Cell,
  Mnist2Results,
  Mnist2Training,
} from '../../../src/experiments/mnist2/results.ts';
import type { Dataset } from '../../../src/numeric/dataset.ts';
import { fixedExampleLoss } from '../../../src/numeric/fixed-example.ts';
import { logisticLoss } from '../../../src/numeric/logistic.ts';
import type { Loss } from '../../../src/numeric/loss.ts';
import { minimize } from '../../../src/numeric/minimize.ts';
import { randomNoiseLoss, sampleUniformNoise } from '../../../src/numeric/random-noise.ts';
import { robustL2Loss } from '../../../src/numeric/robust-l2.ts';
import { linfBoxPerturbation } from '../../../src/numeric/robust-linf.ts';
import type { BallNorm } from '../../../src/numeric/vector.ts';

let cache: Dataset | undefined;

/** The first 240 MNIST2 training images (28×28, pixels in [0, 1]) of the shared subset, via the sweep's loader. */
export function mnist2Head(): Dataset {
  cache ??= loadMnist2({ trainLimit: 240, testLimit: 10 }).train;
  return cache;
}

/** 2×2 average pooling of 28×28 images to 14×14 (d = 196, pixels stay in [0, 1]). */
export function pooled(ds: Dataset): Dataset {
  const d = 196;
  const X = new Float64Array(ds.n * d);
  for (let k = 0; k < ds.n; k++) {
    for (let r = 0; r < 14; r++) {
      for (let c = 0; c < 14; c++) {
        let s = 0;
        for (const [dr, dc] of [
          [0, 0],
          [0, 1],
          [1, 0],
          [1, 1],
        ] as const)
          s += ds.X[k * 784 + (2 * r + dr) * 28 + 2 * c + dc]!;
        X[k * d + r * 14 + c] = s / 4;
      }
    }
  }
  return { X, y: ds.y, n: ds.n, d };
}

let pooledCache: Dataset | undefined;
/** `pooled(mnist2Head())`, cached. */
export function smallMnist2(): Dataset {
  pooledCache ??= pooled(mnist2Head());
  return pooledCache;
}

/** A cell to build. */
export interface CellSpec {
  readonly norm: BallNorm;
  readonly training: Mnist2Training;
  readonly eps: number;
  /** L-BFGS iterations (default 40) and weight decay λ (default 1e-3). */
  readonly iterations?: number;
  readonly weightDecay?: number;
}

function withDecay(value: (w: Float64Array) => { value: number; grad: Float64Array }, lambda: number) {
  const vg = (w: Float64Array) => {
    const r = value(w);
    let ww = 0;
    const grad = Float64Array.from(r.grad);
    for (let j = 0; j < w.length; j++) {
      ww += w[j]! * w[j]!;
      grad[j]! += lambda * w[j]!;
    }
    return { value: r.value + 0.5 * lambda * ww, grad };
  };
  return { value: (w: Float64Array) => vg(w).value, grad: (w: Float64Array) => vg(w).grad, valueAndGrad: vg };
}

/** The training objective of a cell (Danskin gradient for the L∞ box maximiser; noise drawn from seed 5). */
function trainingObjective(ds: Dataset, spec: CellSpec): (w: Float64Array) => { value: number; grad: Float64Array } {
  const loss = (l: Loss) => (w: Float64Array) => l.valueAndGrad(w);
  if (spec.training === 'standard' || spec.eps === 0) return loss(logisticLoss(ds));
  if (spec.training === 'random')
    return loss(
      randomNoiseLoss(ds, sampleUniformNoise(makeRng(5), ds, spec.eps, { norm: spec.norm, clipToUnitBox: true })),
    );
  if (spec.norm === 'l2') return loss(robustL2Loss(ds, spec.eps));
  return (w) => fixedExampleLoss(ds, linfBoxPerturbation(ds, w, spec.eps)).valueAndGrad(w);
}

/** Label as the paper prints ε. */
export function label(norm: BallNorm, eps: number): string {
  return norm === 'l2' ? eps.toFixed(2) : `${Number((eps * 255).toFixed(4))}/255`;
}

/** A fake accuracy record (these tests do not evaluate accuracy). */
export function accuracy(correct: number, count: number): AccuracyCount {
  return { robustAccuracy: (100 * correct) / count, correct, count, loss: 0.01 };
}

/** A cell with weights from `iterations` L-BFGS steps on its training objective from w = 10⁻³·1 (no bias). */
export function trainedCell(ds: Dataset, spec: CellSpec): Mnist2Cell {
  const objective = withDecay(trainingObjective(ds, spec), spec.weightDecay ?? 1e-3);
  const r = minimize(objective, new Float64Array(ds.d).fill(1e-3), {
    method: 'lbfgs',
    maxIterations: spec.iterations ?? 40,
    gradTol: 1e-10,
  });
  return cellWith(spec.norm, spec.training, spec.eps, r.w);
}

/** A cell with the given weights and placeholder accuracies. */
export function cellWith(
  norm: BallNorm,
  training: Mnist2Training,
  eps: number,
  w: ArrayLike<number>,
  acc?: { train: AccuracyCount; test: AccuracyCount },
): Mnist2Cell {
  const train = acc?.train ?? accuracy(239, 240);
  const test = acc?.test ?? accuracy(10, 10);
  return {
    key: `${norm}-${training}-${label(norm, eps)}-${deriveSeed(1, Array.from(w, (v) => v.toPrecision(6)).join(','))}`,
    norm,
    training,
    eps,
    epsLabel: label(norm, eps),
    seed: 1,
    w: Array.from(w),
    bias: false,
    train,
    test,
    gap: train.robustAccuracy - test.robustAccuracy,
    optimisation: { method: 'lbfgs (test helper)' },
    attack: {},
  };
}

/** Results around hand-built cells. */
export function resultsOf(cells: readonly Mnist2Cell[], ds: Dataset): Mnist2Results {
  return {
    setting: 'ci',
    seed: 1,
    data: {
      trainImages: 'train-images-idx3-ubyte.first22699.gz',
      trainLabels: 'train-labels-idx1-ubyte.first22699.gz',
      testImages: 't10k-images-idx3-ubyte.gz',
      testLabels: 't10k-labels-idx1-ubyte.gz',
      sha256: {},
      trainCount: ds.n,
      testCount: 10,
      labelMap: 'digit 0 → y = −1, digit 1 → y = +1',
      subset: `first ${ds.n} train images${ds.d === 196 ? ', 2×2-pooled to 14×14 (tests)' : ''}`,
    },
    backend: 'float64',
    cells: [...cells],
  };
}

/** One replicate of hand-built cells: its protocol id (default the reference) and seed (default 1). */
export interface ReplicateSpec {
  readonly protocol?: string;
  readonly seed?: number;
  readonly cells: readonly Mnist2Cell[];
}

/**
 * The replicates-only data the MNIST2 checkers read (`results`, `protocols`, `replicates`) around hand-built cells
 * without measurements: the first replicate's cells are the results; each protocol named is in the grid.
 */
export function replicatedOf(replicates: readonly ReplicateSpec[], ds: Dataset): Mnist2Replicated {
  const ids = [...new Set(replicates.map((r) => r.protocol ?? REFERENCE_PROTOCOL.id))];
  return {
    results: resultsOf(replicates[0]!.cells, ds),
    protocols: ids.map((id) => ({ id, label: `protocol ${id}`, source: 'claimcheck: test' })),
    replicates: replicates.map((r, i) => ({
      protocol: r.protocol ?? REFERENCE_PROTOCOL.id,
      replicate: i,
      seed: r.seed ?? 1,
      measurement: 'test cells, no measurements',
      cells: r.cells.map((c) => replicateCell(c, undefined, undefined, undefined)),
    })),
  };
}
