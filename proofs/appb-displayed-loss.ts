/**
 * Appendix B opens with "The loss function is" and displays Eq. (1), the loss without perturbation; its lines then
 * differentiate the robust loss L_η (they carry ‖η^n‖). Is line 1 the Hessian of the loss Appendix B displays?
 */
import { claim } from '../src/claims/schema.ts';
import { N, eta, w, x, y } from './variables.ts';

export const appbDisplayedLoss = claim({
  id: 'appb-displayed-loss',
  title: 'Appendix B: the loss it displays is the loss it differentiates',
  statement:
    'The Hessian Appendix B derives (line 1) is that of the loss it displays first, L = (1/N) Σ log(1 + exp(−y^n w·x^n)).',
  location: { section: 'Appendix B', line: 1 },
  kind: 'derivative',
  category: 'presentation',
  quote: 'Compute the Hessian matrix of the adversarial training model of logistic regression. The loss function is',
  latex: [
    {
      at: {
        anchor: 'Compute the Hessian matrix of the adversarial training model',
        row: 1,
        blockRows: 2,
        item: 2,
        side: 'rhs',
      },
      role: 'base',
    },
    {
      at: {
        anchor: 'Compute the Hessian matrix of the adversarial training model',
        row: 2,
        blockRows: 2,
        item: 2,
        side: 'rhs',
      },
      role: 'def:ell',
    },
    { at: { anchor: 'The Hessian matrix of loss along weight', row: 1, blockRows: 17 }, role: 'rhs' },
    { at: { anchor: 'The Hessian matrix of loss along weight', row: 2, blockRows: 17 }, role: 'rhs' },
    { at: { anchor: 'The Hessian matrix of loss along weight', row: 3, blockRows: 17 }, role: 'rhs' },
  ],
  assumptions: ['lines 1–9 are checked against the robust loss in appb-l1 … appb-l9'],
  dependsOn: ['eq01-logistic-loss', 'appb-l1'],
  params: {
    wrt: ['w_{i}', 'w_{j}'],
    indices: ['i', 'j'],
    derived: String.raw`\frac{1}{N}\sum_{n}\frac{\exp\left(-y^{n}\bm{w}\cdot\bm{x}^{n}\right)x_{i}^{n}x_{j}^{n}}{\left(1+\exp\left(-y^{n}\bm{w}\cdot\bm{x}^{n}\right)\right)^{2}}`,
  },
  variables: [w, x, y, eta, N],
});
