/** Eq. (7): the loss with the perturbation written through ‖w‖‖η^n‖cos θ^n. */
import { claim } from '../src/claims/schema.ts';
import { N, c, eta, w, x, y } from './variables.ts';
import { THETA } from './_data/conventions.ts';

export const eq07CosTheta = claim({
  id: 'eq07-cos-theta',
  title: 'Loss written with cos θ',
  statement: 'Σ log(1+exp(−y w·(x+η))) = Σ log(1+exp(−y w·x + y‖w‖‖η‖cos θ)).',
  location: {
    section: '3.2',
    equation: '(7)',
  },
  kind: 'identity',
  category: 'derivation',
  quote: 'can be written with adversarial noise',
  latex: [
    { at: { anchor: 'can be written with adversarial noise', equation: '(7)', blockRows: 2, item: 2 }, role: 'lhs' },
    { at: { anchor: 'can be written with adversarial noise', equation: '(7)', row: 2, blockRows: 2 }, role: 'rhs' },
  ],
  dependsOn: ['eq01-logistic-loss'],
  params: {
    readings: {
      convention: THETA.id,
      question: THETA.question,
      quote: THETA.quote,
      readings: THETA.readings.map((r) => ({
        id: r.id,
        statement: r.statement,
        literal: r.literal,
        substitutions: [{ target: 'c_{n}', expr: r.cosTheta }],
      })),
    },
  },
  variables: [w, x, y, eta, N, c],
});
