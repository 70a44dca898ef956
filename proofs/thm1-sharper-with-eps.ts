/** Theorem 1: at per-point optima, larger L2 adversarial noise gives a sharper weight loss landscape. */
import { claim } from '../src/claims/schema.ts';
import { EQUAL_WEIGHT_NORMS, PER_POINT_OPTIMALITY } from './_data/assumptions.ts';
import { SHARPNESS } from './_data/conventions.ts';

export const thm1SharperWithEps = claim({
  id: 'thm1-sharper-with-eps',
  title: 'Theorem 1',
  statement:
    'When the loss converges to the minimum for each data point, the landscape becomes sharper for robust models trained with a larger L2 norm of adversarial noise.',
  location: {
    section: '3.2',
    equation: 'Theorem 1',
  },
  kind: 'synthetic-optimum',
  category: 'result',
  quote: 'the weight loss landscape become sharper for robust models trained with a large norm of adversarial noise',
  assumptions: [
    'the premise, every data point at its own minimum, cannot hold for two models trained at different ε on the same data (the check shows it), so the theorem as stated compares nothing; its conclusion is decided where models are trained: at real optima of the shared synthetic problem',
  ],
  dependsOn: ['eq09-hessian-at-optimum', 'eq12-norm-inequality'],
  params: {
    mode: 'theorem',
    premise: PER_POINT_OPTIMALITY,
    assumption: EQUAL_WEIGHT_NORMS,
    conclusion: 'increasing',
    readings: {
      convention: SHARPNESS.id,
      question: SHARPNESS.question,
      quote: SHARPNESS.quote,
      readings: [...SHARPNESS.readings],
    },
  },
  variables: [],
});
