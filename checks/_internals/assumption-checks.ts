/**
 * Checks an assumption itself, the same way wherever a claim needs it: can it hold at all (a point that satisfies it
 * is constructed, or a contradiction is shown), what does it force (consequences zero-tested at points that satisfy
 * it), and does it hold where it matters (at real optima of seeded synthetic problems). Draws are seeded from the run
 * seed and the assumption id only, so every claim that needs an assumption reports the same numbers.
 */
import type { CheckContext } from '../../src/claims/checker.ts';
import type { Variable } from '../../src/claims/schema.ts';
import type { Answer, Assumption, AssumptionCheck } from '../../src/claims/verdict.ts';
import { conditionEvidence } from '../../src/decide/condition.ts';
import { deriveSeed } from '../../src/rng.ts';
import {
  maxPerPointGradient,
  onRayDataset,
  onRayName,
  onRayProblem,
  problemName,
  problemSetLine,
  robustOptimumSweep,
  sharedProblem,
  SYNTHETIC_EPS_GRID,
  type OptimumRow,
} from '../../src/decide/synthetic.ts';
import { formatNumber } from '../../src/format/number.ts';
import type { Condition } from '../params.ts';

/** What an assumption check may use besides the context. */
export interface AssumptionInputs {
  /** Constructions and consequences of the condition, with the claim's variables (for the symbolic consequences). */
  readonly condition?: Condition;
  readonly variables?: readonly Variable[];
}

/** The tolerance that reads "≈" between two weight norms: max/min ≤ 1 + this (supplied by claimcheck). */
export const NORM_RATIO_TOLERANCE = 0.1;
/** ε‖w‖₁ at or below which κ^n counts as independent of the noise (κ varies by at most ×e^{2·0.1}). */
export const KAPPA_REGIME_MAX = 0.1;
/** A per-point gradient norm at or below which a point counts as stationary. */
export const STATIONARY_TOLERANCE = 1e-8;

/** Real optima of problem 1 of the shared synthetic set (the same for every claim of a run). */
function sweep(ctx: CheckContext): OptimumRow[] {
  return robustOptimumSweep(SYNTHETIC_EPS_GRID, sharedProblem(ctx.runSeed)).filter((r) => r.converged);
}

/** The problem, its generator and the ε of its converged optima. */
function sweepName(ctx: CheckContext, rows: readonly OptimumRow[]): string {
  return `${problemSetLine([sharedProblem(ctx.runSeed)])}; real optima by Newton at ε ∈ {${rows.map((x) => x.eps).join(', ') || 'none converged'}}`;
}

function forcedBy(inputs: AssumptionInputs, ctx: CheckContext): AssumptionCheck['forces'] {
  if (!inputs.condition || !inputs.variables || inputs.condition.consequences.length === 0) return [];
  const ev = conditionEvidence(
    inputs.condition,
    inputs.variables,
    ctx.engines,
    deriveSeed(ctx.runSeed, `assumption:${inputs.condition.assumption.id}:forces`),
  );
  return inputs.condition.consequences.map((c) => {
    const s = (ev.data as Record<string, string>)[c.statement];
    return {
      statement: c.statement,
      status:
        s === 'equal' ? ('forced' as const) : s === 'different' ? ('not-forced' as const) : ('undecided' as const),
    };
  });
}

function perPointOptimality(ctx: CheckContext, inputs: AssumptionInputs): AssumptionCheck {
  const { seed, n } = onRayProblem(ctx.runSeed);
  const eps = 0.3;
  const { ds, u } = onRayDataset(seed, eps, n);
  const worstOnRay = Math.max(
    ...[0.5, 2, 8].map((t) =>
      maxPerPointGradient(
        ds,
        eps,
        u.map((v) => v * t),
      ),
    ),
  );
  const satisfiable: Answer = {
    status: worstOnRay <= STATIONARY_TOLERANCE ? 'yes' : 'unknown',
    summary: `constructed: ${onRayName(seed)} at ε = ${eps}; at w = t·u (t = 0.5, 2, 8) the largest per-point gradient norm is ${formatNumber(worstOnRay, 3)}`,
  };
  const rows = sweep(ctx);
  const worst = rows.map((r) => r.maxPointGrad);
  const stationary = worst.filter((g) => g <= STATIONARY_TOLERANCE).length;
  const whereItMatters: Answer = {
    status: rows.length === 0 ? 'unknown' : stationary === rows.length ? 'yes' : stationary === 0 ? 'no' : 'partly',
    summary:
      rows.length === 0
        ? 'no synthetic optimum converged'
        : `at real optima of ${problemName(sharedProblem(ctx.runSeed))} (‖∇L‖ ≤ ${formatNumber(Math.max(...rows.map((r) => r.gradNorm)), 2)}) the largest per-point gradient norm is ${formatNumber(Math.min(...worst), 3)}–${formatNumber(Math.max(...worst), 3)} (stationary: ≤ ${STATIONARY_TOLERANCE}); the condition holds at ${stationary} of ${rows.length}`,
    details: [
      sweepName(ctx, rows),
      ...rows.map(
        (r) =>
          `ε = ${r.eps}: max per-point ‖∇ℓ‖ = ${formatNumber(r.maxPointGrad, 4)}, ‖w*‖ = ${formatNumber(r.wNorm, 4)}`,
      ),
    ],
  };
  const forces = [
    ...forcedBy(inputs, ctx),
    {
      // ‖η^n‖ = ε for the L2 maximiser, and the first consequence gives ‖x^n‖ = ‖η^n‖: ‖x^n‖ = ε. Measured on the
      // constructed data: the same points at another ε are not stationary for any w on the ray.
      statement: `‖x^n‖ = ε for every n, so one data set cannot satisfy it at two different ε (on the constructed data at ε = ${eps}, the largest per-point gradient at ε = ${2 * eps} along the ray is ${formatNumber(
        Math.min(
          ...[0.5, 2, 8].map((t) =>
            maxPerPointGradient(
              ds,
              2 * eps,
              u.map((v) => v * t),
            ),
          ),
        ),
        3,
      )})`,
      status:
        Math.min(
          ...[0.5, 2, 8].map((t) =>
            maxPerPointGradient(
              ds,
              2 * eps,
              u.map((v) => v * t),
            ),
          ),
        ) > STATIONARY_TOLERANCE
          ? ('forced' as const)
          : ('not-forced' as const),
    },
  ];
  return { satisfiable, forces, whereItMatters };
}

function equalWeightNorms(ctx: CheckContext): AssumptionCheck {
  const rows = sweep(ctx);
  const norms = rows.map((r) => r.wNorm);
  const ratio = Math.max(...norms) / Math.min(...norms);
  // Can it hold at all, as the proof uses it (two models trained at different ε on the same data): the closest pair
  // of ε of the shared problem whose optima have norms within the tolerance.
  const pairs = rows.flatMap((a, i) =>
    rows.slice(i + 1).map((b) => ({ a, b, r: Math.max(a.wNorm, b.wNorm) / Math.min(a.wNorm, b.wNorm) })),
  );
  const within = pairs.filter((p) => p.r <= 1 + NORM_RATIO_TOLERANCE).sort((x, y) => x.r - y.r);
  const best = within[0];
  return {
    satisfiable: {
      status: best ? 'yes' : 'unknown',
      summary: best
        ? `on the one data set of ${problemName(sharedProblem(ctx.runSeed))}, the optima at ε = ${best.a.eps} and ${best.b.eps} have ‖w*‖ = ${formatNumber(best.a.wNorm, 5)} and ${formatNumber(best.b.wNorm, 5)} (max/min ${formatNumber(best.r, 4)} ≤ ${1 + NORM_RATIO_TOLERANCE}); ${within.length} of ${pairs.length} pairs of ε are within the tolerance`
        : `no pair of ε of ${problemName(sharedProblem(ctx.runSeed))} has optima with norms within max/min ≤ ${1 + NORM_RATIO_TOLERANCE} (${pairs.length} pairs); not shown satisfiable on one data set`,
    },
    forces: [],
    whereItMatters: {
      status: rows.length < 2 ? 'unknown' : ratio <= 1 + NORM_RATIO_TOLERANCE ? 'yes' : 'no',
      summary:
        rows.length < 2
          ? 'fewer than two synthetic optima converged'
          : `at real optima of ${problemName(sharedProblem(ctx.runSeed))} ‖w*(ε)‖ goes from ${formatNumber(Math.max(...norms), 4)} to ${formatNumber(Math.min(...norms), 4)}: max/min = ${formatNumber(ratio, 3)} against ≈ read as ≤ ${1 + NORM_RATIO_TOLERANCE} (margin ${formatNumber(ratio - 1 - NORM_RATIO_TOLERANCE, 3)}); filter normalisation rescales the direction h, not w`,
      details: [sweepName(ctx, rows), ...rows.map((r) => `ε = ${r.eps}: ‖w*‖ = ${formatNumber(r.wNorm, 5)}`)],
      data: { norms, ratio },
    },
  };
}

/** Noise levels below the grid at which the uniform-noise optima of the shared problem are computed to show κ's regime. */
export const KAPPA_SMALL_EPS = [0.01, 0.002] as const;

function kappaIndependent(ctx: CheckContext): AssumptionCheck {
  const rows = sweep(ctx);
  const l1 = (r: OptimumRow): number => r.randomW.reduce((a, v) => a + Math.abs(v), 0);
  const scales = rows.map((r) => r.eps * l1(r));
  const inRegime = scales.filter((s) => s <= KAPPA_REGIME_MAX).length;
  // Can it hold at all: real optima of the uniform-noise loss on the same data at smaller ε; κ^n then varies by at
  // most e^{2ε‖w*‖₁} over the noise box.
  const small = robustOptimumSweep(KAPPA_SMALL_EPS, sharedProblem(ctx.runSeed)).filter((r) => r.converged);
  const inside = small.find((r) => r.eps * l1(r) <= KAPPA_REGIME_MAX);
  const smallLine = small.map((r) => `ε = ${r.eps}: ε‖w*‖₁ = ${formatNumber(r.eps * l1(r), 3)}`).join(', ');
  return {
    satisfiable: {
      status: inside ? 'yes' : 'unknown',
      summary: inside
        ? `at the real optimum of the uniform-noise loss of ${problemName(sharedProblem(ctx.runSeed))} at ε = ${inside.eps}, ε‖w*‖₁ = ${formatNumber(inside.eps * l1(inside), 3)} ≤ ${KAPPA_REGIME_MAX}: κ^n varies by at most ×${formatNumber(Math.exp(2 * inside.eps * l1(inside)), 4)} over the noise box (${smallLine})`
        : `no real optimum of ${problemName(sharedProblem(ctx.runSeed))} at ε ∈ {${KAPPA_SMALL_EPS.join(', ')}} is in the regime ε‖w*‖₁ ≤ ${KAPPA_REGIME_MAX} (${smallLine || 'none converged'})`,
    },
    forces: [],
    whereItMatters: {
      status: rows.length === 0 ? 'unknown' : inRegime === rows.length ? 'yes' : inRegime === 0 ? 'no' : 'partly',
      summary: `at real optima of the uniform-noise loss of ${problemName(sharedProblem(ctx.runSeed))} ε‖w*‖₁ = ${scales.map((s) => formatNumber(s, 3)).join(', ')} (regime ≤ ${KAPPA_REGIME_MAX}): inside at ${inRegime} of ${rows.length} ε`,
      details: [
        sweepName(ctx, rows),
        ...rows.map(
          (r, i) =>
            `ε = ${r.eps}: ‖w*‖₁ = ${formatNumber(l1(r), 4)}, ε‖w*‖₁ = ${formatNumber(scales[i]!, 4)}, κ varies by ×${formatNumber(Math.exp(2 * scales[i]!), 3)}`,
        ),
      ],
      data: { scales },
    },
  };
}

/** The checks of one assumption, by its id; an id without a check gets `unknown` answers that say so. */
export function checkAssumption(
  assumption: Assumption,
  ctx: CheckContext,
  inputs: AssumptionInputs = {},
): AssumptionCheck {
  switch (assumption.id) {
    case 'per-point-optimality':
      return perPointOptimality(ctx, inputs);
    case 'equal-weight-norms':
      return equalWeightNorms(ctx);
    case 'kappa-independent-of-noise':
      return kappaIndependent(ctx);
    default: {
      const none: Answer = {
        status: 'unknown',
        summary: `claimcheck has no check for the assumption "${assumption.id}"`,
      };
      return { satisfiable: none, forces: forcedBy(inputs, ctx), whereItMatters: none };
    }
  }
}
