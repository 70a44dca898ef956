/** Eq. (13): the gradient of the loss with arbitrary (random) noise. */
import { claim } from '../src/claims/schema.ts';
import { N, eta, w, x, y } from './variables.ts';

export const eq13GradientRandom = claim({
  id: 'eq13-gradient-random',
  title: 'Gradient with random noise',
  statement: '∂L_η/∂w_i = −(1/N) Σ_n −y^n (g^n − 1) x_i^n / g^n with g^n = 1 + exp(−y^n w·(x^n + η^n)).',
  location: {
    section: '3.2',
    equation: '(13)',
  },
  kind: 'derivative',
  category: 'derivation',
  quote: 'The derivative of the loss with arbitrary noise is',
  latex: [
    { at: { anchor: 'can be written with adversarial noise', equation: '(7)', blockRows: 2, item: 2 }, role: 'base' },
    {
      at: {
        anchor: 'The derivative of the loss with arbitrary noise is',
        equation: '(13)',
        blockRows: 1,
        item: 2,
        side: 'rhs',
      },
      role: 'rhs',
    },
    { at: { anchor: 'where gn', side: 'rhs' }, role: 'def:g' },
  ],
  dependsOn: ['eq01-logistic-loss'],
  params: {
    wrt: ['w_{i}'],
    indices: ['i'],
    derived: String.raw`\frac{1}{N}\sum_{n}\frac{-y^{n}\left(g^{n}-1\right)\left(x_{i}^{n}+\eta_{i}^{n}\right)}{g^{n}}`,
    correction: {
      latex: String.raw`\frac{1}{N}\sum_{n}\frac{-y^{n}\left(g^{n}-1\right)\left(x_{i}^{n}+\eta_{i}^{n}\right)}{g^{n}}`,
    },
  },
  variables: [w, x, y, eta, N],
});
