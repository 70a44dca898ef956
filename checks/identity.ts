/**
 * Checks that two printed forms are equal (one line of a derivation and the next, a formula and its rewriting) with
 * the randomized zero test, under the claim's premises, and under every reading of its notation the record lists
 * (e.g. which angle θ^n is); the readings rule of `src/claims/readings.ts` turns the outcomes into the verdict.
 */
import { z } from 'zod';
import { defineChecker } from '../src/claims/checker.ts';
import type { Verdict } from '../src/claims/verdict.ts';
import { decideReadings } from '../src/claims/readings.ts';
import {
  compareForms,
  readingOutcome,
  residualSummary,
  testedBasis,
  type CompareOutcome,
} from '../src/decide/compare.ts';
import { lowerLatex, lowerRole, substitute, type Instance } from '../src/decide/formula.ts';
import { ConstructionSchema, correctionSchema, fillCorrection, readingsSchema, readingsResult } from './params.ts';

const Readings = readingsSchema({ substitutions: z.array(ConstructionSchema).default([]) });

const Params = z.object({
  lhs: z.string().default('lhs'),
  /** Role of the right-hand side, or a literal (e.g. "0") when `rhsLiteral` is set. */
  rhs: z.string().default('rhs'),
  rhsLiteral: z.string().optional(),
  indices: z.array(z.string()).default([]),
  /** Substitutions applied to each side before comparing. */
  lhsSubstitutions: z.array(ConstructionSchema).default([]),
  rhsSubstitutions: z.array(ConstructionSchema).default([]),
  /** What the claim itself presupposes (e.g. v ⟂ w*): always applied to the sampled points. */
  premise: z.array(ConstructionSchema).default([]),
  /** Readings of the notation, each decided (default: the formula as printed, one literal reading). */
  readings: Readings.optional(),
  /** The corrected formula (`latex`), where the printed one is wrong: checked like the printed one when no reading holds. */
  correction: correctionSchema({ needs: 'latex' }).optional(),
  derived: z.string().optional(),
  dims: z.array(z.number().int().min(1)).optional(),
  points: z.array(z.number().int().min(1)).optional(),
});
type P = z.infer<typeof Params>;

/** Checks that two printed forms are identical on the claim's domain. */
export const identity = defineChecker<P>({
  kind: 'identity',
  verdicts: ['confirmed', 'refuted', 'holds-under', 'inconclusive'],
  description:
    'two printed forms are equal on the domain (zero test at 64/128 digits), under every listed reading of the notation',
  params: Params as unknown as z.ZodType<P>,
  derive(claim, p) {
    return p.derived ?? p.correction?.latex ?? claim.latex.find((f) => f.role === p.rhs)?.printed ?? p.rhsLiteral ?? '';
  },
  check(claim, p, ctx): Verdict {
    const readings = p.readings ?? {
      convention: claim.id,
      question: 'the formula as printed',
      readings: [{ id: 'as-printed', statement: 'as printed', literal: true, substitutions: [] }],
    };
    const base = {
      claimId: claim.id,
      seed: ctx.seed,
      checker: 'identity',
      ...(p.derived ? { derivedLatex: p.derived } : {}),
    };
    const run = (subs: P['premise'], label: string, lhsOverride?: string): CompareOutcome =>
      compareForms(
        {
          variables: claim.variables,
          dims: p.dims ?? ctx.dims,
          points: p.points ?? (p.premise.length > 0 ? [3] : ctx.points),
          indices: p.indices,
          build: (inst: Instance) => {
            const l = lhsOverride
              ? lowerLatex(lhsOverride, inst, ctx.engines, undefined, claim)
              : lowerRole(claim, p.lhs, inst, ctx.engines, p.lhsSubstitutions);
            const r = p.rhsLiteral ?? lowerRole(claim, p.rhs, inst, ctx.engines, p.rhsSubstitutions);
            return [substitute(l, subs, inst.d, inst.N), substitute(r, subs, inst.d, inst.N)] as const;
          },
          constructions: p.premise.length > 0 ? p.premise : undefined,
          seed: ctx.seed,
          label,
        },
        ctx.engines,
      );
    const outcomes = readings.readings.map((r, i) => ({ r, o: run(r.substitutions, `reading-${i}`) }));
    const holding = outcomes.filter((x) => x.o.status === 'equal').map((x) => x.o);
    let correction: Verdict['correction'];
    if (p.correction && holding.length === 0) {
      const text = fillCorrection(claim.id, p.correction);
      const c = run([], 'correction', text.latex!);
      correction = {
        ...text,
        check: c.status === 'equal' ? 'confirmed' : c.status === 'different' ? 'refuted' : 'inconclusive',
        evidence: c.status === 'equal' ? `correction holds: ${residualSummary(c)}` : `correction ${c.status}`,
      };
    }
    return decideReadings({
      base,
      readings: readingsResult(
        readings,
        outcomes.map((x) => readingOutcome(x.r, x.o)),
      ),
      evidence: {
        summary:
          holding.length > 0
            ? residualSummary(holding[0]!)
            : outcomes.map((x) => `${x.r.id}: ${x.o.status}`).join('; '),
      },
      basis: testedBasis(...(holding.length > 0 ? holding : outcomes.map((x) => x.o))),
      ...(correction ? { correction } : {}),
    });
  },
});
