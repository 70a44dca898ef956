/**
 * Proves src/numeric/lbfgs.ts, the one L-BFGS behind `minimize` and MNIST2 training, under both callers' settings:
 * unbounded with the strong Wolfe search (minimize's) it reaches ‖∇f‖ ≤ 1e-10 on an ill-conditioned quadratic and
 * `minimize` returns exactly its result; with bounds x ≥ 0 and the projected Armijo search (MNIST2's) it finds the
 * known optimum of a box-constrained quadratic, holding the bounded coordinates at 0, with a projected gradient norm
 * below the tolerance; every other stop (iteration cap, non-finite value, stall, the caller's `onIteration`) is
 * reported as such; `onIteration` sees each iterate; and options that do not fit together are refused.
 */
import { describe, expect, it } from 'vitest';
import { lbfgs, type LbfgsOptions } from '../../src/numeric/lbfgs.ts';
import { minimize } from '../../src/numeric/minimize.ts';

/** f(x) = ½ Σ aᵢ(xᵢ − cᵢ)² with curvatures a from 1 to 1e4. */
function quadratic(c: readonly number[]): (x: Float64Array) => { value: number; grad: Float64Array } {
  const a = c.map((_, i) => 10 ** ((4 * i) / Math.max(1, c.length - 1)));
  return (x) => {
    let value = 0;
    const grad = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) {
      const r = x[i]! - c[i]!;
      value += 0.5 * a[i]! * r * r;
      grad[i] = a[i]! * r;
    }
    return { value, grad };
  };
}

const WOLFE: LbfgsOptions = {
  gradTol: 1e-10,
  maxIterations: 500,
  memory: 10,
  lineSearch: 'strong-wolfe',
  curvaturePairs: 'screen-on-store',
};
const PROJECTED: LbfgsOptions = {
  gradTol: 1e-10,
  maxIterations: 500,
  memory: 10,
  lineSearch: 'projected-armijo',
  curvaturePairs: 'screen-on-use',
  stallSteps: 2,
};

describe('lbfgs', () => {
  it("with minimize's settings: converges on an ill-conditioned quadratic, and minimize returns exactly its result", () => {
    const c = [1, -2, 3, -4, 5, -6];
    const f = quadratic(c);
    const x0 = new Float64Array(c.length);
    const r = lbfgs(f, x0, WOLFE);
    expect(r.stop).toBe('converged');
    expect(r.converged).toBe(true);
    expect(r.gradNorm).toBeLessThanOrEqual(1e-10);
    for (let i = 0; i < c.length; i++) expect(r.x[i]).toBeCloseTo(c[i]!, 9);
    const viaMinimize = minimize({ value: (x) => f(x).value, grad: (x) => f(x).grad, valueAndGrad: f }, x0, {
      method: 'lbfgs',
      gradTol: 1e-10,
      maxIterations: 500,
    });
    expect([...viaMinimize.w]).toEqual([...r.x]);
    expect([viaMinimize.value, viaMinimize.gradNorm, viaMinimize.iterations]).toEqual([
      r.value,
      r.gradNorm,
      r.iterations,
    ]);
    expect(viaMinimize.message).toBe(`gradient norm ${r.gradNorm.toExponential(2)} ≤ 1e-10`);
  });

  it("with MNIST2's settings and bounds x ≥ 0: the box optimum max(c, 0) on bounded coordinates, c elsewhere", () => {
    const c = [1, -2, 3, -4, 5, -6];
    const bounded = Uint8Array.of(1, 1, 1, 1, 0, 0);
    const r = lbfgs(quadratic(c), new Float64Array(c.length).fill(1), { ...PROJECTED, bounded });
    expect(r.stop).toBe('converged');
    expect(r.gradNorm).toBeLessThanOrEqual(1e-10);
    expect(r.evaluations).toBeGreaterThan(r.iterations);
    const want = c.map((ci, i) => (bounded[i] === 1 ? Math.max(ci, 0) : ci));
    for (let i = 0; i < c.length; i++) expect(r.x[i]).toBeCloseTo(want[i]!, 9);
    expect(r.x[1]).toBe(0);
    expect(r.x[3]).toBe(0);
  });

  it('projects x0 onto the bounds and reports the iteration cap, a non-finite value and a stall', () => {
    const c = [1, -2, 3];
    const capped = lbfgs(quadratic(c), Float64Array.of(-5, -5, -5), {
      ...PROJECTED,
      bounded: Uint8Array.of(1, 1, 1),
      maxIterations: 0,
    });
    expect([capped.stop, capped.iterations, capped.evaluations, [...capped.x]]).toEqual([
      'iteration-cap',
      0,
      1,
      [0, 0, 0],
    ]);
    const nan = lbfgs(() => ({ value: NaN, grad: new Float64Array(1) }), new Float64Array(1), WOLFE);
    expect([nan.stop, nan.converged]).toEqual(['non-finite', false]);
    // |x| has a kink at 0: the value stops decreasing long before the gradient norm (1) reaches the tolerance.
    const kink = (x: Float64Array) => ({ value: Math.abs(x[0]!), grad: Float64Array.of(Math.sign(x[0]!) || 1) });
    const stalled = lbfgs(kink, Float64Array.of(0.3), PROJECTED);
    expect(['stalled', 'line-search']).toContain(stalled.stop);
    expect(stalled.converged).toBe(false);
  });

  it('hands onIteration each accepted iterate, and returning stop ends the run there with stop caller', () => {
    const f = quadratic([1, -2, 3, -4, 5, -6]);
    const x0 = new Float64Array(6);
    const seen: Float64Array[] = [];
    const r = lbfgs(f, x0, {
      ...PROJECTED,
      onIteration: ({ iteration, x }) => {
        seen.push(Float64Array.from(x));
        return iteration === 3 ? 'stop' : undefined;
      },
    });
    expect([r.stop, r.converged, r.iterations, seen.length]).toEqual(['caller', false, 3, 3]);
    // The x handed over is the iterate: the run stopped at 3 returns it, and a run capped at k iterations ends at the k-th.
    expect([...r.x]).toEqual([...seen[2]!]);
    for (const k of [1, 2, 3])
      expect([...lbfgs(f, x0, { ...PROJECTED, maxIterations: k }).x]).toEqual([...seen[k - 1]!]);
    expect(r.value).toBe(f(r.x).value);
  });

  it('refuses the Wolfe search with bounds, a bounds mask of the wrong length and a memory < 1', () => {
    const f = quadratic([1, 2]);
    expect(() => lbfgs(f, new Float64Array(2), { ...WOLFE, bounded: Uint8Array.of(1, 1) })).toThrow(
      /lbfgs: options.lineSearch must be 'projected-armijo' when there are bounds/,
    );
    expect(() => lbfgs(f, new Float64Array(2), { ...PROJECTED, bounded: Uint8Array.of(1) })).toThrow(
      /lbfgs: options.bounded must have length 2, got length 1/,
    );
    expect(() => lbfgs(f, new Float64Array(2), { ...PROJECTED, memory: 0 })).toThrow(
      /lbfgs: options.memory must be a positive integer, got 0/,
    );
  });
});
