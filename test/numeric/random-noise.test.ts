import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeRng } from '../../src/rng.ts';
import { randomNoiseLoss, sampleUniformNoise } from '../../src/numeric/random-noise.ts';
import { assertProperty, closedFormErrors, instance, maxRelDiff, seedArb } from './helpers.ts';

describe('randomNoiseLoss (Theorem 2, Eqs. 13–14)', () => {
  it('Hessian equals Eq. (14) written with gⁿ = 1 + exp(−yⁿ w·(xⁿ + ηⁿ)): (gⁿ−1)/(gⁿ)² (x+η)(x+η)ᵀ', () => {
    assertProperty(
      'random-noise Eq. 14',
      fc.property(seedArb, (seed) => {
        const { ds, w, rng } = instance(seed, { maxN: 20, maxD: 6 });
        const eta = sampleUniformNoise(rng, ds, 0.3, { norm: 'linf' });
        const H = randomNoiseLoss(ds, eta).hessian(w);
        const d = ds.d;
        const ref = new Float64Array(d * d);
        for (let k = 0; k < ds.n; k++) {
          const z = Array.from({ length: d }, (_, j) => ds.X[k * d + j]! + eta[k * d + j]!);
          const g = 1 + Math.exp(-ds.y[k]! * z.reduce((a, zj, j) => a + zj * w[j]!, 0));
          for (let i = 0; i < d; i++)
            for (let j = 0; j < d; j++) ref[i * d + j]! += (((g - 1) / (g * g)) * z[i]! * z[j]!) / ds.n;
        }
        expect(maxRelDiff(H, ref)).toBeLessThan(1e-12);
      }),
      50,
    );
  });

  it('gradient is the true derivative (central differences), i.e. −(1/N) Σ yⁿ (gⁿ−1)/gⁿ (xⁿ + ηⁿ)', () => {
    assertProperty(
      'random-noise closed form',
      fc.property(seedArb, (seed) => {
        const { ds, w, v, rng } = instance(seed);
        const eta = sampleUniformNoise(rng, ds, 0.2, { norm: 'l2' });
        const e = closedFormErrors(randomNoiseLoss(ds, eta), w, v);
        expect(e.grad).toBeLessThan(1e-7);
        expect(e.hessian).toBeLessThan(1e-7);
        expect(e.hvp).toBeLessThan(1e-13);
      }),
      40,
    );
  });
});

describe('sampleUniformNoise', () => {
  it('draws within the ball (L∞: |η_i| ≤ ε; L2: ‖η‖ ≤ ε), keeps x + η in [0, 1] when clipping, and replays from the seed', () => {
    assertProperty(
      'noise sampler',
      fc.property(seedArb, fc.constantFrom('linf' as const, 'l2' as const), fc.boolean(), (seed, norm, clip) => {
        const { ds } = instance(seed, { unitBox: true });
        const eps = 0.25;
        const a = sampleUniformNoise(makeRng(seed), ds, eps, { norm, clipToUnitBox: clip });
        const b = sampleUniformNoise(makeRng(seed), ds, eps, { norm, clipToUnitBox: clip });
        expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
        for (let k = 0; k < ds.n; k++) {
          const row = Array.from(a.subarray(k * ds.d, (k + 1) * ds.d));
          if (norm === 'linf') expect(Math.max(...row.map(Math.abs))).toBeLessThanOrEqual(eps);
          else expect(Math.hypot(...row)).toBeLessThanOrEqual(eps * (1 + 1e-12));
          if (clip)
            row.forEach((e, j) => {
              const z = ds.X[k * ds.d + j]! + e;
              expect(z).toBeGreaterThanOrEqual(-1e-15);
              expect(z).toBeLessThanOrEqual(1 + 1e-15);
            });
        }
      }),
      50,
    );
  });

  it('has the variance of Theorem 2 for L∞ noise: mean η_i² → ε²/3', () => {
    const { ds } = instance(3, { maxN: 1, maxD: 1 });
    const big = { ...ds, X: new Float64Array(20000), y: new Float64Array(20000).fill(1), n: 20000, d: 1 };
    const eta = sampleUniformNoise(makeRng(11), big, 0.6, { norm: 'linf' });
    const meanSq = eta.reduce((a, e) => a + e * e, 0) / eta.length;
    expect(Math.abs(meanSq - 0.36 / 3)).toBeLessThan(0.005);
  });
});
