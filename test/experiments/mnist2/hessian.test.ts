/**
 * Fig. 3 measurements on real MNIST2 weights: both Hessians by the dense solver and by Lanczos agree; the robust-loss
 * Hessian is `robustL2Loss`'s (projector term included) and differs from the fixed-example one for L2, equals it for
 * L∞; Eq. (9)'s numbers; curvature along seeded filter-normalised directions; determinism; errors.
 */
import { describe, expect, it } from 'vitest';
import { symmetricEigen } from '../../../src/eigen/symmetric-eigen.ts';
import { cellHessian } from '../../../src/experiments/mnist2/hessian.ts';
import { landscapeDirections } from '../../../src/experiments/mnist2/directions.ts';
import { logisticLoss } from '../../../src/numeric/logistic.ts';
import { robustL2Loss } from '../../../src/numeric/robust-l2.ts';
import { robustLinfLoss } from '../../../src/numeric/robust-linf.ts';
import { cellWith, mnist2Head, smallMnist2, trainedCell } from './helpers.ts';

describe('cellHessian at d = 784 (L2 PGD cell, ε = 0.4, 240 MNIST2 images)', () => {
  const ds = mnist2Head();
  const cell = trainedCell(ds, { norm: 'l2', training: 'pgd', eps: 0.4 });
  const h = cellHessian(cell, ds, { directions: 3 });

  it('dense solver and Lanczos on HVPs agree on the top 3 eigenvalues of both Hessians, all converged', () => {
    console.log(
      `[fig3 d=784] robust ${h.robust.dense!.values.map((v) => v.toExponential(4))}, fixed ${h.fixed.dense!.values.map((v) => v.toExponential(4))}; Lanczos HVPs ${h.robust.lanczos.matvecs}/${h.fixed.lanczos.matvecs}`,
    );
    expect(h.dim).toBe(784);
    for (const r of [h.robust, h.fixed]) {
      expect(r.dense!.converged && r.lanczos.converged).toBe(true);
      expect(r.agreement!).toBeLessThan(1e-8);
      expect(r.dense!.values).toHaveLength(3);
      expect(r.lanczos.seed).toBe(0);
      expect(r.lanczos.algorithm).toMatch(/Lanczos/);
      expect(r.dense!.algorithm).toMatch(/Householder/);
    }
  });

  it('the robust-loss Hessian is that of robustL2Loss (with the projector term) and differs from the fixed-example one', () => {
    const w = Float64Array.from(cell.w);
    const ref = symmetricEigen(robustL2Loss(ds, 0.4).hessian(w), 784).values.subarray(0, 3);
    expect(h.robust.dense!.values).toEqual(Array.from(ref));
    expect(h.robustVsFixed!).toBeGreaterThan(1e-6);
  });

  it('reports ‖w*‖ and Eq. (9): ε/(2‖w*‖) and c = (1/2N) Σ ‖η‖/‖w*‖ (equal for the L2 ball, where ‖η‖ = ε)', () => {
    const norm = Math.hypot(...cell.w);
    expect(h.weightNorm).toBeCloseTo(norm, 12);
    expect(h.eq9.prediction!).toBeCloseTo(0.4 / (2 * norm), 14);
    expect(h.eq9.c).toBeCloseTo(h.eq9.prediction!, 12);
    expect(h.eq9.meanEtaNorm).toBeCloseTo(0.4, 12);
  });
});

describe('cellHessian on pooled MNIST2 (d = 196)', () => {
  const ds = smallMnist2();

  it('L∞: the box robust loss and the fixed examples give the same Hessian (Danskin); linf-ball gives robustLinfLoss’s', () => {
    const cell = trainedCell(ds, { norm: 'linf', training: 'pgd', eps: 8 / 255 });
    const box = cellHessian(cell, ds, { directions: 2 });
    expect(box.robustVsFixed).toBe(0);
    expect(box.eq9.prediction).toBeNull();
    expect(box.robust.agreement!).toBeLessThan(1e-8);
    const w = Float64Array.from(cell.w);
    expect(w.every((v) => v !== 0)).toBe(true);
    const ball = cellHessian(cell, ds, { directions: 2, linfMaximizer: 'linf-ball' });
    const ref = symmetricEigen(robustLinfLoss(ds, 8 / 255).hessian(w), 196).values.subarray(0, 3);
    ball.robust.dense!.values.forEach((v, i) => expect(Math.abs(v - ref[i]!)).toBeLessThan(1e-12 * ref[0]!));
  });

  it('curvature along filter-normalised directions is hᵀHh with ‖h‖ = ‖w*‖, from printed seeds; the same options give the same numbers', () => {
    const cell = trainedCell(ds, { norm: 'l2', training: 'exact', eps: 0.2 });
    const a = cellHessian(cell, ds, { directions: 4, directionSeed: 9 });
    const b = cellHessian(cell, ds, { directions: 4, directionSeed: 9 });
    expect(b.robust.curvature).toEqual(a.robust.curvature);
    expect(b.fixed.dense!.values).toEqual(a.fixed.dense!.values);
    const w = Float64Array.from(cell.w);
    const dirs = landscapeDirections(w, { mode: 'filter', count: 4, seed: 9, bias: false });
    expect(a.robust.curvature.seeds).toEqual(dirs.map((d) => d.seed));
    const H = robustL2Loss(ds, 0.2).hessian(w);
    dirs.forEach(({ h }, i) => {
      expect(Math.hypot(...h)).toBeCloseTo(Math.hypot(...w), 10);
      let q = 0;
      for (let r = 0; r < 196; r++) for (let c = 0; c < 196; c++) q += h[r]! * H[r * 196 + c]! * h[c]!;
      expect(Math.abs(a.robust.curvature.values[i]! - q)).toBeLessThan(1e-10 * Math.abs(q));
    });
    const s = a.robust.curvature.spread;
    expect(s.min).toBeLessThanOrEqual(s.mean);
    expect(s.mean).toBeLessThanOrEqual(s.max);
  });

  it('the standard model: both Hessians are the clean logistic Hessian; Lanczos without the dense solver still converges', () => {
    const cell = trainedCell(ds, { norm: 'l2', training: 'standard', eps: 0 });
    const h = cellHessian(cell, ds, { directions: 1, dense: false });
    expect(h.robust.dense).toBeNull();
    expect(h.robust.agreement).toBeNull();
    expect(h.robust.lanczos.converged).toBe(true);
    const ref = symmetricEigen(logisticLoss(ds).hessian(Float64Array.from(cell.w)), 196).values;
    h.robust.lanczos.values.forEach((v, i) => expect(Math.abs(v - ref[i]!)).toBeLessThan(1e-9 * ref[0]!));
    expect(h.fixed.lanczos.values).toEqual(h.robust.lanczos.values);
  });

  it('PGD fixed examples: ‖η‖ ≤ ε with pixel clipping, so c ≤ ε/(2‖w*‖); the attack is named', () => {
    const cell = trainedCell(ds, { norm: 'l2', training: 'pgd', eps: 1 });
    const h = cellHessian(cell, ds, { directions: 1, fixedExamples: { kind: 'pgd', steps: 20 } });
    expect(h.fixedExamples).toMatch(/^PGD 20 × 0.15/);
    expect(h.eq9.c).toBeLessThanOrEqual(h.eq9.prediction! * (1 + 1e-12));
  });

  it('names the cell and the expected length when w does not fit the data', () => {
    const bad = cellWith('l2', 'pgd', 0.2, new Float64Array(10).fill(1));
    expect(() => cellHessian(bad, ds)).toThrow(/cellWeights: cell .*w must have length 196 \(d = 196\), got 10/);
  });
});
