/**
 * Checks that two printed forms are equal (one line of a derivation and the next, a formula and its rewriting) with
 * the randomized zero test, under the claim's premises, and under alternative readings of its notation when the
 * literal reading fails (e.g. which angle θ^n is).
 */
import { z } from 'zod';
import { defineChecker } from '../src/claims/checker.ts';
import type { Verdict } from '../src/claims/verdict.ts';
import { compareForms, residualSummary, witnessPoint } from '../src/decide/compare.ts';
import { lowerLatex, lowerRole, substitute, type Instance } from '../src/decide/formula.ts';
import { ConstructionSchema } from './params.ts';

const Reading = z.object({ statement: z.string().min(1), substitutions: z.array(ConstructionSchema).default([]) });

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
  /** Readings of the notation, tried in order: the first is the literal one. */
  readings: z.array(Reading).default([]),
  correction: z.string().optional(),
  derived: z.string().optional(),
  dims: z.array(z.number().int().min(1)).optional(),
  points: z.array(z.number().int().min(1)).optional(),
});
type P = z.infer<typeof Params>;

/** Checks that two printed forms are identical on the claim's domain. */
export const identityChecker = defineChecker<P>({
  kind: 'identity',
  description: 'two printed forms are equal on the domain (zero test at 64/128 digits), under the literal reading or a stated one',
  params: Params as unknown as z.ZodType<P>,
  derive(claim, p) {
    return p.derived ?? p.correction ?? claim.latex.find((f) => f.role === p.rhs)?.printed ?? p.rhsLiteral ?? '';
  },
  check(claim, p, ctx): Verdict {
    const readings = p.readings.length > 0 ? p.readings : [{ statement: 'as printed', substitutions: [] }];
    const base = { claimId: claim.id, seed: ctx.seed, checker: 'identity', ...(p.derived ? { derivedLatex: p.derived } : {}) } as const;
    const run = (subs: P['readings'][number]['substitutions'], label: string, lhsOverride?: string) =>
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
    const outcomes = readings.map((r, i) => ({ reading: r, outcome: run(r.substitutions, `reading-${i}`) }));
    const first = outcomes[0]!;
    if (first.outcome.status === 'equal') {
      return { ...base, status: 'confirmed', evidence: { summary: `equal (${first.reading.statement}): ${residualSummary(first.outcome)}` } };
    }
    if (first.outcome.status === 'inconclusive') {
      return { ...base, status: 'inconclusive', reason: first.outcome.reason ?? 'zero test inconclusive', evidence: { summary: first.outcome.reason ?? '' } };
    }
    const w = first.outcome.witness!;
    const witness = { point: witnessPoint(w), paperValue: w.printed, ourValue: w.reference };
    const alternative = outcomes.slice(1).find((o) => o.outcome.status === 'equal');
    if (alternative) {
      return {
        ...base,
        status: 'holds-under',
        assumption: alternative.reading.statement,
        assumptionEvidence: {
          summary: `under this reading the two sides are equal: ${residualSummary(alternative.outcome)}`,
          details: outcomes.map((o) => `${o.reading.statement}: ${o.outcome.status}`),
        },
        witness,
        evidence: { summary: `as read literally (${first.reading.statement}) the sides differ at ${witness.point.instance}; they agree under the stated reading` },
      };
    }
    let correction: Verdict['correction'];
    if (p.correction) {
      const c = run([], 'correction', p.correction);
      correction = {
        latex: p.correction,
        check: c.status === 'equal' ? 'confirmed' : c.status === 'different' ? 'refuted' : 'inconclusive',
        evidence: c.status === 'equal' ? `correction holds: ${residualSummary(c)}` : `correction ${c.status}`,
      };
    }
    return {
      ...base,
      status: 'refuted',
      witness,
      ...(correction ? { correction } : {}),
      evidence: { summary: `the two sides differ at ${witness.point.instance}: left ${w.printed.slice(0, 14)} vs right ${w.reference.slice(0, 14)} (stable across 64/128 digits)` },
    };
  },
});
