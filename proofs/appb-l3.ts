/** Appendix B, line 3 of the Hessian derivation (general w). */
import { claim } from '../src/claims/schema.ts';
import { N, c, eta, w, x, y } from './variables.ts';
import { HESSIAN_PARAMS } from './_data/formulas.ts';

export const appbL3 = claim({
  id: 'appb-l3',
  title: 'Appendix B Hessian, line 3',
  statement: 'Line 3 of Appendix B equals ∂²L_η/∂w_i∂w_j of the robust loss.',
  location: {
    section: 'Appendix B',
    line: 3,
  },
  kind: 'derivative',
  category: 'derivation',
  quote: 'The Hessian matrix of loss along weight',
  latex: [
    { at: { anchor: 'can be written with adversarial noise', equation: '(7)', row: 2, blockRows: 2 }, role: 'base' },
    { at: { anchor: 'The Hessian matrix of loss along weight', row: 7, blockRows: 17, side: 'rhs' }, role: 'rhs' },
    { at: { anchor: 'The Hessian matrix of loss along weight', row: 8, blockRows: 17 }, role: 'rhs' },
    { at: { anchor: 'The Hessian matrix of loss along weight', row: 9, blockRows: 17 }, role: 'rhs' },
    { at: { anchor: 'The Hessian matrix of loss along weight', row: 10, blockRows: 17 }, role: 'rhs' },
  ],
  dependsOn: ['appb-l2'],
  params: HESSIAN_PARAMS,
  variables: [w, x, y, eta, N, c],
});
