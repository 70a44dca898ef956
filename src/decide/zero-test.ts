/**
 * The randomized zero test: decides whether two expressions are equal on a domain by evaluating A − B at random
 * admissible points in 64- and 128-digit arithmetic (engines.md). A nonzero real-analytic function vanishes only on a
 * measure-zero set, so
 * - equal: relative residual ≤ 1e-100 at 128 digits and ≤ 1e-40 at 64 digits at every point;
 * - different: at some point the 128-digit residual is > 1e-90 AND the 64- and 128-digit residuals agree to ~6
 *   significant digits (a real difference does not depend on the precision; rounding noise shrinks by ~10^64);
 * - otherwise inconclusive.
 * Residuals are |A − B| / max(|A|, |B|, 1).
 */
import type { PrecisionEvaluator } from '../engines/types.ts';
import type { Point } from './sampler.ts';
import { TOLERANCES } from './tolerances.ts';

export interface PointResult {
  readonly point: Point;
  readonly log10Rel64: number;
  readonly log10Rel128: number;
  readonly a: string;
  readonly b: string;
}

export interface ZeroTestResult {
  readonly status: 'equal' | 'different' | 'inconclusive';
  readonly points: readonly PointResult[];
  /** The first point that decided `different`. */
  readonly witness?: PointResult;
  /** Worst (largest) log10 residuals seen. */
  readonly worst64: number;
  readonly worst128: number;
  readonly reason?: string;
}

function residual(ev: PrecisionEvaluator, a: string, b: string, p: Point, digits: number) {
  const r = ev.relativeDifference(a, b, p, digits);
  return r;
}

/** Runs the zero test of `a − b` at the given points. */
export function zeroTest(a: string, b: string, points: readonly Point[], ev: PrecisionEvaluator): ZeroTestResult {
  const t = TOLERANCES.zeroTest;
  const results: PointResult[] = [];
  let witness: PointResult | undefined;
  let allEqual = true;
  let skipped = 0;
  for (const p of points) {
    const r128 = residual(ev, a, b, p, 128);
    const r64 = residual(ev, a, b, p, 64);
    if (!Number.isFinite(r128.log10Rel) && r128.log10Rel !== -Infinity) {
      skipped++;
      continue;
    }
    if (Number.isNaN(r128.rel) || Number.isNaN(r64.rel)) {
      skipped++;
      continue;
    }
    const pr: PointResult = { point: p, log10Rel64: r64.log10Rel, log10Rel128: r128.log10Rel, a: r128.a, b: r128.b };
    results.push(pr);
    const equalHere = r128.log10Rel <= t.equal128 && r64.log10Rel <= t.equal64;
    if (!equalHere) allEqual = false;
    const stable = Math.abs(r64.log10Rel - r128.log10Rel) <= t.agreeLog10;
    if (!witness && r128.log10Rel > t.different128 && stable) witness = pr;
  }
  const worst64 = Math.max(...results.map((r) => r.log10Rel64), -Infinity);
  const worst128 = Math.max(...results.map((r) => r.log10Rel128), -Infinity);
  if (results.length === 0) {
    return {
      status: 'inconclusive',
      points: results,
      worst64,
      worst128,
      reason: `no point could be evaluated (${skipped} skipped)`,
    };
  }
  if (witness) return { status: 'different', points: results, witness, worst64, worst128 };
  if (allEqual && skipped <= points.length / 4) return { status: 'equal', points: results, worst64, worst128 };
  return {
    status: 'inconclusive',
    points: results,
    worst64,
    worst128,
    reason: `residuals neither vanish nor stay stable across precisions (worst 10^${worst64.toFixed(1)} at 64 digits, 10^${worst128.toFixed(1)} at 128; ${skipped} points skipped)`,
  };
}
