/** Eq. (4), section 2.3: adversarial training as min over w of the mean inner maximum. */
import { claim } from '../src/claims/schema.ts';
import { eps, w, x, y } from './variables.ts';
import { BALL } from './_data/conventions.ts';

export const eq04AdversarialTraining = claim({
  id: 'eq04-adversarial-training',
  title: 'Adversarial training: min_w (1/N) Σ_n max_{η^n ∈ 𝔹_p(x^n, ε)} ℓ(x^n + η^n, y^n, w)',
  statement:
    'Adversarial training minimises over w the mean over n of the maximum of ℓ(x^n + η^n, y^n, w) over η^n ∈ 𝔹_p(x^n, ε); for the linear model this inner maximum is the robust loss softplus(−y^n w·x^n + ε‖w‖₂) (L2) that the analysis of Eq. (7) uses without approximation (section 4.1).',
  location: { section: '2.3', equation: '(4)' },
  kind: 'robust-inner-max',
  category: 'derivation',
  latex: [
    {
      at: {
        anchor: 'Adversarial training learns the model with adversarial examples as',
        equation: '(4)',
        blockRows: 1,
      },
      role: 'objective',
      parse: false,
      modelled: '21513a920e7127ff',
    },
  ],
  quote: 'Adversarial training learns the model with adversarial examples as',
  variables: [x, y, w, eps],
  assumptions: [
    'the linear logistic model of Eq. (1)',
    'p = 2 for the closed form the analysis uses; p = ∞ (dual norm ‖w‖₁) checked alongside',
  ],
  dependsOn: ['eq02-adversarial-example'],
  params: {
    forms: [
      { ball: 'l2', dualNorm: 'l2' },
      { ball: 'linf', dualNorm: 'l1' },
    ],
    readings: { convention: BALL.id, question: BALL.question, quote: BALL.quote, readings: [...BALL.readings] },
  },
});
