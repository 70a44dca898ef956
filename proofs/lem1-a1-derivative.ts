/** Appendix A, first line of the proof of Lemma 1: the chain rule through log. */
import { claim } from '../src/claims/schema.ts';
import { c, eta, w, x, y } from './variables.ts';

export const lem1A1Derivative = claim({
  id: 'lem1-a1-derivative',
  title: 'Lemma 1 proof, line 1',
  statement: '∂/∂cos θ log(1+exp(u)) = (∂/∂cos θ exp(u)) / (1+exp(u)).',
  location: {
    section: 'Appendix A',
    line: 1,
  },
  kind: 'derivative',
  category: 'derivation',
  quote: 'We show that loss is monotonically increasing for',
  latex: [
    { at: { anchor: 'We show that loss is monotonically increasing', item: 4, skip: 1 }, role: 'base' },
    { at: { anchor: 'We show that loss is monotonically increasing', item: 5, side: 'rhs' }, role: 'rhs' },
  ],
  dependsOn: ['eq07-cos-theta'],
  params: {
    wrt: ['c_{n}'],
    points: [1],
    derived: String.raw`\frac{y^{n}\left\|\bm{w}\right\|\left\|\bm{\eta}^{n}\right\|\left(\exp\left(-y^{n}\bm{w}\cdot\bm{x}^{n}+y^{n}\left\|\bm{w}\right\|\left\|\bm{\eta}^{n}\right\|\cos\theta^{n}\right)\right)}{1+\exp\left(-y^{n}\bm{w}\cdot\bm{x}^{n}+y^{n}\left\|\bm{w}\right\|\left\|\bm{\eta}^{n}\right\|\cos\theta^{n}\right)}`,
  },
  variables: [w, x, y, eta, c],
});
