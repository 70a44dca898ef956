/**
 * SGD with heavy-ball momentum and weight decay, as PyTorch's `torch.optim.SGD(momentum, weight_decay)` and TF's
 * `MomentumOptimizer` with an L2 term in the loss both compute it: g ← ∇L + λ·w (λ only on the parameters the
 * config names), buf ← μ·buf + g, w ← w − lr·buf; and the learning-rate schedules of the sources.
 */
import * as tf from '@tensorflow/tfjs';
import type { LrSchedule, OptimiserConfig } from './config.ts';
import { ownedVariable, type ParamInfo, type ResNetModel } from './model.ts';

/** Where training is, for the schedule. */
export interface SchedulePosition {
  /** Optimiser steps taken before this one. */
  readonly step: number;
  /** 0-based epoch. */
  readonly epoch: number;
  /** 0-based batch within the epoch. */
  readonly batch: number;
  readonly batchesPerEpoch: number;
  readonly epochs: number;
}

/** The learning rate of the step at `at`. */
export function learningRate(schedule: LrSchedule, at: SchedulePosition): number {
  if (schedule.kind === 'piecewise-steps') {
    let lr = schedule.boundaries[0]?.lr ?? 0;
    for (const b of schedule.boundaries) if (at.step >= b.fromStep) lr = b.lr;
    return lr;
  }
  const t = at.epoch + (at.batch + 1) / at.batchesPerEpoch;
  const fraction = t / at.epochs;
  let lr = schedule.lrMax;
  for (const d of schedule.drops) if (fraction >= d.atFraction) lr = d.lr;
  return lr;
}

/** Whether weight decay applies to a parameter under `config`. */
export function decays(config: OptimiserConfig, info: ParamInfo): boolean {
  return config.weightDecayOn === 'all-parameters' || info.role === 'conv' || info.role === 'dense';
}

/** Momentum buffers by parameter name (zero before the first step). */
export type MomentumBuffers = Map<string, tf.Variable>;

/** Zero momentum buffers for every parameter of a model. */
export function createMomentum(model: ResNetModel): MomentumBuffers {
  const m: MomentumBuffers = new Map();
  for (const info of model.paramInfos) m.set(info.name, ownedVariable(tf.zeros([...info.shape]), false));
  return m;
}

/** One SGD-momentum step with learning rate `lr` on every parameter that has a gradient in `grads` (by parameter name). */
export function sgdMomentumStep(
  model: ResNetModel,
  buffers: MomentumBuffers,
  grads: Readonly<Record<string, tf.Tensor>>,
  config: OptimiserConfig,
  lr: number,
): void {
  for (const info of model.paramInfos) {
    const g = grads[info.name];
    if (g === undefined) continue;
    const w = model.params.get(info.name)!;
    const buf = buffers.get(info.name)!;
    const [nb, nw] = tf.tidy(() => {
      const gg = decays(config, info) && config.weightDecay !== 0 ? g.add(w.mul(config.weightDecay)) : g;
      const b = buf.mul(config.momentum).add(gg);
      return [b, w.sub(b.mul(lr))];
    });
    buf.assign(nb);
    w.assign(nw);
    nb.dispose();
    nw.dispose();
  }
}
