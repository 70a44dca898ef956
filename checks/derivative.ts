/**
 * Checks a printed derivative (gradient, Hessian entry, d/d cos θ) against the derivative re-derived from the printed
 * function by the primary CAS, with the randomized zero test; a 128-digit finite-difference oracle confirms the CAS,
 * and nerdamer's derivative is a second opinion whose disagreement is reported.
 */
import { z } from 'zod';
import { defineChecker, type CheckContext } from '../src/claims/checker.ts';
import type { LoadedClaim } from '../src/claims/loaded.ts';
import type { EngineAgreement, Verdict } from '../src/claims/verdict.ts';
import {
  compareForms,
  residualSummary,
  symbolicWitness,
  testedBasis,
  witnessStands,
  type CompareOutcome,
} from '../src/decide/compare.ts';
import { lowerLatex, lowerRole, substitute, type Instance } from '../src/decide/formula.ts';
import { fdAgreement } from '../src/decide/fd-oracle.ts';
import { TOLERANCES } from '../src/decide/tolerances.ts';
import { ConditionSchema, ConstructionSchema, correctionSchema, fillCorrection } from './params.ts';
import { checkAssumption } from './_internals/assumption-checks.ts';

const Params = z.object({
  base: z.string().default('base'),
  printed: z.string().default('rhs'),
  /** Variables differentiated, in order: `w_{i}`, `w_{j}`, `c_{n}`. */
  wrt: z.array(z.string().min(1)).min(1).max(2),
  /** Indices bound in the printed form (`i`, `j`). */
  indices: z.array(z.string()).default([]),
  /** Substitutions applied to the base before differentiating (e.g. `c_{n}` → `y_{n}`: the y cos θ = 1 step). */
  baseSubstitutions: z.array(ConstructionSchema).default([]),
  /** Substitutions applied after differentiating (e.g. `w_{k}` → `ws_{k}`: evaluate at w*). */
  at: z.array(ConstructionSchema).default([]),
  condition: ConditionSchema.optional(),
  /** Compact LaTeX of the derived form (zero-tested against the derivation before it is shown). */
  derived: z.string().min(1),
  /** The corrected formula (`latex`), where the printed one is wrong: zero-tested against the derivative. */
  correction: correctionSchema({ needs: 'latex' }).optional(),
  /** Also test with y real, to report a form that holds only because y² = 1. */
  yOnReals: z.boolean().default(false),
  dims: z.array(z.number().int().min(1)).optional(),
  points: z.array(z.number().int().min(1)).optional(),
});
type P = z.infer<typeof Params>;

function variableAt(pattern: string, inst: Instance): string {
  return pattern.replace(/\{([a-z])\}/g, (_m, idx: string) => String(inst.bind.get(idx) ?? 1)).replace(/[{}]/g, '');
}

function reference(claim: LoadedClaim, p: P, inst: Instance, ctx: CheckContext, engine = ctx.engines.primary): string {
  let f = lowerRole(claim, p.base, inst, ctx.engines, p.baseSubstitutions);
  for (const v of p.wrt) f = engine.derivative(f, variableAt(v, inst));
  return substitute(f, p.at, inst.d, inst.N);
}

function spec(
  claim: LoadedClaim,
  p: P,
  ctx: CheckContext,
  printed: (inst: Instance) => string,
  label: string,
  withCondition: boolean,
) {
  return {
    variables: claim.variables,
    dims: p.dims ?? (p.wrt.length === 2 ? ctx.dims.filter((d) => d <= 3) : ctx.dims),
    points: p.points ?? (withCondition ? [3] : p.wrt.length === 2 ? [2] : ctx.points),
    indices: p.indices,
    build: (inst: Instance) => [printed(inst), reference(claim, p, inst, ctx)] as const,
    constructions: withCondition ? p.condition?.constructions : undefined,
    seed: ctx.seed,
    label,
  };
}

function crossChecks(claim: LoadedClaim, p: P, ctx: CheckContext, o: CompareOutcome): EngineAgreement[] {
  const out: EngineAgreement[] = [];
  const s = o.sample;
  if (!s) return out;
  const inst = s.instance;
  const ev = ctx.engines.evaluator;
  // Finite differences of the function (first order) or of the CAS gradient (second order): no CAS involved.
  let f = lowerRole(claim, p.base, inst, ctx.engines, p.baseSubstitutions);
  const vars = p.wrt.map((v) => variableAt(v, inst));
  if (vars.length === 2) f = ctx.engines.primary.derivative(f, vars[0]!);
  const last = vars.at(-1)!;
  const ref = vars.length === 2 ? ctx.engines.primary.derivative(f, last) : ctx.engines.primary.derivative(f, last);
  const point = s.points[0]!;
  const fdPoint = p.at.length > 0 ? undefined : point;
  if (fdPoint) {
    const agree = fdAgreement(f, ref, last, fdPoint, ev);
    out.push({
      engine: `finite differences (128 digits, h = ${TOLERANCES.fdOracle.step})`,
      agrees: agree <= TOLERANCES.fdOracle.agreeLog10,
      note: `relative difference to the mathjs derivative 10^${Math.round(agree)}`,
    });
  }
  try {
    let g = lowerRole(claim, p.base, inst, ctx.engines, p.baseSubstitutions);
    for (const v of vars) g = ctx.engines.second.derivative(g, v);
    const nd = ev.relativeDifference(g, ref, point, 64);
    const agrees = nd.log10Rel <= TOLERANCES.secondOpinion.agreeLog10;
    out.push({
      engine: `${ctx.engines.second.name} ${ctx.engines.second.version}`,
      agrees,
      note: agrees
        ? `agrees with mathjs to 10^${Math.round(nd.log10Rel)}`
        : `DISAGREES with mathjs (relative difference 10^${nd.log10Rel.toFixed(1)}; mathjs ${nd.b}, ${ctx.engines.second.name} ${nd.a}); the finite-difference oracle decides`,
    });
  } catch (err) {
    out.push({
      engine: ctx.engines.second.name,
      agrees: null,
      note: `could not differentiate: ${(err as Error).message.slice(0, 80)}`,
    });
  }
  out.push({
    engine: `${ctx.engines.primary.name} ${ctx.engines.primary.version}`,
    agrees: true,
    note: 'reference derivation (derivative without simplification)',
  });
  return out;
}

/** Checks a printed derivative against the CAS derivative of the printed function. */
export const derivative = defineChecker<P>({
  kind: 'derivative',
  verdicts: ['confirmed', 'refuted', 'holds-under', 'inconclusive'],
  description:
    'printed derivative = CAS derivative of the printed function (zero test at 64/128 digits, FD oracle, nerdamer)',
  params: Params as unknown as z.ZodType<P>,
  derive(claim, p, ctx) {
    const o = compareForms(
      spec(
        claim,
        p,
        ctx,
        (inst) => lowerLatex(p.derived, inst, ctx.engines, p.at, claim),
        'derived',
        p.condition !== undefined && p.at.length > 0,
      ),
      ctx.engines,
    );
    if (o.status !== 'equal')
      throw new Error(`claim ${claim.id}: the compact derived form does not match the derivation (${o.status})`);
    return p.derived;
  },
  check(claim, p, ctx): Verdict {
    const base = { claimId: claim.id, seed: ctx.seed, checker: 'derivative', derivedLatex: p.derived } as const;
    const printedAt = (inst: Instance) => lowerRole(claim, p.printed, inst, ctx.engines);
    const general = compareForms(spec(claim, p, ctx, printedAt, 'printed', false), ctx.engines);
    const derivedOk = compareForms(
      spec(
        claim,
        p,
        ctx,
        (inst) => lowerLatex(p.derived, inst, ctx.engines, undefined, claim),
        'derived',
        p.at.length > 0 && p.condition !== undefined,
      ),
      ctx.engines,
    );
    const engines = crossChecks(claim, p, ctx, general);
    const derivedNote = `compact derived form ${derivedOk.status === 'equal' ? 'verified' : `NOT verified (${derivedOk.status})`} against the derivation`;
    let yNote: string | undefined;
    if (p.yOnReals && general.status === 'equal') {
      const realY = claim.variables.map((v) =>
        v.name === 'y'
          ? { ...v, domain: { type: 'interval' as const, lo: -2, hi: 2, loOpen: false, hiOpen: false } }
          : v,
      );
      const r = compareForms(
        { ...spec(claim, p, ctx, printedAt, 'y-real', false), variables: realY, dims: [2], points: [2] },
        ctx.engines,
      );
      yNote =
        r.status === 'different'
          ? 'uses y² = 1: with y real the printed form differs from the derivative'
          : `also equal with y real (${r.status})`;
    }
    if (general.status === 'equal') {
      return {
        ...base,
        status: 'confirmed',
        basis: testedBasis(general),
        engines,
        evidence: {
          summary: `printed form = derivative: ${residualSummary(general)}`,
          details: [derivedNote, ...(yNote ? [yNote] : [])],
        },
      };
    }
    if (general.status === 'inconclusive') {
      return {
        ...base,
        status: 'inconclusive',
        engines,
        reason: general.reason ?? 'zero test inconclusive',
        evidence: { summary: general.reason ?? '' },
      };
    }
    const w = general.witness!;
    const witness = symbolicWitness(general);
    if (!witnessStands(witness)) {
      return {
        ...base,
        status: 'inconclusive',
        engines,
        reason: `the zero test separates printed form and derivative at ${witness.point.instance}, but the interval enclosure of the difference contains 0`,
        evidence: { summary: residualSummary(general) },
      };
    }
    if (p.condition) {
      const cond = compareForms(spec(claim, p, ctx, printedAt, 'printed-under-condition', true), ctx.engines);
      if (cond.status === 'equal') {
        const check = checkAssumption(p.condition.assumption, ctx, {
          condition: p.condition,
          variables: claim.variables,
        });
        return {
          ...base,
          status: 'holds-under',
          condition: { kind: 'assumption', assumption: p.condition.assumption, check },
          witness,
          underCondition: {
            summary: `equal to the derivative at points built to satisfy the assumption: ${residualSummary(cond)}`,
          },
          engines,
          evidence: {
            summary: `differs from the derivative at a general point (${witness.point.instance}); equal under the assumption: ${residualSummary(cond)}`,
            details: [derivedNote],
          },
        };
      }
    }
    let correction: Verdict['correction'];
    if (p.correction) {
      const text = fillCorrection(claim.id, p.correction);
      const c = compareForms(
        spec(
          claim,
          p,
          ctx,
          (inst) => lowerLatex(text.latex!, inst, ctx.engines, undefined, claim),
          'correction',
          false,
        ),
        ctx.engines,
      );
      correction = {
        ...text,
        check: c.status === 'equal' ? 'confirmed' : c.status === 'different' ? 'refuted' : 'inconclusive',
        evidence: c.status === 'equal' ? `correction = derivative: ${residualSummary(c)}` : `correction ${c.status}`,
      };
    }
    return {
      ...base,
      status: 'refuted',
      witness,
      engines,
      ...(correction ? { correction } : {}),
      evidence: {
        summary: `printed form ≠ derivative at ${witness.point.instance}: paper ${w.printed.slice(0, 12)} vs derived ${w.reference.slice(0, 12)} (residual stable across 64/128 digits)`,
        details: [derivedNote],
      },
    };
  },
});
