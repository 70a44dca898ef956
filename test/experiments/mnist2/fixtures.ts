/**
 * Fixtures of the MNIST2 sweep tests (data, attack, training, evaluation, sweep, CLI): small MNIST2 subsets read from
 * the shipped files, a training configuration with the paper's PGD, IDX file writers for the loader's error tests,
 * and the repository root.
 */
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadMnist2, type Mnist2Data } from '../../../src/experiments/mnist2/data.ts';
import type { Mnist2TrainConfig } from '../../../src/experiments/mnist2/train.ts';
import { paperPgd } from '../../../src/experiments/mnist2/sweep.ts';
import type { Mnist2Training } from '../../../src/experiments/mnist2/results.ts';
import type { BallNorm } from '../../../src/numeric/vector.ts';

/** The repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

const cache = new Map<string, Mnist2Data>();

/** The first `train` / `test` MNIST2 images of the shipped files (cached per process). */
export function subset(train: number, test: number): Mnist2Data {
  const key = `${train}/${test}`;
  let data = cache.get(key);
  if (data === undefined) {
    data = loadMnist2({ trainLimit: train, testLimit: test });
    cache.set(key, data);
  }
  return data;
}

/** A training configuration with the paper's PGD and the sweep's optimiser defaults (λ = 1e-3, tolerance 1e-8). */
export function trainConfig(norm: BallNorm, training: Mnist2Training, eps: number, seed = 7): Mnist2TrainConfig {
  return {
    norm,
    training,
    eps,
    seed,
    bias: false,
    optimiser: { method: 'lbfgs', weightDecay: 1e-3, gradTol: 1e-8, maxIterations: 500, memory: 10 },
    trainAttack: paperPgd(norm, 40),
    noise: { law: 'uniform-ball', clipToUnitBox: true, redraw: 'fixed' },
  };
}

/** The bytes of an IDX file of unsigned bytes: magic 0x00 0x00 0x08 rank, big-endian dims, payload. */
export function idxBytes(
  dims: readonly number[],
  payload: ArrayLike<number>,
  magic: readonly number[] = [0, 0, 8, dims.length],
): Uint8Array {
  const header = new Uint8Array(4 + 4 * dims.length);
  header.set(magic);
  const view = new DataView(header.buffer);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  const out = new Uint8Array(header.length + payload.length);
  out.set(header);
  out.set(Array.from(payload), header.length);
  return out;
}

/** gzip of `bytes`. */
export function gz(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(gzipSync(bytes));
}
