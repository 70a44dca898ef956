/** After Eq. (11): "This matrix has eigenvalues 1 and 0." */
import { claim } from '../src/claims/schema.ts';
import { ws } from './variables.ts';

export const eq11Eigenvalues = claim({
  id: 'eq11-eigenvalues',
  title: 'Eigenvalues of the projector',
  statement: 'δ_ij − w*_i w*_j/‖w*‖² has eigenvalues 1 (multiplicity d − 1) and 0 (multiplicity 1).',
  location: {
    section: '3.2',
    equation: '(11)',
  },
  kind: 'projector-spectrum',
  category: 'derivation',
  quote: 'This matrix has eigenvalues',
  latex: [{ at: { anchor: 'is positive-semidefinite', item: -1, side: 'lhs', unwrap: true }, role: 'matrix' }],
  dependsOn: ['eq10-eigvec-orthogonal', 'eq11-eigvec-w'],
  params: {},
  variables: [ws],
});
