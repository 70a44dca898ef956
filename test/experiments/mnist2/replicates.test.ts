/**
 * The replicates of the MNIST2 experiment: which cells differ between replicates (only those that draw at random, and
 * every cell of another protocol), the protocol grid and its errors, the reference replicate read off the full
 * measurements, a light replicate measurement that agrees with the full one on the same weights, and the multi-
 * replicate sweep training each distinct cell once.
 */
import { describe, expect, it } from 'vitest';
import { loadMnist2 } from '../../../src/experiments/mnist2/data.ts';
import { cellHessian } from '../../../src/experiments/mnist2/hessian.ts';
import { cellLandscape } from '../../../src/experiments/mnist2/landscape.ts';
import { mnist2Measured, resolvedMeasurementOptions } from '../../../src/experiments/mnist2/measurements.ts';
import {
  MNIST2_PROTOCOLS,
  protocolById,
  REFERENCE_PROTOCOL,
  replicateSeed,
} from '../../../src/experiments/mnist2/protocols.ts';
import {
  measureReplicateCell,
  replicateGrid,
  referenceReplicate,
  replicateMeasurementOptions,
} from '../../../src/experiments/mnist2/replicates.ts';
import { planMnist2Sweep, sweepMnist2Replicates } from '../../../src/experiments/mnist2/sweep.ts';
import { resultsOf, smallMnist2, trainedCell } from './helpers.ts';

const options = { setting: 'ci' as const, seed: 5, cacheDir: null, dataDir: undefined };

describe('replicate planning', () => {
  const data = loadMnist2({ trainLimit: 300, testLimit: 200 });
  const keys = (replicate: number, protocol = REFERENCE_PROTOCOL) =>
    new Map(planMnist2Sweep({ setting: 'ci', seed: 5, protocol, replicate }, data).map((p) => [p.name, p.key]));

  it('replicate 0 is the run seed; a cell that draws nothing at random is the same cell in every replicate', () => {
    expect(replicateSeed(5, 0)).toBe(5);
    expect(replicateSeed(5, 1)).not.toBe(5);
    const a = keys(0);
    const b = keys(1);
    for (const name of ['l2 standard ε=0.00', 'l2 pgd ε=1.00', 'l2 exact ε=1.00', 'linf standard ε=0/255'])
      expect(b.get(name), name).toBe(a.get(name));
    for (const name of ['l2 random ε=1.00', 'linf pgd ε=8/255', 'linf random ε=8/255', 'linf exact ε=8/255'])
      expect(b.get(name), name).not.toBe(a.get(name));
  });

  it('every cell of another protocol is another cell, and minibatch Adam draws in every cell', () => {
    const ref = keys(0);
    const adam = protocolById('adam-minibatch')!;
    const a0 = keys(0, adam);
    const a1 = keys(1, adam);
    for (const [name, key] of ref) {
      expect(a0.get(name)).not.toBe(key);
      expect(a1.get(name)).not.toBe(a0.get(name));
    }
  });

  it('the grid puts the reference first, takes the setting’s seeds, and names the choices of an unknown protocol', () => {
    const base = {
      seed: 1,
      backend: 'auto' as const,
      dataDir: null,
      cifarDir: null,
      svhnDir: null,
      fresh: false,
      cacheDir: null,
    };
    const full = replicateGrid({ ...base, setting: 'full' });
    expect(full.protocols.map((p) => p.id)).toEqual(MNIST2_PROTOCOLS.map((p) => p.id));
    expect(full.seeds).toBe(5);
    expect(replicateGrid({ ...base, setting: 'ci' }).seeds).toBe(3);
    const some = replicateGrid({ ...base, setting: 'ci', protocols: ['adam-minibatch'], seeds: 2 });
    expect(some.protocols.map((p) => p.id)).toEqual([REFERENCE_PROTOCOL.id, 'adam-minibatch']);
    expect(some.seeds).toBe(2);
    expect(() => replicateGrid({ ...base, setting: 'ci', protocols: ['sgd'] })).toThrow(
      /unknown protocol "sgd"; the protocols are lbfgs-wd1e-3/,
    );
  });
});

describe('replicate measurements', () => {
  const ds = smallMnist2();
  const cell = trainedCell(ds, { norm: 'l2', training: 'pgd', eps: 0.5 });

  it('the reference replicate carries the full measurements’ values', () => {
    const m = mnist2Measured(resultsOf([cell], ds), ds);
    const r = referenceReplicate(m.results, m.measurements);
    const c = r.cells[0]!;
    expect(c.hessian?.robust).toEqual(m.measurements.hessians[0]!.robust.dense!.values);
    expect(c.landscape?.rise).toEqual(m.measurements.landscapes[0]!.directions.map((d) => d.rise));
    expect(r).toMatchObject({ protocol: REFERENCE_PROTOCOL.id, replicate: 0, seed: 1 });
  });

  it('the light measurement agrees with the full one on the same weights and seeds (Lanczos vs dense, 3 vs 51 α points)', () => {
    const light = measureReplicateCell({ cell, seed: 9 }, ds);
    const o = resolvedMeasurementOptions(9);
    const full = cellHessian(cell, ds, o.hessian);
    const landscape = cellLandscape(cell, ds, o.landscape);
    light.hessian!.robust.forEach((v, k) => expect(v).toBeCloseTo(full.robust.dense!.values[k]!, 8));
    light.landscape!.rise.forEach((v, j) => expect(v).toBeCloseTo(landscape.directions[j]!.rise, 10));
    light.landscape!.curvature.forEach((v, j) => expect(v).toBeCloseTo(landscape.directions[j]!.curvature, 8));
    expect(replicateMeasurementOptions(9).hessian.dense).toBe(false);
  });
});

describe('sweepMnist2Replicates', () => {
  it('trains each distinct cell once and returns every replicate’s cells in plan order', async () => {
    let trained = 0;
    const { results } = await sweepMnist2Replicates(
      { ...options, norms: ['l2'], trainings: ['pgd'], onProgress: (e) => void (e.done && !e.cached && trained++) },
      [
        { protocol: REFERENCE_PROTOCOL, replicate: 1 },
        { protocol: REFERENCE_PROTOCOL, replicate: 2 },
      ],
    );
    // l2 standard and l2 pgd ε = 1 draw nothing at random: two distinct cells for both replicates.
    expect(trained).toBe(2);
    expect(results.map((r) => r.cells.map((c) => c.key))).toEqual([
      results[0]!.cells.map((c) => c.key),
      results[0]!.cells.map((c) => c.key),
    ]);
  });
});
