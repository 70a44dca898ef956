/**
 * Appendix D.1 / Section 5.1 (Fig. 5): with the large L∞ ε used for 10-class MNIST, "the larger the noise magnitude,
 * the sharper the weight loss landscape", re-measured.
 */
import { claim } from '../src/claims/schema.ts';

/** Landscape rise and curvature increase along ε ∈ {0, 25.5, 51, 76.5}/255 (L∞ PGD). */
export const fig5SharperWithEps = claim({
  id: 'fig5-sharper-with-eps',
  title: 'Fig. 5: landscape sharper with larger ε (large L∞ ε)',
  statement:
    'The weight loss landscape of L∞ PGD-trained logistic regression on MNIST2 is sharper for larger ε ∈ {0, 25.5, 51, 76.5}/255.',
  location: { section: '5.1', table: 'Figure 5 (Appendix D.1)' },
  kind: 'mnist2-sharpness',
  category: 'result',
  quote: 'The results are similar: the larger the noise magnitude, the sharper the weight loss landscape.',
  assumptions: [
    'same measures and landscape settings as fig12-sharper-with-eps (rise and filter-normalised curvature, both decisive)',
    '"sharper" is read as strictly increasing in ε, for the mean over directions',
  ],
  dependsOn: ['fig12-sharper-with-eps'],
  measurements: ['mnist2'],
  params: {
    form: 'landscape-sharper',
    series: [{ figure: 'Fig. 5', norm: 'linf', eps: [0, 25.5 / 255, 51 / 255, 76.5 / 255] }],
    measures: ['landscape-rise', 'fn-curvature'],
  },
});
