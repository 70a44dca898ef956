/** Eq. (2), section 2.2: the adversarial example as the argmax of the loss over a norm ball. */
import { claim } from '../src/claims/schema.ts';
import { eps, w, x, y } from './variables.ts';
import { BALL } from './_data/conventions.ts';

export const eq02AdversarialExample = claim({
  id: 'eq02-adversarial-example',
  title: 'Adversarial example: argmax of the loss over 𝔹_p(x^n, ε)',
  statement:
    'The adversarial perturbation is η^n = argmax over η^n ∈ 𝔹_p(x^n, ε) of ℓ(x^n + η^n, y^n, w), where 𝔹_p(x^n, ε) is the region around x^n where the L_p norm is less than ε.',
  location: { section: '2.2', equation: '(2)' },
  kind: 'ball-argmax',
  category: 'derivation',
  latex: [
    {
      at: { anchor: 'Adversarial example', equation: '(2)', blockRows: 1 },
      role: 'definition',
      parse: false,
      modelled: '90120f5b566096c7',
    },
    {
      at: { anchor: 'is the region around', item: -1 },
      role: 'constraint-set',
      parse: false,
      modelled: '2e8bd1111c1ea115',
    },
  ],
  quote:
    'where 𝔹p(𝒙n,ε)subscript𝔹psuperscript𝒙𝑛𝜀\\mathbb{B}_{\\rm p}\\left({\\bm{x}}^{n},\\varepsilon\\right) is the region around 𝒙nsuperscript𝒙𝑛{\\bm{x}}^{n} where the Lpsubscript𝐿pL_{\\rm{p}} norm is less than ε𝜀\\varepsilon.',
  variables: [x, y, w, eps],
  assumptions: [
    'the linear logistic model of Eq. (1): ℓ(x + η, y, w) = softplus(−y w·(x + η))',
    'p ∈ {2, ∞} (the norms of the experiments)',
  ],
  dependsOn: ['eq01-logistic-loss'],
  params: {
    readings: { convention: BALL.id, question: BALL.question, quote: BALL.quote, readings: [...BALL.readings] },
    norms: ['l2', 'linf'],
    correction: {
      latex: String.raw`\bm{\eta}^{n}=\underset{\|\bm{\eta}^{n}\|_{p}\le\varepsilon}{{\rm argmax}}\,\ell\left(\bm{x}^{n}+\bm{\eta}^{n},y^{n},\bm{w}\right)`,
      statement:
        'η^n ranges over the CLOSED ball ‖η^n‖_p ≤ ε centred at 0 (equivalently x′ in the closed ball around x^n); for the linear model the maximiser is η^n = −yεw/‖w‖₂ for p = 2 (unique) and −yε sign(w) for p = ∞ (unique when every w_i ≠ 0)',
    },
  },
});
