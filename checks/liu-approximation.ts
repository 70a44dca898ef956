/**
 * Checks Section 4.1's printed form of Liu et al.'s approximated loss. As printed it adds the vector η^n to the scalar
 * margin, so it has no value until η^n is read as a scalar; each reading the record lists replaces that term in the
 * printed LaTeX (nothing else is retyped), and the result is zero-tested against the loss the paper itself writes for
 * perturbed data: Eq. (7), second line, at y^n cos θ^n = 1 (the robust loss). Whether the printed form is bounded
 * below (a loss at all) is measured along w = t·x for y = −1.
 */
import { z } from 'zod';
import { defineChecker } from '../src/claims/checker.ts';
import type { ReadingOutcome, Verdict } from '../src/claims/verdict.ts';
import { decideReadings } from '../src/claims/readings.ts';
import { compareForms, readingOutcome, residualSummary, testedBasis } from '../src/decide/compare.ts';
import { lowerLatex, lowerRole } from '../src/decide/formula.ts';
import { ClaimcheckError } from '../src/errors.ts';
import { correctionSchema, fillCorrection, readingsSchema, readingsResult } from './params.ts';

const Params = z.object({
  printed: z.string().default('liu'),
  /** Role of the paper's Eq. (7) (second line): at y cos θ = 1 it is the robust loss the approximation is compared with. */
  eq7: z.string().default('eq7'),
  /** Readings of the vector term: the printed LaTeX `from` (once in the printed form) read as the scalar `to`. */
  readings: readingsSchema({ from: z.string().min(1), to: z.string().min(1) }),
  /** The corrected form (`latex`), checked against the same reference. */
  correction: correctionSchema({ needs: 'latex' }),
});
type P = z.infer<typeof Params>;

/** Is the printed approximation, under each scalar reading of η^n, the robust loss of Eq. (7)? */
export const liuApproximation = defineChecker<P>({
  kind: 'liu-approximation',
  verdicts: ['confirmed', 'refuted', 'holds-under', 'inconclusive'],
  description:
    'the printed approximated loss under each scalar reading of η^n, against Eq. (7) at y cos θ = 1, and whether it is bounded below',
  params: Params as unknown as z.ZodType<P>,
  check(claim, p, ctx): Verdict {
    const base = { claimId: claim.id, seed: ctx.seed, checker: 'liu-approximation' };
    const printed = claim.latex.find((f) => f.role === p.printed)?.printed;
    if (!printed)
      throw new ClaimcheckError(
        'INVALID_RECORD',
        `claim record ${claim.id}: field latex: no fragment of role ${p.printed}`,
      );
    const details: string[] = [];
    try {
      lowerRole(claim, p.printed, { d: 2, N: 2, bind: new Map() }, ctx.engines);
      details.push('as printed the formula is well-typed');
    } catch (err) {
      details.push(`as printed it is not well-typed: ${(err as Error).message} (−y^n w·x^n is a scalar, η^n a vector)`);
    }
    const reference = (inst: Parameters<typeof lowerRole>[2]) =>
      lowerRole(claim, p.eq7, inst, ctx.engines, [{ target: 'c_{n}', expr: 'y_{n}' }]);
    const compare = (latex: string, label: string) =>
      compareForms(
        {
          variables: claim.variables,
          dims: [2, 3],
          points: [2],
          indices: [],
          seed: ctx.seed,
          label,
          build: (inst) => [lowerLatex(latex, inst, ctx.engines, undefined, claim), reference(inst)] as const,
        },
        ctx.engines,
      );
    const read = p.readings.readings.map((r) => {
      const parts = printed.split(r.from);
      if (parts.length !== 2)
        throw new ClaimcheckError(
          'INVALID_RECORD',
          `claim record ${claim.id}: field params.readings: "${r.from}" occurs ${parts.length - 1} times in the printed form (once required)`,
        );
      return { r, latex: parts.join(r.to) };
    });
    const results = read.map(({ r, latex }, i) => ({ r, latex, o: compare(latex, `reading-${i}`) }));
    const outcomes: ReadingOutcome[] = results.map(({ r, o }) => readingOutcome(r, o));
    // Boundedness of the first reading: one point with y = −1, w = t·x, t → ∞.
    const first = results[0]!;
    const term = lowerLatex(first.latex, { d: 2, N: 1, bind: new Map() }, ctx.engines, undefined, claim);
    const values = [1, 10, 100].map((t) => {
      const pt = {
        y_1: '-1',
        x_1_1: '0.5',
        x_2_1: '0.25',
        w_1: String(0.5 * t),
        w_2: String(0.25 * t),
        eta_1_1: '0.06',
        eta_2_1: '0.08',
        eps: '0.1',
      };
      return Number(ctx.engines.evaluator.evaluate(term, pt, 40));
    });
    details.push(
      `under "${first.r.id}": N = 1, y = −1, x = (0.5, 0.25), ‖η‖ = 0.1, w = t·x for t = 1, 10, 100: values ${values.map((v) => v.toFixed(3)).join(', ')}${values[2]! < values[1]! && values[1]! < values[0]! ? ' (decreasing without bound: minimising it is meaningless)' : ''}`,
    );
    const text = fillCorrection(claim.id, p.correction);
    const c = compare(text.latex!, 'correction');
    const correction: Verdict['correction'] = {
      ...text,
      check: c.status === 'equal' ? 'confirmed' : c.status === 'different' ? 'refuted' : 'inconclusive',
      evidence: `against Eq. (7) at y cos θ = 1: ${c.status} (${residualSummary(c)})`,
    };
    return decideReadings({
      base,
      readings: readingsResult(p.readings, outcomes),
      evidence: {
        summary: `Eq. (7) at y^n cos θ^n = 1 against the printed form read as: ${results.map(({ r, o }) => `${r.id} → ${o.status}`).join('; ')}`,
        details,
      },
      basis: testedBasis(...results.map((x) => x.o)),
      correction,
    });
  },
});
