/** After Eq. (12): "since the eigenvalues are never negative, the results of adversarial training are always convex". */
import { claim } from '../src/claims/schema.ts';
import {} from './variables.ts';

export const sec3Convexity = claim({
  id: 'sec3-convexity',
  title: 'Adversarial training is convex',
  statement: 'The eigenvalues are never negative, so the results of adversarial training are always convex.',
  location: {
    section: '3.2',
    equation: 'after (12)',
  },
  kind: 'synthetic-optimum',
  category: 'result',
  quote: 'the results of adversarial training are always convex',
  dependsOn: ['appb-l5', 'sec3-sharpness-scale'],
  params: {
    mode: 'convexity',
  },
  variables: [],
});
