/**
 * Section 5.1 (Comparison with Random Noise): "Figures 2 and 2 compare the weight loss landscape in adversarial noise
 * with random noise in the L2 and L∞ norm, respectively": the first cited figure should be the L2 one.
 */
import { claim } from '../src/claims/schema.ts';
import { FIGURE_CAPTIONS } from './_data/printed.ts';

/** The figure numbers cited for the L2 and L∞ adversarial-versus-random comparisons. */
export const txtSec515RandomFigRef = claim({
  id: 'txt-sec51-5-random-fig-ref',
  title: 'Random-noise comparison cites the L2 and L∞ figures',
  statement: 'The figures cited for the L2 and the L∞ comparisons of adversarial and random noise are Figures 2 and 2.',
  location: { section: '5.1' },
  kind: 'figure-ref',
  category: 'presentation',
  quote:
    'Figures\u00a02 and\u00a02 compare the weight loss landscape in adversarial noise with random noise in the L2subscript𝐿2L_{{\\rm 2}} and Lsubscript𝐿L_{\\infty} norm, respectively.',
  params: {
    citation: 'Figures\u00a02 and\u00a02',
    expected: [
      {
        shows: 'L2 adversarial versus random noise, MNIST2',
        captionTerms: ['Weight Loss Landscape', 'L_{2}PGD', 'L_{2}RANDOM'],
      },
      {
        shows: 'L∞ adversarial versus random noise, MNIST2',
        captionTerms: ['Weight Loss Landscape', 'L_{\\infty}PGD', 'L_{\\infty}RANDOM'],
      },
    ],
    captions: FIGURE_CAPTIONS,
    correction: { statement: 'Figures {{1}} and {{2}}' },
  },
});
