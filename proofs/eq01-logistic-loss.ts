/** Eq. (1): the logistic loss; Eq. (7) first line must reduce to it at η = 0. */
import { claim } from '../src/claims/schema.ts';
import { N, eta, w, x, y } from './variables.ts';

export const eq01LogisticLoss = claim({
  id: 'eq01-logistic-loss',
  title: 'Logistic loss',
  statement:
    'L = (1/N) Σ_n ℓ(x^n, y^n, w) with ℓ = log(1 + exp(−y^n w·x^n)); the loss of Eq. (7) at η = 0 is this loss.',
  location: {
    section: '2.1',
    equation: '(1)',
  },
  kind: 'identity',
  category: 'derivation',
  quote: 'A loss function of logistic regression is defined as',
  latex: [
    {
      at: {
        anchor: 'A loss function of logistic regression is defined as',
        equation: '(1)',
        blockRows: 2,
        item: 2,
        side: 'rhs',
      },
      role: 'lhs',
    },
    {
      at: {
        anchor: 'A loss function of logistic regression is defined as',
        equation: '(1)',
        row: 2,
        blockRows: 2,
        item: 2,
        side: 'rhs',
      },
      role: 'def:ell',
    },
    { at: { anchor: 'can be written with adversarial noise', equation: '(7)', blockRows: 2, item: 2 }, role: 'rhs' },
  ],
  assumptions: ['y^n ∈ {−1, 1}'],
  dependsOn: [],
  params: {
    rhsSubstitutions: [
      {
        target: 'eta_{k}_{n}',
        expr: '0',
      },
    ],
    derived: String.raw`\log\left(1+\exp\left(-y^{n}\bm{w}\cdot\bm{x}^{n}\right)\right)`,
  },
  variables: [w, x, y, eta, N],
});
