/** Eq. (13): the gradient of the loss with arbitrary (random) noise. */
import { claim } from '../src/claims/schema.ts';
import { N, eta, w, x, y } from './variables.ts';
import { EQ7_LINE1, G_DEFINITION } from './_data/formulas.ts';

export const eq13GradientRandom = claim({
  id: "eq13-gradient-random",
  title: "Gradient with random noise",
  statement: "∂L_η/∂w_i = −(1/N) Σ_n −y^n (g^n − 1) x_i^n / g^n with g^n = 1 + exp(−y^n w·(x^n + η^n)).",
  location: {
    section: "3.2",
    equation: "(13)",
  },
  kind: "derivative",
  category: 'derivation',
  quote: 'The derivative of the loss with arbitrary noise is',
  latex: [
    {
      printed: EQ7_LINE1,
      role: "base",
    },
    {
      printed: String.raw`-\frac{1}{N}\sum_{n}\frac{-y^{n}\left(g^{n}-1\right)x_{i}^{n}}{g^{n}}`,
      role: "rhs",
    },
    {
      printed: G_DEFINITION,
      role: "def:g",
    },
  ],
  dependsOn: [
    "eq01-logistic-loss",
  ],
  params: {
    wrt: [
      "w_{i}",
    ],
    indices: [
      "i",
    ],
    derived: String.raw`\frac{1}{N}\sum_{n}\frac{-y^{n}\left(g^{n}-1\right)\left(x_{i}^{n}+\eta_{i}^{n}\right)}{g^{n}}`,
    correction: String.raw`\frac{1}{N}\sum_{n}\frac{-y^{n}\left(g^{n}-1\right)\left(x_{i}^{n}+\eta_{i}^{n}\right)}{g^{n}}`,
  },
  variables: [w, x, y, eta, N],
});
