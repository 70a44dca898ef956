/**
 * Decides the eigen-structure of s·(δ_ij − w*_i w*_j/‖w*‖²): with H the matrix built from the printed entries, it
 * zero-tests H² = s·H (so every eigenvalue is 0 or s) and trace H = (d − 1)s (so s has multiplicity d − 1 and 0
 * multiplicity 1), for every d tried; the sign of s is proved from its structure.
 */
import { z } from 'zod';
import { defineChecker } from '../src/claims/checker.ts';
import type { Verdict } from '../src/claims/verdict.ts';
import { compareForms, residualSummary, symbolicWitness, testedBasis, witnessStands } from '../src/decide/compare.ts';
import { lowerRole, type Instance } from '../src/decide/formula.ts';
import { proveSign, describeSign } from '../src/decide/sign.ts';

const Params = z.object({
  matrix: z.string().default('matrix'),
  /** Role of the scale s (absent: s = 1). */
  scale: z.string().optional(),
  positive: z.array(z.string()).default([]),
});
type P = z.infer<typeof Params>;

/** Eigenvalues and multiplicities of a scaled projector, decided by zero tests of H² = sH and tr H = (d − 1)s. */
export const projectorSpectrum = defineChecker<P>({
  kind: 'projector-spectrum',
  verdicts: ['confirmed', 'refuted', 'inconclusive'],
  description:
    'eigenvalues {s (×(d−1)), 0 (×1)} of s(I − ŵŵᵀ): zero tests of H² = sH and trace H = (d−1)s, sign of s proved',
  params: Params as unknown as z.ZodType<P>,
  check(claim, p, ctx): Verdict {
    const base = { claimId: claim.id, seed: ctx.seed, checker: 'projector-spectrum' } as const;
    const entry = (inst: Instance, i: number, j: number) =>
      lowerRole(claim, p.matrix, { ...inst, bind: new Map([...inst.bind, ['i', i], ['j', j]]) }, ctx.engines);
    const scale = (inst: Instance) => (p.scale ? lowerRole(claim, p.scale, inst, ctx.engines) : '1');
    const idempotent = compareForms(
      {
        variables: claim.variables,
        dims: ctx.dims,
        points: [2],
        indices: ['i', 'j'],
        seed: ctx.seed,
        label: 'square',
        build: (inst) => {
          const i = inst.bind.get('i')!;
          const j = inst.bind.get('j')!;
          const sq = Array.from(
            { length: inst.d },
            (_, k) => `(${entry(inst, i, k + 1)}) * (${entry(inst, k + 1, j)})`,
          ).join(' + ');
          return [sq, `(${scale(inst)}) * (${entry(inst, i, j)})`] as const;
        },
      },
      ctx.engines,
    );
    const trace = compareForms(
      {
        variables: claim.variables,
        dims: ctx.dims,
        points: [2],
        indices: [],
        seed: ctx.seed,
        label: 'trace',
        build: (inst) =>
          [
            Array.from({ length: inst.d }, (_, k) => `(${entry(inst, k + 1, k + 1)})`).join(' + '),
            `(${inst.d - 1}) * (${scale(inst)})`,
          ] as const,
      },
      ctx.engines,
    );
    const s = proveSign(scale({ d: 2, N: 2, bind: new Map() }), p.positive, []);
    const summary = `H² = s·H (${idempotent.status}) and trace H = (d−1)·s (${trace.status}) for d ∈ {${ctx.dims.join(', ')}}; s is ${describeSign(s)}`;
    if (idempotent.status === 'equal' && trace.status === 'equal' && s !== 'unknown') {
      return {
        ...base,
        status: 'confirmed',
        basis: testedBasis(idempotent, trace),
        evidence: {
          summary: `eigenvalues s with multiplicity d − 1 and 0 with multiplicity 1: ${summary}`,
          details: [residualSummary(idempotent), residualSummary(trace)],
        },
      };
    }
    const bad = idempotent.status === 'different' ? idempotent : trace.status === 'different' ? trace : undefined;
    const witness = bad ? symbolicWitness(bad) : undefined;
    if (witness && witnessStands(witness)) {
      return { ...base, status: 'refuted', witness, evidence: { summary } };
    }
    return { ...base, status: 'inconclusive', reason: summary, evidence: { summary } };
  },
});
