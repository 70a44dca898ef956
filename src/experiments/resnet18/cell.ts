/**
 * Runs one sweep cell (dataset, ε, seed) end to end and resumably: L∞-PGD adversarial training (the paper's Eq. (4),
 * PGD at training time in train mode), a checkpoint after every epoch (`state.ckpt`, written atomically, holding the
 * weights, BN running statistics, momentum buffers, step count, history and the best checkpoint so far), then the
 * robust accuracy of the final and the best checkpoint on train and test (eval mode, the evaluation attack), then the
 * Fig. 4 landscape around the final weights; each measurement is saved in `progress.json` as soon as it is made, and
 * the result goes to `result.json`. Killed at any point (SIGKILL included), a rerun resumes from the last checkpoint
 * and the measurements already saved; every random draw of an epoch or a measurement comes from a seed derived from
 * the cell seed and a label, so a resumed run draws what an uninterrupted one would.
 */
import * as tf from '@tensorflow/tfjs';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImageSet32 } from '../../data/cifar10.ts';
import { deriveSeed, makeRng } from '../../rng.ts';
import { ClaimcheckError } from '../../errors.ts';
import { stableJson } from '../../fs/json.ts';
import { batchBounds, makeBatch, permutation } from './batches.ts';
import { CheckpointError, readCheckpoint, writeCheckpoint, type NamedArray } from './checkpoint.ts';
import { writeFileAtomicSync } from '../../fs/write-file-atomic-sync.ts';
import type { SweepCell } from './config.ts';
import type { ConvGradient } from './conv.ts';
import { robustAccuracy, type AccuracyMeasurement, type EvalModel } from './evaluate.ts';
import { landscape1d, landscapeSharpness, type LandscapePoint } from './landscape.ts';
import { createResNet, crossEntropy, resnetForward, runningStatsUpdater } from './model.ts';
import { normaliseInput } from './normalise.ts';
import { createMomentum, learningRate, sgdMomentumStep } from './sgd-momentum.ts';
import { linfPgd } from './pgd.ts';
import { makeDirsSync } from '../../fs/make-dirs.ts';
import { removeStaleTemps } from '../../fs/write-file-atomic-sync.ts';
import {
  CELL_SCHEMA,
  readCellResult,
  type CellDataRecord,
  type CellResult,
  type CheckpointMeasurement,
  type EpochRecord,
  type RuntimeRecord,
} from './results.ts';

/** The images a cell trains and evaluates on (already limited to the cell's `dataLimit`) and their record. */
export interface CellData {
  readonly train: ImageSet32;
  readonly test: ImageSet32;
  readonly record: CellDataRecord;
}

/** Options of `runCell`. */
export interface RunCellOptions {
  /** The cell's directory (`<out>/cells/<id>`). */
  readonly dir: string;
  readonly runtime: RuntimeRecord;
  /** Progress lines (seeds, epochs, checkpoints, measurements). */
  readonly log?: (line: string) => void;
  /** Called after each epoch's checkpoint has been written (tests use it to interrupt a run). */
  readonly afterCheckpoint?: (epoch: number) => void;
}

/** What `runCell` did. */
export interface RunCellOutcome {
  readonly result: CellResult;
  /** `cached`: result.json was already there; `resumed`: continued from a checkpoint or saved measurements; `fresh`. */
  readonly status: 'cached' | 'resumed' | 'fresh';
  /** Epochs already done when the run started (from the checkpoint), or 0. */
  readonly resumedFromEpoch: number;
  /** Wall-clock seconds of this run's training, and training images per second (null when no training ran). */
  readonly timing: {
    readonly trainSeconds: number;
    readonly trainImagesPerSecond: number | null;
    readonly totalSeconds: number;
  };
}

/** File names inside a cell directory. */
export const CELL_FILES = {
  checkpoint: 'state.ckpt',
  progress: 'progress.json',
  result: 'result.json',
  timing: 'timing.json',
} as const;

interface CheckpointMeta {
  readonly key: string;
  readonly id: string;
  readonly epoch: number;
  readonly steps: number;
  readonly history: readonly EpochRecord[];
  readonly best: { readonly epoch: number; readonly selectionRobustAccuracy: number };
}

interface Progress {
  key: string;
  measurements: Record<string, AccuracyMeasurement>;
  landscape: Record<string, LandscapePoint>;
}

function readValues(vars: ReadonlyMap<string, tf.Tensor>): Map<string, Float32Array> {
  const out = new Map<string, Float32Array>();
  for (const [name, v] of vars) out.set(name, Float32Array.from(v.dataSync() as Float32Array));
  return out;
}

function assignValues(
  vars: ReadonlyMap<string, tf.Variable>,
  values: ReadonlyMap<string, Float32Array>,
  prefix: string,
  file: string,
): void {
  for (const [name, v] of vars) {
    const data = values.get(name);
    if (data === undefined || data.length !== v.size) {
      throw new CheckpointError(file, `tensor ${prefix}${name} is missing or has the wrong size`);
    }
    const t = tf.tensor(data, v.shape, 'float32');
    v.assign(t);
    t.dispose();
  }
}

function arraysOf(
  prefix: string,
  vars: ReadonlyMap<string, tf.Tensor | Float32Array>,
  shapes: ReadonlyMap<string, readonly number[]>,
): NamedArray[] {
  const out: NamedArray[] = [];
  for (const [name, v] of vars) {
    out.push({
      name: `${prefix}${name}`,
      shape: shapes.get(name)!,
      data: v instanceof Float32Array ? v : (v.dataSync() as Float32Array),
    });
  }
  return out;
}

function strip(arrays: ReadonlyMap<string, NamedArray>, prefix: string): Map<string, Float32Array> {
  const out = new Map<string, Float32Array>();
  for (const [name, a] of arrays) if (name.startsWith(prefix)) out.set(name.slice(prefix.length), a.data);
  return out;
}

/** Runs (or resumes, or reuses) one sweep cell; see the module comment. */
export function runCell(cell: SweepCell, data: CellData, options: RunCellOptions): RunCellOutcome {
  const started = performance.now();
  const log = options.log ?? ((): void => undefined);
  const { config } = cell;
  const dir = options.dir;
  makeDirsSync(dir);
  for (const name of removeStaleTemps(dir)) log(`[resnet] ${cell.id}: removed ${name}, left by a killed run`);
  const resultFile = join(dir, CELL_FILES.result);
  if (existsSync(resultFile)) {
    const cached = readCellResult(resultFile);
    if (cached.key === cell.key) {
      log(`[resnet] ${cell.id}: already complete (${resultFile})`);
      return {
        result: cached,
        status: 'cached',
        resumedFromEpoch: config.training.epochs,
        timing: { trainSeconds: 0, trainImagesPerSecond: null, totalSeconds: 0 },
      };
    }
    throw new ClaimcheckError(
      'BAD_INPUT',
      `${resultFile}: holds a result of another configuration (key ${cached.key}, expected ${cell.key})`,
      'use another --out, or delete the cell directory',
    );
  }
  const seed = config.seed;
  const seeds: Record<string, number | string> = {
    cell: seed,
    init: deriveSeed(seed, 'init'),
    'shuffle/<epoch>': 'deriveSeed(cell, "shuffle/<epoch>")',
    'augment/<epoch>': 'deriveSeed(cell, "augment/<epoch>")',
    'pgd-train/<epoch>': 'deriveSeed(cell, "pgd-train/<epoch>")',
    'selection/<epoch>': 'deriveSeed(cell, "selection/<epoch>")',
    'eval/final/train': deriveSeed(seed, 'eval/final/train'),
    'eval/final/test': deriveSeed(seed, 'eval/final/test'),
    'eval/best/train': deriveSeed(seed, 'eval/best/train'),
    'eval/best/test': deriveSeed(seed, 'eval/best/test'),
    'landscape/direction': deriveSeed(seed, 'landscape/direction'),
    'landscape/attack': deriveSeed(seed, 'landscape/attack'),
  };
  const conv = options.runtime.convGradient as ConvGradient;
  log(
    `[resnet] ${cell.id} (key ${cell.key}): seed ${seed} (init ${seeds.init}), ${config.model.architecture} width ${config.model.width}, ` +
      `ε = ${config.epsNumerator}/255, ${data.train.count} train / ${data.test.count} test images, backend ${options.runtime.backend} (${conv} conv gradient)`,
  );
  const model = createResNet(config.model, seeds.init as number);
  const momentum = createMomentum(model);
  const paramShapes = new Map(model.paramInfos.map((p) => [p.name, p.shape] as const));
  const bufferShapes = new Map([...model.buffers].map(([n, v]) => [n, v.shape] as const));
  const ckptFile = join(dir, CELL_FILES.checkpoint);
  let epoch = 0;
  let steps = 0;
  let history: EpochRecord[] = [];
  let best: {
    epoch: number;
    selectionRobustAccuracy: number;
    params: Map<string, Float32Array>;
    buffers: Map<string, Float32Array>;
  } | null = null;
  let trainSeconds = 0;
  let trainedImages = 0;
  try {
    if (existsSync(ckptFile)) {
      const ck = readCheckpoint(ckptFile);
      const meta = ck.meta as CheckpointMeta;
      if (meta.key !== cell.key) {
        throw new CheckpointError(
          ckptFile,
          `is from another configuration (key ${meta.key}, expected ${cell.key})`,
          'use another --out, or delete the cell directory',
        );
      }
      assignValues(model.params, strip(ck.arrays, 'param/'), 'param/', ckptFile);
      assignValues(model.buffers, strip(ck.arrays, 'buffer/'), 'buffer/', ckptFile);
      assignValues(momentum, strip(ck.arrays, 'momentum/'), 'momentum/', ckptFile);
      epoch = meta.epoch;
      steps = meta.steps;
      history = [...meta.history];
      best = { ...meta.best, params: strip(ck.arrays, 'best/param/'), buffers: strip(ck.arrays, 'best/buffer/') };
      log(`[resnet] ${cell.id}: resuming from ${ckptFile} after epoch ${epoch} (${steps} steps)`);
    }
    const resumedFromEpoch = epoch;
    const sink = runningStatsUpdater(model);
    const vars = [...model.params.values()];
    const paramOfVar = new Map([...model.params].map(([n, v]) => [v.name, n] as const));
    const { training, evaluation } = config;
    const eps = config.eps;
    const evalAttack = { ...evaluation.attack, eps };
    const current: EvalModel = {
      spec: config.model,
      params: model.params,
      buffers: model.buffers,
      normalisation: config.normalisation,
      conv,
    };
    const done = (): boolean => epoch >= training.epochs || (training.maxSteps !== null && steps >= training.maxSteps);
    while (!done()) {
      const t0 = performance.now();
      const order = permutation(data.train.count, makeRng(deriveSeed(seed, `shuffle/${epoch}`)));
      const augRng = makeRng(deriveSeed(seed, `augment/${epoch}`));
      const pgdRng = makeRng(deriveSeed(seed, `pgd-train/${epoch}`));
      const bounds = batchBounds(data.train.count, training.batchSize, training.dropLast);
      if (bounds.length === 0)
        throw new RangeError(`runCell: ${data.train.count} training images give no batch of ${training.batchSize}`);
      // Running sums stay on the device (no GPU sync per step); read once at the end of the epoch.
      let lossSumT: tf.Tensor = tf.scalar(0);
      let correctT: tf.Tensor = tf.scalar(0, 'int32');
      let seen = 0;
      let lr = 0;
      for (const [b, [s, e]] of bounds.entries()) {
        if (training.maxSteps !== null && steps >= training.maxSteps) break;
        lr = learningRate(training.schedule, {
          step: steps,
          epoch,
          batch: b,
          batchesPerEpoch: bounds.length,
          epochs: training.epochs,
        });
        const batch = makeBatch(data.train, order.subarray(s, e), training.augmentation, augRng);
        try {
          const attackLoss = (xa: tf.Tensor4D): tf.Scalar =>
            crossEntropy(
              resnetForward(config.model, model.params, model.buffers, normaliseInput(xa, config.normalisation), {
                mode: 'train',
                conv,
                filterGrad: false,
                stats: training.bnUpdatesDuringAttack ? sink : undefined,
              }),
              batch.y,
              'sum',
            );
          const adv = linfPgd(attackLoss, batch.x, { ...training.attack, eps }, pgdRng);
          let batchCorrect: tf.Scalar | undefined;
          const { value, grads } = tf.variableGrads(() => {
            const logits = resnetForward(
              config.model,
              model.params,
              model.buffers,
              normaliseInput(adv, config.normalisation),
              {
                mode: 'train',
                conv,
                filterGrad: true,
                stats: sink,
              },
            );
            batchCorrect = tf.keep(tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), batch.y), 'int32'))) as tf.Scalar;
            return crossEntropy(logits, batch.y);
          }, vars);
          adv.dispose();
          const byParam: Record<string, tf.Tensor> = {};
          for (const [vn, g] of Object.entries(grads)) byParam[paramOfVar.get(vn)!] = g;
          sgdMomentumStep(model, momentum, byParam, training.optimiser, lr);
          const nextLoss = tf.tidy(() => tf.add(lossSumT, tf.mul(value, batch.size)));
          const nextCorrect = tf.add(correctT, batchCorrect!);
          tf.dispose([lossSumT, correctT, value, batchCorrect!]);
          lossSumT = nextLoss;
          correctT = nextCorrect;
          seen += batch.size;
          for (const g of Object.values(grads)) g.dispose();
        } finally {
          batch.x.dispose();
          batch.y.dispose();
        }
        steps++;
      }
      const lossSum = lossSumT.dataSync()[0]!;
      const correct = correctT.dataSync()[0]!;
      tf.dispose([lossSumT, correctT]);
      const seconds = (performance.now() - t0) / 1000;
      trainSeconds += seconds;
      trainedImages += seen;
      epoch++;
      const selection = robustAccuracy(
        current,
        data.test,
        evaluation.selectionCount,
        evaluation.batchSize,
        evalAttack,
        makeRng(deriveSeed(seed, `selection/${epoch - 1}`)),
      );
      const record: EpochRecord = {
        epoch,
        steps,
        lr,
        trainLoss: seen > 0 ? lossSum / seen : Number.NaN,
        trainModeRobustAccuracy: seen > 0 ? (100 * correct) / seen : Number.NaN,
        selectionRobustAccuracy: selection.robustAccuracy,
        selectionCount: selection.count,
      };
      history.push(record);
      if (best === null || selection.robustAccuracy > best.selectionRobustAccuracy) {
        best = {
          epoch,
          selectionRobustAccuracy: selection.robustAccuracy,
          params: readValues(model.params),
          buffers: readValues(model.buffers),
        };
      }
      const meta: CheckpointMeta = {
        key: cell.key,
        id: cell.id,
        epoch,
        steps,
        history,
        best: { epoch: best.epoch, selectionRobustAccuracy: best.selectionRobustAccuracy },
      };
      writeCheckpoint(ckptFile, meta, [
        ...arraysOf('param/', model.params, paramShapes),
        ...arraysOf('buffer/', model.buffers, bufferShapes),
        ...arraysOf('momentum/', momentum, paramShapes),
        ...arraysOf('best/param/', best.params, paramShapes),
        ...arraysOf('best/buffer/', best.buffers, bufferShapes),
      ]);
      log(
        `[resnet] ${cell.id}: epoch ${epoch}/${training.epochs}, ${steps} steps, lr ${lr}, train loss ${record.trainLoss.toFixed(4)}, ` +
          `train-mode robust acc ${record.trainModeRobustAccuracy.toFixed(2)} %, selection robust acc ${selection.robustAccuracy.toFixed(2)} % ` +
          `(${selection.count} test images), ${(seen / seconds).toFixed(1)} images/s → ${CELL_FILES.checkpoint}`,
      );
      options.afterCheckpoint?.(epoch);
    }
    if (best === null) throw new RangeError(`runCell: ${cell.id} trained no epoch`);
    const bestState = best;
    const progressFile = join(dir, CELL_FILES.progress);
    const progress: Progress = readProgress(progressFile, cell.key);
    const hadProgress = Object.keys(progress.measurements).length + Object.keys(progress.landscape).length > 0;
    const saveProgress = (): void => writeFileAtomicSync(progressFile, stableJson(progress));
    const measure = (label: string, m: EvalModel, set: ImageSet32, count: number | null): AccuracyMeasurement => {
      const known = progress.measurements[label];
      if (known !== undefined) return known;
      const r = robustAccuracy(
        m,
        set,
        count,
        evaluation.batchSize,
        evalAttack,
        makeRng(seeds[`eval/${label}`] as number),
      );
      progress.measurements[label] = r;
      saveProgress();
      log(
        `[resnet] ${cell.id}: ${label} robust acc ${r.robustAccuracy.toFixed(2)} % (${r.correct}/${r.count}), clean ${r.cleanAccuracy.toFixed(2)} %`,
      );
      return r;
    };
    const checkpointMeasurement = (which: 'final' | 'best', m: EvalModel, ep: number): CheckpointMeasurement => {
      const train = measure(`${which}/train`, m, data.train, evaluation.trainCount);
      const test = measure(`${which}/test`, m, data.test, evaluation.testCount);
      return { epoch: ep, train, test, gap: train.robustAccuracy - test.robustAccuracy, sameAsFinal: false };
    };
    const final = checkpointMeasurement('final', current, epoch);
    let bestMeasurement: CheckpointMeasurement;
    if (bestState.epoch === epoch) {
      bestMeasurement = { ...final, sameAsFinal: true };
    } else {
      const bestParams = new Map<string, tf.Tensor>();
      const bestBuffers = new Map<string, tf.Tensor>();
      for (const [n, v] of bestState.params) bestParams.set(n, tf.tensor(v, [...paramShapes.get(n)!], 'float32'));
      for (const [n, v] of bestState.buffers) bestBuffers.set(n, tf.tensor(v, [...bufferShapes.get(n)!], 'float32'));
      try {
        bestMeasurement = checkpointMeasurement(
          'best',
          { ...current, params: bestParams, buffers: bestBuffers },
          bestState.epoch,
        );
      } finally {
        for (const t of [...bestParams.values(), ...bestBuffers.values()]) t.dispose();
      }
    }
    const lc = config.landscape;
    const doneLandscape = new Map<number, LandscapePoint>();
    for (const [k, p] of Object.entries(progress.landscape)) doneLandscape.set(Number(k), p);
    const points = landscape1d({
      spec: config.model,
      infos: model.paramInfos,
      params: model.params,
      buffers: model.buffers,
      normalisation: config.normalisation,
      conv,
      set: data.train,
      count: lc.count,
      batchSize: evaluation.batchSize,
      attack: evalAttack,
      alphas: lc.alphas,
      directionSeed: seeds['landscape/direction'] as number,
      attackSeed: seeds['landscape/attack'] as number,
      done: doneLandscape,
      onPoint: (i, p) => {
        progress.landscape[String(i)] = p;
        saveProgress();
        log(
          `[resnet] ${cell.id}: landscape α = ${p.alpha}: adversarial loss ${p.loss.toFixed(4)}, robust acc ${p.robustAccuracy.toFixed(2)} %`,
        );
      },
    });
    const landscapeCount = Math.min(lc.count ?? data.train.count, data.train.count);
    const result: CellResult = {
      schema: CELL_SCHEMA,
      id: cell.id,
      key: cell.key,
      config,
      data: data.record,
      runtime: options.runtime,
      seeds,
      training: { epochs: history, steps, bestEpoch: bestState.epoch },
      final,
      best: bestMeasurement,
      landscape: {
        checkpoint: 'final',
        count: landscapeCount,
        directionSeed: seeds['landscape/direction'] as number,
        attackSeed: seeds['landscape/attack'] as number,
        points,
        sharpness: landscapeSharpness(points),
      },
    };
    const totalSeconds = (performance.now() - started) / 1000;
    const timing = {
      trainSeconds,
      trainImagesPerSecond: trainedImages > 0 ? trainedImages / trainSeconds : null,
      totalSeconds,
    };
    writeFileAtomicSync(
      join(dir, CELL_FILES.timing),
      stableJson({ id: cell.id, ...timing, device: options.runtime.device, backend: options.runtime.backend }),
    );
    writeFileAtomicSync(resultFile, stableJson(result));
    log(
      `[resnet] ${cell.id}: final (epoch ${final.epoch}) train ${final.train.robustAccuracy.toFixed(2)} % / test ${final.test.robustAccuracy.toFixed(2)} % (gap ${final.gap.toFixed(2)}); ` +
        `best (epoch ${bestMeasurement.epoch}) gap ${bestMeasurement.gap.toFixed(2)}; landscape rise ${result.landscape.sharpness.rise.toFixed(4)} → ${CELL_FILES.result}`,
    );
    const resumed = resumedFromEpoch > 0 || hadProgress;
    return { result, status: resumed ? 'resumed' : 'fresh', resumedFromEpoch, timing };
  } finally {
    model.dispose();
    for (const v of momentum.values()) v.dispose();
  }
}

function readProgress(file: string, key: string): Progress {
  if (!existsSync(file)) return { key, measurements: {}, landscape: {} };
  let p: Progress;
  try {
    p = JSON.parse(readFileSync(file, 'utf8')) as Progress;
  } catch (e) {
    throw new CheckpointError(file, `is not valid JSON (${(e as Error).message})`);
  }
  if (p.key !== key) throw new CheckpointError(file, `is from another configuration (key ${p.key}, expected ${key})`);
  return { key, measurements: p.measurements ?? {}, landscape: p.landscape ?? {} };
}
