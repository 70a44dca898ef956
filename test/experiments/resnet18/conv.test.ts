import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/autodiff/backend.ts';
import { makeRng } from '../../../src/rng.ts';
import {
  conv2d,
  convGradientFor,
  type ConvGeometry,
  type ConvGradient,
} from '../../../src/experiments/resnet18/conv.ts';

function randomTensor(shape: number[], seed: number): tf.Tensor {
  const rng = makeRng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(
    Float32Array.from({ length: n }, () => rng.normal()),
    shape,
  );
}

/** ∂/∂x and ∂/∂w of Σ dy·conv(x, w) with the given gradient implementation, as plain arrays. */
function grads(
  x: tf.Tensor,
  w: tf.Tensor,
  dy: tf.Tensor,
  g: ConvGeometry,
  kind: ConvGradient,
): { y: Float32Array; dx: Float32Array; dw: Float32Array; dxOnly: Float32Array } {
  return tf.tidy(() => {
    const f = (a: tf.Tensor, b: tf.Tensor): tf.Scalar =>
      tf.sum(tf.mul(conv2d(a as tf.Tensor4D, b as tf.Tensor4D, g, kind), dy));
    const [dx, dw] = tf.grads(f)([x, w]) as [tf.Tensor, tf.Tensor];
    const dxOnly = tf.grad((a: tf.Tensor) =>
      tf.sum(tf.mul(conv2d(a as tf.Tensor4D, w as tf.Tensor4D, g, kind, false), dy)),
    )(x);
    return {
      y: conv2d(x as tf.Tensor4D, w as tf.Tensor4D, g, kind).dataSync() as Float32Array,
      dx: dx.dataSync() as Float32Array,
      dw: dw.dataSync() as Float32Array,
      dxOnly: dxOnly.dataSync() as Float32Array,
    };
  });
}

function maxRelError(a: Float32Array, b: Float32Array): number {
  let scale = 1e-6;
  let err = 0;
  for (let i = 0; i < a.length; i++) {
    scale = Math.max(scale, Math.abs(b[i]!));
    err = Math.max(err, Math.abs(a[i]! - b[i]!));
  }
  return err / scale;
}

const CASES: { name: string; x: number[]; w: number[]; g: ConvGeometry }[] = [
  { name: '3×3 stride 1 pad 1', x: [2, 8, 8, 3], w: [3, 3, 3, 4], g: { stride: 1, pad: 1 } },
  { name: '3×3 stride 2 pad 1 (even input)', x: [2, 8, 8, 4], w: [3, 3, 4, 5], g: { stride: 2, pad: 1 } },
  { name: '3×3 stride 2 pad 1 (odd input)', x: [1, 7, 7, 2], w: [3, 3, 2, 3], g: { stride: 2, pad: 1 } },
  { name: '1×1 stride 2 pad 0 (shortcut)', x: [2, 8, 8, 4], w: [1, 1, 4, 6], g: { stride: 2, pad: 0 } },
];

describe('conv2d with the custom gradient (for wasm: no Conv2DBackpropFilter kernel)', () => {
  beforeAll(async () => {
    await initBackend({ backend: 'cpu' });
  });

  it.each(CASES)(
    'custom and hybrid match TF.js built-in gradients on cpu, custom on wasm: $name',
    async ({ x: xs, w: ws, g }) => {
      // Arrange: reference values with the built-in kernels on the cpu backend
      await initBackend({ backend: 'cpu' });
      const before = tf.memory().numTensors;
      const x = randomTensor(xs, 1);
      const w = randomTensor(ws, 2);
      const yShape = tf.tidy(() => conv2d(x as tf.Tensor4D, w as tf.Tensor4D, g, 'builtin').shape);
      const dy = randomTensor(yShape, 3);
      const ref = grads(x, w, dy, g, 'builtin');
      const customCpu = grads(x, w, dy, g, 'custom');
      const hybridCpu = grads(x, w, dy, g, 'hybrid');
      tf.dispose([x, w, dy]);
      expect(tf.memory().numTensors).toBe(before);
      // Act: the custom gradient on wasm (the backend it is for)
      await initBackend({ backend: 'wasm' });
      const beforeWasm = tf.memory().numTensors;
      const xw = randomTensor(xs, 1);
      const ww = randomTensor(ws, 2);
      const dyw = randomTensor(yShape, 3);
      const customWasm = grads(xw, ww, dyw, g, 'custom');
      tf.dispose([xw, ww, dyw]);
      // Assert (float32; tolerance of tfjs's own tests, 1e-3, relative to the largest entry)
      expect(tf.memory().numTensors).toBe(beforeWasm);
      for (const got of [customCpu, hybridCpu, customWasm]) {
        expect(maxRelError(got.y, ref.y)).toBeLessThan(1e-3);
        expect(maxRelError(got.dx, ref.dx)).toBeLessThan(1e-3);
        expect(maxRelError(got.dw, ref.dw)).toBeLessThan(1e-3);
        expect(maxRelError(got.dxOnly, ref.dx)).toBeLessThan(1e-3);
      }
    },
  );

  it('pads as PyTorch does (padding=1 on both sides at stride 2, not TF\'s "same")', () => {
    const before = tf.memory().numTensors;
    const x = tf.tensor4d(
      Array.from({ length: 16 }, (_, i) => i),
      [1, 4, 4, 1],
    );
    const w = tf.ones([3, 3, 1, 1]) as tf.Tensor4D;
    const [builtin, custom] = tf.tidy(() => [
      Array.from(conv2d(x, w, { stride: 2, pad: 1 }, 'builtin').dataSync()),
      Array.from(conv2d(x, w, { stride: 2, pad: 1 }, 'custom').dataSync()),
    ]);
    const dx = tf.tidy(() =>
      Array.from(
        tf
          .grad((a: tf.Tensor) => tf.sum(conv2d(a as tf.Tensor4D, w, { stride: 2, pad: 1 }, 'hybrid')))(x)
          .dataSync(),
      ),
    );
    expect(builtin).toEqual([10, 24, 51, 90]);
    expect(custom).toEqual([10, 24, 51, 90]);
    // ∂/∂x of the sum: how many output windows cover each pixel (rows and columns 0: 1, 1: 2, 2: 1, 3: 1 with PyTorch's padding)
    const cover = [1, 2, 1, 1];
    expect(dx).toEqual(cover.flatMap((r) => cover.map((c) => r * c)));
    tf.dispose([x, w]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('is chosen per backend: custom on wasm, hybrid on cpu, builtin on libtensorflow (tfjs-node, tfjs-node-gpu)', () => {
    expect([convGradientFor('wasm'), convGradientFor('cpu'), convGradientFor('tensorflow')]).toEqual([
      'custom',
      'hybrid',
      'builtin',
    ]);
  });
});
