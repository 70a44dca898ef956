/**
 * Decides a monotonicity claim (Lemma 1): derives ∂f/∂c with the CAS, zero-tests it against a factorisation into
 * parts, proves each part's sign from its structure, and searches the domain for a counterexample to the stated sign.
 */
import { z } from 'zod';
import { defineChecker } from '../src/claims/checker.ts';
import type { Verdict } from '../src/claims/verdict.ts';
import { compareForms, residualSummary } from '../src/decide/compare.ts';
import { lowerRole, scalarSymbols, type Instance } from '../src/decide/formula.ts';
import { proveSign, describeSign } from '../src/decide/sign.ts';
import { samplePoints, expandConstruction } from '../src/decide/sampler.ts';
import { makeRng, deriveSeed } from '../src/decide/rng.ts';

const Params = z.object({
  f: z.string().default('f'),
  /** The variable the claim is about, as a pattern (`c_{n}`). */
  variable: z.string().min(1),
  /** Factors whose product is claimed to be ∂f/∂c (patterns with NORM/DOT macros). */
  factors: z.array(z.object({ expr: z.string().min(1), label: z.string().min(1) })).min(1),
  /** The sign the claim states: the sign of this ±1 variable (`y_{n}`). */
  signOf: z.string().min(1),
  /** Symbols known positive (e.g. none) beyond structure. */
  positive: z.array(z.string()).default([]),
  searchPoints: z.number().int().min(10).default(200),
});
type P = z.infer<typeof Params>;

const fill = (s: string, inst: Instance) => s.replace(/\{n\}/g, '1').replace(/\{([a-z])\}/g, (_m, k: string) => String(inst.bind.get(k) ?? 1)).replace(/[{}]/g, '');

/** Decides a stated sign of a derivative by factoring into parts of known sign plus a counterexample search. */
export const monotonicityChecker = defineChecker<P>({
  kind: 'monotonicity',
  description: 'sign of ∂f/∂c: CAS derivative = product of parts of proven sign, plus a counterexample search',
  params: Params as unknown as z.ZodType<P>,
  check(claim, p, ctx): Verdict {
    const base = { claimId: claim.id, seed: ctx.seed, checker: 'monotonicity' } as const;
    const inst0: Instance = { d: 2, N: 1, bind: new Map() };
    const derivative = (inst: Instance) => ctx.engines.primary.derivative(lowerRole(claim, p.f, inst, ctx.engines), fill(p.variable, inst));
    const expand = (expr: string, d: number) => expandConstruction({ target: '_', expr }, d, 1)[0]!.expr;
    const product = (inst: Instance) => p.factors.map((f) => `(${expand(f.expr, inst.d)})`).join(' * ');
    const o = compareForms({ variables: claim.variables, dims: ctx.dims, points: [1], indices: [], build: (inst) => [product(inst), derivative(inst)] as const, seed: ctx.seed, label: 'factorisation' }, ctx.engines);
    if (o.status !== 'equal') {
      return { ...base, status: 'inconclusive', reason: `the factorisation does not match the derivative (${o.status})`, evidence: { summary: o.reason ?? o.status } };
    }
    const signVar = fill(p.signOf, inst0);
    const signs = p.factors.map((f) => proveSign(expand(f.expr, 2), p.positive, [signVar]));
    const unknown = signs.filter((s) => s === 'unknown').length;
    // Counterexample search: the sign of the derivative against the sign of y at random points of the domain.
    const rng = makeRng(deriveSeed(ctx.seed, 'search'));
    const inst: Instance = { d: 3, N: 1, bind: new Map() };
    const dexpr = derivative(inst);
    const pts = samplePoints(claim.variables, { d: 3, N: 1, symbols: scalarSymbols(dexpr) }, p.searchPoints, rng);
    let violations = 0;
    let zeros = 0;
    let witness: Record<string, string> | undefined;
    for (const pt of pts) {
      const v = Number(ctx.engines.evaluator.evaluate(dexpr, pt, 30));
      const s = Number(pt[signVar] ?? '1');
      if (v === 0) zeros++;
      else if (Math.sign(v) !== Math.sign(s)) {
        violations++;
        witness ??= pt;
      }
    }
    const details = p.factors.map((f, i) => `${f.label}: ${describeSign(signs[i]!)}`);
    if (violations > 0) {
      return {
        ...base,
        status: 'refuted',
        witness: { point: witness!, paperValue: `sign ${witness![signVar]}`, ourValue: 'opposite sign' },
        evidence: { summary: `${violations} of ${pts.length} points contradict the stated sign`, details },
      };
    }
    if (unknown > 0) {
      return { ...base, status: 'inconclusive', reason: `${unknown} factor(s) of unproven sign`, evidence: { summary: 'no counterexample, but the sign proof is incomplete', details } };
    }
    return {
      ...base,
      status: 'confirmed',
      derivedLatex: claim.latex.find((f) => f.role === 'factorised')?.printed,
      evidence: {
        summary: `∂f/∂cos θ^n = ${p.factors.map((f) => f.label).join(' · ')} (${residualSummary(o)}); signs: ${details.join(', ')}; strictly monotone when ‖w‖‖η^n‖ > 0; no counterexample in ${pts.length} points (${zeros} zeros)`,
        details,
      },
    };
  },
});
