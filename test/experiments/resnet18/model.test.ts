import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/autodiff/backend.ts';
import {
  createResNet,
  crossEntropy,
  modelLayout,
  parameterCount,
  resnetForward,
  runningStatsUpdater,
  stageChannels,
} from '../../../src/experiments/resnet18/model.ts';
import { normaliseInput } from '../../../src/experiments/resnet18/normalise.ts';
import { MADRY_STANDARDISATION, WU_MEAN_STD } from '../../../src/experiments/resnet18/normalisation.ts';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

describe('ResNet18 / PreActResNet18 layout', () => {
  it('has the parameter counts of the PyTorch models at width 1', () => {
    // kuangliu/pytorch-cifar ResNet18 (CIFAR stem, 10 classes): 11,173,962 parameters.
    expect(parameterCount({ architecture: 'resnet18', width: 1, numClasses: 10 })).toBe(11173962);
    // PreActResNet18 without BN after the stem, with the final BN (512 γ + 512 β) before pooling.
    expect(parameterCount({ architecture: 'preact-resnet18', width: 1, numClasses: 10 })).toBe(11171146 + 1024);
  });

  it('puts conv and dense filters on the last axis, and scales channels with the width multiplier', () => {
    const { params, buffers } = modelLayout({ architecture: 'resnet18', width: 1 / 16, numClasses: 10 });
    expect(stageChannels(1 / 16)).toEqual([4, 8, 16, 32]);
    expect(params[0]).toEqual({ name: 'conv1', shape: [3, 3, 3, 4], role: 'conv' });
    expect(params.find((p) => p.name === 'layer2.0.shortcut.conv')).toEqual({
      name: 'layer2.0.shortcut.conv',
      shape: [1, 1, 4, 8],
      role: 'conv',
    });
    expect(params.at(-2)).toEqual({ name: 'linear.weight', shape: [32, 10], role: 'dense' });
    expect(params.at(-1)).toEqual({ name: 'linear.bias', shape: [10], role: 'bias' });
    expect(buffers.length).toBe(params.filter((p) => p.role === 'bn-gamma').length);
    expect(() => modelLayout({ architecture: 'resnet18', width: 0, numClasses: 10 })).toThrow(
      /width must be a positive number, got 0/,
    );
  });
});

describe('resnetForward', () => {
  it.each(['resnet18', 'preact-resnet18'] as const)(
    '%s: logits of shape [N, 10]; same seed, same weights; no tensor leaks',
    (architecture) => {
      // Arrange
      const before = tf.memory().numTensors;
      const spec = { architecture, width: 1 / 16, numClasses: 10 };
      const a = createResNet(spec, 7);
      const b = createResNet(spec, 7);
      const x = tf.randomUniform([3, 32, 32, 3], 0, 1, 'float32', 1) as tf.Tensor4D;
      // Act
      const [la, lb] = tf.tidy(() => [
        resnetForward(spec, a.params, a.buffers, normaliseInput(x, WU_MEAN_STD), {
          mode: 'eval',
          conv: 'custom',
          filterGrad: false,
        }).arraySync(),
        resnetForward(spec, b.params, b.buffers, normaliseInput(x, WU_MEAN_STD), {
          mode: 'eval',
          conv: 'custom',
          filterGrad: false,
        }).arraySync(),
      ]);
      // Assert
      expect(la.length).toBe(3);
      expect(la[0]!.length).toBe(10);
      expect(la).toEqual(lb);
      a.dispose();
      b.dispose();
      x.dispose();
      expect(tf.memory().numTensors).toBe(before);
    },
  );

  it('train mode updates the running statistics as PyTorch does (momentum 0.1, unbiased variance)', () => {
    // Arrange
    const before = tf.memory().numTensors;
    const spec = { architecture: 'resnet18' as const, width: 1 / 16, numClasses: 10 };
    const model = createResNet(spec, 3);
    const x = tf.randomUniform([4, 32, 32, 3], 0, 1, 'float32', 2) as tf.Tensor4D;
    const seen = new Map<string, { mean: number[]; variance: number[]; count: number }>();
    const update = runningStatsUpdater(model);
    // Act
    tf.tidy(() => {
      resnetForward(spec, model.params, model.buffers, normaliseInput(x, MADRY_STANDARDISATION), {
        mode: 'train',
        conv: 'custom',
        filterGrad: true,
        stats: (bn, mean, variance, count) => {
          seen.set(bn, { mean: Array.from(mean.dataSync()), variance: Array.from(variance.dataSync()), count });
          update(bn, mean, variance, count);
        },
      });
    });
    // Assert: running = 0.9·initial + 0.1·batch (mean: initial 0; variance: initial 1, batch unbiased n/(n−1))
    const s = seen.get('bn1')!;
    expect(s.count).toBe(4 * 32 * 32);
    const rm = Array.from(model.buffers.get('bn1.mean')!.dataSync());
    const rv = Array.from(model.buffers.get('bn1.var')!.dataSync());
    rm.forEach((v, i) => expect(v).toBeCloseTo(0.1 * s.mean[i]!, 5));
    rv.forEach((v, i) => expect(v).toBeCloseTo(0.9 + (0.1 * s.variance[i]! * s.count) / (s.count - 1), 5));
    expect(seen.size).toBe(model.bufferInfos.length);
    model.dispose();
    x.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('cross-entropy gradients reach every parameter (custom conv gradient)', () => {
    const before = tf.memory().numTensors;
    const spec = { architecture: 'preact-resnet18' as const, width: 1 / 16, numClasses: 10 };
    const model = createResNet(spec, 5);
    const x = tf.randomUniform([2, 32, 32, 3], 0, 1, 'float32', 3) as tf.Tensor4D;
    const y = tf.tensor1d([1, 7], 'int32');
    const { value, grads } = tf.variableGrads(
      () =>
        crossEntropy(
          resnetForward(spec, model.params, model.buffers, normaliseInput(x, WU_MEAN_STD), {
            mode: 'train',
            conv: 'custom',
            filterGrad: true,
          }),
          y,
        ),
      [...model.params.values()],
    );
    expect(Object.keys(grads).length).toBe(model.params.size);
    for (const g of Object.values(grads))
      expect(Number.isFinite(tf.tidy(() => tf.sum(tf.abs(g)).dataSync()[0]!))).toBe(true);
    expect(value.dataSync()[0]!).toBeGreaterThan(0);
    tf.dispose([value, ...Object.values(grads), x, y]);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('normaliseInput', () => {
  it('per-image standardisation is tf.image.per_image_standardization on 0…255 pixels; mean/std 0.5 maps [0, 1] to [−1, 1]', () => {
    const before = tf.memory().numTensors;
    const x = tf.tensor4d([0, 0.5, 1, 0.25], [1, 1, 2, 2]);
    const [std, ms] = tf.tidy(() => [
      Array.from(normaliseInput(x, MADRY_STANDARDISATION).dataSync()),
      Array.from(normaliseInput(x, { kind: 'mean-std', mean: [0.5, 0.5], std: [0.5, 0.5], source: 'test' }).dataSync()),
    ]);
    const px = [0, 127.5, 255, 63.75];
    const mean = px.reduce((a, b) => a + b, 0) / 4;
    const sd = Math.max(Math.sqrt(px.reduce((a, b) => a + (b - mean) ** 2, 0) / 4), 1 / Math.sqrt(4));
    std!.forEach((v, i) => expect(v).toBeCloseTo((px[i]! - mean) / sd, 4));
    expect(ms).toEqual([-1, 0, 1, -0.5]);
    const flat = tf.tidy(() =>
      Array.from(normaliseInput(tf.fill([1, 2, 2, 3], 0.3) as tf.Tensor4D, MADRY_STANDARDISATION).dataSync()),
    );
    expect(flat.every((v) => v === 0)).toBe(true);
    x.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
