/** Eq. (5), section 2.4: the adversarial weight-loss landscape with the max written outside the mean. */
import { claim } from '../src/claims/schema.ts';
import { BALL } from './_data/conventions.ts';
import { eps, w, x, y } from './variables.ts';

export const eq05LandscapeMaxOutsideSum = claim({
  id: 'eq05-landscape-max-outside-sum',
  title: 'Landscape g(α) = max_{η^n} (1/N) Σ_n ℓ(x^n + η^n, y^n, w + αh): one max outside the mean',
  statement:
    'The filter normalisation with adversarial training visualises g(α), the maximum over η^n ∈ 𝔹_p(x^n, ε) of the mean over n of ℓ(x^n + η^n, y^n, w + αh); the single max outside the mean equals the mean of the per-point maxima.',
  location: { section: '2.4', equation: '(5)' },
  kind: 'separable-max',
  category: 'derivation',
  latex: [
    {
      at: { anchor: 'visualizes the change of loss by adding noise to the weight as', equation: '(5)', blockRows: 1 },
      role: 'definition',
      parse: false,
      modelled: '27bd81d16c1c4838',
    },
  ],
  quote:
    'The filter normalization with adversarial training visualizes the change of loss by adding noise to the weight as',
  variables: [
    x,
    y,
    w,
    eps,
    {
      symbol: '\\alpha',
      name: 'alpha',
      domain: { type: 'interval', lo: -1, hi: 1, loOpen: false, hiOpen: false },
      description: 'step α along h (loss-landscape grid −1:1)',
    },
    {
      symbol: '\\bm{h}',
      name: 'h',
      domain: { type: 'vector', lo: -2, hi: 2, minNorm: 0.1 },
      description: 'direction h ~ N(0, I), filter-normalised to ‖h‖ = ‖w‖ (Eq. (6))',
    },
  ],
  assumptions: [
    'the linear logistic model of Eq. (1) with p = 2',
    'the ball of each η^n is the closed ball ‖η^n‖₂ ≤ ε centred at 0 (the correction of Eq. (2))',
  ],
  dependsOn: ['eq02-adversarial-example', 'eq04-adversarial-training'],
  params: {
    structure: 'product',
    readings: { convention: BALL.id, question: BALL.question, quote: BALL.quote, readings: [...BALL.readings] },
  },
});
