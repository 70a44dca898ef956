/**
 * What this proves about src/experiments/mnist2/attack.ts: the batched PGD of the linear model equals running the
 * step-by-step `pgd` of src/attack on each example (L2 from η = 0 and from a random start, L∞ with and without a random
 * start, pixel clipping on) to rounding; the batched exact maximisers equal the per-example references
 * (`l2Maximizer`, `l2ClippedKkt`, `linfClippedMaximizer`); PGD never beats the exact maximiser; and an example whose
 * gradient underflows (σ(u) = 0) is reported as stalled and left at its start.
 */
import { describe, expect, it } from 'vitest';
import {
  l2ClippedKkt,
  l2Maximizer,
  linearLogisticObjective,
  linfClippedMaximizer,
  pgd,
} from '../../../src/attack/index.ts';
import type { Label } from '../../../src/attack/linear-model.ts';
import { deriveSeed, makeRng } from '../../../src/rng.ts';
import { exactPerturbation, linearPgd, pgdRandomStarts } from '../../../src/experiments/mnist2/attack.ts';
import { sigmoid } from '../../../src/numeric/stable.ts';
import { subset } from './fixtures.ts';

const ds = subset(40, 10).train;
const d = ds.d;

/** A weight vector with the structure of a trained model: zero on pixels no image lights, mixed signs elsewhere. */
function weights(seed: number): Float64Array {
  const rng = makeRng(seed);
  const w = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    let lit = false;
    for (let k = 0; k < ds.n && !lit; k++) lit = ds.X[k * d + j]! > 0;
    w[j] = lit ? rng.uniform(-0.3, 0.3) : 0;
  }
  return w;
}

const row = (a: Float64Array, k: number): Float64Array => a.subarray(k * d, (k + 1) * d);
const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
};

describe('linearPgd equals the per-example PGD of src/attack', () => {
  const cases = [
    { norm: 'l2', eps: 1, steps: 40, start: false },
    { norm: 'l2', eps: 0.2, steps: 100, start: false },
    { norm: 'l2', eps: 0.6, steps: 40, start: true },
    { norm: 'linf', eps: 76.5 / 255, steps: 40, start: true },
    { norm: 'linf', eps: 8 / 255, steps: 100, start: false },
  ] as const;
  it.each(cases)('$norm ε=$eps, $steps steps, random start $start', ({ norm, eps, steps, start }) => {
    const w = weights(deriveSeed(1, `${norm}/${eps}`));
    const seed = 99;
    const stepRule =
      norm === 'l2' ? ({ kind: 'relative', factor: 0.15 } as const) : ({ kind: 'fixed', size: 0.01 } as const);
    const stepSize = norm === 'l2' ? 0.15 * eps : 0.01;
    const starts = start ? pgdRandomStarts(ds, norm, eps, seed) : null;
    const batch = linearPgd(ds, w, { norm, eps, steps, stepSize, bias: false, starts });
    expect(batch.stalled).toBe(0);
    for (let k = 0; k < ds.n; k++) {
      const ref = pgd(linearLogisticObjective(ds.y[k] as Label, w), row(ds.X, k), {
        norm,
        eps,
        steps,
        step: norm === 'l2' ? 'l2' : 'sign',
        stepRule,
        clip: { lo: 0, hi: 1 },
        ...(start ? { randomStart: { seed: deriveSeed(seed, String(k)) } } : {}),
      });
      expect(maxAbsDiff(row(batch.eta, k), ref.eta)).toBeLessThan(1e-14);
      let we = 0;
      for (let j = 0; j < d; j++) we += w[j]! * ref.eta[j]!;
      expect(Math.abs(batch.wEta[k]! - we)).toBeLessThan(1e-12);
    }
  });

  it('leaves an example whose gradient underflows at its start and counts it as stalled', () => {
    const w = weights(5).map((v) => v * 1e4);
    const p = linearPgd(ds, w, { norm: 'linf', eps: 0.1, steps: 40, stepSize: 0.01, bias: false, starts: null });
    let stalledByHand = 0;
    for (let k = 0; k < ds.n; k++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += w[j]! * ds.X[k * d + j]!;
      if (sigmoid(-ds.y[k]! * s) === 0) {
        stalledByHand++;
        expect(maxAbsDiff(row(p.eta, k), new Float64Array(d))).toBe(0);
      }
    }
    expect(stalledByHand).toBeGreaterThan(0);
    expect(p.stalled).toBe(stalledByHand);
  });
});

describe('exactPerturbation equals the per-example exact maximisers', () => {
  const w = weights(11);
  it.each([0.2, 1])('L2 ball (closed form) and L2 ball ∩ box (KKT) at ε = %s', (eps) => {
    const ball = exactPerturbation(ds, w, 'l2-ball', eps, false);
    const box = exactPerturbation(ds, w, 'l2-ball-box', eps, false);
    for (let k = 0; k < ds.n; k++) {
      const y = ds.y[k] as Label;
      expect(maxAbsDiff(row(ball.eta, k), l2Maximizer(y, w, eps))).toBeLessThan(1e-15);
      const kkt = l2ClippedKkt(row(ds.X, k), y, w, eps);
      expect(kkt.converged).toBe(true);
      expect(maxAbsDiff(row(box.eta, k), kkt.value)).toBeLessThan(1e-13);
    }
  });

  it('L∞ ball ∩ box per coordinate', () => {
    const eps = 25.5 / 255;
    const box = exactPerturbation(ds, w, 'linf-box', eps, false);
    for (let k = 0; k < ds.n; k++) {
      expect(maxAbsDiff(row(box.eta, k), linfClippedMaximizer(row(ds.X, k), ds.y[k] as Label, w, eps))).toBe(0);
    }
  });

  it('PGD never gets a larger loss than the exact maximiser of the same set (c·η ≤ c·η*)', () => {
    for (const [norm, eps] of [
      ['l2', 0.8],
      ['linf', 0.2],
    ] as const) {
      const exact = exactPerturbation(ds, w, norm === 'l2' ? 'l2-ball-box' : 'linf-box', eps, false);
      const p = linearPgd(ds, w, {
        norm,
        eps,
        steps: 100,
        stepSize: norm === 'l2' ? 0.15 * eps : 0.01,
        bias: false,
        starts: null,
      });
      for (let k = 0; k < ds.n; k++)
        expect(-ds.y[k]! * p.wEta[k]!).toBeLessThanOrEqual(-ds.y[k]! * exact.wEta[k]! + 1e-12);
    }
  });
});
