/**
 * Section 5.1: "Figures 2 and 2 show the weight loss landscape … of the L2 and L∞ norm": the first cited figure should
 * be the L2 one.
 */
import { claim } from '../src/claims/schema.ts';
import { FIGURE_CAPTIONS } from './_data/printed.ts';

/** The figure numbers cited for the L2 and L∞ landscapes in Section 5.1. */
export const txtSec511FigRef = claim({
  id: 'txt-sec51-1-fig-ref',
  title: 'Section 5.1 cites the L2 and L∞ landscape figures',
  statement:
    'The figures cited for the L2 and the L∞ weight loss landscapes of logistic regression are Figures 2 and 2.',
  location: { section: '5.1' },
  kind: 'figure-ref',
  category: 'presentation',
  quote:
    'Figures\u00a02 and\u00a02 show the weight loss landscape with various noise magnitudes of the L2subscript𝐿2L_{2} and Lsubscript𝐿L_{\\infty} norm in logistic regression.',
  params: {
    citation: 'Figures\u00a02 and\u00a02',
    expected: [
      { shows: 'L2 weight loss landscape, MNIST2', captionTerms: ['Weight Loss Landscape', 'L_{2}PGD', 'MNIST2'] },
      {
        shows: 'L∞ weight loss landscape, MNIST2',
        captionTerms: ['Weight Loss Landscape', 'L_{\\infty}PGD', 'MNIST2'],
      },
    ],
    captions: FIGURE_CAPTIONS,
    correction: { statement: 'Figures {{1}} and {{2}}' },
  },
});
