/**
 * Proves the exact inner maximisers of the linear model over closed balls centred at 0: −yεŵ (L2) and −yε sign(w)
 * (L∞) lie on the boundary and no random point of the ball beats them; their losses are the robust losses
 * softplus(−y w·x + ε‖w‖₂) and softplus(−y w·x + ε‖w‖₁); the clipped L∞ maximiser beats every vertex of the clipped
 * box; and the projected-gradient solver for L2 with clipping (no closed form) agrees with the KKT bisection.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeRng } from '../../src/rng.ts';
import { lossArgument, logisticLoss } from '../../src/attack/linear-model.ts';
import { norm2, normInf } from '../../src/numeric/vector.ts';
import {
  l2ClippedKkt,
  l2ClippedMaximizer,
  l2Maximizer,
  linfClippedMaximizer,
  linfMaximizer,
  robustLossL2,
  robustLossLinf,
} from '../../src/attack/linear-maximizer.ts';
import { perturbationBox } from '../../src/attack/project.ts';
import { sampleL2Ball, sampleLinfBox } from '../../src/noise/sample.ts';
import { assertSeeded, instance, pixelInstance } from './helpers.ts';

describe('exact maximisers', () => {
  it('L2 and L∞ maximisers are on the boundary, unbeaten by random points, and give the robust losses', () => {
    assertSeeded(
      'closed-ball-maximisers',
      fc.property(instance(), fc.integer({ min: 0, max: 2 ** 31 }), (p, seed) => {
        const e2 = l2Maximizer(p.y, p.w, p.eps);
        const ei = linfMaximizer(p.y, p.w, p.eps);
        expect(norm2(e2)).toBeCloseTo(p.eps, 12);
        expect(normInf(ei)).toBeCloseTo(p.eps, 15);
        expect(logisticLoss(p.x, p.y, p.w, e2)).toBeCloseTo(robustLossL2(p.x, p.y, p.w, p.eps), 10);
        expect(logisticLoss(p.x, p.y, p.w, ei)).toBeCloseTo(robustLossLinf(p.x, p.y, p.w, p.eps), 10);
        const rng = makeRng(seed);
        const u2 = lossArgument(p.x, p.y, p.w, e2);
        const ui = lossArgument(p.x, p.y, p.w, ei);
        for (let s = 0; s < 200; s++) {
          expect(lossArgument(p.x, p.y, p.w, sampleL2Ball(rng, p.x.length, p.eps))).toBeLessThanOrEqual(
            u2 + 1e-12 * (1 + Math.abs(u2)),
          );
          expect(lossArgument(p.x, p.y, p.w, sampleLinfBox(rng, p.x.length, p.eps))).toBeLessThanOrEqual(
            ui + 1e-12 * (1 + Math.abs(ui)),
          );
        }
      }),
    );
  });

  it('the clipped L∞ maximiser clip(−yε sign(w_i), −x_i, 1 − x_i) beats every vertex of the clipped box', () => {
    assertSeeded(
      'clipped-linf',
      fc.property(pixelInstance(1, 5), (p) => {
        const best = lossArgument(p.x, p.y, p.w, linfClippedMaximizer(p.x, p.y, p.w, p.eps));
        const { lo, hi } = perturbationBox(p.x);
        const d = p.x.length;
        for (let mask = 0; mask < 2 ** d; mask++) {
          const v = Float64Array.from({ length: d }, (_, i) =>
            (mask >> i) & 1 ? Math.min(p.eps, hi[i]!) : Math.max(-p.eps, lo[i]!),
          );
          expect(lossArgument(p.x, p.y, p.w, v)).toBeLessThanOrEqual(best + 1e-12 * (1 + Math.abs(best)));
        }
      }),
    );
  });

  it('L2 with clipping: the projected-gradient solver converges to the KKT bisection solution', () => {
    assertSeeded(
      'l2-clipped',
      fc.property(pixelInstance(1, 6), (p) => {
        const pg = l2ClippedMaximizer(p.x, p.y, p.w, p.eps);
        const kkt = l2ClippedKkt(p.x, p.y, p.w, p.eps);
        expect(pg.converged).toBe(true);
        expect(kkt.converged).toBe(true);
        const a = lossArgument(p.x, p.y, p.w, pg.value);
        const b = lossArgument(p.x, p.y, p.w, kkt.value);
        expect(Math.abs(a - b)).toBeLessThan(1e-9 * (1 + Math.abs(b)));
        expect(norm2(pg.value)).toBeLessThanOrEqual(p.eps * (1 + 1e-12));
      }),
      60,
    );
  });

  it('reports non-convergence honestly instead of returning as if converged', () => {
    const r = l2ClippedMaximizer([0.5, 0.5], 1, [1, 1e-3], 0.6, { maxIterations: 2 });
    expect(r.iterations).toBe(2);
    expect(r.converged).toBe(false);
    expect(r.residual).toBeGreaterThan(1e-10);
  });

  it('rejects w = 0 for the L2 maximiser and a label outside {−1, 1}', () => {
    expect(() => l2Maximizer(1, [0, 0], 1)).toThrow(/l2Maximizer: w must have a nonzero L2 norm, got \|\|w\|\| = 0/);
    expect(() => l2Maximizer(2 as never, [1], 1)).toThrow(/l2Maximizer: y must be -1 or 1, got 2/);
  });
});
