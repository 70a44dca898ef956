/**
 * Confidence intervals for what the empirical checks compare: a binomial proportion (Wilson score; Clopper–Pearson
 * exact), the difference of two independent proportions (Newcombe's hybrid score interval, his method 10), and a mean
 * over replicates (Student t). The quantiles come from jStat; every interval states its level.
 */
import jStat from 'jstat';
import { ClaimcheckError } from '../errors.ts';

/** A two-sided interval at confidence `level` (0.95: 95 %). */
export interface Interval {
  readonly lo: number;
  readonly hi: number;
  readonly level: number;
}

function checkLevel(fn: string, level: number): void {
  if (!(level > 0 && level < 1)) throw new ClaimcheckError('BAD_INPUT', `${fn}: level must be in (0, 1), got ${level}`);
}

function checkCount(fn: string, k: number, n: number): void {
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(k) || k < 0 || k > n)
    throw new ClaimcheckError('BAD_INPUT', `${fn}: need integers 0 ≤ k ≤ n, n ≥ 1; got k = ${k}, n = ${n}`);
}

/** The standard normal quantile z with P(|Z| ≤ z) = level. */
export function zTwoSided(level: number): number {
  checkLevel('zTwoSided', level);
  return jStat.normal.inv(1 - (1 - level) / 2, 0, 1);
}

/** Wilson's score interval for k successes in n trials. */
export function wilson(k: number, n: number, level = 0.95): Interval {
  checkCount('wilson', k, n);
  const z = zTwoSided(level);
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { lo: Math.max(0, centre - half), hi: Math.min(1, centre + half), level };
}

/** The Clopper–Pearson (exact, conservative) interval for k successes in n trials. */
export function clopperPearson(k: number, n: number, level = 0.95): Interval {
  checkCount('clopperPearson', k, n);
  const a = (1 - level) / 2;
  return {
    lo: k === 0 ? 0 : jStat.beta.inv(a, k, n - k + 1),
    hi: k === n ? 1 : jStat.beta.inv(1 - a, k + 1, n - k),
    level,
  };
}

/**
 * Newcombe's hybrid score interval for p₁ − p₂ of two independent proportions k₁/n₁ and k₂/n₂ (method 10 of
 * Newcombe, Statistics in Medicine 17, 1998), built from the two Wilson intervals.
 */
export function newcombeDifference(k1: number, n1: number, k2: number, n2: number, level = 0.95): Interval {
  const p1 = k1 / n1;
  const p2 = k2 / n2;
  const w1 = wilson(k1, n1, level);
  const w2 = wilson(k2, n2, level);
  const d = p1 - p2;
  return {
    lo: d - Math.sqrt((p1 - w1.lo) ** 2 + (w2.hi - p2) ** 2),
    hi: d + Math.sqrt((w1.hi - p1) ** 2 + (p2 - w2.lo) ** 2),
    level,
  };
}

/** Mean, sample standard deviation and the Student-t interval of the mean of `values` (n ≥ 2; n = 1: a point). */
export function meanInterval(
  values: readonly number[],
  level = 0.95,
): Interval & { readonly mean: number; readonly sd: number; readonly n: number } {
  checkLevel('meanInterval', level);
  const n = values.length;
  if (n === 0) throw new ClaimcheckError('BAD_INPUT', 'meanInterval: no values');
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { mean, sd: 0, n, lo: mean, hi: mean, level };
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
  const half = jStat.studentt.inv(1 - (1 - level) / 2, n - 1) * (sd / Math.sqrt(n));
  return { mean, sd, n, lo: mean - half, hi: mean + half, level };
}
