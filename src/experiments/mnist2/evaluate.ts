/**
 * Robust accuracy of a trained MNIST2 model (Tables 1–4) and the PGD audit: accuracy and mean loss under the
 * evaluation attack of the cell's ε (PGD-100 with the paper's step sizes; clean at ε = 0; uniform noise for the
 * random-noise cells, whose tables read "against RANDOM"), and PGD's mean loss against the exact inner maximiser of
 * the linear model on the same constraint set (L2 ball ∩ [0, 1] box by its KKT form, L∞ per coordinate).
 */
import { makeRng } from '../../rng.ts';
import type { Dataset } from '../../numeric/dataset.ts';
import { sampleUniformNoise } from '../../numeric/random-noise.ts';
import { softplus } from '../../numeric/stable.ts';
import { exactPerturbation, linearPgd, pgdRandomStarts, type BatchPerturbation } from './attack.ts';
import type { Mnist2CellConfig } from './config.ts';
import type { AccuracyCount, Mnist2PgdAudit } from './results.ts';
import { cellSeeds, describePgd, pgdOptions } from './train.ts';

/** Accuracy (percent), counts and mean loss of the linear model at w on `ds` perturbed by `p` (none: clean). */
export function accuracyUnder(ds: Dataset, w: Float64Array, bias: boolean, p: BatchPerturbation | null): AccuracyCount {
  const { X, y, n, d } = ds;
  const b = bias ? w[d]! : 0;
  let correct = 0;
  let loss = 0;
  for (let k = 0; k < n; k++) {
    const off = k * d;
    let s = b + (p === null ? 0 : p.wEta[k]!);
    for (let j = 0; j < d; j++) {
      const x = X[off + j]!;
      if (x !== 0) s += x * w[j]!;
    }
    const margin = y[k]! * s;
    if (margin > 0) correct++;
    loss += softplus(-margin);
  }
  return { robustAccuracy: (100 * correct) / n, correct, count: n, loss: loss / n };
}

/** What `evaluateMnist2` measures for one cell. */
export interface Mnist2Evaluation {
  readonly train: AccuracyCount;
  readonly test: AccuracyCount;
  readonly evaluation: 'clean' | 'pgd' | 'random-noise';
  /** Random-noise cells only: accuracy under the evaluation PGD. */
  readonly pgdEval?: { readonly train: AccuracyCount; readonly test: AccuracyCount };
  /** Train and test audits of the evaluation PGD (absent at ε = 0). */
  readonly audits: readonly Mnist2PgdAudit[];
  /** Evaluation settings (for `Mnist2Cell.attack`, prefixed `eval`). */
  readonly attack: Readonly<Record<string, string | number | boolean>>;
}

/** The evaluation PGD of a cell on one split at weights w (PGD-100, random start as configured, seeded per split). */
export function evaluationPgd(
  ds: Dataset,
  w: Float64Array,
  config: Mnist2CellConfig,
  split: 'train' | 'test',
): BatchPerturbation {
  const { norm, eps, bias } = config;
  const seeds = cellSeeds(config.seed);
  const { steps, stepSize } = pgdOptions(config.evalAttack, eps);
  const starts =
    config.evalAttack.randomStart === 'none'
      ? null
      : pgdRandomStarts(ds, norm, eps, split === 'train' ? seeds.evalStartTrain : seeds.evalStartTest);
  return linearPgd(ds, w, { norm, eps, steps, stepSize, bias, starts });
}

/**
 * PGD audit on one split: mean loss under `pgdPerturbation` against the mean loss under the exact maximiser of the
 * same constraint set (L2: ball ∩ [0, 1] box; L∞: box ∩ [0, 1]), with both robust accuracies.
 */
export function auditPgd(
  ds: Dataset,
  w: Float64Array,
  config: Pick<Mnist2CellConfig, 'norm' | 'eps' | 'bias'>,
  pgdPerturbation: BatchPerturbation,
  split: 'train' | 'test',
): Mnist2PgdAudit {
  const exact = exactPerturbation(ds, w, config.norm === 'l2' ? 'l2-ball-box' : 'linf-box', config.eps, config.bias);
  const e = accuracyUnder(ds, w, config.bias, exact);
  const p = accuracyUnder(ds, w, config.bias, pgdPerturbation);
  return {
    exactLoss: e.loss,
    pgdLoss: p.loss,
    gap: e.loss - p.loss,
    split,
    exactRobustAccuracy: e.robustAccuracy,
    pgdRobustAccuracy: p.robustAccuracy,
  };
}

/**
 * Evaluates a trained cell on both splits: robust accuracy (percent, counts) and mean loss under the evaluation
 * attack of the cell's ε — PGD-100 (L2: λ = 0.15ε, step g/‖g‖₂; L∞: λ = 0.01, sign step), clean at ε = 0, uniform
 * noise for random-noise cells (plus PGD-100 in `pgdEval`) — and audits the evaluation PGD against the exact maximiser.
 */
export function evaluateMnist2(
  train: Dataset,
  test: Dataset,
  w: Float64Array,
  config: Mnist2CellConfig,
): Mnist2Evaluation {
  const { norm, eps, bias } = config;
  const seeds = cellSeeds(config.seed);
  if (eps === 0) {
    return {
      train: accuracyUnder(train, w, bias, null),
      test: accuracyUnder(test, w, bias, null),
      evaluation: 'clean',
      audits: [],
      attack: { evalAttack: 'none (ε = 0: clean accuracy)' },
    };
  }
  const pgdTrain = evaluationPgd(train, w, config, 'train');
  const pgdTest = evaluationPgd(test, w, config, 'test');
  const audits = [auditPgd(train, w, config, pgdTrain, 'train'), auditPgd(test, w, config, pgdTest, 'test')];
  const { steps, stepSize } = pgdOptions(config.evalAttack, eps);
  const attack: Record<string, string | number | boolean> = {
    evalPgd: describePgd(config.evalAttack, norm, eps),
    evalSteps: steps,
    evalStepSize: stepSize,
    evalRandomStart: config.evalAttack.randomStart,
    ...(config.evalAttack.randomStart !== 'none'
      ? { evalRandomStartSeedTrain: seeds.evalStartTrain, evalRandomStartSeedTest: seeds.evalStartTest }
      : {}),
    evalPgdStalledExamples: pgdTrain.stalled + pgdTest.stalled,
    auditReference:
      norm === 'l2'
        ? 'exact maximiser over the L2 ε-ball ∩ [0, 1] box (KKT: clip(t·(−yw), −x, 1 − x), ‖η‖₂ = ε)'
        : 'exact maximiser clip(−yε·sign(w), −x, 1 − x)',
  };
  const pgdResults = { train: accuracyUnder(train, w, bias, pgdTrain), test: accuracyUnder(test, w, bias, pgdTest) };
  if (config.training !== 'random') return { ...pgdResults, evaluation: 'pgd', audits, attack };
  const noisy = (ds: Dataset, seed: number): AccuracyCount => {
    const eta = sampleUniformNoise(makeRng(seed), ds, eps, { norm, clipToUnitBox: config.noise.clipToUnitBox });
    const wEta = new Float64Array(ds.n);
    for (let k = 0; k < ds.n; k++) {
      let s = 0;
      for (let j = 0; j < ds.d; j++) s += w[j]! * eta[k * ds.d + j]!;
      wEta[k] = s;
    }
    return accuracyUnder(ds, w, bias, { eta, wEta, stalled: 0 });
  };
  return {
    train: noisy(train, seeds.evalNoiseTrain),
    test: noisy(test, seeds.evalNoiseTest),
    evaluation: 'random-noise',
    pgdEval: pgdResults,
    audits,
    attack: {
      ...attack,
      evalNoise: "fresh uniform noise of the cell's norm and ε, clipped to [0, 1], one draw per example",
      evalNoiseSeedTrain: seeds.evalNoiseTrain,
      evalNoiseSeedTest: seeds.evalNoiseTest,
    },
  };
}
