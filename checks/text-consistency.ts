/**
 * The `text-consistency` checker: editorial statements decided by parsing the paper's own words.
 * - `lists`: sentences of the form "We used three datasets: A, B, and C." — each stated count against the items it
 *   lists (citations "Author et al. (year)" removed), and the lists against each other under each reading: `same`
 *   (they list the same items) or `superset-explained` (the second adds items, each named again in a sentence the
 *   record quotes that says what it is);
 * - `label`: a cross-reference "Eq. (k)" against the labels the paper prints at the end of its display equations;
 * - `pair`: "X and Y mean …" where two different things are named — the two printed symbols must differ.
 */
import { z } from 'zod';
import { defineChecker } from '../src/claims/checker.ts';
import type { ReadingOutcome, Verdict } from '../src/claims/verdict.ts';
import { decideReadings } from '../src/claims/readings.ts';
import { readingOf, readingsResult, readingsSchema } from './params.ts';
import { ClaimcheckError } from '../src/errors.ts';
import { verdictBase } from './_internals/meaning.ts';

const ParamsSchema = z.discriminatedUnion('form', [
  z.object({
    form: z.literal('lists'),
    /** Sentences that state a count and list the items, verbatim (each is asserted to occur in the paper). */
    lists: z.array(z.object({ where: z.string().min(1), quote: z.string().min(1) })).length(2),
    /** For items only the second list has: a sentence of the paper naming the item and saying what it is (verbatim). */
    explained: z.array(z.object({ item: z.string().min(1), quote: z.string().min(1) })).default([]),
    readings: readingsSchema({ relation: z.enum(['same', 'superset-explained']) }),
  }),
  z.object({
    form: z.literal('pair'),
    /** A regular expression matching the printed symbols in the claim's quote; the first two matches are the pair. */
    symbol: z
      .string()
      .min(1)
      .refine((src) => {
        try {
          return !new RegExp(src).test('');
        } catch {
          return false;
        }
      }, 'must be a valid regular expression that does not match the empty string'),
    /** What the second should be, where the sentence shows it (e.g. the symbol of the other model). */
    expected: z.string().min(1),
  }),
  z.object({
    form: z.literal('label'),
    /** The cross-reference as printed in the claim's quote, e.g. "Eq.\u00a0(2.1)". */
    citation: z.string().min(1),
    /** The labels the paper prints at the end of its display equations ("(1)" … "(15)"); a test asserts they are all. */
    labels: z.array(z.string().regex(/^\(\d+(\.\d+)?\)$/)).min(1),
  }),
]);

const NUMBERS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

/**
 * The stated count and the listed items of "… <count> [adjectives] <noun>: A, B, and C." The count is the number word
 * (or numeral) nearest before the colon; citations "Author et al. (year)" and "Author and Author (year)" are removed;
 * items are split at commas, semicolons and "and".
 */
export function parseList(sentence: string): { count: number | null; items: string[] } {
  const colon = sentence.indexOf(':');
  if (colon < 0) return { count: null, items: [] };
  const head = sentence.slice(0, colon);
  const counts = [...head.matchAll(/\b(one|two|three|four|five|six|seven|eight|nine|ten|\d+)\b/gi)];
  const last = counts.at(-1);
  if (!last) return { count: null, items: [] };
  const word = last[1]!.toLowerCase();
  const count = /^\d+$/.test(word) ? Number(word) : (NUMBERS[word] ?? null);
  const body = sentence
    .slice(colon + 1)
    .trim()
    .replace(/\.$/, '')
    .replace(/[\s\u00a0]+[A-Z][\w-]+(?: et al\.| and [A-Z][\w-]+)\s*\(\d{4}\)/g, '');
  const items = body
    .split(/[,;]\s*(?:and\s+)?|\s+and\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return { count, items };
}

/** The `text-consistency` checker. */
export const textConsistency = defineChecker({
  kind: 'text-consistency',
  verdicts: ['confirmed', 'refuted', 'holds-under', 'inconclusive'],
  description:
    'editorial consistency from the paper’s words: stated counts against listed items, cross-references against printed labels',
  params: ParamsSchema,
  check(claim, params, ctx): Verdict {
    const base = verdictBase(claim, ctx, 'text-consistency');
    if (params.form === 'pair') {
      const q = claim.quote ?? '';
      const found = [...q.matchAll(new RegExp(params.symbol, 'g'))];
      if (found.length < 2)
        throw new ClaimcheckError(
          'INVALID_RECORD',
          `claim record ${claim.id}: field params.symbol: fewer than two matches in the quote`,
        );
      const [a, b] = [found[0]!, found[1]!];
      const first = a[0];
      const second = b[0];
      const i = a.index;
      const j = b.index;
      const summary = `the sentence names ${first} and ${second}`;
      if (first !== second)
        return {
          ...base,
          status: 'confirmed',
          basis: { kind: 'proved', method: 'exact comparison of the printed symbols' },
          evidence: { summary: `${summary}: two different symbols` },
        };
      return {
        ...base,
        status: 'refuted',
        witness: {
          point: { quote: q.slice(Math.max(0, i - 20), j + second.length) },
          paperValue: `two things: ${first} and ${second}`,
          ourValue: `the same symbol twice; the second should be ${params.expected}`,
        },
        evidence: { summary: `${summary}: the same symbol twice` },
        correction: {
          statement: `${first} and ${params.expected}`,
          check: 'confirmed',
          evidence: 'the sentence compares the optima at ε_a and ε_b, whose symbols it printed just before',
        },
      };
    }
    if (params.form === 'label') {
      if (!claim.quote?.includes(params.citation)) {
        throw new ClaimcheckError(
          'INVALID_RECORD',
          `claim record ${claim.id}: field params.citation: "${params.citation}" is not in the quote`,
        );
      }
      const label = /\(([^)]+)\)/.exec(params.citation)?.[0] ?? '';
      const numbers = params.labels.map((l) => l.slice(1, -1));
      const summary = `cited ${params.citation}; the paper's display equations are labelled ${params.labels[0]}–${params.labels[params.labels.length - 1]} (${params.labels.length} labels)`;
      if (params.labels.includes(label)) {
        return {
          ...base,
          status: 'confirmed',
          basis: { kind: 'proved', method: 'exact comparison with the printed equation labels' },
          evidence: { summary: `${summary}: the label exists` },
        };
      }
      const section = label.slice(1, -1);
      return {
        ...base,
        status: 'refuted',
        witness: {
          point: { citation: params.citation },
          paperValue: `an equation labelled ${label}`,
          ourValue: `no display equation carries ${label}; labels are ${numbers.join(', ')}${section.includes('.') ? `; ${section} is a section number` : ''}`,
        },
        evidence: { summary: `${summary}: ${label} is none of them` },
      };
    }
    const parsed = params.lists.map((l) => ({ ...l, ...parseList(l.quote) }));
    const unparsed = parsed.find((p) => p.count === null || p.items.length === 0);
    if (unparsed)
      throw new ClaimcheckError(
        'INVALID_RECORD',
        `claim record ${claim.id}: field params.lists: no "<count> …: items" in "${unparsed.quote}"`,
      );
    const details = parsed.map((p) => `${p.where}: states ${p.count}, lists ${p.items.length}: ${p.items.join(', ')}`);
    const [first, second] = [parsed[0]!, parsed[1]!];
    const miscounted = parsed.find((p) => p.count !== p.items.length);
    const onlyFirst = first.items.filter((i) => !second.items.includes(i));
    const onlySecond = second.items.filter((i) => !first.items.includes(i));
    const unexplained = onlySecond.filter(
      (i) =>
        !params.explained.some(
          (e) => e.item === i && new RegExp(`\\b${i.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(e.quote),
        ),
    );
    const countWitness = miscounted
      ? {
          point: { where: miscounted.where },
          paperValue: `${miscounted.count} items`,
          ourValue: `${miscounted.items.length} listed: ${miscounted.items.join(', ')}`,
        }
      : undefined;
    const outcomes: ReadingOutcome[] = params.readings.readings.map((r) => {
      const reading = readingOf(r);
      if (countWitness)
        return {
          ...reading,
          outcome: 'fails',
          summary: `${miscounted!.where} states ${miscounted!.count} but lists ${miscounted!.items.length}`,
          witness: countWitness,
        };
      if (r.relation === 'same') {
        return onlyFirst.length === 0 && onlySecond.length === 0
          ? { ...reading, outcome: 'holds', summary: 'the lists agree' }
          : {
              ...reading,
              outcome: 'fails',
              summary: `only in ${first.where}: ${onlyFirst.join(', ') || 'none'}; only in ${second.where}: ${onlySecond.join(', ') || 'none'}`,
              witness: {
                point: { where: `${first.where} vs ${second.where}` },
                paperValue: `${first.where}: ${first.count} (${first.items.join(', ')})`,
                ourValue: `${second.where}: ${second.count} (${second.items.join(', ')}); only in one list: ${[...onlyFirst, ...onlySecond].join(', ')}`,
              },
            };
      }
      if (onlyFirst.length === 0 && unexplained.length === 0) {
        return {
          ...reading,
          outcome: 'holds',
          summary: `${second.where} adds ${onlySecond.join(', ') || 'nothing'}, each named in a quoted sentence that says what it is`,
        };
      }
      return {
        ...reading,
        outcome: 'fails',
        summary:
          onlyFirst.length > 0
            ? `${first.where} has items ${second.where} lacks: ${onlyFirst.join(', ')}`
            : `no quoted sentence explains ${unexplained.join(', ')}`,
        witness: {
          point: { where: `${first.where} vs ${second.where}` },
          paperValue: `${second.where} ⊇ ${first.where}, extras explained`,
          ourValue:
            onlyFirst.length > 0
              ? `missing from ${second.where}: ${onlyFirst.join(', ')}`
              : `unexplained: ${unexplained.join(', ')}`,
        },
      };
    });
    return decideReadings({
      base,
      readings: readingsResult(params.readings, outcomes),
      evidence: {
        summary: details.join('; '),
        details: [...details, ...params.explained.map((e) => `${e.item}: “${e.quote}”`)],
      },
      basis: { kind: 'proved', method: 'the counts and items parsed from the quoted sentences, compared exactly' },
    });
  },
});
