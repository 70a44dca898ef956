/** After Eq. (11): the PSD projector makes (1/2N)Σ‖η^n‖/‖w*‖ the sharpness. */
import { claim } from '../src/claims/schema.ts';
import { N, eta, ws } from './variables.ts';

export const sec3SharpnessScale = claim({
  id: 'sec3-sharpness-scale',
  title: 'Top eigenvalue of the Eq. (9) Hessian',
  statement: 'The Hessian of Eq. (9) is PSD with top eigenvalue (1/2N) Σ_n ‖η^n‖/‖w*‖ (multiplicity d − 1).',
  location: {
    section: '3.2',
    equation: '(9)–(11)',
  },
  kind: 'projector-spectrum',
  category: 'derivation',
  quote: 'is positive-semidefinite',
  latex: [
    {
      at: {
        anchor: 'we consider the Hessian matrix of loss on an optimal weight',
        equation: '(9)',
        blockRows: 1,
        side: 'rhs',
      },
      role: 'matrix',
    },
    { at: { anchor: 'is positive-semidefinite' }, role: 'scale' },
  ],
  dependsOn: ['eq09-hessian-at-optimum', 'eq11-eigenvalues'],
  params: {
    scale: 'scale',
  },
  variables: [ws, eta, N],
});
