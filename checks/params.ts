/** Parameter schemas shared by the checkers. */
import { z } from 'zod';
import type { ReadingOutcome, ReadingsResult } from '../src/claims/verdict.ts';

/** A pattern substitution / construction: `target` and `expr` with `{k}`, `{n}` placeholders and `NORM(base)`. */
export const ConstructionSchema = z.object({ target: z.string().min(1), expr: z.string().min(1) });

/** A consequence of a condition, checked at points that satisfy it: `lhs` = `rhs` (patterns as above). */
export const ConsequenceSchema = z.object({ statement: z.string().min(1), lhs: z.string().min(1), rhs: z.string().min(1) });

/** Where an assumption or a reading comes from (`Source` of src/claims/verdict.ts). */
export const SourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paper'), quote: z.string().min(1) }),
  z.object({ kind: z.literal('claimcheck'), reason: z.string().min(1) }),
]);

/** An assumption of the registry `proofs/_data/assumptions.ts`. */
export const AssumptionSchema = z.object({ id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), statement: z.string().min(1), source: SourceSchema });

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
export function readingOf(r: { readonly id: string; readonly statement: string; readonly literal: boolean; readonly statedQuote?: string | undefined }): { id: string; statement: string; literal: boolean; statedQuote?: string } {
  return { id: r.id, statement: r.statement, literal: r.literal, ...(r.statedQuote !== undefined ? { statedQuote: r.statedQuote } : {}) };
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
      .refine((rs) => (rs as readonly { literal: boolean }[]).filter((r) => r.literal).length <= 1, 'at most one literal reading')
      .refine((rs) => new Set((rs as readonly { id: string }[]).map((r) => r.id)).size === rs.length, 'reading ids must be unique'),
  });
}

/** The verdict's record of the readings: the convention, its question and words, and the outcome under each. */
export function readingsResult(r: { readonly convention: string; readonly question: string; readonly quote?: string | undefined }, outcomes: readonly ReadingOutcome[]): ReadingsResult {
  return { convention: r.convention, question: r.question, ...(r.quote ? { quote: r.quote } : {}), outcomes };
}
