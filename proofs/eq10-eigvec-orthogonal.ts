/** Eq. (10): vectors orthogonal to w* are eigenvectors with eigenvalue 1. */
import { claim } from '../src/claims/schema.ts';
import { u, v, ws } from './variables.ts';

export const eq10EigvecOrthogonal = claim({
  id: 'eq10-eigvec-orthogonal',
  title: 'Eigenvectors orthogonal to w*',
  statement: 'Σ_j (δ_ij − w*_i w*_j/‖w*‖²) v_j = v_i for every v ⟂ w*.',
  location: {
    section: '3.2',
    equation: '(10)',
  },
  kind: 'identity',
  category: 'derivation',
  quote: 'This matrix has a trivial eigenvector as',
  latex: [
    { at: { anchor: 'This matrix has a trivial eigenvector as', equation: '(10)', blockRows: 2 }, role: 'lhs' },
    {
      at: { anchor: 'This matrix has a trivial eigenvector as', equation: '(10)', blockRows: 2, item: 2, side: 'rhs' },
      role: 'rhs',
    },
  ],
  dependsOn: ['eq09-hessian-at-optimum'],
  params: {
    indices: ['i'],
    premise: [
      {
        target: 'v_{k}',
        expr: 'u_{k} - DOT(u, ws) / NORM(ws)^2 * ws_{k}',
      },
    ],
  },
  variables: [ws, v, u],
});
