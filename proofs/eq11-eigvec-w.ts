/** Eq. (11): w is an eigenvector with eigenvalue 0. */
import { claim } from '../src/claims/schema.ts';
import { w, ws } from './variables.ts';

export const eq11EigvecW = claim({
  id: 'eq11-eigvec-w',
  title: 'Null vector of the projector',
  statement: 'Σ_j (δ_ij − w*_i w*_j/‖w*‖²) w_j = 0.',
  location: {
    section: '3.2',
    equation: '(11)',
  },
  kind: 'identity',
  category: 'derivation',
  latex: [
    { at: { anchor: 'This matrix has a trivial eigenvector as', equation: '(11)', row: 2, blockRows: 2 }, role: 'lhs' },
  ],
  dependsOn: ['eq09-hessian-at-optimum'],
  params: {
    indices: ['i'],
    rhsLiteral: '0',
    readings: {
      convention: 'eq11-eigvec-w',
      question: 'is w_j in Eq. (11) any weight, or the optimum w*_j (printed without the star)?',
      readings: [
        { id: 'as-printed', statement: 'as printed: w is any weight vector', literal: true, substitutions: [] },
        {
          id: 'w-is-w-star',
          statement: 'w_j denotes w*_j (the star is missing in the printed Eq. (11))',
          substitutions: [{ target: 'w_{k}', expr: 'ws_{k}' }],
        },
      ],
    },
  },
  variables: [w, ws],
});
