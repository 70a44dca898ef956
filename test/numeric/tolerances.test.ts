import { describe, expect, it } from 'vitest';
import {
  ESTIMATOR_TOLERANCES,
  relativeError,
  slqTolerance,
  tolerance,
  TOLERANCES,
  withinTolerance,
} from '../../src/numeric/tolerances.ts';

describe('tolerance table', () => {
  it('is keyed by dtype and derivative order, looser for float32 and for higher orders', () => {
    for (const dtype of ['float32', 'float64'] as const) {
      expect(tolerance(dtype, 0).rtol).toBeLessThanOrEqual(tolerance(dtype, 1).rtol);
      expect(tolerance(dtype, 1).rtol).toBeLessThanOrEqual(tolerance(dtype, 2).rtol);
    }
    for (const order of [0, 1, 2] as const)
      expect(tolerance('float64', order).rtol).toBeLessThan(tolerance('float32', order).rtol);
    expect(tolerance('float32', 2)).toBe(TOLERANCES.float32[2]);
  });

  it('compares with ‖a − b‖ ≤ atol + rtol‖b‖ and reports the errors', () => {
    const r = withinTolerance([1, 2.001], [1, 2], { rtol: 1e-3, atol: 0 });
    expect(r.ok).toBe(true);
    expect(r.absError).toBeCloseTo(0.001, 12);
    expect(withinTolerance([1, 2.1], [1, 2], { rtol: 1e-3, atol: 0 }).ok).toBe(false);
    expect(withinTolerance([NaN], [1], { rtol: 1, atol: 1 }).ok).toBe(false);
    expect(relativeError(3, 4)).toBeCloseTo(0.25, 15);
  });

  it('rejects unknown keys', () => {
    expect(() => tolerance('float16' as 'float32', 0)).toThrow(/tolerance: dtype must be/);
    expect(() => tolerance('float32', 3 as 2)).toThrow(/tolerance: order must be 0, 1 or 2, got 3/);
  });
});

describe('estimator rows', () => {
  it('scale the SLQ distances as Monte Carlo errors, 1/√(n·probes), and keep λmax and the trace fixed', () => {
    const a = slqTolerance(785, 20);
    const b = slqTolerance(785, 80);
    expect(a.kolmogorov).toBeCloseTo(ESTIMATOR_TOLERANCES.slq.kolmogorov / Math.sqrt(785 * 20), 15);
    expect(b.kolmogorov / a.kolmogorov).toBeCloseTo(0.5, 15);
    expect(b.wasserstein1 / a.wasserstein1).toBeCloseTo(0.5, 15);
    expect(a.lambdaMax).toBe(ESTIMATOR_TOLERANCES.slq.lambdaMax);
    expect(ESTIMATOR_TOLERANCES.traceSigmas).toBeGreaterThanOrEqual(3);
  });
});
