/** Eq. (8): the gradient of the robust loss. */
import { claim } from '../src/claims/schema.ts';
import { N, c, eta, w, x, y } from './variables.ts';
import { ROBUST_GRADIENT } from './_data/formulas.ts';

export const eq08Gradient = claim({
  id: 'eq08-gradient',
  title: 'Gradient of the robust loss',
  statement: '∂L_η/∂w_i as printed in Eq. (8).',
  location: {
    section: '3.2',
    equation: '(8)',
  },
  kind: 'derivative',
  category: 'derivation',
  quote: 'The gradient of loss with respect to weight',
  latex: [
    { at: { anchor: 'can be written with adversarial noise', equation: '(7)', row: 2, blockRows: 2 }, role: 'base' },
    { at: { anchor: 'The gradient of loss with respect to weight', equation: '(8)', blockRows: 1 }, role: 'rhs' },
  ],
  assumptions: [
    'y^n cos θ^n = 1 (sec32-y-cos-theta: the maximiser of the loss at fixed ‖η^n‖), ‖η^n‖ independent of w',
  ],
  dependsOn: ['sec41-robust-loss'],
  params: {
    wrt: ['w_{i}'],
    indices: ['i'],
    baseSubstitutions: [
      {
        target: 'c_{n}',
        expr: 'y_{n}',
      },
    ],
    derived: ROBUST_GRADIENT,
    correction: { latex: ROBUST_GRADIENT },
  },
  variables: [w, x, y, eta, N, c],
});
