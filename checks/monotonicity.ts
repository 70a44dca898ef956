/**
 * Decides a monotonicity claim (Lemma 1: the loss increases with cos θ^n when y^n = 1) under every reading of θ^n.
 * Under a reading, the loss is the printed loss of perturbed data (role `loss`, Eq. (7) first line) and cos θ^n is the
 * reading's formula in w and η^n. Two computations decide it:
 * - a counterexample search on the loss itself: at seeded points, the derivative of the loss along the sphere
 *   ‖η^n‖ = const in the direction that increases cos θ^n must have the sign of y^n;
 * - a proof: the printed function `f` of cos θ^n equals the loss under the reading (zero test), and ∂f/∂cos θ^n equals a
 *   product of factors (zero test) whose signs are proved from their structure.
 * A reading holds with the proof and no counterexample, fails with a counterexample, and is undecided otherwise.
 */
import { z } from 'zod';
import { defineChecker, type CheckContext } from '../src/claims/checker.ts';
import type { LoadedClaim } from '../src/claims/loaded.ts';
import type { ReadingOutcome, Verdict } from '../src/claims/verdict.ts';
import { decideReadings } from '../src/claims/readings.ts';
import { compareForms, residualSummary, testedBasis, type CompareOutcome } from '../src/decide/compare.ts';
import { lowerRole, scalarSymbols, substitute, type Instance } from '../src/decide/formula.ts';
import { proveSign, describeSign } from '../src/decide/sign.ts';
import { samplePoints, expandConstruction } from '../src/decide/sampler.ts';
import { makeRng, deriveSeed } from '../src/rng.ts';
import { readingsSchema, readingsResult, readingOf } from './params.ts';

const Readings = readingsSchema({
  /** cos θ^n under this reading (pattern in w and eta_{n}). */
  cosTheta: z.string().min(1),
});

const Params = z.object({
  f: z.string().default('f'),
  /** Role of the loss of perturbed data the lemma is about (printed). */
  loss: z.string().default('loss'),
  /** The variable the claim is about, as a pattern (`c_{n}`). */
  variable: z.string().min(1),
  /** Factors whose product is claimed to be ∂f/∂c (patterns with NORM/DOT macros). */
  factors: z.array(z.object({ expr: z.string().min(1), label: z.string().min(1) })).min(1),
  /** The sign the claim states: the sign of this ±1 variable (`y_{n}`). */
  signOf: z.string().min(1),
  /** Symbols known positive (e.g. none) beyond structure. */
  positive: z.array(z.string()).default([]),
  readings: Readings,
  searchPoints: z.number().int().min(10).default(200),
});
type P = z.infer<typeof Params>;

const fill = (s: string, inst: Instance) =>
  s
    .replace(/\{n\}/g, '1')
    .replace(/\{([a-z])\}/g, (_m, k: string) => String(inst.bind.get(k) ?? 1))
    .replace(/[{}]/g, '');

interface Search {
  readonly violations: number;
  readonly zeros: number;
  readonly points: number;
  readonly witness?: Record<string, string>;
  readonly slope?: number;
}

/**
 * Sign of the derivative of the loss along the sphere ‖η‖ = const in the direction that increases cos θ, against the
 * sign of y, at seeded points (d = 3, N = 1).
 */
function searchLoss(claim: LoadedClaim, p: P, cosTheta: string, ctx: CheckContext, label: string): Search {
  const inst: Instance = { d: 3, N: 1, bind: new Map() };
  const loss = lowerRole(claim, p.loss, inst, ctx.engines);
  const cos = expandConstruction({ target: '_', expr: cosTheta }, inst.d, 1)[0]!.expr;
  const etas = Array.from({ length: inst.d }, (_, k) => `eta_${k + 1}_1`);
  const gradL = etas.map((e) => ctx.engines.primary.derivative(loss, e));
  const gradC = etas.map((e) => ctx.engines.primary.derivative(cos, e));
  const signVar = fill(p.signOf, inst);
  const symbols = [...new Set([...scalarSymbols(loss), ...scalarSymbols(cos), ...etas, signVar])];
  const pts = samplePoints(
    claim.variables,
    { d: inst.d, N: 1, symbols },
    p.searchPoints,
    makeRng(deriveSeed(ctx.seed, label)),
  );
  const ev = (e: string, pt: Record<string, string>) => Number(ctx.engines.evaluator.evaluate(e, pt, 30));
  let violations = 0;
  let zeros = 0;
  let witness: Record<string, string> | undefined;
  let slope: number | undefined;
  for (const pt of pts) {
    const eta = etas.map((e) => Number(pt[e]));
    const gl = gradL.map((g) => ev(g, pt));
    const gc = gradC.map((g) => ev(g, pt));
    // Tangent of the sphere ‖η‖ = const in the direction of increasing cos θ.
    const nn = eta.reduce((a, v) => a + v * v, 0);
    const radial = gc.reduce((a, v, i) => a + v * eta[i]!, 0) / nn;
    const t = gc.map((v, i) => v - radial * eta[i]!);
    const dCos = gc.reduce((a, v, i) => a + v * t[i]!, 0);
    const dLoss = gl.reduce((a, v, i) => a + v * t[i]!, 0);
    if (dCos <= 1e-12 || Math.abs(dLoss) <= 1e-14) {
      zeros++;
      continue;
    }
    const s = Number(pt[signVar] ?? '1');
    if (Math.sign(dLoss) !== Math.sign(s)) {
      violations++;
      if (!witness) {
        witness = pt;
        slope = dLoss / dCos;
      }
    }
  }
  return { violations, zeros, points: pts.length, ...(witness ? { witness, slope } : {}) };
}

/** Decides a stated sign of ∂L/∂cos θ^n under every reading of θ^n. */
export const monotonicity = defineChecker<P>({
  kind: 'monotonicity',
  verdicts: ['confirmed', 'refuted', 'holds-under', 'inconclusive'],
  description:
    'sign of ∂L/∂cos θ under each reading of θ: counterexample search on the loss, proof by a factorisation into parts of proven sign',
  params: Params as unknown as z.ZodType<P>,
  check(claim, p, ctx): Verdict {
    const base = { claimId: claim.id, seed: ctx.seed, checker: 'monotonicity' };
    const inst0: Instance = { d: 2, N: 1, bind: new Map() };
    const variable = (inst: Instance) => fill(p.variable, inst);
    const derivative = (inst: Instance) =>
      ctx.engines.primary.derivative(lowerRole(claim, p.f, inst, ctx.engines), variable(inst));
    const expand = (expr: string, d: number) => expandConstruction({ target: '_', expr }, d, 1)[0]!.expr;
    const product = (inst: Instance) => p.factors.map((f) => `(${expand(f.expr, inst.d)})`).join(' * ');
    const factorisation = compareForms(
      {
        variables: claim.variables,
        dims: ctx.dims,
        points: [1],
        indices: [],
        build: (inst) => [product(inst), derivative(inst)] as const,
        seed: ctx.seed,
        label: 'factorisation',
      },
      ctx.engines,
    );
    const signVar = fill(p.signOf, inst0);
    const signs = p.factors.map((f) => proveSign(expand(f.expr, 2), p.positive, [signVar]));
    const unknown = signs.filter((s) => s === 'unknown').length;
    const signLines = p.factors.map((f, i) => `${f.label}: ${describeSign(signs[i]!)}`);
    const proofOfF = factorisation.status === 'equal' && unknown === 0;
    const tested: CompareOutcome[] = [factorisation];
    const outcomes: ReadingOutcome[] = p.readings.readings.map((r, i) => {
      const reading = readingOf(r);
      // Under the reading, is the printed f (a function of cos θ^n) the loss?
      const same = compareForms(
        {
          variables: claim.variables,
          dims: [2, 3],
          points: [1],
          indices: [],
          seed: ctx.seed,
          label: `reading-${i}`,
          build: (inst) =>
            [
              substitute(
                lowerRole(claim, p.f, inst, ctx.engines),
                [{ target: p.variable, expr: r.cosTheta }],
                inst.d,
                inst.N,
              ),
              lowerRole(claim, p.loss, inst, ctx.engines),
            ] as const,
        },
        ctx.engines,
      );
      tested.push(same);
      const search = searchLoss(claim, p, r.cosTheta, ctx, `search-${i}`);
      if (search.violations > 0) {
        return {
          ...reading,
          outcome: 'fails',
          summary: `${search.violations} of ${search.points} seeded points have ∂L/∂cos θ^n of sign opposite to y^n (slope ${search.slope!.toPrecision(4)} at the first)`,
          witness: {
            point: search.witness!,
            paperValue: `L_η ${search.witness![signVar] === '1' ? 'increasing' : 'decreasing'} in cos θ^n (y^n = ${search.witness![signVar]})`,
            ourValue: `∂L/∂cos θ^n = ${search.slope!.toPrecision(6)} along ‖η^n‖ = const`,
          },
        };
      }
      if (same.status === 'equal' && proofOfF) {
        return {
          ...reading,
          outcome: 'holds',
          summary: `the printed function of cos θ^n is the loss under this reading (${residualSummary(same)}); ∂f/∂cos θ^n = ${p.factors.map((f) => f.label).join(' · ')} with signs ${signLines.join(', ')}; no counterexample in ${search.points} points`,
        };
      }
      return {
        ...reading,
        outcome: 'undecided',
        summary: `no counterexample in ${search.points} points, but no proof (printed f ${same.status === 'equal' ? 'is' : 'is not shown to be'} the loss; factorisation ${factorisation.status}, ${unknown} factor(s) of unproven sign)`,
      };
    });
    return decideReadings({
      base: {
        ...base,
        ...(claim.latex.find((f) => f.role === 'factorised')
          ? { derivedLatex: claim.latex.find((f) => f.role === 'factorised')!.printed }
          : {}),
      },
      readings: readingsResult(p.readings, outcomes),
      evidence: {
        summary: `∂f/∂cos θ^n = ${p.factors.map((f) => f.label).join(' · ')} (${factorisation.status}: ${residualSummary(factorisation)}); signs: ${signLines.join(', ')}`,
        details: signLines,
      },
      basis: testedBasis(...tested),
    });
  },
});
