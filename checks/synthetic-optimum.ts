/**
 * Decides claims about what holds AT an optimum by computing real optima of small seeded synthetic problems
 * (`src/decide/synthetic.ts`): the per-point optimality condition, Theorem 1's conclusion, convexity, and the
 * comparison of adversarial with random-noise sharpness. The verdict follows from the measured numbers.
 */
import { z } from 'zod';
import { defineChecker } from '../src/claims/checker.ts';
import type { Verdict } from '../src/claims/verdict.ts';
import { deriveSeed, makeRng } from '../src/decide/rng.ts';
import { robustOptimumSweep, smallSymmetricEigenvalues, syntheticDataset, theorem2Evidence, type OptimumRow } from '../src/decide/synthetic.ts';
import { robustL2Loss } from '../src/numeric/robust-l2.ts';

const Params = z.object({
  mode: z.enum(['per-point-condition', 'theorem1', 'convexity', 'adversarial-vs-random', 'theorem2']),
  epsGrid: z.array(z.number().positive()).min(2),
  /** Premise of the claim that the synthetic optima do not satisfy (for holds-under verdicts). */
  premise: z.string().optional(),
  /** For adversarial-vs-random: the ratio that counts as "much" sharper. */
  minRatio: z.number().positive().default(2),
});
type P = z.infer<typeof Params>;

function row(r: OptimumRow): string {
  return `ε=${r.eps}: ‖w*‖=${r.wNorm.toFixed(4)} (Newton ${r.iterations} it., ‖∇L‖=${r.gradNorm.toExponential(1)}), λmax=${r.lambdaMax.toFixed(4)} vs Eq.(9) ε/(2‖w*‖)=${(r.eps / (2 * r.wNorm)).toFixed(4)}, ε‖w*‖/2 (filter-normalised)=${(r.eps * r.wNorm / 2).toFixed(4)}, max per-point ‖∇ℓ‖=${r.maxPointGrad.toFixed(3)}, random-noise λmax=${r.randomLambdaMax.toFixed(4)}`;
}

/** Verdicts from real optima of seeded synthetic problems. */
export const syntheticOptimumChecker = defineChecker<P>({
  kind: 'synthetic-optimum',
  description: 'what holds at real optima of seeded synthetic L2-robust / uniform-noise problems (Float64 Newton)',
  params: Params as unknown as z.ZodType<P>,
  check(claim, p, ctx): Verdict {
    const base = { claimId: claim.id, seed: ctx.seed, checker: 'synthetic-optimum' } as const;
    const seed = deriveSeed(ctx.seed, 'data');
    if (p.mode === 'theorem2') {
      const ev = theorem2Evidence(p.epsGrid, seed);
      const lamPath = ev.path.map((r) => r.lambdaMax);
      const decreasing = lamPath.every((v, i) => i === 0 || v < lamPath[i - 1]!);
      const near = ev.nearOptimum.map((r) => r.lambdaMax);
      const growing = near.every((v, i) => i === 0 || v > near[i - 1]!);
      const details = [
        ...ev.path.map((r) => `separable noisy data, w = ${r.t}·w₀: loss ${r.loss.toExponential(2)}, λmax ${r.lambdaMax.toExponential(2)}, min κ^n ${r.minKappa.toExponential(2)} (> 0)`),
        ...ev.nearOptimum.map((r) => `non-separable data at the clean optimum, ε=${r.eps}: λmax of the Hessian averaged over ${ev.draws} noise draws ${r.lambdaMax.toFixed(5)}`),
      ];
      const summary = `λmax ${decreasing ? '→ 0 monotonically' : 'does NOT decrease'} as the loss → 0 along w = t·w₀ (${lamPath.map((v) => v.toExponential(1)).join(' → ')}); near an optimum λmax ${growing ? 'grows' : 'does NOT grow'} with ε (${near.map((v) => v.toFixed(4)).join(' → ')})`;
      if (!decreasing || !growing) {
        return { ...base, status: 'refuted', witness: { point: { statement: decreasing ? 'growth with ε' : 'vanishing at the minimum' }, paperValue: 'as stated', ourValue: summary }, evidence: { summary, details } };
      }
      return {
        ...base,
        status: 'holds-under',
        assumption: 'the per-point minimum (κ^n → 0) is a limit ‖w‖ → ∞ that exists only when the noisy data are linearly separable; at every finite w, κ^n = exp(−y^n w·(x^n + η^n)) > 0',
        assumptionEvidence: { summary: `on non-separable data the optimum has κ^n bounded away from 0 and λmax > 0 (${near[0]!.toFixed(4)} at ε=${ev.nearOptimum[0]!.eps}); the vanishing needs separable data and ‖w‖ → ∞`, details },
        evidence: { summary, details },
      };
    }
    const rows = robustOptimumSweep(p.epsGrid, seed).filter((r) => r.converged);
    const details = rows.map(row);
    const data = { dataset: `synthetic Gaussian classes, N=${rows[0]?.n}, d=${rows[0]?.d}, data seed ${seed}`, rows };
    if (rows.length < 2) return { ...base, status: 'inconclusive', reason: 'fewer than two optima converged', evidence: { summary: 'optimiser did not converge', details } };
    const lam = rows.map((r) => r.lambdaMax);
    const increasing = lam.every((v, i) => i === 0 || v > lam[i - 1]!);
    const fn = rows.map((r) => (r.eps * r.wNorm) / 2);
    const fnIncreasing = fn.every((v, i) => i === 0 || v > fn[i - 1]!);
    const worstPoint = Math.min(...rows.map((r) => r.maxPointGrad));
    switch (p.mode) {
      case 'per-point-condition':
        return {
          ...base,
          status: 'holds-under',
          assumption: p.premise ?? 'a weight that minimises the loss of every data point at once exists',
          assumptionEvidence: {
            summary: `at real optima (‖∇L‖ ≤ ${Math.max(...rows.map((r) => r.gradNorm)).toExponential(1)}) the largest per-point gradient norm is ≥ ${worstPoint.toFixed(3)}: the condition does not hold; it forces ‖x^n‖ = ‖η^n‖ for every n (all points on the line through w*, robust margin 0, loss log 2 per point)`,
            details,
            data,
          },
          evidence: { summary: 'per-point stationarity ⇔ w*/‖w*‖ = y^n x^n/‖η^n‖ (the sigmoid factor of the corrected Eq. (8) summand is positive); the total gradient vanishing does not imply it' },
        };
      case 'theorem1': {
        const summary = `top eigenvalue of the robust Hessian at real optima ${increasing ? 'increases' : 'does NOT increase'} with ε (${lam.map((v) => v.toFixed(3)).join(' → ')}); filter-normalised ε‖w*‖/2 ${fnIncreasing ? 'increases' : 'does NOT increase'} (${fn.map((v) => v.toFixed(3)).join(' → ')})`;
        if (!increasing) {
          const k = lam.findIndex((v, i) => i > 0 && v <= lam[i - 1]!);
          return { ...base, status: 'refuted', witness: { point: { epsA: String(rows[k]!.eps), epsB: String(rows[k - 1]!.eps) }, paperValue: 'λmax(εa) ≥ λmax(εb)', ourValue: `${lam[k]!.toFixed(4)} < ${lam[k - 1]!.toFixed(4)}` }, evidence: { summary, details, data } };
        }
        return {
          ...base,
          status: 'holds-under',
          assumption: p.premise ?? 'per-point optimality and ‖w_a*‖ ≈ ‖w_b*‖ (the proof\'s premises)',
          assumptionEvidence: { summary: `the premises fail at these optima (max per-point ‖∇ℓ‖ ≥ ${worstPoint.toFixed(3)}; ‖w*‖ from ${Math.max(...rows.map((r) => r.wNorm)).toFixed(3)} to ${Math.min(...rows.map((r) => r.wNorm)).toFixed(3)}), yet the unnormalised conclusion is observed`, details, data },
          evidence: { summary, details },
        };
      }
      case 'convexity': {
        const rng = makeRng(deriveSeed(ctx.seed, 'convexity'));
        const ds = syntheticDataset(seed);
        let minEig = Infinity;
        const trials = 300;
        for (let t = 0; t < trials; t++) {
          const eps = rng.uniform(0.01, 2);
          const w = Float64Array.from({ length: ds.d }, () => rng.uniform(-3, 3));
          if (Math.hypot(...w) < 1e-3) continue;
          const e = smallSymmetricEigenvalues(robustL2Loss(ds, eps).hessian(w), ds.d);
          minEig = Math.min(minEig, e[e.length - 1]!);
        }
        const ok = minEig >= -1e-12;
        const summary = `smallest Hessian eigenvalue of the L2-robust loss over ${trials} random (w, ε): ${minEig.toExponential(2)}; the general Hessian (Appendix B, last line) is σ(u)·‖η‖/‖w‖·(I − ŵŵᵀ) + σ(u)(1−σ(u))·v vᵀ, a sum of PSD parts, and the loss is softplus (convex, increasing) of a convex function of w`;
        return ok
          ? { ...base, status: 'confirmed', evidence: { summary, details: ['the paper argues from the Hessian at w* only; convexity everywhere needs the general form, which the check uses'] } }
          : { ...base, status: 'refuted', witness: { point: { minEig: String(minEig) }, paperValue: 'eigenvalues ≥ 0', ourValue: String(minEig) }, evidence: { summary } };
      }
      case 'adversarial-vs-random': {
        const ratios = rows.map((r) => r.lambdaMax / r.randomLambdaMax);
        const k = ratios.findIndex((x) => x < p.minRatio);
        const summary = `λmax(adversarial)/λmax(uniform noise, same ε) at real optima: ${ratios.map((x, i) => `ε=${rows[i]!.eps}: ${x.toFixed(2)}`).join(', ')}`;
        if (k >= 0) {
          return { ...base, status: 'refuted', witness: { point: { eps: String(rows[k]!.eps) }, paperValue: `ratio ≥ ${p.minRatio} ("much more")`, ourValue: ratios[k]!.toFixed(3) }, evidence: { summary, details, data } };
        }
        return { ...base, status: 'confirmed', evidence: { summary, details, data } };
      }
    }
  },
});
