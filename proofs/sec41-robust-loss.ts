/** Section 4.1 / Eq. (7): the robust loss used "without approximation": Eq. (7) at the worst-case perturbation. */
import { claim } from '../src/claims/schema.ts';
import { N, c, eta, r, w, x, y } from './variables.ts';

export const sec41RobustLoss = claim({
  id: 'sec41-robust-loss',
  title: 'Robust loss without approximation',
  statement:
    'At the L2 argmax η^n = −y^n‖η^n‖ w/‖w‖, Eq. (7) with y cos θ = 1 is exactly the loss of the perturbed data.',
  location: {
    section: '4.1',
    equation: '(7)',
  },
  kind: 'identity',
  category: 'derivation',
  quote: 'In contrast, we do not use an approximation of the loss function as Eq.',
  latex: [
    { at: { anchor: 'can be written with adversarial noise', equation: '(7)', blockRows: 2, item: 2 }, role: 'lhs' },
    { at: { anchor: 'can be written with adversarial noise', equation: '(7)', row: 2, blockRows: 2 }, role: 'rhs' },
  ],
  assumptions: ['closed L2 ball, no clipping of x + η'],
  dependsOn: ['eq07-cos-theta', 'lem1-monotone', 'sec32-y-cos-theta'],
  params: {
    rhsSubstitutions: [
      {
        target: 'c_{n}',
        expr: 'y_{n}',
      },
    ],
    premise: [
      {
        target: 'eta_{k}_{n}',
        expr: '-y_{n} * r_{n} * w_{k} / NORM(w)',
      },
    ],
  },
  variables: [w, x, y, eta, N, r, c],
});
