/**
 * The robust-loss Hessian spectrum of one MNIST2 cell (pooled real images, L-BFGS weights): the exact trace is the sum
 * of the exact eigenvalues; Hutchinson's estimate lies within the table's standard errors of it, with a standard error
 * near the one the estimator has in theory; the SLQ density is a density (it integrates to about 1 on its grid) within
 * the table's tolerances of the exact one; the same seeds give the same bytes. Which cells are measured: the trace on
 * every Fig. 3 cell, the density on the standard model and three PGD ε per norm, never on a cell trained to w = 0.
 */
import { describe, expect, it } from 'vitest';
import { symmetricEigen } from '../../../src/eigen/symmetric-eigen.ts';
import { cellHessianLoss } from '../../../src/experiments/mnist2/hessian.ts';
import { cellSpectrum, spectrumCells } from '../../../src/experiments/mnist2/spectrum.ts';
import { ESTIMATOR_TOLERANCES, slqTolerance } from '../../../src/numeric/tolerances.ts';
import { cellWith, smallMnist2, trainedCell } from './helpers.ts';

const ds = smallMnist2();
const cell = trainedCell(ds, { norm: 'l2', training: 'pgd', eps: 0.6, iterations: 30 });
const options = { slqSeed: 3, hutchinsonSeed: 4 };
const s = cellSpectrum(cell, ds, options, true);

describe('cellSpectrum', () => {
  it('takes the exact spectrum of Fig. 3’s robust-loss Hessian from the dense matrix', () => {
    const { loss, w } = cellHessianLoss(cell, ds, 'robust');
    const values = symmetricEigen(loss.hessian(w), w.length).values;
    expect(s.dim).toBe(196);
    expect(s.exact.lambdaMax).toBe(values[0]);
    expect(s.exact.lambdaMin).toBe(values[195]);
    expect(Math.abs(s.exact.trace - values.reduce((a, x) => a + x, 0))).toBeLessThan(1e-10 * s.exact.trace);
    expect(s.description).toContain('L2 robust loss');
  });

  it('puts Hutchinson’s trace within the table’s standard errors of the exact one, its SE near the theoretical', () => {
    const h = s.hutchinson;
    expect(Math.abs(h.value - s.exact.trace)).toBeLessThanOrEqual(ESTIMATOR_TOLERANCES.traceSigmas * h.standardError);
    expect(h.z).toBeCloseTo((h.value - s.exact.trace) / h.standardError, 12);
    expect(h.standardError / h.expectedStandardError).toBeGreaterThan(0.5);
    expect(h.standardError / h.expectedStandardError).toBeLessThan(2);
    expect(h.probes).toBeGreaterThanOrEqual(10);
    expect(h.probes).toBeLessThanOrEqual(h.maxProbes);
    expect(h.converged).toBe(h.standardError <= h.tol * Math.abs(h.value));
  });

  it('gives an SLQ density within the table’s tolerances of the exact spectrum, on a grid where it integrates to ≈ 1', () => {
    const d = s.density!;
    const t = slqTolerance(s.dim, d.probes);
    expect(d.converged).toBe(true);
    expect(d.agreement.kolmogorov).toBeLessThanOrEqual(t.kolmogorov);
    expect(d.agreement.wasserstein1).toBeLessThanOrEqual(t.wasserstein1);
    expect(d.agreement.lambdaMax).toBeLessThanOrEqual(t.lambdaMax);
    expect(Math.abs(d.agreement.traceZ)).toBeLessThanOrEqual(ESTIMATOR_TOLERANCES.traceSigmas);
    expect(d.matvecs).toBe(d.probes * d.steps);
    expect(d.grid).toHaveLength(400);
    expect(d.sigma).toBeCloseTo(0.01 * (s.exact.lambdaMax - s.exact.lambdaMin), 15);
    const step = d.grid[1]! - d.grid[0]!;
    for (const rho of [d.density, d.exactDensity]) {
      // The grid ends 4σ past the extreme eigenvalues: a little mass of the nodes there falls outside.
      const mass = rho.reduce((a, x) => a + x, 0) * step;
      expect(mass).toBeGreaterThan(0.9);
      expect(mass).toBeLessThan(1.01);
    }
  });

  it('replays from its seeds and leaves the density out when not asked', () => {
    const again = cellSpectrum(cell, ds, options, true);
    expect(JSON.stringify({ ...again, timingMs: 0 })).toBe(JSON.stringify({ ...s, timingMs: 0 }));
    const traceOnly = cellSpectrum(cell, ds, options, false);
    expect(traceOnly.density).toBeUndefined();
    expect(traceOnly.hutchinson).toEqual(s.hutchinson);
  });

  it('refuses bad options and a cell trained to w = 0, naming them', () => {
    expect(() => cellSpectrum(cell, ds, { slqProbes: 1 }, true)).toThrow(
      'cellSpectrum: slqProbes must be an integer ≥ 2, got 1',
    );
    expect(() => cellSpectrum(cell, ds, { broadening: 0 }, true)).toThrow(
      'cellSpectrum: broadening must be in (0, 1), got 0',
    );
    const zero = cellWith('linf', 'pgd', 1, new Array(196).fill(0));
    expect(() => cellSpectrum(zero, ds, {}, false)).toThrow(/cellSpectrum: the model trained to w = 0/);
  });
});

describe('spectrumCells', () => {
  it('takes the trace on every Fig. 3 cell and the density on the standard model and three PGD ε per norm', () => {
    const w = new Array(196).fill(0.01);
    const l2 = [0, 0.2, 0.4, 0.6, 0.8, 1].map((e) => cellWith('l2', e === 0 ? 'standard' : 'pgd', e, w));
    const linf = [0, 4, 8, 12, 16, 25.5, 51, 76.5].map((e) =>
      cellWith('linf', e === 0 ? 'standard' : 'pgd', e / 255, w),
    );
    const noise = cellWith('l2', 'random', 0.2, w);
    const zero = cellWith('linf', 'pgd', 1, new Array(196).fill(0));
    const picked = spectrumCells([...l2, ...linf, noise, zero]);
    const name = (key: string): string => [...l2, ...linf].find((c) => c.key === key)!.epsLabel;
    expect(picked.trace.map(name)).toEqual([...l2, ...linf].map((c) => c.epsLabel));
    expect(picked.density.map(name)).toEqual(['0.00', '0.20', '0.60', '1.00', '4/255', '16/255', '76.5/255']);
  });
});
