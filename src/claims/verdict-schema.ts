/**
 * The shape of a verdict as data (`src/claims/verdict.ts`), for verdicts read back from JSON (the result cache): a
 * stored verdict that does not parse is never used. A compile-time check keeps the schema and the types in step.
 */
import { z } from 'zod';
import type { Verdict } from './verdict.ts';

const Enclosure = z.object({
  lo: z.string(),
  hi: z.string(),
  excludesZero: z.boolean(),
  digits: z.number(),
  method: z.string(),
});
const Witness = z.object({
  point: z.record(z.string(), z.string()),
  paperValue: z.string(),
  ourValue: z.string(),
  enclosure: Enclosure.optional(),
});
const Source = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paper'), quote: z.string() }),
  z.object({ kind: z.literal('claimcheck'), reason: z.string() }),
]);
const Answer = z.object({
  status: z.enum(['yes', 'no', 'partly', 'unknown']),
  summary: z.string(),
  details: z.array(z.string()).optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});
const Evidence = z.object({
  summary: z.string(),
  details: z.array(z.string()).optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});
const Reading = z.object({
  id: z.string(),
  statement: z.string(),
  literal: z.boolean(),
  statedQuote: z.string().optional(),
});
const ReadingOutcome = Reading.extend({
  outcome: z.enum(['holds', 'fails', 'undecided']),
  summary: z.string(),
  witness: Witness.optional(),
});
const Condition = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('assumption'),
    assumption: z.object({ id: z.string(), statement: z.string(), source: Source }),
    check: z.object({
      satisfiable: Answer,
      forces: z.array(z.object({ statement: z.string(), status: z.enum(['forced', 'not-forced', 'undecided']) })),
      whereItMatters: Answer,
    }),
  }),
  z.object({ kind: z.literal('reading'), convention: z.string(), reading: Reading }),
]);
const Robustness = z.object({
  summary: z.string(),
  protocols: z.array(
    z.object({ id: z.string(), label: z.string(), source: z.string(), seeds: z.number(), verdict: z.string() }),
  ),
  replicates: z.array(
    z.object({
      protocol: z.string(),
      replicate: z.number(),
      seed: z.number(),
      verdict: z.string(),
      summary: z.string(),
    }),
  ),
  thresholds: z.array(
    z.object({
      name: z.string(),
      value: z.number(),
      band: z.number(),
      source: Source,
      flipsAt: z.number().nullable(),
      flipsTo: z.string().nullable(),
      fragile: z.boolean(),
    }),
  ),
  fragile: z.boolean(),
  splits: z.object({ train: z.number(), test: z.number(), paperTrain: z.number(), paperTest: z.number() }).optional(),
});
const Base = {
  claimId: z.string().min(1),
  seed: z.number(),
  evidence: Evidence,
  engines: z.array(z.object({ engine: z.string(), agrees: z.boolean().nullable(), note: z.string() })).optional(),
  derivedLatex: z.string().optional(),
  correction: z
    .object({
      latex: z.string().optional(),
      statement: z.string().optional(),
      check: z.enum(['confirmed', 'refuted', 'inconclusive']),
      evidence: z.string(),
    })
    .optional(),
  checker: z.string(),
  readings: z
    .object({
      convention: z.string(),
      question: z.string(),
      quote: z.string().optional(),
      outcomes: z.array(ReadingOutcome),
    })
    .optional(),
  robustness: Robustness.optional(),
};

/** A verdict of any status, as `Verdict` describes it. */
export const VerdictSchema = z.discriminatedUnion('status', [
  z.object({
    ...Base,
    status: z.literal('confirmed'),
    basis: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('proved'), method: z.string() }),
      z.object({ kind: z.literal('tested'), what: z.string() }),
    ]),
  }),
  z.object({ ...Base, status: z.literal('refuted'), witness: Witness }),
  z.object({
    ...Base,
    status: z.literal('holds-under'),
    condition: Condition,
    witness: Witness,
    underCondition: Evidence,
  }),
  z.object({ ...Base, status: z.literal('inconclusive'), reason: z.string() }),
]);

/** Compile-time: what the schema accepts is a `Verdict`. */
export const verdictSchemaMatchesType: z.infer<typeof VerdictSchema> extends Verdict ? true : never = true;
