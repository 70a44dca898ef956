/**
 * Section 5.1 ("Comparison with Random Noise", Figs. 1 and 2): adversarial noise sharpens the weight loss landscape
 * much more than random noise of the same magnitude, for L2 and L∞; re-measured.
 */
import { claim } from '../src/claims/schema.ts';

/** Sharpening over the standard model: adversarial more than twice random, at every ε > 0 with both models. */
export const fig12RandomLessSharp = claim({
  id: 'fig12-random-less-sharp',
  title: 'Figs. 1–2: random noise sharpens much less than adversarial noise',
  statement:
    'At equal ε, training on adversarial noise sharpens the weight loss landscape much more than training on uniform random noise, for L2 and L∞ (MNIST2).',
  location: { section: '5.1', table: 'Figures 1–2' },
  kind: 'mnist2-sharpness',
  category: 'result',
  quote:
    'these figures show that the adversarial noise sharpens the weight loss landscape much more than the weight landscape on training with random noise for both the L2subscript𝐿2L_{{\\rm 2}} and Lsubscript𝐿L_{\\infty} norms.',
  assumptions: [
    '"much more" is read as: the sharpening over the standard model, Δ = S(ε) − S(0), is positive for the adversarial model and more than 2 times that of the random-noise model (param minRatio; negative random sharpening counts as 0)',
    'S is measured twice, both decisive: landscape rise and filter-normalised curvature (as in fig12-sharper-with-eps)',
    "each model's landscape is of its own training loss: adversarial cells with the exact inner maximiser re-solved at every α, random cells on one seeded uniform noise draw (clipped to [0, 1]) held fixed",
    'compared at every ε > 0 that has both an adversarial and a random-noise cell',
  ],
  dependsOn: ['thm2-adversarial-vs-random'],
  measurements: ['mnist2'],
  params: {
    form: 'random-less-sharp',
    norms: ['l2', 'linf'],
    measures: ['landscape-rise', 'fn-curvature'],
    minRatio: {
      value: 2,
      band: 0.5,
      source: { kind: 'claimcheck', reason: '"much more" read as at least twice as much sharpening' },
    },
  },
});
