/** §3.2: "Eq. (2.1) can be written with adversarial noise … as" — a reference to an equation label. */
import { claim } from '../src/claims/schema.ts';

export const sec32EqRef = claim({
  id: 'sec32-eq-ref',
  title: 'The reference "Eq. (2.1)"',
  statement: 'The loss that Eq. (7) rewrites is referred to as Eq. (2.1), an equation of the paper.',
  location: { section: '3.2', equation: 'before (7)' },
  kind: 'text-consistency',
  category: 'presentation',
  quote: 'Eq.\u00a0(2.1) can be written with adversarial noise',
  dependsOn: ['eq01-logistic-loss'],
  params: {
    form: 'label',
    citation: 'Eq.\u00a0(2.1)',
    labels: [
      '(1)',
      '(2)',
      '(3)',
      '(4)',
      '(5)',
      '(6)',
      '(7)',
      '(8)',
      '(9)',
      '(10)',
      '(11)',
      '(12)',
      '(13)',
      '(14)',
      '(15)',
    ],
  },
});
