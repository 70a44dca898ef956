/**
 * Robust accuracy of a ResNet under L∞ PGD (the numbers of Tables 5–6), measured one way for every split and
 * checkpoint: model in eval mode (BN running statistics), the evaluation attack (PGD-20 in the `full` setting) with a
 * uniform random start, on the first `count` images of the split, in order. Clean accuracy on the same images comes
 * with it.
 */
import * as tf from '@tensorflow/tfjs';
import type { ImageSet32 } from '../../data/cifar10.ts';
import type { Rng } from '../../rng.ts';
import { evaluationRanges, makeBatch, range } from './batches.ts';
import type { ConvGradient } from './conv.ts';
import { crossEntropy, resnetForward, type ModelSpec, type ParamLookup } from './model.ts';
import type { Normalisation } from './normalisation.ts';
import { normaliseInput } from './normalise.ts';
import { linfPgd, type LinfPgdSettings } from './pgd.ts';

/** Robust and clean accuracy on a set of images. */
export interface AccuracyMeasurement {
  /** Percent of images classified correctly under the attack (clean accuracy at ε = 0). */
  readonly robustAccuracy: number;
  readonly correct: number;
  readonly count: number;
  /** Mean cross-entropy under the attack. */
  readonly loss: number;
  /** Percent correct without attack. */
  readonly cleanAccuracy: number;
  readonly cleanCorrect: number;
  /** Mean cross-entropy without attack. */
  readonly cleanLoss: number;
}

/** The model to evaluate: spec, weights, running statistics, input normalisation and conv gradient. */
export interface EvalModel {
  readonly spec: ModelSpec;
  readonly params: ParamLookup;
  readonly buffers: ParamLookup;
  readonly normalisation: Normalisation;
  readonly conv: ConvGradient;
}

/** Eval-mode logits of [0, 1] images. */
export function evalLogits(model: EvalModel, x: tf.Tensor4D): tf.Tensor2D {
  return resnetForward(model.spec, model.params, model.buffers, normaliseInput(x, model.normalisation), {
    mode: 'eval',
    conv: model.conv,
    filterGrad: false,
  });
}

function countCorrect(logits: tf.Tensor2D, y: tf.Tensor1D): number {
  return tf.tidy(() => tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), y), 'int32')).dataSync()[0]!);
}

/**
 * Robust accuracy of `model` under L∞ PGD with `attack` on the first `count` images of `set` (null: all), in batches
 * of `batchSize`, the random starts drawn from `rng` in image order.
 */
export function robustAccuracy(
  model: EvalModel,
  set: ImageSet32,
  count: number | null,
  batchSize: number,
  attack: LinfPgdSettings,
  rng: Rng,
): AccuracyMeasurement {
  let correct = 0;
  let cleanCorrect = 0;
  let lossSum = 0;
  let cleanLossSum = 0;
  let n = 0;
  for (const [s, e] of evaluationRanges(set, count, batchSize)) {
    const batch = makeBatch(set, range(s, e), 'none');
    try {
      const lossOf = (xa: tf.Tensor4D): tf.Scalar => crossEntropy(evalLogits(model, xa), batch.y, 'sum');
      const adv = linfPgd(lossOf, batch.x, attack, rng);
      tf.tidy(() => {
        const logits = evalLogits(model, adv);
        correct += countCorrect(logits, batch.y);
        lossSum += crossEntropy(logits, batch.y, 'sum').dataSync()[0]!;
        const clean = evalLogits(model, batch.x);
        cleanCorrect += countCorrect(clean, batch.y);
        cleanLossSum += crossEntropy(clean, batch.y, 'sum').dataSync()[0]!;
      });
      adv.dispose();
    } finally {
      batch.x.dispose();
      batch.y.dispose();
    }
    n += e - s;
  }
  if (n === 0) throw new RangeError('robustAccuracy: no images to evaluate');
  return {
    robustAccuracy: (100 * correct) / n,
    correct,
    count: n,
    loss: lossSum / n,
    cleanAccuracy: (100 * cleanCorrect) / n,
    cleanCorrect,
    cleanLoss: cleanLossSum / n,
  };
}
