/**
 * Checks a figure cross-reference: the figure numbers a sentence cites ("Figures 2 and 2") against the figures whose
 * captions match what the sentence says each one shows.
 */
import { z } from 'zod';
import { defineChecker } from '../src/claims/checker.ts';
import type { Verdict } from '../src/claims/verdict.ts';
import { ClaimcheckError } from '../src/errors.ts';
import { citedFigures } from '../src/tables/citation.ts';
import { correctionSchema, fillCorrection } from './params.ts';

const ParamsSchema = z.object({
  /** The citation as printed in the claim's quote, e.g. "Figures 2 and 2". */
  citation: z.string().min(1),
  /** For each cited figure, in order: what the sentence says it shows, and caption substrings that must all occur. */
  expected: z.array(z.object({ shows: z.string().min(1), captionTerms: z.array(z.string().min(1)).min(1) })).min(1),
  /** The paper's figure captions, verbatim ("Figure 1: …"). */
  captions: z.array(z.string().regex(/^Figure \d+: /, 'a caption starting "Figure N: "')).min(1),
  /**
   * The corrected citation in words, e.g. "Figures {{1}} and {{2}}": `{{k}}` is the figure the checker finds for the
   * k-th cited figure (the cited number where its caption matches, else the first matching one).
   */
  correction: correctionSchema({ fills: /^[1-9]\d*$/, needs: 'statement' }),
});

/** The `figure-ref` checker: does each cited figure's caption match what the sentence says it shows? */
export const figureRef = defineChecker({
  kind: 'figure-ref',
  verdicts: ['confirmed', 'refuted', 'inconclusive'],
  description: 'each figure a sentence cites has a caption matching what the sentence says that figure shows',
  params: ParamsSchema,
  check(claim, { citation, expected, captions, correction }, ctx): Verdict {
    const base = { claimId: claim.id, seed: ctx.seed, checker: 'figure-ref' } as const;
    if (!claim.quote?.includes(citation)) {
      throw new ClaimcheckError(
        'INVALID_RECORD',
        `claim record ${claim.id}: field params.citation: "${citation}" is not in the quote`,
      );
    }
    const cited = citedFigures(citation);
    if (cited.length !== expected.length) {
      throw new ClaimcheckError(
        'INVALID_RECORD',
        `claim record ${claim.id}: field params.expected: ${expected.length} entries for ${cited.length} cited figures`,
      );
    }
    const figures = captions.map((c) => ({ number: Number(/^Figure (\d+): /.exec(c)![1]), caption: c }));
    const results = expected.map((e, i) => {
      const matching = figures.filter((f) => e.captionTerms.every((t) => f.caption.includes(t))).map((f) => f.number);
      return { position: i + 1, cited: cited[i]!, shows: e.shows, matching, ok: matching.includes(cited[i]!) };
    });
    const data = { cited, results: results.map((r) => ({ ...r })) };
    const details = results.map(
      (r) =>
        `cited #${r.position} (${r.shows}): Figure ${r.cited}; ` +
        `captions matching: ${r.matching.length ? r.matching.map((n) => `Figure ${n}`).join(', ') : 'none'}`,
    );
    const unmatched = results.find((r) => r.matching.length === 0);
    if (unmatched) {
      return {
        ...base,
        status: 'inconclusive',
        reason: `no caption matches what cited figure #${unmatched.position} is said to show (${unmatched.shows})`,
        evidence: { summary: 'a described figure has no matching caption', details, data },
      };
    }
    const wrong = results.find((r) => !r.ok);
    if (wrong) {
      const corrected = results.map((r) => (r.ok ? r.cited : r.matching[0]!));
      const correctedOk = corrected.every((n, i) => results[i]!.matching.includes(n));
      const text = fillCorrection(
        claim.id,
        correction,
        Object.fromEntries(corrected.map((n, i) => [String(i + 1), String(n)])),
      );
      return {
        ...base,
        status: 'refuted',
        witness: {
          point: { citation, position: String(wrong.position), shows: wrong.shows },
          paperValue: `Figure ${wrong.cited}`,
          ourValue: `Figure ${wrong.matching.join(' or Figure ')}`,
        },
        correction: {
          ...text,
          check: correctedOk ? 'confirmed' : 'refuted',
          evidence: 'each corrected number has a caption containing every term of what the sentence says it shows',
        },
        evidence: { summary: `"${citation}" should read "${text.statement}"`, details, data },
      };
    }
    return {
      ...base,
      status: 'confirmed',
      basis: { kind: 'proved', method: 'exact comparison of the cited numbers with the captions' },
      evidence: { summary: `every cited figure matches: ${citation}`, details, data },
    };
  },
});
