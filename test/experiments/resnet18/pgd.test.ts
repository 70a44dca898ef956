import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/autodiff/backend.ts';
import { makeRng } from '../../../src/rng.ts';
import { createResNet, crossEntropy, resnetForward } from '../../../src/experiments/resnet18/model.ts';
import { normaliseInput } from '../../../src/experiments/resnet18/normalise.ts';
import { WU_MEAN_STD } from '../../../src/experiments/resnet18/normalisation.ts';
import { linfPgd } from '../../../src/experiments/resnet18/pgd.ts';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

describe('linfPgd', () => {
  it('on a linear loss w·x reaches the exact maximiser clip(x + ε·sign(w), 0, 1) when steps × step ≥ 2ε', () => {
    // Arrange
    const before = tf.memory().numTensors;
    const rng = makeRng(11);
    const x = tf.tensor4d(
      Float32Array.from({ length: 2 * 4 * 4 * 3 }, () => rng.next()),
      [2, 4, 4, 3],
    );
    const w = tf.tensor4d(
      Float32Array.from({ length: 4 * 4 * 3 }, () => rng.normal()),
      [1, 4, 4, 3],
    );
    const eps = 8 / 255;
    // Act: from a random start anywhere in the box, 2ε/step = 8 sign steps reach the corner; 10 are taken
    const adv = linfPgd(
      (xa) => tf.sum(tf.mul(xa, w)),
      x,
      { eps, stepSize: 2 / 255, steps: 10, randomStart: 'uniform-box' },
      makeRng(1),
    );
    const expected = tf.tidy(() => tf.clipByValue(tf.add(x, tf.mul(tf.sign(w), eps)), 0, 1));
    // Assert
    const got = adv.dataSync();
    const want = expected.dataSync();
    for (let i = 0; i < got.length; i++) expect(got[i]!).toBeCloseTo(want[i]!, 5);
    tf.dispose([x, w, adv, expected]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stays in the ε-ball and in [0, 1], raises the model loss, and is reproducible from its seed', () => {
    // Arrange
    const before = tf.memory().numTensors;
    const spec = { architecture: 'resnet18' as const, width: 1 / 16, numClasses: 10 };
    const model = createResNet(spec, 2);
    const x = tf.randomUniform([4, 32, 32, 3], 0, 1, 'float32', 5) as tf.Tensor4D;
    const y = tf.tensor1d([0, 3, 5, 9], 'int32');
    const loss = (xa: tf.Tensor4D): tf.Scalar =>
      crossEntropy(
        resnetForward(spec, model.params, model.buffers, normaliseInput(xa, WU_MEAN_STD), {
          mode: 'eval',
          conv: 'custom',
          filterGrad: false,
        }),
        y,
        'sum',
      );
    const eps = 8 / 255;
    const settings = { eps, stepSize: 2 / 255, steps: 5, randomStart: 'uniform-box' as const };
    // Act
    const a = linfPgd(loss, x, settings, makeRng(99));
    const b = linfPgd(loss, x, settings, makeRng(99));
    const zero = linfPgd(loss, x, { ...settings, eps: 0 }, makeRng(99));
    // Assert
    const [dmax, lo, hi, la, l0, same, zeroSame] = tf.tidy(() => [
      tf.max(tf.abs(tf.sub(a, x))).dataSync()[0]!,
      tf.min(a).dataSync()[0]!,
      tf.max(a).dataSync()[0]!,
      loss(a).dataSync()[0]!,
      loss(x).dataSync()[0]!,
      tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]!,
      tf.max(tf.abs(tf.sub(zero, x))).dataSync()[0]!,
    ]);
    expect(dmax).toBeLessThanOrEqual(eps + 1e-6);
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThanOrEqual(1);
    expect(la).toBeGreaterThan(l0);
    expect(same).toBe(0);
    expect(zeroSame).toBe(0);
    tf.dispose([x, y, a, b, zero]);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses negative radii and fractional step counts', () => {
    const x = tf.zeros([1, 2, 2, 1]) as tf.Tensor4D;
    expect(() =>
      linfPgd((xa) => tf.sum(xa), x, { eps: -1, stepSize: 0.1, steps: 1, randomStart: 'none' }, makeRng(1)),
    ).toThrow(/linfPgd: eps and stepSize must be ≥ 0/);
    expect(() =>
      linfPgd((xa) => tf.sum(xa), x, { eps: 0.1, stepSize: 0.1, steps: 1.5, randomStart: 'none' }, makeRng(1)),
    ).toThrow(/steps an integer ≥ 0/);
    x.dispose();
  });
});
