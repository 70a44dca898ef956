/** Eq. (14): the Hessian of the loss with random noise (uses (y^n)² = 1). */
import { claim } from '../src/claims/schema.ts';
import { N, eta, w, x, y } from './variables.ts';

export const eq14HessianRandom = claim({
  id: 'eq14-hessian-random',
  title: 'Hessian with random noise',
  statement: '∂²L_η/∂w_i∂w_j = (1/N) Σ_n (g^n − 1)/(g^n)² (x_i^n + η_i^n)(x_j^n + η_j^n).',
  location: {
    section: '3.2',
    equation: '(14)',
  },
  kind: 'derivative',
  category: 'derivation',
  latex: [
    { at: { anchor: 'can be written with adversarial noise', equation: '(7)', blockRows: 2, item: 2 }, role: 'base' },
    { at: { anchor: 'where gn', equation: '(14)', blockRows: 1, side: 'rhs' }, role: 'rhs' },
    { at: { anchor: 'where gn', side: 'rhs' }, role: 'def:g' },
  ],
  assumptions: ['(y^n)² = 1'],
  dependsOn: ['eq13-gradient-random'],
  params: {
    wrt: ['w_{i}', 'w_{j}'],
    indices: ['i', 'j'],
    yOnReals: true,
    derived: String.raw`\frac{1}{N}\sum_{n}\frac{\left(g^{n}-1\right)}{\left(g^{n}\right)^{2}}\left(x_{i}^{n}+\eta_{i}^{n}\right)\left(x_{j}^{n}+\eta_{j}^{n}\right)`,
  },
  variables: [w, x, y, eta, N],
});
