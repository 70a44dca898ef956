import { describe, expect, it } from 'vitest';
import { makeRng } from '../../src/rng.ts';
import { makeDataset, type Dataset } from '../../src/numeric/dataset.ts';
import { minimize } from '../../src/numeric/minimize.ts';
import { robustL2Loss } from '../../src/numeric/robust-l2.ts';
import { robustLinfLoss } from '../../src/numeric/robust-linf.ts';

/** N examples in ℝ^d labelled by a teacher w = (1, …) with 10 % label noise, so the robust optimum is finite and ≠ 0. */
function teacherData(seed: number, n: number, d: number): Dataset {
  const rng = makeRng(seed);
  const X: number[] = [];
  const y: number[] = [];
  for (let k = 0; k < n; k++) {
    const x = Array.from({ length: d }, () => rng.normal());
    X.push(...x);
    const s = x.reduce((a, xi, i) => a + xi * (i === 0 ? 2 : 0.5), 0);
    y.push((s > 0 ? 1 : -1) * (rng.next() < 0.1 ? -1 : 1));
  }
  return makeDataset(X, y, n, d);
}

describe('minimize', () => {
  it('finds the L2-robust optimum (N = 40, d = 3) to ‖∇L‖ < 1e-10 by Newton and by L-BFGS, and both agree', () => {
    // Arrange
    const ds = teacherData(1, 40, 3);
    const L = robustL2Loss(ds, 0.3);
    const w0 = Float64Array.of(0.1, 0.1, 0.1);
    // Act
    const newton = minimize(L, w0, { method: 'newton', gradTol: 1e-10 });
    const lbfgs = minimize(L, w0, { method: 'lbfgs', gradTol: 1e-10 });
    // Assert
    for (const r of [newton, lbfgs]) {
      expect(r.converged).toBe(true);
      expect(r.gradNorm).toBeLessThan(1e-10);
      expect(Math.hypot(...L.grad(r.w))).toBe(r.gradNorm);
      expect(r.value).toBe(L.value(r.w));
    }
    expect(newton.method).toBe('newton');
    expect(lbfgs.method).toBe('lbfgs');
    for (let i = 0; i < 3; i++) expect(Math.abs(newton.w[i]! - lbfgs.w[i]!)).toBeLessThan(1e-8);
    expect(newton.iterations).toBeLessThan(30);
  });

  it('reaches gradient norms near machine precision with Newton (‖∇L‖ < 1e-13, with a bias)', () => {
    const ds = teacherData(2, 60, 4);
    const L = robustL2Loss(ds, 0.2, { bias: true });
    const r = minimize(L, new Float64Array(5).fill(0.05), { method: 'newton', gradTol: 1e-13 });
    expect(r.converged).toBe(true);
    expect(r.gradNorm).toBeLessThan(1e-13);
  });

  it('defaults to Newton when a Hessian is given and to L-BFGS otherwise', () => {
    const L = robustLinfLoss(teacherData(3, 30, 2), 0.1);
    const w0 = Float64Array.of(0.3, 0.2);
    expect(minimize(L, w0, { maxIterations: 3 }).method).toBe('newton');
    expect(minimize({ value: L.value, grad: L.grad }, w0, { maxIterations: 3 }).method).toBe('lbfgs');
  });

  it('minimises the Rosenbrock function with both methods (a non-convex sanity check)', () => {
    const rosen = {
      value: (w: Float64Array) => (1 - w[0]!) ** 2 + 100 * (w[1]! - w[0]! ** 2) ** 2,
      grad: (w: Float64Array) =>
        Float64Array.of(-2 * (1 - w[0]!) - 400 * w[0]! * (w[1]! - w[0]! ** 2), 200 * (w[1]! - w[0]! ** 2)),
      hessian: (w: Float64Array) =>
        Float64Array.of(2 - 400 * (w[1]! - 3 * w[0]! ** 2), -400 * w[0]!, -400 * w[0]!, 200),
    };
    for (const method of ['newton', 'lbfgs'] as const) {
      const r = minimize(rosen, Float64Array.of(-1.2, 1), { method, gradTol: 1e-10 });
      expect(r.converged).toBe(true);
      expect(Math.abs(r.w[0]! - 1)).toBeLessThan(1e-8);
      expect(Math.abs(r.w[1]! - 1)).toBeLessThan(1e-8);
    }
  });

  it('reports converged: false when the iteration cap is hit, never pretending', () => {
    const L = robustL2Loss(teacherData(4, 40, 3), 0.3);
    const r = minimize(L, Float64Array.of(0.1, 0.1, 0.1), { method: 'lbfgs', maxIterations: 2, gradTol: 1e-14 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(2);
    expect(r.message).toMatch(/iteration cap 2 reached/);
  });

  it('rejects Newton without a Hessian, naming the argument', () => {
    expect(() =>
      minimize({ value: () => 0, grad: () => new Float64Array(1) }, new Float64Array(1), { method: 'newton' }),
    ).toThrow(/minimize: objective.hessian must be present for method 'newton', got undefined/);
  });
});
