/**
 * Proves the `figure-ref` checker: a cited figure whose caption lacks what the sentence says it shows refutes, with
 * the matching figure as correction (the record's words, the numbers filled in by the checker); and pins the two
 * "Figures 2 and 2" of Section 5.1 (should be 1 and 2).
 */
import { describe, expect, it } from 'vitest';
import { figureRef } from '../../checks/figure-ref.ts';
import { txtSec511FigRef } from '../../proofs/txt-sec51-1-fig-ref.ts';
import { txtSec515RandomFigRef } from '../../proofs/txt-sec51-5-random-fig-ref.ts';
import { record, verdictOf as runVerdict } from './table-helpers.ts';
import { recorded } from './verdict-classes.ts';

const verdictOf = recorded('figure-ref', runVerdict);

const captions = ['Figure 1: cats in the snow', 'Figure 2: dogs on the beach'];
const expected = [
  { shows: 'cats', captionTerms: ['cats'] },
  { shows: 'dogs', captionTerms: ['dogs'] },
];
/** The record's words of the corrected citation; the checker fills in the numbers. */
const correction = { statement: 'Figures {{1}} and {{2}}' };
const one = { statement: 'Figure {{1}}' };

describe('figure-ref on hand-made captions', () => {
  it('confirms a correct citation', async () => {
    const v = await verdictOf(
      figureRef,
      record(
        'figure-ref',
        { citation: 'Figures 1 and 2', expected, captions, correction },
        { quote: 'Figures 1 and 2 show pets.' },
      ),
    );
    expect(v.status).toBe('confirmed');
  });

  it('refutes a swapped citation and corrects it', async () => {
    const v = await verdictOf(
      figureRef,
      record(
        'figure-ref',
        { citation: 'Figures 2 and 1', expected, captions, correction },
        { quote: 'Figures 2 and 1 show pets.' },
      ),
    );
    expect(v.status).toBe('refuted');
    expect(v.correction?.statement).toBe('Figures 1 and 2');
    expect(v.evidence.summary).toBe('"Figures 2 and 1" should read "Figures 1 and 2"');
  });

  it('takes the words of the correction from the record and fills in the numbers it finds', async () => {
    const v = await verdictOf(
      figureRef,
      record(
        'figure-ref',
        {
          citation: 'Figures 2 and 1',
          expected,
          captions,
          correction: { statement: 'Figs. {{1}} (cats) and {{2}} (dogs)' },
        },
        { quote: 'Figures 2 and 1 show pets.' },
      ),
    );
    expect(v.correction?.statement).toBe('Figs. 1 (cats) and 2 (dogs)');
    expect(v.evidence.summary).toBe('"Figures 2 and 1" should read "Figs. 1 (cats) and 2 (dogs)"');
  });

  it('refuses a correction that writes a number the checker computes, or names a figure that is not cited', async () => {
    const run = (statement: string) =>
      verdictOf(
        figureRef,
        record(
          'figure-ref',
          { citation: 'Figures 2 and 1', expected, captions, correction: { statement } },
          { quote: 'Figures 2 and 1 show pets.' },
        ),
      );
    await expect(run('Figures 1 and {{2}}')).rejects.toThrow(
      /claim record tab9-test: field params\.correction: the text does not use the computed \{\{1\}\}/,
    );
    await expect(run('Figures {{1}}, {{2}} and {{3}}')).rejects.toThrow(
      /claim record tab9-test: field params\.correction: no computed value for \{\{3\}\}/,
    );
  });

  it('is inconclusive when no caption matches a description', async () => {
    const bad = [{ shows: 'birds', captionTerms: ['birds'] }];
    const v = await verdictOf(
      figureRef,
      record(
        'figure-ref',
        { citation: 'Figure 1', expected: bad, captions, correction: one },
        { quote: 'Figure 1 shows birds.' },
      ),
    );
    expect(v.status).toBe('inconclusive');
  });

  it('rejects a citation that is not in the quote', async () => {
    await expect(
      verdictOf(
        figureRef,
        record(
          'figure-ref',
          { citation: 'Figure 1', expected: expected.slice(0, 1), captions, correction: one },
          { quote: 'no citation' },
        ),
      ),
    ).rejects.toThrow(/is not in the quote/);
  });
});

describe('figure-ref on the paper (regression)', () => {
  it.each([
    ['txt-sec51-1-fig-ref', txtSec511FigRef],
    ['txt-sec51-5-random-fig-ref', txtSec515RandomFigRef],
  ] as const)('%s: refuted, the L2 figure is Figure 1', async (_id, rec) => {
    const v = await verdictOf(figureRef, rec);
    expect(v.status).toBe('refuted');
    if (v.status !== 'refuted') return;
    expect(v.witness.paperValue).toBe('Figure 2');
    expect(v.witness.ourValue).toBe('Figure 1');
    expect(v.correction).toMatchObject({ statement: 'Figures 1 and 2', check: 'confirmed' });
  });
});
