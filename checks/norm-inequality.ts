/**
 * Decides Eq. (12)-type inequalities between Σ‖η_a‖/‖w_a‖ and Σ‖η_b‖/‖w_b‖ given ‖η_a‖ ≥ ‖η_b‖: a seeded
 * counterexample search over the domain, then the inequality under the stated extra assumption, decided by an exact
 * rewriting into parts of known sign, and the assumption measured at real optima of small synthetic problems.
 */
import { z } from 'zod';
import { defineChecker } from '../src/claims/checker.ts';
import type { Verdict } from '../src/claims/verdict.ts';
import { makeRng, deriveSeed } from '../src/decide/rng.ts';
import { robustOptimumSweep } from '../src/decide/synthetic.ts';

const Params = z.object({
  /** Points N in the sums. */
  N: z.number().int().min(1).default(3),
  searchPoints: z.number().int().min(10).default(500),
  epsGrid: z.array(z.number().positive()).min(2),
});
type P = z.infer<typeof Params>;

/** Eq. (12): counterexample search, proof under equal norms, and ‖w*(ε)‖ at real synthetic optima. */
export const normInequalityChecker = defineChecker<P>({
  kind: 'norm-inequality',
  description: 'Σ‖η_a‖/‖w_a‖ ≥ Σ‖η_b‖/‖w_b‖ given ‖η_a‖ ≥ ‖η_b‖: counterexample search, proof under ‖w_a‖ = ‖w_b‖, norms at real optima',
  params: Params as unknown as z.ZodType<P>,
  check(claim, p, ctx): Verdict {
    const base = { claimId: claim.id, seed: ctx.seed, checker: 'norm-inequality' } as const;
    const rng = makeRng(deriveSeed(ctx.seed, 'search'));
    let witness: { point: Record<string, string>; paperValue: string; ourValue: string } | undefined;
    let violations = 0;
    for (let s = 0; s < p.searchPoints; s++) {
      const ra = Array.from({ length: p.N }, () => rng.uniform(0.05, 2));
      const rb = ra.map((r) => r * rng.uniform(0, 1));
      const wa = rng.uniform(0.1, 5);
      const wb = rng.uniform(0.1, 5);
      const lhs = ra.reduce((a, b) => a + b, 0) / (2 * p.N * wa);
      const rhs = rb.reduce((a, b) => a + b, 0) / (2 * p.N * wb);
      if (lhs < rhs) {
        violations++;
        witness ??= {
          point: { N: String(p.N), '‖η_a^n‖': ra.map((x) => x.toFixed(4)).join(' '), '‖η_b^n‖': rb.map((x) => x.toFixed(4)).join(' '), '‖w_a*‖': wa.toFixed(4), '‖w_b*‖': wb.toFixed(4) },
          paperValue: `left ≥ right claimed`,
          ourValue: `left ${lhs.toFixed(6)} < right ${rhs.toFixed(6)}`,
        };
      }
    }
    // Under ‖w_a*‖ = ‖w_b*‖ = W: left − right = (1/(2NW)) Σ (‖η_a^n‖ − ‖η_b^n‖), a positive factor times a sum of
    // non-negative terms (by the hypothesis), so the inequality holds.
    const sweep = robustOptimumSweep(p.epsGrid, deriveSeed(ctx.seed, 'sweep'));
    const norms = sweep.map((r) => r.wNorm);
    const ratio = Math.max(...norms) / Math.min(...norms);
    const normalised = sweep.map((r) => r.eps * r.wNorm / 2);
    const normalisedIncreasing = normalised.every((v, i) => i === 0 || v >= normalised[i - 1]!);
    const assumptionEvidence = {
      summary: `at real optima of a synthetic problem (N=${sweep[0]!.n}, d=${sweep[0]!.d}, seed printed) ‖w*(ε)‖ varies by a factor ${ratio.toFixed(2)} over ε ∈ {${p.epsGrid.join(', ')}}; filter normalisation rescales the direction h, not w, so it does not make ‖w_a*‖ = ‖w_b*‖; in filter-normalised units the curvature of Eq. (9) is ε‖w*‖/2, ${normalisedIncreasing ? 'increasing' : 'NOT increasing'} in ε here`,
      details: sweep.map((r) => `ε=${r.eps}: ‖w*‖=${r.wNorm.toFixed(4)}, ε/(2‖w*‖)=${(r.eps / (2 * r.wNorm)).toFixed(4)}, ε‖w*‖/2=${(r.eps * r.wNorm / 2).toFixed(4)}, λmax=${r.lambdaMax.toFixed(4)}, ‖∇L‖=${r.gradNorm.toExponential(1)}`),
      data: { sweep },
    };
    if (violations === 0) {
      return { ...base, status: 'confirmed', evidence: { summary: `no counterexample in ${p.searchPoints} points` } };
    }
    return {
      ...base,
      status: 'holds-under',
      assumption: '‖w_a*‖ ≤ (Σ‖η_a‖/Σ‖η_b‖)·‖w_b*‖, in particular ‖w_a*‖ = ‖w_b*‖ (the paper invokes filter normalisation for ‖w_a*‖ ≈ ‖w_b*‖)',
      assumptionEvidence,
      witness: witness!,
      evidence: { summary: `without the norm assumption ${violations} of ${p.searchPoints} seeded points violate Eq. (12); with ‖w_a*‖ = ‖w_b*‖ the difference is (1/2N‖w*‖)Σ(‖η_a‖ − ‖η_b‖) ≥ 0` },
    };
  },
});
