import * as tf from '@tensorflow/tfjs';
import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/autodiff/backend.ts';
import { runCell, type CellData } from '../../../src/experiments/resnet18/cell.ts';
import { cellConfig, cellKey, type SweepCell } from '../../../src/experiments/resnet18/config.ts';
import type { RuntimeRecord } from '../../../src/experiments/resnet18/results.ts';
import { runtimeRecord } from '../../../src/experiments/resnet18/runtime.ts';
import { syntheticImages } from '../../data/formats.ts';

const root = mkdtempSync(join(tmpdir(), 'claimcheck-cell-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let runtime: RuntimeRecord;
beforeAll(async () => {
  runtime = runtimeRecord(await initBackend({ backend: 'wasm' }));
});

/** A two-epoch cell on 8 training and 4 test images, one batch per epoch: the smallest run with a mid-training resume. */
function twoEpochCell(): { cell: SweepCell; data: CellData } {
  const base = cellConfig('tiny', 'cifar10', 8, 31, { architecture: 'resnet18', width: 1 / 16, numClasses: 10 });
  const config = {
    ...base,
    dataLimit: { train: 8, test: 4 },
    training: { ...base.training, epochs: 2, batchSize: 8 },
    evaluation: { ...base.evaluation, batchSize: 8 },
    landscape: { ...base.landscape, count: 4 },
  };
  const train = { ...syntheticImages(8, 50), files: [] };
  const test = { ...syntheticImages(4, 51), files: [] };
  const record = {
    dataset: 'cifar10' as const,
    train: { count: 8, files: [] },
    test: { count: 4, files: [] },
    officialSplit: false,
  };
  return { cell: { id: 'cifar10-eps8-seed31', key: cellKey(config), config }, data: { train, test, record } };
}

describe('runCell', () => {
  it('resumes after a crash following the epoch-1 checkpoint and ends with the same bytes as an uninterrupted run', () => {
    // Arrange
    const { cell, data } = twoEpochCell();
    const before = tf.memory().numTensors;
    const dirA = join(root, 'uninterrupted');
    const dirB = join(root, 'interrupted');
    const logs: string[] = [];
    // Act
    const a = runCell(cell, data, { dir: dirA, runtime });
    expect(() =>
      runCell(cell, data, {
        dir: dirB,
        runtime,
        afterCheckpoint: (epoch) => {
          if (epoch === 1) throw new Error('simulated kill after the epoch-1 checkpoint');
        },
      }),
    ).toThrow(/simulated kill/);
    const midway = { checkpoint: existsSync(join(dirB, 'state.ckpt')), result: existsSync(join(dirB, 'result.json')) };
    writeFileSync(join(dirB, '.state.ckpt.999999.abcdef012345.tmp'), 'torn write of a dead process');
    const b = runCell(cell, data, { dir: dirB, runtime, log: (l) => logs.push(l) });
    const c = runCell(cell, data, { dir: dirB, runtime });
    // Assert
    expect(midway).toEqual({ checkpoint: true, result: false });
    expect([a.status, b.status, b.resumedFromEpoch, c.status]).toEqual(['fresh', 'resumed', 1, 'cached']);
    expect(logs.some((l) => /removed \.state\.ckpt\.999999\.abcdef012345\.tmp, left by a killed run/.test(l))).toBe(
      true,
    );
    expect(logs.some((l) => /resuming from .*state\.ckpt after epoch 1 \(1 steps\)/.test(l))).toBe(true);
    expect(existsSync(join(dirB, '.state.ckpt.999999.abcdef012345.tmp'))).toBe(false);
    expect(readFileSync(join(dirB, 'result.json'), 'utf8')).toBe(readFileSync(join(dirA, 'result.json'), 'utf8'));
    expect(a.result.training.epochs.map((e) => e.epoch)).toEqual([1, 2]);
    expect(a.result.training.steps).toBe(2);
    expect(a.result.seeds.cell).toBe(31);
    expect(a.result.landscape.points.map((p) => p.alpha)).toEqual([-1, 0, 1]);
    expect(a.result.final.train.count).toBe(8);
    expect(a.result.final.test.count).toBe(4);
    expect(a.result.best.sameAsFinal).toBe(a.result.best.epoch === 2);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a damaged checkpoint or one of another configuration, naming the file', () => {
    const { cell, data } = twoEpochCell();
    const dir = join(root, 'damaged');
    expect(() =>
      runCell(cell, data, {
        dir,
        runtime,
        afterCheckpoint: () => {
          throw new Error('stop');
        },
      }),
    ).toThrow(/stop/);
    const other = { ...cell, key: '0123456789abcdef' };
    expect(() => runCell(other, data, { dir, runtime })).toThrow(
      /state\.ckpt: is from another configuration \(key [0-9a-f]{16}, expected 0123456789abcdef\)/,
    );
    truncateSync(join(dir, 'state.ckpt'), 1000);
    expect(() => runCell(cell, data, { dir, runtime })).toThrow(
      /checkpoint .*state\.ckpt: checksum mismatch: the file is truncated or corrupt/,
    );
  });
});
