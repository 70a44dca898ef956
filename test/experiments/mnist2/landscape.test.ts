/**
 * Landscapes (Figs. 1, 2, 5): g(α) re-solves the inner maximum at every α (Eq. 5) so it dominates the loss with the
 * examples frozen at w*; filter-normalised directions; spread over directions; sharpness measures; PGD and
 * random-noise objectives named, their noise drawn independently of the code version; the random_line mode; the 2-D mode agrees with the 1-D one on its axes.
 */
import { describe, expect, it } from 'vitest';
import { landscapeDirections } from '../../../src/experiments/mnist2/directions.ts';
import { cellLandscape, cellLandscape2d, linspace } from '../../../src/experiments/mnist2/landscape.ts';
import { landscapeObjective, linfBoxRobustValue } from '../../../src/experiments/mnist2/landscape-objective.ts';
import { makeRng } from '../../../src/rng.ts';
import { fixedExampleLoss } from '../../../src/numeric/fixed-example.ts';
import { l2AdversarialPerturbation, robustL2Loss } from '../../../src/numeric/robust-l2.ts';
import { linfBoxRobustLoss } from '../../../src/numeric/robust-linf.ts';
import { smallMnist2, trainedCell } from './helpers.ts';

const ds = smallMnist2();
const l2 = trainedCell(ds, { norm: 'l2', training: 'pgd', eps: 0.6 });
const linf = trainedCell(ds, { norm: 'linf', training: 'pgd', eps: 16 / 255 });

describe('directions', () => {
  it('filter mode: Gaussian directions rescaled to ‖w‖, bias entry 0, the same bytes from the same seed', () => {
    const w = Float64Array.from([...l2.w, 0.3]);
    const a = landscapeDirections(w, { mode: 'filter', count: 3, seed: 123, bias: true });
    const b = landscapeDirections(w, { mode: 'filter', count: 3, seed: 123, bias: true });
    expect(b).toEqual(a);
    expect(new Set(a.map((d) => d.seed)).size).toBe(3);
    for (const { h } of a) {
      expect(h[196]).toBe(0);
      expect(Math.hypot(...h.subarray(0, 196))).toBeCloseTo(Math.hypot(...l2.w), 10);
    }
  });

  it('random_line mode: U[0, 1) directions, weights rescaled as one filter, the bias element-wise (|h_b| = |b|)', () => {
    const w = Float64Array.from([...l2.w, -0.3]);
    const [d] = landscapeDirections(w, { mode: 'random_line', count: 1, seed: 4, bias: true });
    expect(d!.h.subarray(0, 196).every((v) => v >= 0)).toBe(true);
    expect(Math.hypot(...d!.h.subarray(0, 196))).toBeCloseTo(Math.hypot(...l2.w), 8);
    expect(Math.abs(d!.h[196]!)).toBeCloseTo(0.3, 8);
  });
});

describe('cellLandscape', () => {
  it('has 51 points on [−1, 1] with α = 0 exactly, g(0) at the centre, mean within [min, max]', () => {
    expect(linspace(-1, 1, 51)[25]).toBe(0);
    const l = cellLandscape(l2, ds, { directions: 3 });
    expect(l.alphas).toHaveLength(51);
    expect(l.directions.every((d) => d.values[25] === l.center)).toBe(true);
    l.mean.forEach((m, i) => {
      expect(l.min[i]!).toBeLessThanOrEqual(m + 1e-15);
      expect(m).toBeLessThanOrEqual(l.max[i]! + 1e-15);
    });
    expect(l.attack).toBe('exact l2-ball');
    expect(l.directionSeed).toBe(123);
  });

  it('re-solves the attack at every α: g equals the L2 robust loss at w* + αh and dominates the loss with η frozen at w*', () => {
    const l = cellLandscape(l2, ds, { directions: 1, points: 11 });
    const w = Float64Array.from(l2.w);
    const { h } = landscapeDirections(w, { mode: 'filter', count: 1, seed: 123, bias: false })[0]!;
    const robust = robustL2Loss(ds, 0.6);
    const frozen = fixedExampleLoss(ds, l2AdversarialPerturbation(ds, w, 0.6));
    l.alphas.forEach((a, i) => {
      const v = w.map((x, j) => x + a * h[j]!);
      expect(l.directions[0]!.values[i]).toBeCloseTo(robust.value(v), 12);
      expect(l.directions[0]!.values[i]!).toBeGreaterThanOrEqual(frozen.value(v) - 1e-12);
    });
    expect(frozen.value(w)).toBeCloseTo(l.center, 12);
  });

  it('curvature is the second derivative of g at α = 0 and rise = mean of the ends − g(0)', () => {
    const l = cellLandscape(l2, ds, { directions: 2, alphas: [-1e-3, 0, 1e-3] });
    const fine = cellLandscape(l2, ds, { directions: 2, points: 5 });
    for (const d of l.directions) {
      const fd = (d.values[0]! - 2 * d.values[1]! + d.values[2]!) / 1e-6;
      expect(Math.abs(fd - d.curvature)).toBeLessThan(1e-4 * Math.abs(d.curvature));
    }
    for (const d of fine.directions) expect(d.rise).toBeCloseTo((d.values[0]! + d.values[4]!) / 2 - fine.center, 14);
    expect(l.curvatureMethod).toBe('hvp');
  });

  it('L∞: the box-clipped value without η matches linfBoxRobustLoss; PGD with enough steps equals the exact maximiser and is named', () => {
    const rng = makeRng(3);
    const w = Float64Array.from({ length: 196 }, (_, j) => (j % 7 === 0 ? 0 : rng.normal()));
    expect(linfBoxRobustValue(ds, w, 0.1, false)).toBeCloseTo(linfBoxRobustLoss(ds, 0.1).value(w), 13);
    const exact = cellLandscape(linf, ds, { directions: 1, points: 5 });
    const pgd = cellLandscape(linf, ds, { directions: 1, points: 5, attack: { kind: 'pgd', steps: 10 } });
    expect(pgd.attack).toMatch(/^PGD 10 × 0.01/);
    expect(pgd.curvatureMethod).toMatch(/second-difference/);
    pgd.directions[0]!.values.forEach((v, i) => expect(v).toBeCloseTo(exact.directions[0]!.values[i]!, 12));
  });

  it('random-noise cells: the noise is drawn once from a printed seed and held fixed; same options, same landscape', () => {
    const cell = trainedCell(ds, { norm: 'l2', training: 'random', eps: 0.6 });
    const a = cellLandscape(cell, ds, { directions: 2, points: 5, noiseSeed: 11 });
    expect(a.objective).toMatch(/drawn once \(seed \d+\) and held fixed/);
    expect(cellLandscape(cell, ds, { directions: 2, points: 5, noiseSeed: 11 }).mean).toEqual(a.mean);
    expect(cellLandscape(cell, ds, { directions: 2, points: 5, noiseSeed: 12 }).center).not.toBe(a.center);
    expect(landscapeObjective(cell, ds).kind).toBe('random-noise');
    // The draw follows the cell's name, not its cache key (which holds the code version): an edit of the code that
    // changes every key leaves the noise, and so the random-noise verdicts, as they were.
    const rekeyed = { ...cell, key: `${cell.key}-another-code-version` };
    expect(cellLandscape(rekeyed, ds, { directions: 2, points: 5, noiseSeed: 11 }).mean).toEqual(a.mean);
  });

  it('random_line mode is one-sided on [0, 1] and its rise is g(1) − g(0)', () => {
    const l = cellLandscape(l2, ds, { mode: 'random_line', directions: 1, points: 6 });
    expect(l.alphas).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(l.directions[0]!.rise).toBeCloseTo(l.directions[0]!.values[5]! - l.center, 14);
  });
});

describe('cellLandscape2d', () => {
  it('agrees with the 1-D landscape along its first axis (same seeds) and has g(0, 0) = g(0)', () => {
    const two = cellLandscape2d(l2, ds, { points: 5 });
    const one = cellLandscape(l2, ds, { directions: 1, points: 5 });
    expect(two.seeds[0]).toBe(one.directions[0]!.seed);
    expect(two.z[2]![2]).toBe(two.center);
    two.z[2]!.forEach((v, i) => expect(v).toBeCloseTo(one.directions[0]!.values[i]!, 13));
  });
});
