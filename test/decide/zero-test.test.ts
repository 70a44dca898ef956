import { describe, expect, it } from 'vitest';
import { zeroTest } from '../../src/decide/zero-test.ts';
import { samplePoints } from '../../src/decide/sampler.ts';
import { makeRng } from '../../src/rng.ts';
import { mathjsEvaluator } from '../../src/engines/mathjs.ts';
import { y, w, eps } from '../../proofs/variables.ts';
import type { Variable } from '../../src/claims/schema.ts';

const vars = [y, w, eps] as unknown as Variable[];
const pts = (symbols: string[], seed = 1, variables = vars) =>
  samplePoints(variables, { d: 2, N: 2, symbols }, 8, makeRng(seed));

describe('zeroTest (randomized, 64 and 128 digits)', () => {
  it('proves an identity equal: log(1+exp(u)) = u + log(1+exp(-u))', () => {
    const r = zeroTest(
      'log(1 + exp(w_1 * eps))',
      'w_1 * eps + log(1 + exp(-w_1 * eps))',
      pts(['w_1', 'eps']),
      mathjsEvaluator,
    );
    expect(r.status).toBe('equal');
    expect(r.worst128).toBeLessThanOrEqual(-100);
  });

  it('catches a difference of relative size 1e-40 that a fixed float tolerance would miss', () => {
    const r = zeroTest('exp(w_1) * (1 + 1e-40)', 'exp(w_1)', pts(['w_1']), mathjsEvaluator);
    expect(r.status).toBe('different');
    // Residuals are |A − B| / max(|A|, |B|, 1): about 1e-40 · min(exp(w_1), 1), the same at both precisions.
    expect(r.witness!.log10Rel128).toBeGreaterThan(-41);
    expect(r.witness!.log10Rel128).toBeLessThanOrEqual(-40);
    expect(Math.abs(r.witness!.log10Rel64 - r.witness!.log10Rel128)).toBeLessThan(1e-5);
  });

  it('accepts a form that uses y² = 1 on the domain y ∈ {−1, 1} and rejects it when y is real', () => {
    const onSigns = zeroTest('y_1^2 * w_1', 'w_1', pts(['y_1', 'w_1']), mathjsEvaluator);
    expect(onSigns.status).toBe('equal');
    const realY = [
      { ...y, domain: { type: 'interval', lo: -2, hi: 2, loOpen: false, hiOpen: false } },
      w,
      eps,
    ] as unknown as Variable[];
    const onReals = zeroTest('y_1^2 * w_1', 'w_1', pts(['y_1', 'w_1'], 1, realY), mathjsEvaluator);
    expect(onReals.status).toBe('different');
  });
});

describe('samplePoints', () => {
  it('covers every sign component of (y_1, y_2, y_3) in the first 2^N points and gives exact decimals', () => {
    const p = samplePoints(vars, { d: 2, N: 3, symbols: ['y_1', 'y_2', 'y_3', 'w_1', 'w_2', 'eps'] }, 8, makeRng(3));
    const patterns = new Set(p.map((q) => `${q.y_1},${q.y_2},${q.y_3}`));
    expect(patterns.size).toBe(8);
    for (const q of p) {
      expect(['1', '-1']).toContain(q.y_1);
      expect(Number(q.eps)).toBeGreaterThan(0);
      expect(Math.hypot(Number(q.w_1), Number(q.w_2))).toBeGreaterThanOrEqual(0.1);
      expect(q.w_1).toMatch(/^-?\d+\.\d{12}$/);
    }
  });

  it('replays the same points from the same seed', () => {
    expect(pts(['w_1', 'eps'], 42)).toEqual(pts(['w_1', 'eps'], 42));
  });
});
