/** Lemma 1: the loss is increasing in cos θ^n when y^n = 1 and decreasing when y^n = −1. */
import { claim } from '../src/claims/schema.ts';
import { N, c, eta, w, x, y } from './variables.ts';
import { THETA } from './_data/conventions.ts';

export const lem1Monotone = claim({
  id: 'lem1-monotone',
  title: 'Lemma 1 (monotonicity in cos θ)',
  statement: 'L_η is monotonically increasing in cos θ^n when y^n = 1 and decreasing when y^n = −1.',
  location: {
    section: '3.2',
    equation: 'Lemma 1',
  },
  kind: 'monotonicity',
  category: 'result',
  quote: 'is a monotonically increasing function of',
  latex: [
    { at: { anchor: 'We show that loss is monotonically increasing', item: 4, skip: 1 }, role: 'f' },
    { at: { anchor: 'can be written with adversarial noise', equation: '(7)', blockRows: 2, item: 2 }, role: 'loss' },
    { at: { anchor: 'We show that loss is monotonically increasing', item: 6, side: 'rhs' }, role: 'factorised' },
  ],
  assumptions: ['‖w‖‖η^n‖ > 0 for strict monotonicity'],
  dependsOn: ['eq07-cos-theta', 'lem1-a2-derivative'],
  params: {
    variable: 'c_{n}',
    readings: {
      convention: THETA.id,
      question: THETA.question,
      quote: THETA.quote,
      readings: THETA.readings.map((r) => ({
        id: r.id,
        statement: r.statement,
        literal: r.literal,
        cosTheta: r.cosTheta,
      })),
    },
    signOf: 'y_{n}',
    factors: [
      {
        expr: 'y_{n}',
        label: 'y^n',
      },
      {
        expr: 'NORM(w) * NORM(eta_{n})',
        label: '‖w‖‖η^n‖',
      },
      {
        expr: 'exp(-y_{n} * DOT(w, x_{n}) + y_{n} * NORM(w) * NORM(eta_{n}) * c_{n}) / (1 + exp(-y_{n} * DOT(w, x_{n}) + y_{n} * NORM(w) * NORM(eta_{n}) * c_{n}))',
        label: 'e^u/(1 + e^u)',
      },
    ],
  },
  variables: [w, x, y, eta, N, c],
});
