import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/autodiff/backend.ts';
import { makeRng } from '../../../src/rng.ts';
import { filterNorms } from '../../../src/numeric/filter-norm.ts';
import {
  filterNormalisedDirection,
  kernelFilters,
  landscape1d,
  landscapeSharpness,
} from '../../../src/experiments/resnet18/landscape.ts';
import { createResNet } from '../../../src/experiments/resnet18/model.ts';
import { WU_MEAN_STD } from '../../../src/experiments/resnet18/normalisation.ts';
import { syntheticImages } from '../../data/formats.ts';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

describe('filterNormalisedDirection (Li et al., biasbn)', () => {
  it('gives each last-axis filter of conv and dense weights the norm of the same weight filter; zeroes biases and BN', () => {
    // Arrange
    const before = tf.memory().numTensors;
    const model = createResNet({ architecture: 'resnet18', width: 1 / 16, numClasses: 10 }, 4);
    const values = new Map([...model.params].map(([n, v]) => [n, v.dataSync() as Float32Array] as const));
    // Act
    const d = filterNormalisedDirection(model.paramInfos, values, makeRng(123));
    const again = filterNormalisedDirection(model.paramInfos, values, makeRng(123));
    // Assert
    for (const info of model.paramInfos) {
      const di = d.get(info.name)!;
      if (info.role === 'conv' || info.role === 'dense') {
        const dn = filterNorms(di, kernelFilters(info.shape));
        const wn = filterNorms(values.get(info.name)!, kernelFilters(info.shape));
        expect(dn.length).toBe(info.shape.at(-1));
        dn.forEach((v, f) => expect(v).toBeCloseTo(wn[f]!, 4));
      } else {
        expect(di.every((v) => v === 0)).toBe(true);
      }
      expect(again.get(info.name)).toEqual(di);
    }
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('landscapeSharpness', () => {
  it('returns the rise at the grid ends and the second difference at 0', () => {
    const pts = [-1, -0.5, 0, 0.5, 1].map((alpha) => ({
      alpha,
      loss: 1 + 2 * alpha * alpha,
      robustAccuracy: 0,
      cleanLoss: 0,
    }));
    const s = landscapeSharpness(pts);
    expect(s.rise).toBeCloseTo(2, 12);
    expect(s.curvature).toBeCloseTo(4, 12);
    expect(() => landscapeSharpness(pts.slice(2))).toThrow(/must contain 0 with points on both sides/);
  });
});

describe('landscape1d', () => {
  it('re-runs the attack at each α, resumes from known points, and frees its tensors', () => {
    // Arrange
    const before = tf.memory().numTensors;
    const spec = { architecture: 'preact-resnet18' as const, width: 1 / 16, numClasses: 10 };
    const model = createResNet(spec, 6);
    const set = syntheticImages(4, 7);
    const base = {
      spec,
      infos: model.paramInfos,
      params: model.params,
      buffers: model.buffers,
      normalisation: WU_MEAN_STD,
      conv: 'custom' as const,
      set: { ...set, files: [] },
      count: 4,
      batchSize: 4,
      attack: { eps: 8 / 255, stepSize: 2 / 255, steps: 2, randomStart: 'uniform-box' as const },
      alphas: [-1, 0, 1],
      directionSeed: 1,
      attackSeed: 2,
    };
    const seen: number[] = [];
    // Act
    const points = landscape1d({ ...base, onPoint: (i) => seen.push(i) });
    const resumed = landscape1d({
      ...base,
      done: new Map([
        [0, points[0]!],
        [1, points[1]!],
      ]),
      onPoint: (i) => seen.push(10 + i),
    });
    // Assert
    expect(points.map((p) => p.alpha)).toEqual([-1, 0, 1]);
    expect(seen).toEqual([0, 1, 2, 12]);
    expect(resumed).toEqual(points);
    for (const p of points) {
      expect(p.loss).toBeGreaterThanOrEqual(p.cleanLoss - 1e-6);
      expect(Number.isFinite(p.loss)).toBe(true);
    }
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
