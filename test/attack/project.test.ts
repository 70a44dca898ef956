/**
 * Proves the projections Π_ε: L2 and L∞ projections are feasible, idempotent (L2 up to one rounding) and the identity inside the ball; the
 * exact projection onto {‖η‖₂ ≤ ε} ∩ box is feasible and no random feasible point is closer; the box of an image
 * clipped to [0, 1] is [−x, 1 − x].
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeRng } from '../../src/rng.ts';
import { norm2, normInf } from '../../src/numeric/vector.ts';
import { perturbationBox, projectL2, projectL2Box, projectLinf, projectLinfBox } from '../../src/attack/project.ts';
import { sampleL2Ball } from '../../src/noise/sample.ts';
import { assertSeeded, pixelInstance } from './helpers.ts';

const vec = fc
  .array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 1, maxLength: 6 })
  .map((a) => Float64Array.from(a));
const radius = fc.double({ min: 0.01, max: 3, noNaN: true });

describe('projections', () => {
  it('L2 and L∞ projections are feasible, idempotent and the identity inside', () => {
    assertSeeded(
      'ball-projections',
      fc.property(vec, radius, (z, eps) => {
        const p2 = projectL2(z, eps);
        const pi = projectLinf(z, eps);
        expect(norm2(p2)).toBeLessThanOrEqual(eps * (1 + 1e-15));
        expect(normInf(pi)).toBeLessThanOrEqual(eps);
        const again = projectL2(p2, eps);
        for (let i = 0; i < z.length; i++) expect(Math.abs(again[i]! - p2[i]!)).toBeLessThanOrEqual(1e-15 * eps);
        expect(Array.from(projectLinf(pi, eps))).toEqual(Array.from(pi));
        if (norm2(z) <= eps) expect(Array.from(p2)).toEqual(Array.from(z));
      }),
    );
  });

  it('the exact projection onto ball ∩ box is feasible and beats every random feasible point', () => {
    assertSeeded(
      'l2-box-projection',
      fc.property(pixelInstance(1, 4), vec, fc.integer({ min: 0, max: 2 ** 31 }), (p, z0, seed) => {
        const d = p.x.length;
        const z = Float64Array.from({ length: d }, (_, i) => z0[i % z0.length]!);
        const { lo, hi } = perturbationBox(p.x);
        const r = projectL2Box(z, p.eps, lo, hi);
        expect(r.converged).toBe(true);
        expect(norm2(r.value)).toBeLessThanOrEqual(p.eps * (1 + 1e-12));
        for (let i = 0; i < d; i++) {
          expect(r.value[i]!).toBeGreaterThanOrEqual(lo[i]!);
          expect(r.value[i]!).toBeLessThanOrEqual(hi[i]!);
        }
        const dist = norm2(Float64Array.from(z, (v, i) => v - r.value[i]!));
        const rng = makeRng(seed);
        for (let s = 0; s < 200; s++) {
          const q = sampleL2Ball(rng, d, p.eps);
          const feasible = Array.from(q).every((v, i) => v >= lo[i]! && v <= hi[i]!);
          if (!feasible) continue;
          expect(norm2(Float64Array.from(z, (v, i) => v - q[i]!))).toBeGreaterThanOrEqual(dist - 1e-9);
        }
      }),
      60,
    );
  });

  it('clipping to [0, 1] gives the box [−x, 1 − x], and the L∞ ∩ box projection clips to the tighter bound', () => {
    const { lo, hi } = perturbationBox([0, 0.25, 1]);
    expect(Array.from(lo)).toEqual([0, -0.25, -1]);
    expect(Array.from(hi)).toEqual([1, 0.75, 0]);
    expect(Array.from(projectLinfBox([-1, 1, 1], 0.5, lo, hi))).toEqual([0, 0.5, 0]);
  });

  it('rejects a pixel outside the range, naming the function and index', () => {
    expect(() => perturbationBox([0.5, 1.5])).toThrow(
      /perturbationBox: x\[1\] must lie in \[0, 1\] for clipping, got 1.5/,
    );
    expect(() => projectL2([1], -1)).toThrow(/projectL2: eps must be a finite number >= 0, got -1/);
  });
});
