import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeRng } from '../../src/rng.ts';
import { denseMatVec } from '../../src/eigen/dense-matvec.ts';
import { hutchinsonTrace } from '../../src/eigen/hutchinson.ts';
import { assertProperty, seedArb } from '../numeric/helpers.ts';
import { withSpectrum } from './helpers.ts';

describe('hutchinsonTrace (Rademacher probes)', () => {
  it('is exact for a diagonal matrix (zᵀDz = tr D for z ∈ {±1}ⁿ)', () => {
    const n = 10;
    const D = new Float64Array(n * n);
    for (let i = 0; i < n; i++) D[i * n + i] = i + 1;
    const r = hutchinsonTrace(denseMatVec(D, n), n, { rng: makeRng(1) });
    expect(r.value).toBe(55);
    expect(r.standardError).toBe(0);
    expect(r.converged).toBe(true);
    expect(r.iterations).toBe(10);
  });

  it('lands within 4 standard errors of the exact trace and replays from its seed', () => {
    assertProperty(
      'hutchinson',
      fc.property(seedArb, (seed) => {
        const rng = makeRng(seed);
        const lambda = Array.from({ length: 30 }, () => rng.uniform(0, 2));
        const A = withSpectrum(lambda, seed);
        const trace = lambda.reduce((a, x) => a + x, 0);
        const r = hutchinsonTrace(denseMatVec(A, 30), 30, { rng: makeRng(seed), samples: 400, tol: 1e-3 });
        const again = hutchinsonTrace(denseMatVec(A, 30), 30, { rng: makeRng(seed), samples: 400, tol: 1e-3 });
        expect(again.value).toBe(r.value);
        expect(Math.abs(r.value - trace)).toBeLessThan(4 * r.standardError + 1e-12);
        expect(r.residual).toBe(r.standardError);
      }),
      30,
    );
  });
});
