/**
 * The checks of each assumption of the registry, on the shared synthetic problem: whether it can hold at all is shown
 * where it is used (one data set, real optima), where it matters is measured at real optima, and an assumption
 * without a check answers `unknown` and says so.
 */
import { describe, expect, it } from 'vitest';
import {
  checkAssumption,
  NORM_RATIO_TOLERANCE,
  KAPPA_REGIME_MAX,
} from '../../../checks/_internals/assumption-checks.ts';
import {
  EQUAL_WEIGHT_NORMS,
  KAPPA_INDEPENDENT_OF_NOISE,
  PER_POINT_OPTIMALITY,
} from '../../../proofs/_data/assumptions.ts';
import { symbolicContext } from '../symbolic-helpers.ts';

describe('checkAssumption', () => {
  it('equal weight norms: satisfiable on one data set where two ε give norms within the tolerance, else not shown', () => {
    // The report's run seed: the optima at ε = 0.05 and 0.1 are within ×1.1.
    const yes = checkAssumption(EQUAL_WEIGHT_NORMS, { ...symbolicContext, runSeed: 20210 });
    expect(yes.satisfiable.status).toBe('yes');
    expect(yes.satisfiable.summary).toMatch(new RegExp(`on the one data set .* ≤ ${1 + NORM_RATIO_TOLERANCE}`));
    // Another data set: no pair of the grid is that close, and the check does not claim more than it measured.
    const c = checkAssumption(EQUAL_WEIGHT_NORMS, symbolicContext);
    expect(c.satisfiable.status).toBe('unknown');
    expect(c.satisfiable.summary).toMatch(/not shown satisfiable on one data set/);
  });

  it('equal weight norms do not hold where they matter: ‖w*‖ falls with ε', () => {
    const c = checkAssumption(EQUAL_WEIGHT_NORMS, symbolicContext);
    expect(c.whereItMatters.status).toBe('no');
    const norms = (c.whereItMatters.data as { norms: number[] }).norms;
    expect(norms.every((v, i) => i === 0 || v < norms[i - 1]!)).toBe(true);
  });

  it('κ independent of the noise: holds at a real optimum of small ε, not on the grid where Theorem 2 is used', () => {
    const c = checkAssumption(KAPPA_INDEPENDENT_OF_NOISE, symbolicContext);
    expect(c.satisfiable.status).toBe('yes');
    expect(c.satisfiable.summary).toMatch(/at the real optimum of the uniform-noise loss/);
    expect(c.whereItMatters.status).toBe('no');
    expect((c.whereItMatters.data as { scales: number[] }).scales.every((s) => s > KAPPA_REGIME_MAX)).toBe(true);
  });

  it('per-point optimality: constructed on data along one ray, forces ‖x^n‖ = ε, fails at real optima', () => {
    const c = checkAssumption(PER_POINT_OPTIMALITY, symbolicContext);
    expect(c.satisfiable.status).toBe('yes');
    expect(c.forces.map((f) => f.status)).toContain('forced');
    expect(c.whereItMatters.status).toBe('no');
  });

  it('an assumption without a check answers unknown, naming it', () => {
    const c = checkAssumption(
      { id: 'no-such', statement: 's', source: { kind: 'claimcheck', reason: 'r' } },
      symbolicContext,
    );
    expect(c.satisfiable).toMatchObject({ status: 'unknown' });
    expect(c.whereItMatters.summary).toMatch(/no check for the assumption "no-such"/);
  });
});
