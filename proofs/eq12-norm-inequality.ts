/** Eq. (12): larger adversarial noise gives the larger eigenvalue, "since filter normalisation makes ‖w_a*‖ ≈ ‖w_b*‖". */
import { claim } from '../src/claims/schema.ts';
import { EQUAL_WEIGHT_NORMS } from './_data/assumptions.ts';
import {} from './variables.ts';

export const eq12NormInequality = claim({
  id: 'eq12-norm-inequality',
  title: 'Sharpness grows with ε (Eq. 12)',
  statement:
    '(1/2N)Σ‖η_a‖/‖w_a*‖ ≥ (1/2N)Σ‖η_b‖/‖w_b*‖ whenever ‖η_a‖ ≥ ‖η_b‖, since filter normalisation makes ‖w_a*‖ ≈ ‖w_b*‖.',
  location: {
    section: '3.2',
    equation: '(12)',
  },
  kind: 'norm-inequality',
  category: 'derivation',
  quote: 'The relation between the eigenvalues is as in',
  latex: [
    {
      at: { anchor: 'The relation between the eigenvalues is as in', equation: '(12)', blockRows: 1 },
      role: 'inequality',
      parse: false,
    },
  ],
  transcribed: true,
  transcription: '(1/(2N)) * sum(ra_n / Wa) >= (1/(2N)) * sum(rb_n / Wb) given ra_n >= rb_n',
  assumptions: ['‖η_a‖ ≥ ‖η_b‖'],
  dependsOn: ['sec3-sharpness-scale', 'sec3-filter-norm-equal-weights'],
  params: {
    N: 3,
    assumption: EQUAL_WEIGHT_NORMS,
  },
  variables: [],
});
