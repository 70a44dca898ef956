/** §3.2, after Eq. (7): "Since an adversarial example must increase the loss, Lemma 1 shows y^n cos θ^n = 1". */
import { claim } from '../src/claims/schema.ts';
import { N, eta, w, x, y } from './variables.ts';
import { THETA } from './_data/conventions.ts';

export const sec32YCosTheta = claim({
  id: 'sec32-y-cos-theta',
  title: 'The adversarial example has y^n cos θ^n = 1',
  statement:
    'Since an adversarial example must increase the loss, Lemma 1 shows y^n cos θ^n = 1: the perturbation of a given norm that maximises the loss has y^n cos θ^n = 1.',
  location: { section: '3.2', equation: 'after (7)' },
  kind: 'argmax-angle',
  category: 'derivation',
  quote: 'Since an adversarial example must increase the loss, Lemma\u00a01 shows',
  latex: [
    { at: { anchor: 'can be written with adversarial noise', equation: '(7)', blockRows: 2, item: 2 }, role: 'loss' },
  ],
  variables: [w, x, y, eta, N],
  assumptions: [
    'the adversarial example maximises the loss over perturbations of the same norm ‖η^n‖ (Eq. (2) on the sphere)',
  ],
  dependsOn: ['eq07-cos-theta', 'lem1-monotone'],
  params: {
    value: 1,
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
  },
});
