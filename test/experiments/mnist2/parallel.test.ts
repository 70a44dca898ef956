/**
 * Training and measuring MNIST2 cells side by side in worker processes gives the same data as doing it in this
 * process: the same cells byte for byte, and the same measurements in the same order (wall times aside).
 */
import { describe, expect, it } from 'vitest';
import { stableJson } from '../../../src/fs/json.ts';
import { mnist2Measured, mnist2MeasuredInWorkers } from '../../../src/experiments/mnist2/measurements.ts';
import { sweepMnist2 } from '../../../src/experiments/mnist2/sweep.ts';

const withoutTimes = (v: unknown): string =>
  stableJson(JSON.parse(JSON.stringify(v, (k, x) => (k === 'timingMs' ? undefined : x))));

describe('MNIST2 in worker processes', () => {
  it('trains the same cells and takes the same measurements as one process', async () => {
    const options = {
      setting: 'ci',
      norms: ['l2'],
      trainings: ['pgd', 'random'],
      eps: [0, 0.2, 0.6],
      cacheDir: null,
    } as const;
    const serial = await sweepMnist2(options);
    const events: { done: boolean; cached: boolean }[] = [];
    const parallel = await sweepMnist2({ ...options, workers: 2, onProgress: (e) => events.push(e) });
    // The worker path announces every cell before the first one finishes (one process starts and ends each in turn).
    expect(events.slice(0, 5).every((e) => !e.done && !e.cached)).toBe(true);
    expect(stableJson(parallel.results)).toBe(stableJson(serial.results));
    const m1 = mnist2Measured(serial.results, serial.train);
    const messages: string[] = [];
    const m2 = await mnist2MeasuredInWorkers(parallel.results, parallel.train, {
      workers: 2,
      onProgress: (m) => messages.push(m),
    });
    expect(withoutTimes(m2)).toBe(withoutTimes(m1));
    expect(messages[0]).toMatch(/^measuring 5 cells in 2 processes$/);
  });
});
