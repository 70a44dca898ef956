/** Eq. (15): the large-N Hessian with uniform noise vanishes as κ^n → 0. */
import { claim } from '../src/claims/schema.ts';
import { N, eps, kappa, x } from './variables.ts';

export const eq15Limit = claim({
  id: 'eq15-limit',
  title: 'Limit of the random-noise Hessian',
  statement: '(1/N) Σ_n (x_i x_j + ε²/3 δ_ij) lim_{κ→0} κ/(κ+1)² = 0.',
  location: {
    section: '3.2',
    equation: '(15)',
  },
  kind: 'identity',
  category: 'derivation',
  latex: [{ at: { anchor: 'in the large N', equation: '(15)', blockRows: 1, side: 'lhs' }, role: 'lhs' }],
  dependsOn: ['eq14-hessian-random', 'thm2-uniform-variance', 'thm2-kappa-independent'],
  params: {
    indices: ['i', 'j'],
    rhsLiteral: '0',
  },
  variables: [x, eps, kappa, N],
});
