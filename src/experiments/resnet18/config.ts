/**
 * Configuration of the ResNet18 companion sweep (the paper's Section 5.2: Fig. 4, Tables 5–6): the settings `full`
 * (the paper's and its sources' hyper-parameters) and `tiny` (a few images, one epoch, width 1/16: exercises every
 * path on a CPU in seconds), and one `CellConfig` per (dataset, ε, seed). Every field that changes a result is in
 * the cell's config, and the cell key is a hash of it.
 *
 * Sources, as read for this module:
 * - the paper (Section 5): L∞ ε ∈ {0, 4, 8, 12, 16}/255; PGD 7 iterations at training and 20 at evaluation; step
 *   2/255 (CIFAR-10) and 1/255 (SVHN); "ResNet18" (Section 5.2, Fig. 4); Appendix C: model, standardisation and PGD
 *   "the same as in Madry et al." (CIFAR-10) and "Wu et al." (SVHN).
 * - Madry et al., MadryLab/cifar10_challenge `config.json`: batch 128, momentum 0.9, weight decay 0.0002 (on conv and
 *   dense weights, `DW` variables), learning rate 0.1 → 0.01 at step 40,000 → 0.001 at 60,000, 80,000 steps;
 *   `num_steps` 10 × `step_size` 2.0 (of 255), random start; `cifar10_input.py`: zero-pad to 36×36, random 32×32
 *   crop, random left-right flip; `model.py`: per-image standardisation inside the model; a wide ResNet (WRN-28-10
 *   in its comment), not implemented here.
 * - Wu et al. build on Rice et al.'s `train_svhn.py` (read here as stored in a fork of locuslab/robust_overfitting;
 *   AWP's own `train_svhn.py` was not available): PreActResNet18, SGD momentum 0.9, weight decay 5e-4 on every
 *   parameter, lr 0.01, piecewise ÷10 at 50 % and ÷100 at 75 % of 200 epochs (updated every iteration), batch 128,
 *   no augmentation, mean = std = 0.5, PGD with uniform random start.
 */
import { contentKey } from '../../fs/json.ts';
import { DEFAULT_SEED, type Setting } from '../../settings.ts';
import type { Architecture, ModelSpec } from './model.ts';
import { MADRY_STANDARDISATION, WU_MEAN_STD, type Normalisation } from './normalisation.ts';
import type { LinfPgdSettings } from './pgd.ts';

/** The two datasets of Section 5.2. */
export type DatasetName = 'cifar10' | 'svhn';

/** Every dataset, in the paper's order (Table 5, Table 6). */
export const DATASETS: readonly DatasetName[] = ['cifar10', 'svhn'];

/**
 * The scale of a sweep, as its results files record it: `full`, the paper's settings on the given data; `tiny`, a few
 * images, one epoch, width 1/16 — what the run setting `ci` runs (`resnetScale`).
 */
export type ResnetScale = 'tiny' | 'full';

/** The sweep scale a run setting runs: `ci` → `tiny`, `full` → `full`. */
export function resnetScale(setting: Setting): ResnetScale {
  return setting === 'ci' ? 'tiny' : 'full';
}

/** The paper's L∞ ε set for CIFAR-10 and SVHN, as numerators over 255. */
export const PAPER_EPS_NUMERATORS: readonly number[] = [0, 4, 8, 12, 16];

/** The largest ε numerator over 255: ε = 1 spans the whole [0, 1] pixel range, so a larger ε is no larger attack. */
export const MAX_EPS_NUMERATOR = 255;

/** SGD with heavy-ball momentum (PyTorch `SGD` / TF `MomentumOptimizer`: buf ← μ·buf + g + λ·w; w ← w − lr·buf). */
export interface OptimiserConfig {
  readonly kind: 'sgd-momentum';
  readonly momentum: number;
  readonly nesterov: false;
  readonly weightDecay: number;
  /** `all-parameters` (PyTorch `weight_decay=`), `conv-and-dense-weights` (Madry's `DW` variables only). */
  readonly weightDecayOn: 'all-parameters' | 'conv-and-dense-weights';
  readonly source: string;
}

/** Learning-rate schedule. */
export type LrSchedule =
  /** Madry et al.: piecewise constant in the global step; `boundaries[i].lr` from step `boundaries[i].fromStep`. */
  | {
      readonly kind: 'piecewise-steps';
      readonly boundaries: readonly { readonly fromStep: number; readonly lr: number }[];
      readonly source: string;
    }
  /**
   * Rice et al. / Wu et al.: t = epoch + (i + 1)/batches per iteration; lr = lrMax while t/epochs < drops[0].atFraction,
   * then drops[k].lr.
   */
  | {
      readonly kind: 'piecewise-epoch-fraction';
      readonly lrMax: number;
      readonly drops: readonly { readonly atFraction: number; readonly lr: number }[];
      readonly source: string;
    };

/** How a cell is trained. */
export interface TrainingConfig {
  readonly epochs: number;
  /** Stop after this many optimiser steps (Madry: 80,000), or null to run every epoch to its end. */
  readonly maxSteps: number | null;
  readonly batchSize: number;
  /** Whether a last incomplete batch is dropped (Madry's loader always yields full batches; PyTorch's keeps it). */
  readonly dropLast: boolean;
  /** `crop4-flip`: zero-pad 4, random 32×32 crop, random horizontal flip (Madry); `none` (Rice / Wu on SVHN). */
  readonly augmentation: 'crop4-flip' | 'none';
  readonly optimiser: OptimiserConfig;
  readonly schedule: LrSchedule;
  /** PGD at training time: the model in train mode (batch statistics), as both sources' code runs it. */
  readonly attack: Omit<LinfPgdSettings, 'eps'>;
  /** Whether the attack's train-mode forwards update the BN running statistics (they do in PyTorch and in Madry's TF code). */
  readonly bnUpdatesDuringAttack: boolean;
}

/** How robust accuracy is measured: the same for train and test, and for the final and the best checkpoint. */
export interface EvaluationConfig {
  /** PGD at evaluation time, model in eval mode (running statistics). */
  readonly attack: Omit<LinfPgdSettings, 'eps'>;
  readonly batchSize: number;
  /** Training images the train robust accuracy is measured on: the first `trainCount` (null: all of them). */
  readonly trainCount: number | null;
  /** Test images the test robust accuracy is measured on: the first `testCount` (null: all). */
  readonly testCount: number | null;
  /** "Best" checkpoint: highest test robust accuracy, measured after every epoch on the first `selectionCount` test images (null: all). */
  readonly selectionCount: number | null;
}

/** The 1-D weight loss landscape of Fig. 4 (the paper's Eqs. 5–6). */
export interface LandscapeConfig {
  /** Which checkpoint the landscape is drawn around. */
  readonly checkpoint: 'final';
  /** The data the loss is averaged over: the first `count` training images (null: all). */
  readonly split: 'train';
  readonly count: number | null;
  /** α values; must contain 0 and be symmetric for the sharpness summaries. */
  readonly alphas: readonly number[];
  /** Li et al.'s filter normalisation per output filter (last axis); biases and BN parameters zeroed (`biasbn`). */
  readonly normalisation: 'filter';
  readonly ignore: 'biasbn';
  /** The attack is re-run at every α (Eq. 5 puts the max inside), with the evaluation settings, BN in eval mode. */
  readonly attack: 'evaluation';
  readonly bnMode: 'eval';
}

/** Everything that determines one sweep cell's results. */
export interface CellConfig {
  readonly setting: ResnetScale;
  readonly dataset: DatasetName;
  /** ε as the numerator over 255 (the paper prints k/255). */
  readonly epsNumerator: number;
  readonly eps: number;
  readonly seed: number;
  readonly model: ModelSpec;
  readonly normalisation: Normalisation;
  /** Use only the first `train` / `test` images of each split (null: all). */
  readonly dataLimit: { readonly train: number | null; readonly test: number | null };
  readonly training: TrainingConfig;
  readonly evaluation: EvaluationConfig;
  readonly landscape: LandscapeConfig;
}

/** What a sweep runs: datasets × ε × seeds with one setting. */
export interface SweepConfig {
  readonly setting: ResnetScale;
  readonly datasets: readonly DatasetName[];
  readonly epsNumerators: readonly number[];
  readonly seeds: readonly number[];
  /** Architecture per dataset (default: ResNet18 for both, as Section 5.2 and Fig. 4 say). */
  readonly architecture: Readonly<Record<DatasetName, Architecture>>;
  /** Width multiplier (default 1 in `full`, 1/16 in `tiny`). */
  readonly width: number;
}

const MADRY_OPTIMISER: OptimiserConfig = {
  kind: 'sgd-momentum',
  momentum: 0.9,
  nesterov: false,
  weightDecay: 0.0002,
  weightDecayOn: 'conv-and-dense-weights',
  source: 'Madry et al. cifar10_challenge config.json: momentum 0.9, weight_decay 0.0002 on DW variables',
};

const WU_OPTIMISER: OptimiserConfig = {
  kind: 'sgd-momentum',
  momentum: 0.9,
  nesterov: false,
  weightDecay: 5e-4,
  weightDecayOn: 'all-parameters',
  source:
    'Rice et al. / Wu et al. train_svhn.py: torch.optim.SGD(model.parameters(), lr, momentum=0.9, weight_decay=5e-4)',
};

/** The per-dataset parts of the `full` setting. */
function fullParts(dataset: DatasetName): Pick<CellConfig, 'normalisation' | 'training' | 'evaluation'> {
  const stepSize = dataset === 'cifar10' ? 2 / 255 : 1 / 255;
  const evaluation: EvaluationConfig = {
    attack: { stepSize, steps: 20, randomStart: 'uniform-box' },
    batchSize: 256,
    trainCount: null,
    testCount: null,
    selectionCount: 1000,
  };
  if (dataset === 'cifar10') {
    return {
      normalisation: MADRY_STANDARDISATION,
      training: {
        // 80,000 steps of 128 with full batches only (390 per epoch): 205 epochs and 50 steps of a 206th.
        epochs: 206,
        maxSteps: 80000,
        batchSize: 128,
        dropLast: true,
        augmentation: 'crop4-flip',
        optimiser: MADRY_OPTIMISER,
        schedule: {
          kind: 'piecewise-steps',
          boundaries: [
            { fromStep: 0, lr: 0.1 },
            { fromStep: 40000, lr: 0.01 },
            { fromStep: 60000, lr: 0.001 },
          ],
          source:
            'Madry et al. cifar10_challenge config.json: step_size_schedule [[0, 0.1], [40000, 0.01], [60000, 0.001]], 80000 steps of 128',
        },
        attack: { stepSize, steps: 7, randomStart: 'uniform-box' },
        bnUpdatesDuringAttack: true,
      },
      evaluation,
    };
  }
  return {
    normalisation: WU_MEAN_STD,
    training: {
      epochs: 200,
      maxSteps: null,
      batchSize: 128,
      dropLast: false,
      augmentation: 'none',
      optimiser: WU_OPTIMISER,
      schedule: {
        kind: 'piecewise-epoch-fraction',
        lrMax: 0.01,
        drops: [
          { atFraction: 0.5, lr: 0.001 },
          { atFraction: 0.75, lr: 0.0001 },
        ],
        source:
          'Rice et al. / Wu et al. train_svhn.py: --lr-max 0.01 --lr-schedule piecewise (÷10 at 50 %, ÷100 at 75 %), --epochs 200',
      },
      attack: { stepSize, steps: 7, randomStart: 'uniform-box' },
      bnUpdatesDuringAttack: true,
    },
    evaluation,
  };
}

/**
 * The configuration of one cell (dataset, ε = k/255, seed) in a setting. `tiny` keeps the dataset's normalisation,
 * optimiser kind and attack step size, and shrinks everything else: 16 train / 8 test images, batch 8, one epoch,
 * PGD 2 steps at training and 3 at evaluation, α ∈ {−1, 0, 1}.
 */
export function cellConfig(
  setting: ResnetScale,
  dataset: DatasetName,
  epsNumerator: number,
  seed: number,
  model: ModelSpec,
): CellConfig {
  if (!(epsNumerator >= 0 && epsNumerator <= MAX_EPS_NUMERATOR)) {
    throw new RangeError(
      `cellConfig: epsNumerator must be a number with 0 ≤ k ≤ ${MAX_EPS_NUMERATOR} (ε = k/255 in [0, 1]), got ${epsNumerator}`,
    );
  }
  const parts = fullParts(dataset);
  const landscapeFull: LandscapeConfig = {
    checkpoint: 'final',
    split: 'train',
    count: 1000,
    alphas: Array.from({ length: 21 }, (_, i) => Math.round((i / 10 - 1) * 10) / 10),
    normalisation: 'filter',
    ignore: 'biasbn',
    attack: 'evaluation',
    bnMode: 'eval',
  };
  const base = {
    setting,
    dataset,
    epsNumerator,
    eps: epsNumerator / 255,
    seed,
    model,
    normalisation: parts.normalisation,
  };
  if (setting === 'full') {
    return {
      ...base,
      dataLimit: { train: null, test: null },
      training: parts.training,
      evaluation: parts.evaluation,
      landscape: landscapeFull,
    };
  }
  const schedule: LrSchedule =
    parts.training.schedule.kind === 'piecewise-steps'
      ? {
          ...parts.training.schedule,
          boundaries: [
            { fromStep: 0, lr: 0.1 },
            { fromStep: 1, lr: 0.01 },
          ],
        }
      : parts.training.schedule;
  return {
    ...base,
    dataLimit: { train: 16, test: 8 },
    training: {
      ...parts.training,
      epochs: 1,
      maxSteps: null,
      batchSize: 8,
      schedule,
      attack: { ...parts.training.attack, steps: 2 },
    },
    evaluation: {
      ...parts.evaluation,
      attack: { ...parts.evaluation.attack, steps: 3 },
      batchSize: 16,
      selectionCount: null,
    },
    landscape: { ...landscapeFull, count: 8, alphas: [-1, 0, 1] },
  };
}

/** The default sweep of a run setting: both datasets, the paper's ε set, one seed, ResNet18, width 1 (full) or 1/16 (ci). */
export function defaultSweep(setting: Setting): SweepConfig {
  return {
    setting: resnetScale(setting),
    datasets: DATASETS,
    epsNumerators: PAPER_EPS_NUMERATORS,
    seeds: [DEFAULT_SEED],
    architecture: { cifar10: 'resnet18', svhn: 'resnet18' },
    width: setting === 'full' ? 1 : 1 / 16,
  };
}

/** One cell of a sweep with its identity. */
export interface SweepCell {
  /** `cifar10-eps8-seed20210`: the cell's directory name, unique in a sweep. */
  readonly id: string;
  /** Hash of the cell's full config (16 hex digits): a checkpoint is only resumed under the same key. */
  readonly key: string;
  readonly config: CellConfig;
}

/** The key of a cell config: the first 16 hex digits of sha256(canonical JSON). */
export function cellKey(config: CellConfig): string {
  return contentKey(config).slice(0, 16);
}

/** ε as the paper prints it: `8/255`. */
export function epsLabel(epsNumerator: number): string {
  return `${epsNumerator}/255`;
}

/**
 * Every cell of a sweep in a fixed order: datasets as given, ε ascending, seeds as given; a repeated dataset, ε or seed
 * gives one cell (a cell id names one directory).
 */
export function sweepCells(sweep: SweepConfig): SweepCell[] {
  const cells: SweepCell[] = [];
  const eps = [...new Set(sweep.epsNumerators)].sort((a, b) => a - b);
  for (const dataset of new Set(sweep.datasets)) {
    for (const k of eps) {
      for (const seed of new Set(sweep.seeds)) {
        const config = cellConfig(sweep.setting, dataset, k, seed, {
          architecture: sweep.architecture[dataset],
          width: sweep.width,
          numClasses: 10,
        });
        cells.push({ id: `${dataset}-eps${k}-seed${seed}`, key: cellKey(config), config });
      }
    }
  }
  return cells;
}

/** A shard `i/n` (0 ≤ i < n): which part of a sweep one job runs. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Parses `i/n` (0-based index, as Slurm's `SLURM_ARRAY_TASK_ID` from 0 and Kubernetes' `JOB_COMPLETION_INDEX`). */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (m === null) throw new RangeError(`parseShard: expected i/n with integers 0 ≤ i < n, got "${text}"`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index >= count)
    throw new RangeError(`parseShard: expected i/n with integers 0 ≤ i < n, got "${text}"`);
  return { index, count };
}

/** The cells of shard i/n: every n-th cell starting at i, in sweep order (deterministic; the union over i is the sweep). */
export function shardCells<T>(cells: readonly T[], shard: Shard): T[] {
  return cells.filter((_, j) => j % shard.count === shard.index);
}
