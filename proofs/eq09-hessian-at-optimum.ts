/** Eq. (9): the Hessian of the robust loss at the optimal weight. */
import { claim } from '../src/claims/schema.ts';
import { N, c, eta, w, ws, x, y } from './variables.ts';
import { HESSIAN_AT_OPTIMUM_PARAMS } from './_data/formulas.ts';

export const eq09HessianAtOptimum = claim({
  id: 'eq09-hessian-at-optimum',
  title: 'Hessian at the optimum',
  statement: 'At w*, ∂²L_η/∂w_i∂w_j = (1/2N) Σ_n ‖η^n‖/‖w*‖ (δ_ij − w*_i w*_j/‖w*‖²).',
  location: {
    section: '3.2',
    equation: '(9)',
  },
  kind: 'derivative',
  category: 'derivation',
  latex: [
    { at: { anchor: 'can be written with adversarial noise', equation: '(7)', row: 2, blockRows: 2 }, role: 'base' },
    {
      at: {
        anchor: 'we consider the Hessian matrix of loss on an optimal weight',
        equation: '(9)',
        blockRows: 1,
        side: 'rhs',
      },
      role: 'rhs',
    },
  ],
  assumptions: ['the per-point optimality condition stated before Eq. (9)'],
  dependsOn: ['eq08-gradient', 'sec3-optimality-condition', 'appb-l9'],
  params: HESSIAN_AT_OPTIMUM_PARAMS,
  variables: [w, x, y, eta, N, ws, c],
});
