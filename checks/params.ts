/** Parameter schemas shared by the checkers. */
import { z } from 'zod';
import type { ReadingOutcome, ReadingsResult } from '../src/claims/verdict.ts';
import { ClaimcheckError } from '../src/errors.ts';

/** A pattern substitution / construction: `target` and `expr` with `{k}`, `{n}` placeholders and `NORM(base)`. */
export const ConstructionSchema = z.object({ target: z.string().min(1), expr: z.string().min(1) });

/** A consequence of a condition, checked at points that satisfy it: `lhs` = `rhs` (patterns as above). */
export const ConsequenceSchema = z.object({
  statement: z.string().min(1),
  lhs: z.string().min(1),
  rhs: z.string().min(1),
});

/** Where an assumption or a reading comes from (`Source` of src/claims/verdict.ts). */
export const SourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paper'), quote: z.string().min(1) }),
  z.object({ kind: z.literal('claimcheck'), reason: z.string().min(1) }),
]);

/** An assumption of the registry `proofs/_data/assumptions.ts`. */
export const AssumptionSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  statement: z.string().min(1),
  source: SourceSchema,
});

/** A condition under which a claim may hold: the assumption, and the constructions that make a point satisfy it. */
export const ConditionSchema = z.object({
  assumption: AssumptionSchema,
  constructions: z.array(ConstructionSchema).min(1),
  consequences: z.array(ConsequenceSchema).default([]),
});
export type Condition = z.infer<typeof ConditionSchema>;

/** The fields every reading has (`Reading` of src/claims/verdict.ts); checkers extend it with what a reading means. */
export const ReadingFields = {
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  statement: z.string().min(1),
  literal: z.boolean().default(false),
  statedQuote: z.string().min(1).optional(),
};

/** The fields of a reading a verdict records (`Reading` of src/claims/verdict.ts). */
export function readingOf(r: {
  readonly id: string;
  readonly statement: string;
  readonly literal: boolean;
  readonly statedQuote?: string | undefined;
}): { id: string; statement: string; literal: boolean; statedQuote?: string } {
  return {
    id: r.id,
    statement: r.statement,
    literal: r.literal,
    ...(r.statedQuote !== undefined ? { statedQuote: r.statedQuote } : {}),
  };
}

/** A convention's readings with the question they answer; `convention` names a shared convention or is the claim's own. */
export function readingsSchema<R extends z.ZodRawShape>(meaning: R) {
  return z.object({
    convention: z.string().min(1),
    question: z.string().min(1),
    /** The paper's words that admit the readings, verbatim (a test finds them in the paper text). */
    quote: z.string().min(1).optional(),
    readings: z
      .array(z.object({ ...ReadingFields, ...meaning }))
      .min(1)
      .refine(
        (rs) => (rs as readonly { literal: boolean }[]).filter((r) => r.literal).length <= 1,
        'at most one literal reading',
      )
      .refine(
        (rs) => new Set((rs as readonly { id: string }[]).map((r) => r.id)).size === rs.length,
        'reading ids must be unique',
      ),
  });
}

/** The verdict's record of the readings: the convention, its question and words, and the outcome under each. */
export function readingsResult(
  r: { readonly convention: string; readonly question: string; readonly quote?: string | undefined },
  outcomes: readonly ReadingOutcome[],
): ReadingsResult {
  return { convention: r.convention, question: r.question, ...(r.quote ? { quote: r.quote } : {}), outcomes };
}

/** A placeholder `{{name}}` in a record's correction: a number the checker computes (names are letters, digits, `_`). */
const PLACEHOLDER = /\{\{([A-Za-z0-9_]+)\}\}/g;

function placeholders(text: string | undefined): string[] {
  return text === undefined ? [] : [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** What a record's correction is: `{ latex?, statement? }`, at least one (see `correctionSchema`). */
export interface CorrectionText {
  readonly latex?: string | undefined;
  readonly statement?: string | undefined;
}

/**
 * The schema of `params.correction`, the one field in which a record says what the paper should say, for every
 * checker that attaches a correction to its verdicts: the corrected formula in LaTeX (`latex`), the corrected
 * statement in words (`statement`), or both. The words are the record's, as they are specific to the claim; the
 * checker checks the correction with the same machinery as the claim and attaches the outcome (`Correction` of
 * src/claims/verdict.ts), and never writes a claim's correction itself. Where the correction holds numbers the
 * checker computes (a corrected figure number, an exact coefficient), the text holds the placeholder `{{name}}` and
 * the checker fills it in (`fillCorrection`); `fills` lists the names a checker computes, which the text must all use,
 * or a pattern of them where their number depends on the claim, and the record may use no other. `needs` names the
 * part the checker reads (the formula it checks, or the words it fills).
 * A checker that needs a correction declares the field required, so a record of its kind without one is an
 * INVALID_RECORD error naming the record when it is loaded.
 */
export function correctionSchema(
  opts: { readonly fills?: readonly string[] | RegExp; readonly needs?: 'latex' | 'statement' } = {},
) {
  const fills = opts.fills ?? [];
  const known = (name: string) => (fills instanceof RegExp ? fills.test(name) : fills.includes(name));
  const what =
    fills instanceof RegExp
      ? `names matching ${String(fills)}`
      : fills.length > 0
        ? fills.map((n) => `{{${n}}}`).join(', ')
        : 'none';
  return z
    .object(
      {
        /** The corrected formula, in LaTeX. */
        latex: z.string().min(1).optional(),
        /** The corrected statement, in words. */
        statement: z.string().min(1).optional(),
      },
      {
        error: (iss) =>
          iss.input === undefined
            ? 'required: this checker attaches a correction, and the record must say what the paper should say'
            : undefined,
      },
    )
    .strict()
    .superRefine((c, ctx) => {
      if (c.latex === undefined && c.statement === undefined)
        ctx.addIssue({ code: 'custom', message: 'give latex, statement or both' });
      if (opts.needs !== undefined && c[opts.needs] === undefined)
        ctx.addIssue({
          code: 'custom',
          path: [opts.needs],
          message: `required: this checker reads the ${opts.needs === 'latex' ? 'corrected formula' : 'corrected statement'}`,
        });
      if (Array.isArray(fills)) {
        const used = [...placeholders(c.latex), ...placeholders(c.statement)];
        const unused = fills.filter((n) => !used.includes(n));
        if (unused.length > 0)
          ctx.addIssue({
            code: 'custom',
            message: `the text does not use ${unused.map((n) => `{{${n}}}`).join(', ')}: the checker computes it; write the placeholder, not the number`,
          });
      }
      for (const part of ['latex', 'statement'] as const) {
        const unknown = placeholders(c[part]).filter((n) => !known(n));
        if (unknown.length > 0)
          ctx.addIssue({
            code: 'custom',
            path: [part],
            message: `unknown placeholder ${unknown.map((n) => `{{${n}}}`).join(', ')} (this checker fills ${what})`,
          });
      }
    });
}

/**
 * The record's correction with each `{{name}}` replaced by the value the checker computed. The text must use every
 * value given and no other placeholder (the numbers are computed, never written in the record): otherwise an
 * INVALID_RECORD error naming the record.
 */
export function fillCorrection(
  claimId: string,
  c: CorrectionText,
  values: Readonly<Record<string, string>> = {},
): { latex?: string; statement?: string } {
  const used = new Set([...placeholders(c.latex), ...placeholders(c.statement)]);
  const missing = [...used].filter((n) => !Object.hasOwn(values, n));
  if (missing.length > 0) {
    throw new ClaimcheckError(
      'INVALID_RECORD',
      `claim record ${claimId}: field params.correction: no computed value for ${missing.map((n) => `{{${n}}}`).join(', ')} (computed: ${
        Object.keys(values)
          .map((n) => `{{${n}}}`)
          .join(', ') || 'none'
      })`,
    );
  }
  const unused = Object.keys(values).filter((n) => !used.has(n));
  if (unused.length > 0) {
    throw new ClaimcheckError(
      'INVALID_RECORD',
      `claim record ${claimId}: field params.correction: the text does not use the computed ${unused.map((n) => `{{${n}}}`).join(', ')}; write the placeholder, not the number`,
    );
  }
  const fill = (text: string) => text.replace(PLACEHOLDER, (_, n: string) => values[n]!);
  return {
    ...(c.latex !== undefined ? { latex: fill(c.latex) } : {}),
    ...(c.statement !== undefined ? { statement: fill(c.statement) } : {}),
  };
}
