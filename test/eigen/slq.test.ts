/**
 * Stochastic Lanczos quadrature against the exact spectrum: on matrices with a known spectrum and on the 785×785
 * Hessian of an L2-robust model trained on MNIST2 (matrix-free, on HVPs), the SLQ measure is within the estimator
 * rows of the tolerance table of the exact one (Kolmogorov distance of the broadened distributions, Wasserstein-1,
 * λmax, and the trace within its standard errors); each probe's rule is a probability measure inside the spectrum,
 * exact (and stopped) where the probe's Krylov space is invariant; the same seed replays the same bytes.
 */
import { describe, expect, it } from 'vitest';
import { denseMatVec } from '../../src/eigen/dense-matvec.ts';
import { slq } from '../../src/eigen/slq.ts';
import { exactSpectralMeasure, kolmogorovDistance, wasserstein1 } from '../../src/eigen/spectral-measure.ts';
import { symmetricEigen } from '../../src/eigen/symmetric-eigen.ts';
import { ESTIMATOR_TOLERANCES, slqTolerance } from '../../src/numeric/tolerances.ts';
import { makeRng } from '../../src/rng.ts';
import { trainedMnist2 } from '../numeric/helpers.ts';
import { spectrumError, withSpectrum } from './helpers.ts';

const TOL = ESTIMATOR_TOLERANCES;

/** SLQ's agreement with the exact spectrum `lambda`, with σ = 1 % of the spectrum's width. */
function agreement(result: ReturnType<typeof slq>, lambda: ArrayLike<number>) {
  const exact = exactSpectralMeasure(lambda);
  const lo = exact.nodes[0]!;
  const hi = exact.nodes[exact.nodes.length - 1]!;
  const trace = Array.from(lambda).reduce((a, x) => a + x, 0);
  return {
    kolmogorov: kolmogorovDistance(result.measure, exact, 0.01 * (hi - lo)),
    wasserstein1: wasserstein1(result.measure, exact) / (hi - lo),
    lambdaMax: Math.abs(result.lambdaMax - hi) / Math.abs(hi),
    traceZ: Math.abs(result.trace.value - trace) / result.trace.standardError,
  };
}

/** The table's tolerances for `probes` probes on an n×n operator. */
function expectWithinTolerance(a: ReturnType<typeof agreement>, n: number, probes: number): void {
  const t = slqTolerance(n, probes);
  expect(a.kolmogorov).toBeLessThanOrEqual(t.kolmogorov);
  expect(a.wasserstein1).toBeLessThanOrEqual(t.wasserstein1);
  expect(a.lambdaMax).toBeLessThanOrEqual(t.lambdaMax);
  expect(a.traceZ).toBeLessThanOrEqual(TOL.traceSigmas);
}

describe('slq (stochastic Lanczos quadrature)', () => {
  // A Hessian-like spectrum: 150 eigenvalues in a bulk near 0 (half of them exactly 0), 6 outliers up to 10.
  const n = 200;
  const rng = makeRng(11);
  const lambda = [
    ...Array.from({ length: 100 }, () => 0),
    ...Array.from({ length: 94 }, () => rng.uniform(0, 0.5)),
    1,
    2,
    3.5,
    5,
    8,
    10,
  ];
  const A = withSpectrum(lambda, 12);

  it('matches the exact spectrum of a known matrix within the tolerance table (Rademacher and Gaussian probes)', () => {
    for (const probe of ['rademacher', 'gaussian'] as const) {
      // Act
      const r = slq(denseMatVec(A, n), n, { rng: makeRng(3), probes: 10, steps: 30, probe });
      // Assert
      expect(r.converged).toBe(true);
      expect(r.matvecs).toBe(300);
      expect(r.probes).toHaveLength(10);
      expectWithinTolerance(agreement(r, lambda), n, 10);
    }
  });

  it('gives each probe a probability measure inside the spectrum; the average sums to 1', () => {
    const r = slq(denseMatVec(A, n), n, { rng: makeRng(4), probes: 5, steps: 20 });
    for (const p of r.probes) {
      expect(Math.abs(p.rule.weights.reduce((a, x) => a + x, 0) - 1)).toBeLessThan(1e-12);
      // Ritz values interlace the spectrum: inside [λmin, λmax] up to rounding.
      expect(p.rule.nodes[0]!).toBeGreaterThan(-1e-12);
      expect(p.rule.nodes[p.rule.nodes.length - 1]!).toBeLessThan(10 + 1e-12);
    }
    expect(Math.abs(r.measure.weights.reduce((a, x) => a + x, 0) - 1)).toBeLessThan(1e-12);
    // n Σ τθ of a Rademacher probe is its Hutchinson sample vᵀAv.
    expect(r.trace.value).toBeCloseTo((n * r.probes.reduce((a, p) => a + p.quadraticForm, 0)) / 5, 10);
  });

  it('is exact, and stops, where a probe’s Krylov space is invariant (4 distinct eigenvalues)', () => {
    const values = [0.5, 1, 3, 7];
    const B = withSpectrum(
      Array.from({ length: 60 }, (_, i) => values[i % 4]!),
      13,
    );
    const r = slq(denseMatVec(B, 60), 60, { rng: makeRng(5), probes: 3, steps: 40 });
    for (const p of r.probes) {
      expect(p.breakdown).toBe(true);
      expect(p.steps).toBe(4);
      expect(spectrumError(p.rule.nodes, values)).toBeLessThan(1e-12);
    }
    expect(r.converged).toBe(true);
    expect(r.matvecs).toBe(12);
  });

  it('matches the exact spectrum of the 785×785 Hessian of an L2-robust MNIST2 model, matrix-free on HVPs', () => {
    // Arrange: 300 images, ε = 0.5, with bias; the exact spectrum from the dense Hessian.
    const model = trainedMnist2(300, 0.5);
    const d = model.w.length;
    const exact = symmetricEigen(model.loss.hessian(model.w), d).values;
    // Act: the report's settings.
    const r = slq((v) => model.loss.hvp(model.w, v), d, { rng: makeRng(6), probes: 20, steps: 30 });
    const a = agreement(r, exact);
    console.log(
      `[slq mnist2] Kolmogorov ${a.kolmogorov.toExponential(2)}, W1/width ${a.wasserstein1.toExponential(2)}, ` +
        `λmax ${a.lambdaMax.toExponential(2)}, trace z ${a.traceZ.toFixed(2)}, ${r.matvecs} HVPs`,
    );
    // Assert
    expect(r.converged).toBe(true);
    expectWithinTolerance(a, d, 20);
  });

  it('replays from its seed, and another seed draws other probes', () => {
    const a = slq(denseMatVec(A, n), n, { rng: makeRng(9), probes: 3, steps: 10 });
    const b = slq(denseMatVec(A, n), n, { rng: makeRng(9), probes: 3, steps: 10 });
    const c = slq(denseMatVec(A, n), n, { rng: makeRng(10), probes: 3, steps: 10 });
    expect(Buffer.from(a.measure.nodes.buffer).equals(Buffer.from(b.measure.nodes.buffer))).toBe(true);
    expect(Buffer.from(a.measure.weights.buffer).equals(Buffer.from(b.measure.weights.buffer))).toBe(true);
    expect(Buffer.from(a.measure.weights.buffer).equals(Buffer.from(c.measure.weights.buffer))).toBe(false);
  });

  it('names the function, the option and what it received', () => {
    const mv = denseMatVec(A, n);
    expect(() => slq(mv, n, { rng: makeRng(1), probes: 0 })).toThrow(
      'slq: options.probes must be a positive integer, got 0',
    );
    expect(() => slq(mv, n, { rng: makeRng(1), steps: 201 })).toThrow(
      'slq: options.steps must be an integer in [1, n = 200], got 201',
    );
    expect(() => slq(mv, n, { rng: makeRng(1), probe: 'uniform' as 'gaussian' })).toThrow(
      "slq: options.probe must be 'rademacher' or 'gaussian', got uniform",
    );
    expect(() => slq(() => new Float64Array(3), n, { rng: makeRng(1) })).toThrow(
      'slq: matvec(v) must have length 200, got length 3',
    );
  });
});
