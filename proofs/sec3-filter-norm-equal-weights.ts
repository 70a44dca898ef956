/** §3.2 after Eq. (12): "since the filter normalization makes the scale of the weights the same ‖w_a*‖ ≈ ‖w_b*‖". */
import { claim } from '../src/claims/schema.ts';
import { EQUAL_WEIGHT_NORMS } from './_data/assumptions.ts';

export const sec3FilterNormEqualWeights = claim({
  id: 'sec3-filter-norm-equal-weights',
  title: 'Filter normalisation makes ‖w_a*‖ ≈ ‖w_b*‖',
  statement:
    'The filter normalisation makes the scale of the weights the same: the optimal weights trained at ε_a and ε_b have ‖w_a*‖ ≈ ‖w_b*‖.',
  location: { section: '3.2', equation: 'after (12)' },
  kind: 'synthetic-optimum',
  category: 'derivation',
  states: 'equal-weight-norms',
  quote: 'since the filter normalization makes the scale of the weights the same',
  assumptions: ['Eq. (6) rescales the direction h (‖h‖ = ‖w‖), not the weights w (eq06-filter-normalisation)'],
  dependsOn: ['eq06-filter-normalisation'],
  params: { mode: 'assumption-holds', assumption: EQUAL_WEIGHT_NORMS },
});
