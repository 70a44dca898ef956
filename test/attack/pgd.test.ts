/**
 * Proves PGD (Eq. (3)) on the linear model: the sign step with the L∞ projection reaches −yε sign(w) in ceil(ε/λ)
 * steps and stays; the L2 step g/‖g‖₂ reaches −yεŵ; the sign step with the L2 projection ends at ε·sign(−yw)/√d;
 * projecting around the overwritten iterate leaves the ε-ball; clipping keeps x + η in [0, 1] and reaches the exact
 * clipped maximiser; random starts are seeded, recorded and replayable; every setting is recorded.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sign } from '../../src/attack/linear-model.ts';
import { norm2, normInf } from '../../src/numeric/vector.ts';
import { l2Maximizer, linfClippedMaximizer, linfMaximizer } from '../../src/attack/linear-maximizer.ts';
import { linearLogisticObjective, pgd, resolveStepSize } from '../../src/attack/pgd.ts';
import { assertSeeded, instance, pixelInstance } from './helpers.ts';

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number =>
  Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i]!)));

describe('pgd', () => {
  it('sign step + L∞ projection reaches the exact maximiser within ceil(ε/λ) steps and keeps it', () => {
    assertSeeded(
      'pgd-linf',
      fc.property(instance(), fc.constantFrom(0.1, 0.15, 0.3, 0.45, 1), (p, factor) => {
        const K = Math.ceil(1 / factor - 1e-9);
        const r = pgd(linearLogisticObjective(p.y, p.w), p.x, {
          norm: 'linf',
          eps: p.eps,
          steps: K + 3,
          step: 'sign',
          stepRule: { kind: 'relative', factor },
          recordIterates: true,
        });
        const target = linfMaximizer(p.y, p.w, p.eps);
        for (const it of r.iterates!.slice(K)) expect(maxAbsDiff(it, target)).toBeLessThanOrEqual(1e-12 * p.eps);
      }),
    );
  });

  it('L2 step + L2 projection reaches −yεŵ; the sign step + L2 projection ends at ε·sign(−yw)/√d', () => {
    assertSeeded(
      'pgd-l2',
      fc.property(instance(2, 8), (p) => {
        const obj = linearLogisticObjective(p.y, p.w);
        const opts = {
          norm: 'l2' as const,
          eps: p.eps,
          steps: 10,
          stepRule: { kind: 'relative' as const, factor: 0.15 },
        };
        const good = pgd(obj, p.x, { ...opts, step: 'l2' });
        expect(maxAbsDiff(good.eta, l2Maximizer(p.y, p.w, p.eps))).toBeLessThan(1e-12);
        const signed = pgd(obj, p.x, { ...opts, step: 'sign' });
        const nnz = Array.from(p.w).filter((v) => v !== 0).length;
        expect(
          maxAbsDiff(
            signed.eta,
            Array.from(p.w, (v) => (p.eps * sign(-p.y * v)) / Math.sqrt(nnz)),
          ),
        ).toBeLessThan(1e-12);
        expect(signed.loss).toBeLessThanOrEqual(good.loss + 1e-12);
      }),
    );
  });

  it('projecting around the overwritten iterate lets η leave the ε-ball (Eq. (3) read literally)', () => {
    const r = pgd(linearLogisticObjective(1, [1, -2]), [0, 0], {
      norm: 'linf',
      eps: 0.1,
      steps: 5,
      step: 'sign',
      stepRule: { kind: 'fixed', size: 0.1 },
      projectAround: 'iterate',
    });
    expect(normInf(r.eta)).toBeCloseTo(0.5, 14);
    expect(r.settings.projectAround).toBe('iterate');
  });

  it('clipping keeps x + η in [0, 1] and reaches the exact clipped maximiser', () => {
    assertSeeded(
      'pgd-clip',
      fc.property(pixelInstance(), (p) => {
        const r = pgd(linearLogisticObjective(p.y, p.w), p.x, {
          norm: 'linf',
          eps: p.eps,
          steps: 10,
          step: 'sign',
          stepRule: { kind: 'relative', factor: 0.1 },
          clip: { lo: 0, hi: 1 },
        });
        for (const v of r.xAdv) {
          expect(v).toBeGreaterThanOrEqual(-1e-15);
          expect(v).toBeLessThanOrEqual(1 + 1e-15);
        }
        expect(maxAbsDiff(r.eta, linfClippedMaximizer(p.x, p.y, p.w, p.eps))).toBeLessThan(1e-12);
      }),
    );
  });

  it('random starts are seeded, recorded, inside the ball and replay byte for byte', () => {
    const obj = linearLogisticObjective(-1, [0.3, -0.2, 0.9]);
    const opts = {
      norm: 'l2' as const,
      eps: 0.5,
      steps: 2,
      step: 'l2' as const,
      stepRule: { kind: 'madry' as const, factor: 2.5 },
      randomStart: { seed: 7 },
      recordIterates: true,
    };
    const a = pgd(obj, [0.1, 0.2, 0.3], opts);
    const b = pgd(obj, [0.1, 0.2, 0.3], opts);
    expect(Array.from(a.eta)).toEqual(Array.from(b.eta));
    expect(a.settings.randomStart).toEqual({ kind: 'l2-uniform-radius', seed: 7 });
    expect(norm2(a.iterates![0]!)).toBeLessThanOrEqual(0.5);
    expect(a.settings.stepSize).toBeCloseTo(0.625, 15);
    expect(a.settings.boundaryReachable).toBe(true);
    const c = pgd(obj, [0.1, 0.2, 0.3], { ...opts, norm: 'linf', step: 'sign', randomStart: { seed: 7 } });
    expect(c.settings.randomStart).toEqual({ kind: 'linf-box', seed: 7 });
    expect(normInf(c.iterates![0]!)).toBeLessThanOrEqual(0.5);
  });

  it('records step rules: fixed, relative (0.15ε) and Madry (2.5ε/steps); flags an unreachable boundary', () => {
    expect(resolveStepSize({ kind: 'fixed', size: 0.01 }, 0.3, 40)).toBe(0.01);
    expect(resolveStepSize({ kind: 'relative', factor: 0.15 }, 1, 40)).toBeCloseTo(0.15, 15);
    expect(resolveStepSize({ kind: 'madry', factor: 2.5 }, 0.3, 10)).toBeCloseTo(0.075, 15);
    const r = pgd(linearLogisticObjective(1, [1]), [0], {
      norm: 'linf',
      eps: 0.3,
      steps: 7,
      step: 'sign',
      stepRule: { kind: 'fixed', size: 0.01 },
    });
    expect(r.settings.boundaryReachable).toBe(false);
  });

  it('names the function and argument on bad input', () => {
    const obj = linearLogisticObjective(1, [1, 2]);
    expect(() =>
      pgd(obj, [1], { norm: 'l2', eps: 1, steps: 1, step: 'l2', stepRule: { kind: 'fixed', size: 1 } }),
    ).toThrow(/pgd: x must have length 2 \(the objective's dimension\), got 1/);
    expect(() =>
      pgd(obj, [1, 1], { norm: 'l2', eps: 1, steps: 1.5, step: 'l2', stepRule: { kind: 'fixed', size: 1 } }),
    ).toThrow(/pgd: steps must be an integer >= 0, got 1.5/);
  });
});
