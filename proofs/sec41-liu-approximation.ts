/** Section 4.1: the printed form of Liu et al.'s approximated loss. */
import { claim } from '../src/claims/schema.ts';
import { N, c, eps, eta, w, x, y } from './variables.ts';

export const sec41LiuApproximation = claim({
  id: 'sec41-liu-approximation',
  title: "Liu et al.'s approximated loss",
  statement: 'Liu et al. (2020) used the approximation L_η = (1/N) Σ_n y^n log(1 + exp(−y^n w·x^n + η^n)).',
  location: {
    section: '4.1',
  },
  kind: 'liu-approximation',
  category: 'derivation',
  quote: 'used an approximation of the loss function as',
  latex: [
    { at: { anchor: 'used an approximation of the loss function as', side: 'rhs' }, role: 'liu' },
    { at: { anchor: 'can be written with adversarial noise', equation: '(7)', row: 2, blockRows: 2 }, role: 'eq7' },
  ],
  dependsOn: ['sec41-robust-loss'],
  params: {
    readings: {
      convention: 'sec41-liu-approximation',
      question: 'which scalar does the vector η^n added to the margin stand for?',
      readings: [
        {
          id: 'norm-product',
          statement: 'η^n stands for ‖w‖‖η^n‖ (the size of the worst-case term, ε‖w‖ on the L2 sphere)',
          from: String.raw`+{\bm{\eta}}^{n}`,
          to: String.raw`+\left\|{\bm{w}}\right\|\left\|{\bm{\eta}}^{n}\right\|`,
        },
        {
          id: 'inner-product',
          statement: "η^n stands for −y^n w·η^n (the perturbation's own term of −y^n w·(x^n + η^n))",
          from: String.raw`+{\bm{\eta}}^{n}`,
          to: String.raw`-y^{n}{\bm{w}}\cdot{\bm{\eta}}^{n}`,
        },
      ],
    },
    correction: {
      latex: String.raw`\frac{1}{N}\sum_{n}\log\left(1+\exp\left(-y^{n}{\bm{w}}\cdot{\bm{x}}^{n}+\left\|{\bm{w}}\right\|\left\|{\bm{\eta}}^{n}\right\|\right)\right)`,
    },
  },
  variables: [w, x, y, eta, eps, N, c],
});
