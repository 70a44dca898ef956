/**
 * The `text-consistency` checker: editorial statements decided by parsing the paper's own words.
 * - `lists`: sentences of the form "We used three datasets: A, B, and C." — each stated count against the items it
 *   lists (citations "Author et al. (year)" removed), and the lists against each other;
 * - `label`: a cross-reference "Eq. (k)" against the labels the paper prints at the end of its display equations.
 */
import { z } from 'zod';
import { defineChecker } from '../src/claims/checker.ts';
import type { Verdict } from '../src/claims/verdict.ts';
import { ClaimcheckError } from '../src/errors.ts';
import { verdictBase } from './_internals/meaning.ts';

const ParamsSchema = z.discriminatedUnion('form', [
  z.object({
    form: z.literal('lists'),
    /** Sentences that state a count and list the items, verbatim (each is asserted to occur in the paper). */
    lists: z.array(z.object({ where: z.string().min(1), quote: z.string().min(1) })).min(2),
  }),
  z.object({
    form: z.literal('label'),
    /** The cross-reference as printed in the claim's quote, e.g. "Eq.\u00a0(2.1)". */
    citation: z.string().min(1),
    /** The labels the paper prints at the end of its display equations ("(1)" … "(15)"); a test asserts they are all. */
    labels: z.array(z.string().regex(/^\(\d+(\.\d+)?\)$/)).min(1),
  }),
]);

const NUMBERS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/** The stated count and the listed items of "… <count> <noun>s: A, B, and C." (citations removed). */
export function parseList(sentence: string): { count: number | null; items: string[] } {
  const m = /\b(one|two|three|four|five|six|seven|eight|nine|ten)\b[^:]*:\s*(.*?)\.?$/i.exec(sentence.trim());
  if (!m) return { count: null, items: [] };
  const body = m[2]!.replace(/[\s\u00a0]+[A-Z][A-Za-z-]+(?: and [A-Z][A-Za-z-]+)?(?: et al\.)?\s*\(\d{4}\)/g, '');
  const items = body
    .split(/,\s*(?:and\s+)?|\s+and\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return { count: NUMBERS[m[1]!.toLowerCase()] ?? null, items };
}

/** The `text-consistency` checker. */
export const textConsistency = defineChecker({
  kind: 'text-consistency',
  verdicts: ['confirmed', 'refuted'],
  description: 'editorial consistency from the paper’s words: stated counts against listed items, cross-references against printed labels',
  params: ParamsSchema,
  check(claim, params, ctx): Verdict {
    const base = verdictBase(claim, ctx, 'text-consistency');
    if (params.form === 'label') {
      if (!claim.quote?.includes(params.citation)) {
        throw new ClaimcheckError('INVALID_RECORD', `claim record ${claim.id}: field params.citation: "${params.citation}" is not in the quote`);
      }
      const label = /\(([^)]+)\)/.exec(params.citation)?.[0] ?? '';
      const numbers = params.labels.map((l) => l.slice(1, -1));
      const summary = `cited ${params.citation}; the paper's display equations are labelled ${params.labels[0]}–${params.labels[params.labels.length - 1]} (${params.labels.length} labels)`;
      if (params.labels.includes(label)) {
        return { ...base, status: 'confirmed', basis: { kind: 'proved', method: 'exact comparison with the printed equation labels' }, evidence: { summary: `${summary}: the label exists` } };
      }
      const section = label.slice(1, -1);
      return {
        ...base,
        status: 'refuted',
        witness: { point: { citation: params.citation }, paperValue: `an equation labelled ${label}`, ourValue: `no display equation carries ${label}; labels are ${numbers.join(', ')}${section.includes('.') ? `; ${section} is a section number` : ''}` },
        evidence: { summary: `${summary}: ${label} is none of them` },
      };
    }
    const parsed = params.lists.map((l) => ({ ...l, ...parseList(l.quote) }));
    const unparsed = parsed.find((p) => p.count === null || p.items.length === 0);
    if (unparsed) throw new ClaimcheckError('INVALID_RECORD', `claim record ${claim.id}: field params.lists: no "<count> …: items" in "${unparsed.quote}"`);
    const details = parsed.map((p) => `${p.where}: states ${p.count}, lists ${p.items.length}: ${p.items.join(', ')}`);
    const miscounted = parsed.find((p) => p.count !== p.items.length);
    const all = new Set(parsed.flatMap((p) => p.items));
    const differ = [...all].filter((item) => !parsed.every((p) => p.items.includes(item)));
    if (!miscounted && differ.length === 0) {
      return { ...base, status: 'confirmed', basis: { kind: 'proved', method: 'the lists parsed from the quotes agree' }, evidence: { summary: details.join('; '), details } };
    }
    const first = parsed[0]!;
    const other = parsed.find((p) => p.items.length !== first.items.length || p.items.some((i) => !first.items.includes(i))) ?? parsed[1]!;
    return {
      ...base,
      status: 'refuted',
      witness: miscounted
        ? { point: { where: miscounted.where }, paperValue: `${miscounted.count} items`, ourValue: `${miscounted.items.length} listed: ${miscounted.items.join(', ')}` }
        : {
            point: { where: `${first.where} vs ${other.where}` },
            paperValue: `${first.where}: ${first.count} (${first.items.join(', ')})`,
            ourValue: `${other.where}: ${other.count} (${other.items.join(', ')}); only in one list: ${differ.join(', ')}`,
          },
      evidence: { summary: `the statements disagree: ${details.join('; ')}`, details },
    };
  },
});
