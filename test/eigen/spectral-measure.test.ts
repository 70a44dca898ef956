/**
 * Spectral measures: the broadened density integrates to the total weight and peaks at the nodes; moments of the
 * exact measure are (1/n) tr Aᵏ; the Kolmogorov and Wasserstein-1 distances have their textbook values on point
 * masses, are symmetric and zero on equal measures, and the broadened Kolmogorov distance ignores shifts far below σ.
 */
import { describe, expect, it } from 'vitest';
import {
  averageMeasures,
  broadenedDensity,
  exactSpectralMeasure,
  kolmogorovDistance,
  measureMoment,
  type SpectralMeasure,
  wasserstein1,
} from '../../src/eigen/spectral-measure.ts';
import { withSpectrum } from './helpers.ts';

const point = (x: number): SpectralMeasure => ({ nodes: Float64Array.of(x), weights: Float64Array.of(1) });

describe('spectral measures', () => {
  it('broadens to a density that integrates to 1 and peaks at the nodes', () => {
    const m = exactSpectralMeasure([0, 0, 1, 3]);
    const grid = Array.from({ length: 4001 }, (_, i) => -2 + i * 0.002);
    const rho = broadenedDensity(m, grid, 0.05);
    const integral = rho.reduce((a, x) => a + x, 0) * 0.002;
    expect(Math.abs(integral - 1)).toBeLessThan(1e-9);
    const at = (x: number): number => rho[Math.round((x + 2) / 0.002)]!;
    expect(at(0)).toBeGreaterThan(at(0.5));
    expect(at(0) / at(3)).toBeCloseTo(2, 6);
  });

  it('has moments (1/n) tr Aᵏ for the exact spectrum', () => {
    const lambda = [0.5, -1, 2, 2, 3];
    const A = withSpectrum(lambda, 1);
    const m = exactSpectralMeasure(lambda);
    let trace = 0;
    for (let i = 0; i < 5; i++) trace += A[i * 5 + i]!;
    expect(measureMoment(m, 1)).toBeCloseTo(trace / 5, 12);
    expect(measureMoment(m, 2)).toBeCloseTo((0.25 + 1 + 4 + 4 + 9) / 5, 12);
    expect(measureMoment(m, 0)).toBeCloseTo(1, 14);
  });

  it('measures distances between point masses as the textbook says', () => {
    expect(kolmogorovDistance(point(0), point(1))).toBe(1);
    expect(wasserstein1(point(0), point(2.5))).toBe(2.5);
    const a = exactSpectralMeasure([0, 1, 2, 3]);
    const b = exactSpectralMeasure([0, 1, 2, 4]);
    expect(kolmogorovDistance(a, b)).toBeCloseTo(0.25, 14);
    expect(wasserstein1(a, b)).toBeCloseTo(0.25, 14);
    expect(wasserstein1(b, a)).toBeCloseTo(0.25, 14);
    expect(kolmogorovDistance(a, a)).toBe(0);
    expect(wasserstein1(a, a)).toBe(0);
  });

  it('broadened, ignores shifts far below σ where the plain distance jumps at the atom', () => {
    const zeros = exactSpectralMeasure(Array.from({ length: 10 }, () => 0));
    const shifted = exactSpectralMeasure(Array.from({ length: 10 }, (_, i) => (i - 4.5) * 1e-15));
    expect(kolmogorovDistance(zeros, shifted)).toBe(0.5);
    // Only the normal CDF's approximation error (< 1.2e-7 relative) remains.
    expect(kolmogorovDistance(zeros, shifted, 0.01)).toBeLessThan(1e-6);
    expect(kolmogorovDistance(point(0), point(1), 0.01)).toBeGreaterThan(0.99);
  });

  it('averages measures with equal shares, nodes ascending', () => {
    const m = averageMeasures([point(2), exactSpectralMeasure([1, 3])]);
    expect(Array.from(m.nodes)).toEqual([1, 2, 3]);
    expect(Array.from(m.weights)).toEqual([0.25, 0.5, 0.25]);
  });

  it('names the function, the argument and what it received', () => {
    expect(() => exactSpectralMeasure([])).toThrow('exactSpectralMeasure: eigenvalues must be at least one value');
    expect(() => broadenedDensity(point(0), [0], 0)).toThrow('broadenedDensity: sigma must be finite and > 0, got 0');
    expect(() => measureMoment({ nodes: Float64Array.of(1, 0), weights: Float64Array.of(0.5, 0.5) }, 1)).toThrow(
      'measureMoment: measure.nodes must be ascending, got 1 before 0',
    );
    expect(() => wasserstein1(point(0), { nodes: Float64Array.of(0), weights: Float64Array.of(-1) })).toThrow(
      'wasserstein1: b[0] must be a finite node with a finite weight ≥ 0, got 0 (weight -1)',
    );
  });
});
