/**
 * The shared synthetic problem set (one definition, every consumer takes its problems from it) and the models matched
 * to a training loss: the uniform-noise level found by scan and bisection, and the penalty of the regularisation path.
 */
import { describe, expect, it } from 'vitest';
import {
  MATCH_LOSS_TOLERANCE,
  matchNoiseLevel,
  matchPenalty,
  problemData,
  problemName,
  problemNoise,
  problemSetLine,
  robustOptimumSweep,
  separableProblem,
  sharedProblem,
  sharedProblems,
  SYNTHETIC_GENERATOR,
  SYNTHETIC_SET,
  uniformNoiseOptimum,
} from '../../src/decide/synthetic.ts';
import { robustL2Loss } from '../../src/numeric/robust-l2.ts';

const RUN_SEED = 7;

describe('the shared synthetic problem set', () => {
  it('is one seeded set: problem 1 is the problem of single-data-set measurements, all derived from the run seed', () => {
    const ps = sharedProblems(RUN_SEED);
    expect(ps).toHaveLength(SYNTHETIC_SET.count);
    expect(ps.map((p) => p.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(ps.map((p) => p.seed)).size).toBe(ps.length);
    expect(ps[0]).toEqual(sharedProblem(RUN_SEED));
    expect(sharedProblems(RUN_SEED)).toEqual(ps);
    expect(sharedProblems(RUN_SEED + 1)[0]!.seed).not.toBe(ps[0]!.seed);
    const d = problemData(ps[0]!);
    expect([d.n, d.d]).toEqual([SYNTHETIC_SET.n, SYNTHETIC_SET.d]);
  });

  it('the separable companion of problem 1 has the same draws with the class means scaled', () => {
    const p = sharedProblem(RUN_SEED);
    const s = separableProblem(RUN_SEED);
    expect(s.seed).toBe(p.seed);
    const a = problemData(p);
    const b = problemData(s);
    // x = y·s·μ + σz: the difference is y·(s − 1)·μ in every row.
    for (let i = 0; i < a.n; i++)
      for (let k = 0; k < a.d; k++)
        expect(b.X[i * a.d + k]! - a.X[i * a.d + k]!).toBeCloseTo(
          a.y[i]! * (SYNTHETIC_SET.separable - 1) * SYNTHETIC_SET.mu[k]!,
          12,
        );
    expect(problemName(s)).toMatch(/separable companion of shared synthetic problem 1\/8 \(class means ×4\)/);
  });

  it('names each problem (N, d, data seed) and its generator', () => {
    const p = sharedProblem(RUN_SEED);
    expect(problemName(p)).toBe(`shared synthetic problem 1/8 (N = 60, d = 3, data seed ${p.seed})`);
    expect(problemSetLine([p])).toContain(SYNTHETIC_GENERATOR);
  });

  it('the uniform noise is one draw scaled by the noise level', () => {
    const p = sharedProblem(RUN_SEED);
    const a = problemNoise(p, 0.1);
    const b = problemNoise(p, 0.35);
    a.forEach((v, i) => expect(b[i]!).toBeCloseTo(3.5 * v, 12));
    expect(Math.max(...a.map(Math.abs))).toBeLessThanOrEqual(0.1);
  });
});

describe('models at matched training loss', () => {
  const p = sharedProblem(RUN_SEED);
  const rows = robustOptimumSweep([0.1, 0.3], p);

  it('the uniform-noise level whose optimum reaches the adversarial training loss (a real optimum there)', () => {
    for (const row of rows) {
      const m = matchNoiseLevel(p, row.loss);
      expect(m.matched).toBe(true);
      if (!m.matched) continue;
      expect(m.residual).toBeLessThanOrEqual(MATCH_LOSS_TOLERANCE);
      expect(m.model.converged).toBe(true);
      expect(Math.abs(m.model.loss - row.loss)).toBe(m.residual);
      // Uniform noise needs a larger level than ε to be as hard to fit as the adversarial noise of ε.
      expect(m.level).toBeGreaterThan(row.eps);
      expect(uniformNoiseOptimum(p, m.level).loss).toBeCloseTo(m.model.loss, 9);
    }
  });

  it('a training loss no noise level reaches is unmatched and says so (not an optimiser failure)', () => {
    const m = matchNoiseLevel(p, Math.log(2));
    expect(m).toMatchObject({ matched: false, unreachable: true });
    if (!m.matched) expect(m.reason).toMatch(/no uniform-noise level ε' ≤ [\d.]+ reaches training loss/);
  });

  it('the penalty that brings the smaller-ε model to the larger ε training loss; larger targets need larger penalties', () => {
    const [a, b] = rows as [(typeof rows)[number], (typeof rows)[number]];
    const m = matchPenalty(p, a.eps, b.loss);
    expect(m.matched).toBe(true);
    if (!m.matched) return;
    expect(m.residual).toBeLessThanOrEqual(MATCH_LOSS_TOLERANCE);
    expect(m.level).toBeGreaterThan(0);
    expect(m.model.wNorm).toBeLessThan(a.wNorm);
    // The training loss is the robust loss at the model's own ε, without the penalty.
    expect(robustL2Loss(problemData(p), a.eps).value(Float64Array.from(m.model.w))).toBeCloseTo(b.loss, 9);
    const halfway = matchPenalty(p, a.eps, (a.loss + b.loss) / 2);
    expect(halfway.matched && halfway.level < m.level).toBe(true);
    // A target at or below the model's own minimum needs no penalty.
    expect(matchPenalty(p, a.eps, a.loss - 1e-3)).toMatchObject({ matched: true, level: 0 });
  });
});
