/**
 * The schema of a claim record (`proofs/*.ts`): validated with zod when a record is loaded, so a malformed record
 * fails with the record's id and the offending field instead of surfacing as a wrong verdict.
 */
import { z } from 'zod';
import { LocatorSchema } from '../paper/locate.ts';

/** Domain of one variable of a claim. */
export const DomainSchema = z.discriminatedUnion('type', [
  /** y ∈ {−1, 1}. */
  z.object({ type: z.literal('sign') }),
  /** A real interval; open ends are excluded from sampling. */
  z.object({
    type: z.literal('interval'),
    lo: z.number(),
    hi: z.number(),
    loOpen: z.boolean().default(false),
    hiOpen: z.boolean().default(false),
  }),
  /** A vector in ℝ^d with components in [lo, hi] and a lower bound on its L2 norm (‖w‖ > 0 …). */
  z.object({
    type: z.literal('vector'),
    lo: z.number(),
    hi: z.number(),
    minNorm: z.number().min(0).default(0),
  }),
  /** An integer range (dimension d, number of points N). */
  z.object({ type: z.literal('integer'), min: z.number().int(), max: z.number().int() }),
]);
export type Domain = z.infer<typeof DomainSchema>;

export const VariableSchema = z.object({
  /** The symbol as the paper writes it (LaTeX), e.g. `\varepsilon`, `\bm{w}`. */
  symbol: z.string().min(1),
  /** The name engines see (`eps`, `w`, `y`, …): never `e`, which every engine reads as Euler's number. */
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'an engine-safe identifier'),
  domain: DomainSchema,
  description: z.string().min(1),
});
export type Variable = z.infer<typeof VariableSchema>;

export const LocationSchema = z.object({
  /** Section number or appendix letter as printed, e.g. "3.2", "Appendix B", "5.1". */
  section: z.string().min(1),
  /** Equation label as printed, e.g. "(8)". */
  equation: z.string().optional(),
  /** Line of a multi-line derivation (1-based), e.g. Appendix B line 3. */
  line: z.number().int().positive().optional(),
  /** Table or figure label, e.g. "Table 3". */
  table: z.string().optional(),
});
export type Location = z.infer<typeof LocationSchema>;

/**
 * One LaTeX fragment of the paper. A record names where it stands (`at`) and the loader reads it from the paper text at
 * run time, so a revised paper is checked as printed in it. `printed` gives the text itself: for constructed claims in
 * tests only, as `loadClaims` refuses it in the registry.
 */
export const LatexFragmentSchema = z
  .object({
    at: LocatorSchema.optional(),
    printed: z.string().min(1).optional(),
    /** What the fragment is in the claim: `lhs`, `rhs`, `condition`, `definition`, … */
    role: z.string().min(1),
    /** Whether the fragment is parsed into an expression (display formulas that are checked are). */
    parse: z.boolean().default(true),
    /**
     * For a fragment the checker does not read but models (its meaning is checked on a model written for the shipped
     * text): the first 16 hex digits of the sha256 of that text. A version that prints something else gives an
     * inconclusive verdict saying so, never the model's verdict about a formula it does not model.
     */
    modelled: z
      .string()
      .regex(/^[0-9a-f]{16}$/, '16 hex digits of a sha256')
      .optional(),
  })
  .refine((f) => (f.at === undefined) !== (f.printed === undefined), 'give exactly one of at (a locator) and printed');
export type LatexFragment = z.output<typeof LatexFragmentSchema>;

export const ClaimRecordSchema = z
  .object({
    /** Sort key and file name stem: `eq08-gradient`, `appB-l3-…`, `tab3-gap`. */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase words joined by "-"'),
    title: z.string().min(1),
    /** The claim in one line, as the paper makes it. */
    statement: z.string().min(1),
    location: LocationSchema,
    /** Which checker in `checks/` decides this claim. */
    kind: z.string().min(1),
    /**
     * What a failure of this claim alone would change (the severity rule of src/claims/findings.ts): `result` (a
     * theorem, lemma, conclusion or reported number), `derivation` (a formula or derivation step), `presentation`
     * (notation, a cross-reference, a listed set, wording).
     */
    category: z.enum(['result', 'derivation', 'presentation']),
    latex: z.array(LatexFragmentSchema).default([]),
    /**
     * Text quoted verbatim from the paper; a paper version without it does not make this claim. `{ table: "Table N" }`
     * quotes the rows printed under that table, read from the paper.
     */
    quote: z
      .union([z.string(), z.object({ table: z.string().regex(/^Table \d+$/, 'a label like "Table 1"') }).strict()])
      .optional(),
    /** True when a formula could not be parsed mechanically and was transcribed by hand. */
    transcribed: z.boolean().default(false),
    /** The hand transcription (mathjs syntax), required when `transcribed` is true. */
    transcription: z.string().optional(),
    variables: z.array(VariableSchema).default([]),
    assumptions: z.array(z.string().min(1)).default([]),
    /** Ids of claims this one builds on. */
    dependsOn: z.array(z.string()).default([]),
    /**
     * The id of an assumption of `proofs/_data/assumptions.ts` that this sentence states or presumes as a fact: when
     * it is not confirmed it joins the finding of the claims that hold only under that assumption.
     */
    states: z.string().optional(),
    /**
     * The experiments whose measurements this claim's checker reads (ids of src/experiments/registry.ts, e.g.
     * `mnist2`): reporting the claim runs them, its checker receives exactly their data (`CheckContext.measurements`),
     * and its cached verdict depends on their results. An experiment's claims are the records that name it.
     */
    measurements: z.array(z.string().min(1)).default([]),
    /** Checker-specific parameters, validated by the checker's own schema at load time. */
    params: z.record(z.string(), z.unknown()).default({}),
  })
  .superRefine((rec, ctx) => {
    if (rec.transcribed && !rec.transcription) {
      ctx.addIssue({ code: 'custom', path: ['transcription'], message: 'required when transcribed is true' });
    }
    for (const [i, v] of rec.variables.entries()) {
      const d = v.domain;
      const empty =
        (d.type === 'interval' && (d.lo > d.hi || (d.lo === d.hi && (d.loOpen || d.hiOpen)))) ||
        (d.type === 'integer' && d.min > d.max) ||
        (d.type === 'vector' && (d.lo > d.hi || (d.minNorm > 0 && Math.max(Math.abs(d.lo), Math.abs(d.hi)) === 0)));
      if (empty)
        ctx.addIssue({ code: 'custom', path: ['variables', i, 'domain'], message: `empty domain for ${v.name}` });
    }
  });

/** A claim record as written in `proofs/` (input type: defaults may be omitted). */
export type ClaimRecordInput = z.input<typeof ClaimRecordSchema>;
/** A claim record after validation (defaults filled). */
export type ClaimRecord = z.output<typeof ClaimRecordSchema>;

/** Identity helper that types a record literal in `proofs/` without changing it. */
export function claim(record: ClaimRecordInput): ClaimRecordInput {
  return record;
}
