/**
 * Decides Eq. (12): (1/2N) Σ‖η_a‖/‖w_a*‖ ≥ (1/2N) Σ‖η_b‖/‖w_b*‖ given ‖η_a^n‖ ≥ ‖η_b^n‖ (the direction ≥ or ≤ is read
 * from the printed LaTeX). Three computations:
 * (a) in general (any positive weight norms): a seeded counterexample search;
 * (b) under the record's assumption ‖w_a*‖ = ‖w_b*‖ = W: the difference is zero-tested against the factored form
 *     (1/(2NW)) Σ_n s_n with ‖η_a^n‖ = ‖η_b^n‖ + s_n, s_n ≥ 0, whose sign is proved from its structure;
 * (c) the assumption itself is checked (`checks/_internals/assumption-checks.ts`), and Eq. (12) is evaluated at the
 *     real optima of the same synthetic problem (‖η^n‖ = ε there).
 */
import { z } from 'zod';
import { defineChecker } from '../src/claims/checker.ts';
import type { Variable } from '../src/claims/schema.ts';
import type { Verdict, Witness } from '../src/claims/verdict.ts';
import { ClaimcheckError } from '../src/errors.ts';
import { makeRng, deriveSeed } from '../src/rng.ts';
import { compareForms, residualSummary } from '../src/decide/compare.ts';
import { proveSign, describeSign } from '../src/decide/sign.ts';
import { problemName, robustOptimumSweep, sharedProblem, SYNTHETIC_EPS_GRID } from '../src/decide/synthetic.ts';
import { formatNumber } from '../src/format/number.ts';
import { AssumptionSchema } from './params.ts';
import { checkAssumption } from './_internals/assumption-checks.ts';

const Params = z.object({
  /** Points N in the sums. */
  N: z.number().int().min(1).default(3),
  searchPoints: z.number().int().min(10).default(500),
  /** The range of the two weight norms searched in general (any positive norms by default). */
  weightNormRange: z.tuple([z.number().positive(), z.number().positive()]).default([0.1, 5]),
  /** The role of the printed inequality (its \geq or \leq gives the direction). */
  inequality: z.string().default('inequality'),
  /** The assumption on the two weight norms under which the inequality is derived (the one this checker factors). */
  assumption: AssumptionSchema.refine(
    (a) => a.id === 'equal-weight-norms',
    'this checker factors under equal-weight-norms',
  ),
});
type P = z.infer<typeof Params>;

const interval = (name: string, lo: number, hi: number): Variable => ({
  symbol: name,
  name,
  domain: { type: 'interval', lo, hi, loOpen: false, hiOpen: false },
  description: name,
});

/** Eq. (12): counterexample search in general, exact factoring under equal weight norms, the assumption checked. */
export const normInequality = defineChecker<P>({
  kind: 'norm-inequality',
  verdicts: ['confirmed', 'refuted', 'holds-under', 'inconclusive'],
  description:
    'Σ‖η_a‖/‖w_a‖ ≥ Σ‖η_b‖/‖w_b‖ given ‖η_a‖ ≥ ‖η_b‖: counterexample search, exact factoring under ‖w_a‖ = ‖w_b‖, the assumption checked',
  params: Params as unknown as z.ZodType<P>,
  check(claim, p, ctx): Verdict {
    const base = { claimId: claim.id, seed: ctx.seed, checker: 'norm-inequality' } as const;
    const printed = claim.latex.find((f) => f.role === p.inequality)?.printed ?? '';
    const dir = printed.includes('\\geq') ? 1 : printed.includes('\\leq') ? -1 : 0;
    if (dir === 0)
      throw new ClaimcheckError(
        'INVALID_RECORD',
        `claim record ${claim.id}: field latex (role ${p.inequality}): no \\geq or \\leq in the printed inequality`,
      );
    const rel = dir > 0 ? '≥' : '≤';
    const holds = (lhs: number, rhs: number) => (dir > 0 ? lhs >= rhs : lhs <= rhs);
    // (a) In general: positive norms with ‖η_a^n‖ ≥ ‖η_b^n‖ and any two weight norms.
    const rng = makeRng(deriveSeed(ctx.seed, 'search'));
    let witness: Witness | undefined;
    let violations = 0;
    for (let s = 0; s < p.searchPoints; s++) {
      const ra = Array.from({ length: p.N }, () => rng.uniform(0.05, 2));
      const rb = ra.map((r) => r * rng.uniform(0, 1));
      const wa = rng.uniform(p.weightNormRange[0], p.weightNormRange[1]);
      const wb =
        p.weightNormRange[0] === p.weightNormRange[1] ? wa : rng.uniform(p.weightNormRange[0], p.weightNormRange[1]);
      const lhs = ra.reduce((a, b) => a + b, 0) / (2 * p.N * wa);
      const rhs = rb.reduce((a, b) => a + b, 0) / (2 * p.N * wb);
      if (!holds(lhs, rhs)) {
        violations++;
        witness ??= {
          point: {
            N: String(p.N),
            '‖η_a^n‖': ra.map((x) => x.toFixed(4)).join(' '),
            '‖η_b^n‖': rb.map((x) => x.toFixed(4)).join(' '),
            '‖w_a*‖': wa.toFixed(4),
            '‖w_b*‖': wb.toFixed(4),
          },
          paperValue: `left ${rel} right claimed`,
          ourValue: `left ${lhs.toFixed(6)}, right ${rhs.toFixed(6)}`,
        };
      }
    }
    const searched = `${violations} of ${p.searchPoints} seeded points (N = ${p.N}, ‖η_b^n‖ ≤ ‖η_a^n‖, weight norms in [${p.weightNormRange.join(', ')}]) violate it`;
    if (violations === 0) {
      return {
        ...base,
        status: 'confirmed',
        basis: { kind: 'tested', what: `seeded search over ${p.searchPoints} points` },
        evidence: { summary: `no counterexample: ${searched}` },
      };
    }
    // (b) Under ‖w_a‖ = ‖w_b‖ = W, with ‖η_a^n‖ = ‖η_b^n‖ + s_n: left − right = (1/(2NW)) Σ s_n.
    const idx = Array.from({ length: p.N }, (_, k) => k + 1);
    const left = `(1 / (2 * ${p.N})) * (${idx.map((n) => `(rb_${n} + s_${n}) / W`).join(' + ')})`;
    const right = `(1 / (2 * ${p.N})) * (${idx.map((n) => `rb_${n} / W`).join(' + ')})`;
    const factored = `(1 / (2 * ${p.N} * W)) * (${idx.map((n) => `s_${n}`).join(' + ')})`;
    const identity = compareForms(
      {
        variables: [interval('rb', 0.05, 2), interval('s', 0, 2), interval('W', 0.1, 5)],
        dims: [1],
        points: [p.N],
        indices: [],
        seed: ctx.seed,
        label: 'factoring',
        build: () => [`(${left}) - (${right})`, factored] as const,
      },
      ctx.engines,
    );
    const sign = proveSign(factored, ['W', ...idx.map((n) => `s_${n}`)], []);
    const signOk = dir > 0 ? sign === 'pos' || sign === 'nonneg' : false;
    const underLine = `with ‖w_a*‖ = ‖w_b*‖ = W and ‖η_a^n‖ = ‖η_b^n‖ + s_n (s_n ≥ 0): left − right = (1/(2NW)) Σ s_n (${identity.status}: ${residualSummary(identity)}), which is ${describeSign(sign)} since W > 0 and s_n ≥ 0`;
    // (c) The assumption, and Eq. (12) at the real optima of the same synthetic problem.
    const check = checkAssumption(p.assumption, ctx);
    const problem = sharedProblem(ctx.runSeed);
    const rows = robustOptimumSweep(SYNTHETIC_EPS_GRID, problem).filter((r) => r.converged);
    const values = rows.map((r) => r.eps / (2 * r.wNorm));
    const atOptima = values.every((v, i) => i === 0 || holds(v, values[i - 1]!));
    const optimaLine = `at the real optima of ${problemName(problem)} (‖η^n‖ = ε): (1/2N)Σ‖η^n‖/‖w*‖ = ε/(2‖w*‖) = ${values.map((v) => formatNumber(v, 4)).join(', ')} over ε ∈ {${rows.map((r) => r.eps).join(', ')}}: Eq. (12) ${atOptima ? 'holds' : 'does NOT hold'} between every consecutive pair${check.whereItMatters.status === 'no' ? ', although the assumption fails there' : ''}`;
    if (identity.status === 'equal' && signOk) {
      return {
        ...base,
        status: 'holds-under',
        condition: { kind: 'assumption', assumption: p.assumption, check },
        witness: witness!,
        underCondition: { summary: underLine },
        evidence: {
          summary: `in general ${searched}; under the assumption it holds exactly`,
          details: [underLine, optimaLine],
          data: { atOptima: rows.map((r, i) => ({ eps: r.eps, wNorm: r.wNorm, value: values[i] })) },
        },
      };
    }
    if (identity.status === 'inconclusive') {
      return {
        ...base,
        status: 'inconclusive',
        reason: `the factoring under the assumption is undecided: ${identity.reason ?? ''}`,
        evidence: { summary: searched, details: [underLine] },
      };
    }
    return {
      ...base,
      status: 'refuted',
      witness: witness!,
      evidence: {
        summary: `in general ${searched}, and under the assumption the sign is wrong: ${underLine}`,
        details: [optimaLine],
      },
    };
  },
});
