/** Before Eq. (9): "An optimal weight w* of L_η for each point satisfies w*_i/‖w*‖ = y^n x_i^n/‖η^n‖". */
import { claim } from '../src/claims/schema.ts';
import { optimalityCondition } from './variables.ts';

export const sec3OptimalityCondition = claim({
  id: 'sec3-optimality-condition',
  title: 'Per-point optimality condition',
  statement: 'An optimal weight for each point satisfies w*_i/‖w*‖ = y^n x_i^n/‖η^n‖.',
  location: {
    section: '3.2',
    equation: 'before (9)',
  },
  kind: 'synthetic-optimum',
  category: 'derivation',
  quote: 'for each point satisfies',
  latex: [
    { at: { anchor: 'for each point satisfies' }, role: 'condition', parse: false, modelled: '624b81704064d9e5' },
  ],
  dependsOn: ['eq08-gradient'],
  params: {
    mode: 'per-point-condition',
    condition: optimalityCondition,
    readings: {
      convention: 'sec3-optimality-condition',
      question: 'what is "an optimal weight w* of L_η for each point"?',
      readings: [
        {
          id: 'stationary',
          statement: 'a weight at which the loss of every data point is stationary (each point at its own minimum)',
          literal: true,
          at: 'stationary',
        },
        {
          id: 'optimum',
          statement: 'the optimum of L_η (the mean loss), which then satisfies the condition for each point',
          at: 'optimum',
        },
      ],
    },
  },
  variables: [],
});
