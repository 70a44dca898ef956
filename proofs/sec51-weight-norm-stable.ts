/**
 * Section 5.1 ("Eigenvalue of Hessian matrix"): the weight norm "does not change significantly with each epsilon",
 * the premise under which unnormalised eigenvalues measure sharpness; re-measured on the trained weights.
 */
import { claim } from '../src/claims/schema.ts';

/** Relative spread of ‖w*‖ over the ε series of each norm below a threshold. */
export const sec51WeightNormStable = claim({
  id: 'sec51-weight-norm-stable',
  title: 'Weight norm does not change significantly with ε',
  statement: 'Across the ε values of Fig. 3, the norm ‖w*‖ of the trained weights changes little (L2 and L∞ PGD).',
  location: { section: '5.1', table: 'Figure 3' },
  kind: 'mnist2-sharpness',
  category: 'result',
  states: 'equal-weight-norms',
  quote:
    'We estimated the eigenvalues without filter normalization, but we checked that the norm of weight does not change significantly with each epsilon.',
  assumptions: [
    '"does not change significantly" is read as: (max − min)/mean of ‖w*‖₂ over the series is at most 0.1 (param maxRelativeSpread)',
    '‖w*‖ excludes the bias; the series is every adversarial ε of the norm plus the standard model',
    'the weights depend on the training recipe (optimiser, weight decay, stopping): the verdict is about the sweep that produced them',
  ],
  measurements: ['mnist2'],
  params: {
    form: 'weight-norm-stable',
    norms: ['l2', 'linf'],
    maxRelativeSpread: {
      value: 0.1,
      band: 0.05,
      source: {
        kind: 'claimcheck',
        reason: '"does not change significantly" gives no number; ‖w*‖ within ±5 % of its mean over ε',
      },
    },
    minCells: 3,
    purpose: true,
  },
});
