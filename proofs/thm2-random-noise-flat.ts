/** Theorem 2: with uniform noise the Hessian eigenvalues go to 0 at the per-point minimum and grow with the noise norm near it. */
import { claim } from '../src/claims/schema.ts';
import {} from './variables.ts';

export const thm2RandomNoiseFlat = claim({
  id: 'thm2-random-noise-flat',
  title: 'Theorem 2',
  statement:
    'Trained with η_i ~ U(−ε, ε), the Hessian eigenvalues converge to 0 as the loss converges to the minimum for each data point; slightly away from it they grow with the norm of the noise.',
  location: {
    section: '3.2',
    equation: 'Theorem 2',
  },
  kind: 'synthetic-optimum',
  category: 'result',
  quote: 'The eigenvalues of the Hessian matrix of this model converge to',
  dependsOn: ['eq13-gradient-random', 'eq14-hessian-random', 'eq15-limit'],
  params: {
    mode: 'theorem2',
    epsGrid: [0.1, 0.2, 0.3, 0.4, 0.5],
  },
  variables: [],
});
