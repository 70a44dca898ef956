/**
 * Proves the numeric noise tools: Gauss–Legendre with n nodes integrates t^k exactly for k ≤ 2n − 1 (and not k = 2n);
 * the tensor rule gives E[η_1²η_2²] = ε⁴/9 under U([−ε, ε]²); the A&S 7.1.13 bounds bracket erfc (checked against
 * high-order quadrature of the Gaussian density); the samplers stay in their sets, replay from their seed, and the
 * L2-ball sampler has E‖η‖² = dε²/(d + 2); Monte Carlo intervals cover the true mean.
 */
import { describe, expect, it } from 'vitest';
import { makeRng } from '../../src/rng.ts';
import { logErfcLowerBound, logErfcUpperBound } from '../../src/noise/gaussian-tail.ts';
import { covers, RunningMean } from '../../src/noise/monte-carlo.ts';
import { gaussLegendre, uniformBoxExpectation, uniformBoxExpectations } from '../../src/noise/quadrature.ts';
import { sampleL2Ball, sampleL2Sphere, sampleL2UniformRadius, sampleLinfBox } from '../../src/noise/sample.ts';

describe('quadrature, tails, samplers', () => {
  it('n-node Gauss–Legendre is exact for degree ≤ 2n − 1', () => {
    for (const n of [1, 2, 3, 5, 8]) {
      const { nodes, weights } = gaussLegendre(n);
      for (let k = 0; k <= 2 * n; k++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += weights[i]! * nodes[i]! ** k;
        const exact = k % 2 === 1 ? 0 : 2 / (k + 1);
        if (k <= 2 * n - 1) expect(Math.abs(s - exact)).toBeLessThan(1e-14);
        else expect(Math.abs(s - exact)).toBeGreaterThan(1e-6);
      }
    }
    expect(() => gaussLegendre(0)).toThrow(/gaussLegendre: n must be an integer in \[1, 512\], got 0/);
  });

  it('tensor rule: E[η_1² η_2²] = ε⁴/9 and E[η_1] = 0 under U([−ε, ε]²)', () => {
    const eps = 0.7;
    expect(uniformBoxExpectation((e) => e[0]! ** 2 * e[1]! ** 2, 2, eps, 2)).toBeCloseTo(eps ** 4 / 9, 15);
    const [m1, m2] = uniformBoxExpectations(
      (e, out) => {
        out[0] = e[0]!;
        out[1] = e[1]! ** 2;
      },
      2,
      2,
      eps,
      3,
    );
    expect(m1).toBeCloseTo(0, 15);
    expect(m2).toBeCloseTo(eps ** 2 / 3, 15);
  });

  it('Abramowitz–Stegun bounds bracket erfc(z) (reference: 200-node quadrature of the density)', () => {
    for (const z of [0, 0.5, 1, 2, 4]) {
      // erfc(z) = (2/√π) ∫_z^{z+10} e^{−t²} dt (the rest is < e^{−100})
      const { nodes, weights } = gaussLegendre(200);
      let s = 0;
      for (let i = 0; i < nodes.length; i++) s += weights[i]! * 5 * Math.exp(-((z + 5 + 5 * nodes[i]!) ** 2));
      const erfc = (2 / Math.sqrt(Math.PI)) * s;
      expect(logErfcLowerBound(z)).toBeLessThanOrEqual(Math.log(erfc) + 1e-12);
      expect(logErfcUpperBound(z)).toBeGreaterThanOrEqual(Math.log(erfc) - 1e-12);
    }
    expect(Number.isFinite(logErfcLowerBound(1e6))).toBe(true);
  });

  it('samplers stay in their sets and replay from their seed', () => {
    const a = makeRng(11);
    const b = makeRng(11);
    for (let s = 0; s < 200; s++) {
      const e = sampleL2Ball(a, 5, 0.3);
      expect(Array.from(e)).toEqual(Array.from(sampleL2Ball(b, 5, 0.3)));
      expect(Math.hypot(...e)).toBeLessThanOrEqual(0.3 * (1 + 1e-15));
      expect(Math.hypot(...sampleL2Sphere(a, 4, 0.3))).toBeCloseTo(0.3, 14);
      expect(Math.hypot(...sampleL2UniformRadius(a, 4, 0.3))).toBeLessThanOrEqual(0.3 * (1 + 1e-15));
      expect(Math.max(...sampleLinfBox(a, 4, 0.3).map(Math.abs))).toBeLessThanOrEqual(0.3);
      sampleL2Sphere(b, 4, 0.3);
      sampleL2UniformRadius(b, 4, 0.3);
      sampleLinfBox(b, 4, 0.3);
    }
  });

  it('the L2-ball sampler has E‖η‖² = dε²/(d + 2) (interval covers it); the uniform-radius start has ε²/3', () => {
    const rng = makeRng(3);
    const ball = new RunningMean();
    const radial = new RunningMean();
    for (let s = 0; s < 20000; s++) {
      ball.push(sampleL2Ball(rng, 6, 1).reduce((t, v) => t + v * v, 0));
      radial.push(sampleL2UniformRadius(rng, 6, 1).reduce((t, v) => t + v * v, 0));
    }
    expect(covers(ball.estimate(4), 6 / 8)).toBe(true);
    expect(covers(radial.estimate(4), 1 / 3)).toBe(true);
    expect(covers(ball.estimate(4), 1 / 3)).toBe(false);
  });
});
