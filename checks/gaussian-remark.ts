/**
 * The `gaussian-remark` checker: after Theorem 2 the paper says the conclusion holds for any zero-mean noise whose
 * variance grows with its norm, "for example, considering Gaussian noise η ∼ N(0, σI), the same conclusion holds when
 * the noise is L2 norm constrained". It checks the two ingredients for N(0, σI) (zero mean; per-coordinate second
 * moment σ, increasing in σ) by seeded Monte Carlo; shows a Gaussian is NOT norm-constrained (a rigorous lower bound
 * on P(‖η‖ > r) > 0 for every r); and computes, exactly, the second moment of the noise the experiments use — uniform
 * in the closed L2 ball of radius ε in ℝ^d, E[ηηᵀ] = ε²/(d + 2)·I — against ε²/3 of the L∞ case. The sentence is
 * decided under each reading the record lists: the Gaussian itself as the L2-constrained noise, a Gaussian restricted
 * to an L2 ball (seeded rejection sampling: zero mean, second moment increasing in σ), or two separate examples.
 */
import { z } from 'zod';
import { defineChecker } from '../src/claims/checker.ts';
import type { ReadingOutcome, Verdict } from '../src/claims/verdict.ts';
import { decideReadings } from '../src/claims/readings.ts';
import { readingsSchema, readingsResult, readingOf } from './params.ts';
import { deriveSeed, makeRng } from '../src/rng.ts';
import { formatNumber } from '../src/format/number.ts';
import { log10GaussianNormTailLowerBound } from '../src/noise/gaussian-tail.ts';
import {
  l2BallCoordinateSecondMoment,
  l2BallNormMoment,
  uniformMoment,
  uniformRadiusNormMoment,
} from '../src/noise/moments.ts';
import { covers, RunningMean } from '../src/noise/monte-carlo.ts';
import { div, eq as equals, formatRational, parseRational, pow, rational, toNumber } from '../src/exact/rational.ts';
import { sampleL2Ball } from '../src/noise/sample.ts';
import { verdictBase } from './_internals/meaning.ts';

const ParamsSchema = z.object({
  sigmas: z.array(z.number().positive()).min(2).default([0.01, 0.1, 1]),
  /** How σ in N(0, σI) is read: the per-coordinate `variance` (σI is the covariance) or the standard deviation `std`. */
  sigmaReading: z.enum(['variance', 'std']).default('variance'),
  gaussDim: z.number().int().min(1).default(3),
  samples: z.number().int().min(100).default(40000),
  /** Radii r = k·√v (v the per-coordinate variance) at which P(‖η‖ > r) is bounded below. */
  tailMultiples: z.array(z.number().positive()).min(1).default([1, 10, 100]),
  /** Uniform noise in the closed L2 ball of radius l2Eps in ℝ^d. */
  l2Dims: z.array(z.number().int().min(1)).min(1).default([2, 3, 784]),
  l2Eps: z.string().default('1'),
  /**
   * Readings of "Gaussian noise N(0, σI) … when the noise is L2 norm constrained": `gaussian-constrained` (the Gaussian
   * itself is the L2-constrained noise), `truncated-gaussian` (a Gaussian restricted to an L2 ball), `two-examples`
   * (a Gaussian, and separately uniform noise in the L2 ball).
   */
  readings: readingsSchema({ noise: z.enum(['gaussian-constrained', 'truncated-gaussian', 'two-examples']) }),
  /** Radius of the L2 ball of the truncated Gaussian, in units of √v at the largest σ. */
  truncationRadius: z.number().positive().default(1.5),
  l2McSamples: z.number().int().min(100).default(5000),
  z: z.number().positive().default(4),
});

/** The `gaussian-remark` checker (remark after Theorem 2). */
export const gaussianRemark = defineChecker({
  kind: 'gaussian-remark',
  verdicts: ['confirmed', 'refuted', 'holds-under', 'inconclusive'],
  description:
    'N(0, σI) has zero mean and second moment growing with σ but is not norm-constrained; uniform noise in the L2 ball has E[ηηᵀ] = ε²/(d+2)·I',
  params: ParamsSchema,
  check(claim, params, ctx): Verdict {
    const base = verdictBase(claim, ctx, 'gaussian-remark');
    // (1) Gaussian ingredients.
    const d = params.gaussDim;
    const gaussRows: string[] = [];
    let gaussOk = true;
    const variances = params.sigmas.map((s) => (params.sigmaReading === 'variance' ? s : s * s));
    for (const [k, sigma] of params.sigmas.entries()) {
      const v = variances[k]!;
      const rng = makeRng(deriveSeed(ctx.seed, `gauss-${sigma}`));
      const mean = Array.from({ length: d }, () => new RunningMean());
      const second = Array.from({ length: d }, () => new RunningMean());
      const off = new RunningMean();
      for (let s = 0; s < params.samples; s++) {
        const eta = Array.from({ length: d }, () => Math.sqrt(v) * rng.normal());
        for (let i = 0; i < d; i++) {
          mean[i]!.push(eta[i]!);
          second[i]!.push(eta[i]! * eta[i]!);
        }
        if (d >= 2) off.push(eta[0]! * eta[1]!);
      }
      const m = mean.map((a) => a.estimate(params.z));
      const s2 = second.map((a) => a.estimate(params.z));
      const ok =
        m.every((e) => covers(e, 0)) && s2.every((e) => covers(e, v)) && (d < 2 || covers(off.estimate(params.z), 0));
      gaussOk &&= ok;
      const tails = params.tailMultiples.map(
        (t) =>
          `r = ${t}√v: log10 P(‖η‖ > r) ≥ ${formatNumber(log10GaussianNormTailLowerBound(t * Math.sqrt(v), v), 5)}`,
      );
      gaussRows.push(
        `σ = ${sigma} (per-coordinate variance v = ${formatNumber(v)}): Monte Carlo (N = ${params.samples}, d = ${d}) mean ${m.map((e) => formatNumber(e.value, 3)).join(', ')}, E[η_i²] ${s2.map((e) => `${formatNumber(e.value, 5)} ± ${formatNumber(params.z * e.stdError, 2)}`).join(', ')} (${ok ? 'intervals contain 0 and v' : 'an interval MISSES 0 or v'}); ${tails.join('; ')}`,
      );
    }
    const increasing = variances.every((v, i) => i === 0 || v > variances[i - 1]!);
    const sorted = params.sigmas.every((s, i) => i === 0 || s > params.sigmas[i - 1]!);
    // (2) Not norm-constrained: the rigorous lower bound at the largest radius scanned.
    const vMax = variances[variances.length - 1]!;
    const rMax = params.tailMultiples[params.tailMultiples.length - 1]! * Math.sqrt(vMax);
    const tailBound = log10GaussianNormTailLowerBound(rMax, vMax);
    // (3) Uniform in the closed L2 ball: exact second moments against the asserted ε²/(perD·d + offset).
    const eps = parseRational(params.l2Eps);
    const epsNum = toNumber(eps);
    const linf = uniformMoment(eps, 2);
    const l2Rows: string[] = [];
    let l2McOk = true;
    for (const dd of params.l2Dims) {
      const exact = l2BallCoordinateSecondMoment(eps, dd);
      const normSq = l2BallNormMoment(eps, dd, 2);
      const closedForm = div(pow(eps, 2), rational(dd + 2));
      const radial = div(uniformRadiusNormMoment(eps, 2), rational(dd));
      const rng = makeRng(deriveSeed(ctx.seed, `l2-${dd}`));
      const perCoord = new RunningMean();
      const offDiag = new RunningMean();
      for (let s = 0; s < params.l2McSamples; s++) {
        const eta = sampleL2Ball(rng, dd, epsNum);
        let sq = 0;
        for (let i = 0; i < dd; i++) sq += eta[i]! * eta[i]!;
        perCoord.push(sq / dd);
        if (dd >= 2) offDiag.push(eta[0]! * eta[1]!);
      }
      const pc = perCoord.estimate(params.z);
      const ok = covers(pc, toNumber(exact)) && (dd < 2 || covers(offDiag.estimate(params.z), 0));
      l2McOk &&= ok;
      l2Rows.push(
        `d = ${dd}, ε = ${params.l2Eps}: exact E‖η‖² = ${formatRational(normSq)}, E[η_i²] = ${formatRational(exact)} (ε²/(d + 2) = ${formatRational(closedForm)}: ${equals(exact, closedForm) ? 'equal' : 'DIFFERENT'}); ` +
          `Monte Carlo (N = ${params.l2McSamples}) ${formatNumber(pc.value, 6)} ± ${formatNumber(params.z * pc.stdError, 2)} (${ok ? 'agrees' : 'DISAGREES'}); L∞-uniform gives ε²/3 = ${formatRational(linf)}, ${formatNumber(toNumber(div(linf, exact)), 5)}× larger; ` +
          `uniform radius × direction (torchattacks' L2 start) gives E[η_i²] = ${formatRational(radial)}`,
      );
    }
    const details = [
      ...gaussRows,
      `variance ${increasing && sorted ? 'increases' : 'does NOT increase'} with σ (read as ${params.sigmaReading === 'variance' ? 'covariance σI: v = σ' : 'standard deviation: v = σ²'}); either reading gives a second moment increasing in σ`,
      `P(‖η‖ > r) ≥ P(|η_1| > r) = erfc(r/√(2v)) > 0 for every finite r (Abramowitz & Stegun 7.1.13 lower bound): a Gaussian is not confined to any L2 ball`,
      ...l2Rows,
    ];
    const data = {
      gaussianIngredientsOk: gaussOk && increasing,
      log10TailLowerBound: tailBound,
      l2: params.l2Dims.map((dd) => ({ d: dd, perCoordinate: formatRational(l2BallCoordinateSecondMoment(eps, dd)) })),
    };
    // (4) A Gaussian restricted to the L2 ball of radius R: zero mean, second moment increasing in σ (rejection sampling).
    const R = params.truncationRadius * Math.sqrt(vMax);
    const truncated = variances.map((v, k) => {
      const rng = makeRng(deriveSeed(ctx.seed, `truncated-${k}`));
      const mean = new RunningMean();
      const second = new RunningMean();
      let accepted = 0;
      for (let tries = 0; accepted < params.samples && tries < 50 * params.samples; tries++) {
        const eta = Array.from({ length: d }, () => Math.sqrt(v) * rng.normal());
        if (Math.hypot(...eta) > R) continue;
        accepted++;
        mean.push(eta[0]!);
        second.push(eta.reduce((a, x) => a + x * x, 0) / d);
      }
      return { v, mean: mean.estimate(params.z), second: second.estimate(params.z), accepted };
    });
    const truncMeanOk = truncated.every((t) => covers(t.mean, 0));
    const truncGrows = truncated.every(
      (t, k) =>
        k === 0 ||
        t.second.value - params.z * t.second.stdError >
          truncated[k - 1]!.second.value + params.z * truncated[k - 1]!.second.stdError,
    );
    const truncLine = `Gaussian restricted to ‖η‖ ≤ R = ${formatNumber(R, 4)} (d = ${d}, rejection sampling, ${params.samples} accepted draws per σ): mean of η_1 ${truncated.map((t) => formatNumber(t.mean.value, 2)).join(', ')} (${truncMeanOk ? 'intervals contain 0' : 'an interval MISSES 0'}); per-coordinate second moment ${truncated.map((t) => `${formatNumber(t.second.value, 4)} ± ${formatNumber(params.z * t.second.stdError, 2)}`).join(' → ')} (${truncGrows ? 'increasing in σ' : 'NOT shown increasing'})`;
    details.push(truncLine);
    const mcOk = gaussOk && l2McOk && increasing && sorted;
    const tailWitness = {
      point: {
        sigma: String(params.sigmas[params.sigmas.length - 1]),
        r: formatNumber(rMax, 6),
        reading: params.sigmaReading,
      },
      paperValue: 'η ∼ N(0, σI) is L2-norm constrained (‖η‖ ≤ r for some finite r)',
      ourValue: `P(‖η‖ > ${formatNumber(rMax, 6)}) ≥ erfc(r/√(2σ)) ≥ 10^${formatNumber(tailBound, 6)} > 0, and the same bound is positive for every finite r`,
    };
    const d784 = params.l2Dims.includes(784) ? 784 : params.l2Dims[params.l2Dims.length - 1]!;
    const m784 = l2BallCoordinateSecondMoment(eps, d784);
    const outcomes: ReadingOutcome[] = params.readings.readings.map((r) => {
      const reading = readingOf(r);
      if (!mcOk)
        return {
          ...reading,
          outcome: 'undecided',
          summary:
            'a Monte Carlo interval disagrees with an exact moment, or the σ values are not increasing; rerun with another seed or more samples',
        };
      if (r.noise === 'gaussian-constrained') {
        return {
          ...reading,
          outcome: 'fails',
          summary: `a Gaussian is not confined to any L2 ball: P(‖η‖ > r) ≥ 10^${formatNumber(tailBound, 4)} > 0 at r = ${formatNumber(rMax, 4)}, and positive for every finite r`,
          witness: tailWitness,
        };
      }
      if (r.noise === 'truncated-gaussian') {
        return truncMeanOk && truncGrows
          ? { ...reading, outcome: 'holds', summary: truncLine }
          : { ...reading, outcome: 'undecided', summary: truncLine };
      }
      return {
        ...reading,
        outcome: 'holds',
        summary: `Gaussian: zero mean and second moment v increasing in σ (Monte Carlo intervals at σ ∈ {${params.sigmas.join(', ')}}); uniform in the L2 ball: E[η_i²] = ε²/(d + 2) exactly (d = ${d784}: ${formatRational(m784)} per coordinate, ${formatNumber(toNumber(div(linf, m784)), 4)}× smaller than ε²/3 of L∞-uniform noise)`,
      };
    });
    return decideReadings({
      base,
      readings: readingsResult(params.readings, outcomes),
      evidence: {
        summary: `Gaussian noise has both ingredients but unbounded support; uniform L2-ball noise has E[ηηᵀ] = ε²/(d + 2)·I: ${l2Rows[l2Rows.length - 1]}`,
        details,
        data,
      },
      basis: {
        kind: 'tested',
        what: `seeded Monte Carlo (${params.samples} draws per σ) for the Gaussian ingredients, exact rational moments of the uniform L2 ball`,
      },
    });
  },
});
