/**
 * The 1-D weight loss landscape of Fig. 4 (the paper's Eqs. 5–6; Li et al. 2018's filter normalisation, as
 * tomgoldstein/loss-landscape `--xnorm filter --xignore biasbn`): a Gaussian direction d drawn from a seeded `Rng`,
 * each output filter of each conv / dense weight (a slice along the LAST axis, TF.js's layout) rescaled to the norm
 * of the same filter of the weights, d_f ← d_f·‖w_f‖/(‖d_f‖ + 1e-10); biases and batch-norm γ, β zeroed in d (BN
 * running statistics are buffers, not moved). At each α the loss is the adversarial loss of w + α·d: the attack is
 * re-run against the perturbed model (Eq. 5 puts the max inside the sum, as Liu et al.'s `adv_calc_freq = 1`), with
 * BN in eval mode.
 */
import * as tf from '@tensorflow/tfjs';
import type { ImageSet32 } from '../../data/cifar10.ts';
import { makeRng, type Rng } from '../../rng.ts';
import { filterNormalise, type FilterNormaliseOptions } from '../../numeric/filter-norm.ts';
import type { ConvGradient } from './conv.ts';
import { robustAccuracy, type EvalModel } from './evaluate.ts';
import type { ModelSpec, ParamInfo, ParamLookup } from './model.ts';
import type { Normalisation } from './normalisation.ts';
import type { LinfPgdSettings } from './pgd.ts';

/** Float32 values of a tensor per parameter, by name. */
export type ParamValues = ReadonlyMap<string, Float32Array>;

/**
 * The options of `filterNormalise` (and `filterNorms`) for a conv or dense kernel of `shape`, as loss-landscape
 * computes them: one filter per entry of the last axis, plain √Σx² norms (Float64 sums of the Float32 values),
 * ε = 1e-10, no checks (a zero filter gives a zero slice).
 */
export function kernelFilters(shape: readonly number[]): FilterNormaliseOptions {
  return { filters: shape[shape.length - 1]!, sum: 'plain', denominatorEpsilon: 1e-10, strict: false };
}

/**
 * A filter-normalised direction (see the module comment) for weights `values`: entries drawn N(0, 1) from `rng` in
 * layout order (conv and dense weights only), then each last-axis slice rescaled; biases and BN parameters zero.
 */
export function filterNormalisedDirection(
  infos: readonly ParamInfo[],
  values: ParamValues,
  rng: Rng,
): Map<string, Float32Array> {
  const out = new Map<string, Float32Array>();
  for (const info of infos) {
    const w = values.get(info.name);
    if (w === undefined) throw new RangeError(`filterNormalisedDirection: no values for parameter "${info.name}"`);
    let d = new Float32Array(w.length);
    if (info.role === 'conv' || info.role === 'dense') {
      for (let i = 0; i < d.length; i++) d[i] = rng.normal();
      d = Float32Array.from(filterNormalise(d, w, kernelFilters(info.shape)));
    }
    out.set(info.name, d);
  }
  return out;
}

/** One point of a 1-D landscape. */
export interface LandscapePoint {
  readonly alpha: number;
  /** Mean cross-entropy under the re-run attack at w + α·d (Eq. 5). */
  readonly loss: number;
  /** Robust accuracy (percent) at w + α·d. */
  readonly robustAccuracy: number;
  /** Mean clean cross-entropy at w + α·d (reference only). */
  readonly cleanLoss: number;
}

/** How sharp a 1-D landscape is, from its points. */
export interface Sharpness {
  /** Mean of L(α_min) and L(α_max) minus L(0): the rise at the ends of the grid. */
  readonly rise: number;
  /** (L(h) + L(−h) − 2L(0))/h² at the grid points nearest 0: the second difference. */
  readonly curvature: number;
}

/** Sharpness summaries of a landscape whose α grid contains 0 and is symmetric around it. */
export function landscapeSharpness(points: readonly LandscapePoint[]): Sharpness {
  const sorted = [...points].sort((a, b) => a.alpha - b.alpha);
  const zero = sorted.findIndex((p) => p.alpha === 0);
  if (zero <= 0 || zero >= sorted.length - 1) {
    throw new RangeError(
      `landscapeSharpness: the α grid must contain 0 with points on both sides, got [${sorted.map((p) => p.alpha).join(', ')}]`,
    );
  }
  const l0 = sorted[zero]!.loss;
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const left = sorted[zero - 1]!;
  const right = sorted[zero + 1]!;
  const h = (right.alpha - left.alpha) / 2;
  return { rise: (first.loss + last.loss) / 2 - l0, curvature: (left.loss + right.loss - 2 * l0) / (h * h) };
}

/** What `landscape1d` needs. */
export interface LandscapeInput {
  readonly spec: ModelSpec;
  readonly infos: readonly ParamInfo[];
  readonly params: ParamLookup;
  readonly buffers: ParamLookup;
  readonly normalisation: Normalisation;
  readonly conv: ConvGradient;
  readonly set: ImageSet32;
  readonly count: number | null;
  readonly batchSize: number;
  readonly attack: LinfPgdSettings;
  readonly alphas: readonly number[];
  /** Seed of the direction. */
  readonly directionSeed: number;
  /** Seed of the attack's random starts, the same at every α (common random numbers). */
  readonly attackSeed: number;
  /** Points already measured (resumption), by index into `alphas`. */
  readonly done?: ReadonlyMap<number, LandscapePoint>;
  /** Called after each new point. */
  readonly onPoint?: (index: number, point: LandscapePoint) => void;
}

/** The 1-D adversarial loss landscape along one filter-normalised direction (see the module comment). */
export function landscape1d(input: LandscapeInput): LandscapePoint[] {
  const values = new Map<string, Float32Array>();
  for (const info of input.infos) values.set(info.name, input.params.get(info.name)!.dataSync() as Float32Array);
  const direction = filterNormalisedDirection(input.infos, values, makeRng(input.directionSeed));
  const points: LandscapePoint[] = [];
  for (const [i, alpha] of input.alphas.entries()) {
    const known = input.done?.get(i);
    if (known !== undefined) {
      points.push(known);
      continue;
    }
    const moved = new Map<string, tf.Tensor>();
    for (const info of input.infos) {
      const w = values.get(info.name)!;
      const d = direction.get(info.name)!;
      const v = new Float32Array(w.length);
      for (let j = 0; j < v.length; j++) v[j] = w[j]! + alpha * d[j]!;
      moved.set(info.name, tf.tensor(v, [...info.shape], 'float32'));
    }
    try {
      const model: EvalModel = {
        spec: input.spec,
        params: moved,
        buffers: input.buffers,
        normalisation: input.normalisation,
        conv: input.conv,
      };
      const adv = robustAccuracy(
        model,
        input.set,
        input.count,
        input.batchSize,
        input.attack,
        makeRng(input.attackSeed),
      );
      const point: LandscapePoint = {
        alpha,
        loss: adv.loss,
        robustAccuracy: adv.robustAccuracy,
        cleanLoss: adv.cleanLoss,
      };
      points.push(point);
      input.onPoint?.(i, point);
    } finally {
      for (const t of moved.values()) t.dispose();
    }
  }
  return points;
}
