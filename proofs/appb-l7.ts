/** Appendix B, line 7: the Hessian at w* after the optimality condition removes the second term. */
import { claim } from '../src/claims/schema.ts';
import { N, c, eta, w, ws, x, y } from './variables.ts';
import { HESSIAN_AT_OPTIMUM_PARAMS } from './_data/formulas.ts';

export const appbL7 = claim({
  id: 'appb-l7',
  title: 'Appendix B Hessian at w*, line 7',
  statement: 'Line 7 of Appendix B equals ∂²L_η/∂w_i∂w_j at w* under the optimality condition.',
  location: {
    section: 'Appendix B',
    line: 7,
  },
  kind: 'derivative',
  category: 'derivation',
  quote: 'eliminate the second terms. The first term is',
  latex: [
    { at: { anchor: 'can be written with adversarial noise', equation: '(7)', row: 2, blockRows: 2 }, role: 'base' },
    { at: { anchor: 'eliminate the second terms. The first term is', row: 3, blockRows: 5, side: 'rhs' }, role: 'rhs' },
  ],
  assumptions: ['the per-point optimality condition'],
  dependsOn: ['appb-l6', 'sec3-optimality-condition'],
  params: HESSIAN_AT_OPTIMUM_PARAMS,
  variables: [w, x, y, eta, N, ws, c],
});
