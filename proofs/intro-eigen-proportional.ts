/**
 * Introduction: "we show that the eigenvalues of the Hessian matrix in the weight loss landscape are proportional to the
 * norm of the noise in the adversarial noise" (the content of Eq. (9): (1/2N)Σ‖η^n‖/‖w*‖).
 */
import { claim } from '../src/claims/schema.ts';
import { EQUAL_WEIGHT_NORMS, PER_POINT_OPTIMALITY } from './_data/assumptions.ts';
import { SHARPNESS } from './_data/conventions.ts';

export const introEigenProportional = claim({
  id: 'intro-eigen-proportional',
  title: 'Hessian eigenvalues proportional to the norm of the noise',
  statement:
    'The eigenvalues of the Hessian at the optimum are proportional to the norm of the adversarial noise: λmax(ε) = a·ε for one constant a.',
  location: { section: '1' },
  kind: 'synthetic-optimum',
  category: 'result',
  quote:
    'Finally, we show that the eigenvalues of the Hessian matrix in the weight loss landscape are proportional to the norm of the noise in the adversarial noise.',
  assumptions: [
    '‖η^n‖ = ε for every n (the L2 adversarial perturbation lies on the sphere)',
    'the premise of Eq. (9), every data point stationary at w*, cannot hold for two models trained at different ε on the same data, so the statement is decided where models are trained: at real optima of the shared synthetic problems (src/decide/synthetic.ts)',
  ],
  dependsOn: ['eq09-hessian-at-optimum', 'eq12-norm-inequality'],
  params: {
    mode: 'theorem',
    premise: PER_POINT_OPTIMALITY,
    assumption: EQUAL_WEIGHT_NORMS,
    conclusion: 'proportional',
    readings: {
      convention: SHARPNESS.id,
      question: SHARPNESS.question,
      quote: SHARPNESS.quote,
      readings: [...SHARPNESS.readings],
    },
  },
});
