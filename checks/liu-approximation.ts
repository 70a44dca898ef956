/**
 * Checks Section 4.1's printed form of Liu et al.'s approximated loss: whether it is well-typed as printed (a vector
 * η^n added to the scalar margin), and, in the reading that makes it closest to the exact robust loss (η^n → ε‖w‖),
 * whether it equals that loss and is a loss at all (bounded below).
 */
import { z } from 'zod';
import { defineChecker } from '../src/claims/checker.ts';
import type { Verdict } from '../src/claims/verdict.ts';
import { compareForms, residualSummary, witnessPoint } from '../src/decide/compare.ts';
import { lowerLatex, lowerRole } from '../src/decide/formula.ts';

const Params = z.object({
  printed: z.string().default('liu'),
  /** The printed form with η^n read as the scalar ε‖w‖ (LaTeX, ours). */
  scalarReading: z.string().min(1),
  /** The exact robust loss it approximates (LaTeX, ours). */
  exact: z.string().min(1),
  /** Role of the paper's Eq. (7) (second line), which at y cos θ = 1 and ‖η^n‖ = ε must equal `exact`. */
  eq7: z.string().default('eq7'),
});
type P = z.infer<typeof Params>;

/** Is the printed approximation well-typed, equal to the exact robust loss, and bounded below? */
export const liuApproximationChecker = defineChecker<P>({
  kind: 'liu-approximation',
  description: 'the printed approximated loss: type check, comparison with the exact robust loss, and boundedness below',
  params: Params as unknown as z.ZodType<P>,
  check(claim, p, ctx): Verdict {
    const base = { claimId: claim.id, seed: ctx.seed, checker: 'liu-approximation' } as const;
    const details: string[] = [];
    try {
      lowerRole(claim, p.printed, { d: 2, N: 2, bind: new Map() }, ctx.engines);
      details.push('as printed the formula is well-typed');
    } catch (err) {
      details.push(`as printed it is not well-typed: ${(err as Error).message} (−y^n w·x^n is a scalar, η^n a vector)`);
    }
    const o = compareForms(
      {
        variables: claim.variables, dims: [2, 3], points: [2], indices: [], seed: ctx.seed, label: 'scalar-reading',
        build: (inst) => [lowerLatex(p.scalarReading, inst, ctx.engines), lowerLatex(p.exact, inst, ctx.engines)] as const,
      },
      ctx.engines,
    );
    // Boundedness: one point with y = −1 contributes −log(1 + exp(w·x + ε‖w‖)), which → −∞ along w = t·x.
    const term = lowerLatex(p.scalarReading, { d: 2, N: 1, bind: new Map() }, ctx.engines);
    const values = [1, 10, 100].map((t) => {
      const pt = { y_1: '-1', x_1_1: '0.5', x_2_1: '0.25', w_1: String(0.5 * t), w_2: String(0.25 * t), eps: '0.1' };
      return Number(ctx.engines.evaluator.evaluate(term, pt, 40));
    });
    details.push(`N = 1, y = −1, x = (0.5, 0.25), ε = 0.1, w = t·x for t = 1, 10, 100: values ${values.map((v) => v.toFixed(3)).join(', ')} (unbounded below, so minimising it is meaningless)`);
    if (o.status === 'equal') {
      return { ...base, status: 'confirmed', evidence: { summary: `the scalar reading equals the exact robust loss: ${residualSummary(o)}`, details } };
    }
    if (o.status === 'inconclusive') return { ...base, status: 'inconclusive', reason: o.reason ?? '', evidence: { summary: o.reason ?? '', details } };
    // The correction is checked, not asserted: Eq. (7) at cos θ^n = y^n and the L2 argmax η^n = −y^n ε w/‖w‖.
    const corr = compareForms(
      {
        variables: claim.variables, dims: [2, 3], points: [2], indices: [], seed: ctx.seed, label: 'correction',
        build: (inst) => [lowerLatex(p.exact, inst, ctx.engines), lowerRole(claim, p.eq7, inst, ctx.engines, [{ target: 'c_{n}', expr: 'y_{n}' }])] as const,
        constructions: [{ target: 'eta_{k}_{n}', expr: '-y_{n} * eps * w_{k} / NORM(w)' }],
      },
      ctx.engines,
    );
    const w = o.witness!;
    return {
      ...base,
      status: 'refuted',
      witness: { point: witnessPoint(w), paperValue: w.printed, ourValue: w.reference },
      correction: {
        latex: p.exact,
        check: corr.status === 'equal' ? 'confirmed' : corr.status === 'different' ? 'refuted' : 'inconclusive',
        evidence: `the exact L2-robust loss = Eq. (7) at y cos θ = 1 and ‖η^n‖ = ε: ${corr.status} (${residualSummary(corr)})`,
      },
      evidence: { summary: `as printed η^n (a vector) is added to a scalar; read with η^n = ε‖w‖ it differs from the exact robust loss (witness) and the factor y^n makes it negative and unbounded below for y^n = −1`, details },
    };
  },
});
