/**
 * Checks that the ε sets the paper states in different places (experimental setup, the random-noise paragraph,
 * Section 5.1, Appendix D, the table rows) agree: each set is parsed from its printed LaTeX or read from a table's ε
 * column, and every stated relation (equal, subset) is compared exactly.
 */
import { z } from 'zod';
import { defineChecker } from '../src/claims/checker.ts';
import { printedOf } from '../src/claims/load.ts';
import { type LoadedClaim } from '../src/claims/loaded.ts';
import type { Verdict } from '../src/claims/verdict.ts';
import { ClaimcheckError } from '../src/errors.ts';
import { epsMinus, parseLatexEpsSet, plainEps, type EpsValue } from '../src/tables/eps.ts';
import { show } from '../src/exact/rational.ts';
import { PaperTableSchema, parseTable } from '../src/tables/table.ts';

const SourceSchema = z.discriminatedUnion('from', [
  /** A printed LaTeX set: the claim's `latex` fragment of this role, as read from the paper. */
  z.object({ from: z.literal('latex'), role: z.string().min(1) }),
  /** The ε column of a table. */
  z.object({ from: z.literal('table'), table: PaperTableSchema }),
  /** A set the text implies: one named set minus another (e.g. the ε of Fig. 2 = setup minus the excluded range). */
  z.object({ from: z.literal('difference'), of: z.string().min(1), minus: z.string().min(1) }),
]);

const ParamsSchema = z.object({
  sets: z.array(z.object({ name: z.string().min(1), place: z.string().min(1), source: SourceSchema })).min(2),
  relations: z
    .array(
      z.object({
        a: z.string().min(1),
        b: z.string().min(1),
        relation: z.enum(['equal', 'subset']),
        /** Why the paper implies this relation. */
        why: z.string().min(1),
      }),
    )
    .min(1),
});

interface NamedSet {
  readonly name: string;
  readonly place: string;
  readonly elements: readonly EpsValue[];
}

function fmt(set: readonly EpsValue[]): string {
  return `{${set.map(plainEps).join(', ')}}`;
}

function fmtValues(set: readonly EpsValue[]): string {
  return set.map((e) => show(e.value)).join(', ');
}

function resolveSets(claim: LoadedClaim, params: z.infer<typeof ParamsSchema>): Map<string, NamedSet> {
  const out = new Map<string, NamedSet>();
  for (const s of params.sets) {
    let elements: readonly EpsValue[];
    const src = s.source;
    if (src.from === 'latex') {
      elements = parseLatexEpsSet(printedOf(claim, src.role, `params.sets (${s.name})`)).elements;
    } else if (src.from === 'table') {
      elements = parseTable(src.table).map((r) => r.eps);
    } else {
      const of = out.get(src.of);
      const minus = out.get(src.minus);
      if (!of || !minus) {
        throw new ClaimcheckError(
          'INVALID_RECORD',
          `claim record ${claim.id}: field params.sets (${s.name}): difference of unknown or later set "${of ? src.minus : src.of}"`,
        );
      }
      elements = epsMinus(of.elements, minus.elements);
    }
    if (out.has(s.name))
      throw new ClaimcheckError('INVALID_RECORD', `claim record ${claim.id}: duplicate set name "${s.name}"`);
    out.set(s.name, { name: s.name, place: s.place, elements });
  }
  return out;
}

/** The `eps-sets` checker: do the ε sets stated in different places of the paper agree? */
export const epsSets = defineChecker({
  kind: 'eps-sets',
  verdicts: ['confirmed', 'refuted'],
  description:
    'the ε sets stated in different places agree (parsed from the printed LaTeX and the tables, compared exactly)',
  params: ParamsSchema,
  check(claim, params, ctx): Verdict {
    const base = { claimId: claim.id, seed: ctx.seed, checker: 'eps-sets' } as const;
    const sets = resolveSets(claim, params);
    const get = (name: string): NamedSet => {
      const s = sets.get(name);
      if (!s)
        throw new ClaimcheckError(
          'INVALID_RECORD',
          `claim record ${claim.id}: field params.relations: unknown set "${name}"`,
        );
      return s;
    };
    const results = params.relations.map((r) => {
      const a = get(r.a);
      const b = get(r.b);
      const aNotB = epsMinus(a.elements, b.elements);
      const bNotA = r.relation === 'equal' ? epsMinus(b.elements, a.elements) : [];
      return { r, a, b, aNotB, bNotA, holds: aNotB.length === 0 && bNotA.length === 0 };
    });
    const details = results.map(
      ({ r, a, b, aNotB, bNotA, holds }) =>
        `${a.place} ${fmt(a.elements)} ${r.relation === 'equal' ? '=' : '⊆'} ${b.place} ${fmt(b.elements)}: ` +
        (holds
          ? 'holds'
          : `FAILS${aNotB.length ? `; only in ${a.name}: ${fmt(aNotB)}` : ''}${bNotA.length ? `; only in ${b.name}: ${fmt(bNotA)}` : ''}`) +
        ` (${r.why})`,
    );
    const data = {
      sets: [...sets.values()].map((s) => ({
        name: s.name,
        place: s.place,
        printed: fmt(s.elements),
        values: fmtValues(s.elements),
      })),
      relations: results.map(({ r, aNotB, bNotA, holds }) => ({
        a: r.a,
        b: r.b,
        relation: r.relation,
        holds,
        onlyInA: aNotB.map(plainEps),
        onlyInB: bNotA.map(plainEps),
      })),
    };
    const failed = results.filter((x) => !x.holds);
    if (failed.length > 0) {
      const f = failed[0]!;
      const missing = [
        ...f.aNotB.map((e) => `${plainEps(e)} only in ${f.a.name}`),
        ...f.bNotA.map((e) => `${plainEps(e)} only in ${f.b.name}`),
      ];
      return {
        ...base,
        status: 'refuted',
        witness: {
          point: { a: f.a.place, b: f.b.place, relation: f.r.relation, mismatch: missing.join('; ') },
          paperValue: `${f.a.name} = ${fmt(f.a.elements)}`,
          ourValue: `${f.b.name} = ${fmt(f.b.elements)}`,
        },
        evidence: {
          summary: `${failed.length} of ${results.length} relations fail: ${failed
            .map((x) => `${x.a.name} vs ${x.b.name} (${[...x.aNotB, ...x.bNotA].map(plainEps).join(', ')})`)
            .join('; ')}`,
          details,
          data,
        },
      };
    }
    return {
      ...base,
      status: 'confirmed',
      basis: { kind: 'proved', method: 'exact rational comparison of the printed sets' },
      evidence: { summary: `all ${results.length} relations between ${sets.size} stated ε sets hold`, details, data },
    };
  },
});
