/** Parameter schemas shared by the symbolic checkers. */
import { z } from 'zod';

/** A pattern substitution / construction: `target` and `expr` with `{k}`, `{n}` placeholders and `NORM(base)`. */
export const ConstructionSchema = z.object({ target: z.string().min(1), expr: z.string().min(1) });

/** A consequence of a condition, checked at points that satisfy it: `lhs` = `rhs` (patterns as above). */
export const ConsequenceSchema = z.object({ statement: z.string().min(1), lhs: z.string().min(1), rhs: z.string().min(1) });

/** A condition under which a claim may hold, given as the constructions that make a point satisfy it. */
export const ConditionSchema = z.object({
  statement: z.string().min(1),
  constructions: z.array(ConstructionSchema).min(1),
  consequences: z.array(ConsequenceSchema).default([]),
});
export type Condition = z.infer<typeof ConditionSchema>;
