/**
 * Section 5.1 (Figs. 1 and 2): "the weight loss landscape becomes sharp as the noise magnitude increases", re-measured
 * on landscapes along filter-normalised directions with the attack re-run at every α (Eq. 5).
 */
import { claim } from '../src/claims/schema.ts';

/** Landscape rise and curvature increase along the ε values of Fig. 1 (L2) and Fig. 2 (L∞, small ε). */
export const fig12SharperWithEps = claim({
  id: 'fig12-sharper-with-eps',
  title: 'Figs. 1–2: landscape sharper with larger ε',
  statement:
    'The weight loss landscape of PGD-trained logistic regression on MNIST2 is sharper for larger ε: L2 ε ∈ {0, 0.2, …, 1} (Fig. 1) and L∞ ε ∈ {0, 4, 8, 12, 16}/255 (Fig. 2).',
  location: { section: '5.1', table: 'Figures 1–2' },
  kind: 'mnist2-sharpness',
  category: 'result',
  quote: 'We can confirm that the weight loss landscape becomes sharp as the noise magnitude increases.',
  assumptions: [
    'sharpness is measured twice, both decisive: the landscape rise (mean over directions of (g(−1) + g(1))/2 − g(0), what the figures show) and the curvature hᵀ∇²g(w*)h along the same filter-normalised directions (‖h‖ = ‖w*‖)',
    'g(α) = max_η (1/N) Σ ℓ(x + η, y, w* + αh) on the training split, the exact inner maximiser re-solved at every α (L2: the ball; L∞: the ball ∩ [0, 1]); 5 Gaussian directions, base seed 123, 51 points on [−1, 1]',
    '"sharper" is read as strictly increasing in ε, for the mean over directions',
  ],
  dependsOn: ['eq05-landscape-max-outside-sum', 'eq06-filter-normalisation'],
  measurements: ['mnist2'],
  params: {
    form: 'landscape-sharper',
    series: [
      { figure: 'Fig. 1', norm: 'l2', eps: [0, 0.2, 0.4, 0.6, 0.8, 1] },
      { figure: 'Fig. 2', norm: 'linf', eps: [0, 4 / 255, 8 / 255, 12 / 255, 16 / 255] },
    ],
    measures: ['landscape-rise', 'fn-curvature'],
  },
});
