import { describe, expect, it } from 'vitest';
import { makeRng } from '../../src/rng.ts';
import { denseMatVec } from '../../src/eigen/dense-matvec.ts';
import { powerIteration } from '../../src/eigen/power-iteration.ts';
import { withSpectrum } from './helpers.ts';

describe('powerIteration (cross-check only)', () => {
  it('finds the dominant eigenvalue and a unit eigenvector with residual ≤ tol·|λ|', () => {
    const lambda = [9, 5, 4, 1, -2, 0.5, 3, 2];
    const A = withSpectrum(lambda, 2);
    const r = powerIteration(denseMatVec(A, 8), 8, { rng: makeRng(1), tol: 1e-10 });
    expect(r.converged).toBe(true);
    expect(Math.abs(r.values[0]! - 9)).toBeLessThan(1e-9);
    expect(r.residual).toBeLessThanOrEqual(1e-10 * 9);
    expect(Math.abs(Math.hypot(...r.vectors!) - 1)).toBeLessThan(1e-12);
  });

  it('is not slowed by an exactly repeated top eigenvalue (only the gap to the next distinct value matters)', () => {
    const A = withSpectrum([3, 3, 3, 1, 0.5, 0.2], 4);
    const r = powerIteration(denseMatVec(A, 6), 6, { rng: makeRng(2), tol: 1e-10 });
    expect(r.converged).toBe(true);
    expect(Math.abs(r.values[0]! - 3)).toBeLessThan(1e-9);
    expect(r.iterations).toBeLessThan(40);
  });

  it('reports converged: false at the iteration cap for a ±λ pair (power iteration cannot separate them)', () => {
    const A = withSpectrum([2, -2, 1, 0.5], 6);
    const r = powerIteration(denseMatVec(A, 4), 4, { rng: makeRng(3), maxIterations: 200 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(200);
  });
});
