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
    'the premise, every data point at its own minimum, cannot hold for two models trained at different ε on the same data (the check shows it), so the theorem as stated compares nothing; its conclusion is decided where models are trained: at real optima of the shared synthetic problems (src/decide/synthetic.ts), at each ε and at matched training loss',
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
      // Each reading of "sharpness" compares the models as trained at each ε, and at matched training loss: the model
      // of the smaller ε brought (on its regularisation path) to the training loss of the larger ε's optimum, so that
      // "sharper with a larger ε" is not only "sharper at a higher loss" (claimcheck's reading; see MATCHED_LOSS).
      readings: [
        ...SHARPNESS.readings.map((r) => ({ ...r, match: 'eps' as const })),
        ...SHARPNESS.readings.map((r) => ({
          ...r,
          id: `${r.id}-matched-loss`,
          statement: `${r.statement}, compared at matched training loss: the model trained at the larger ε against the model trained at the smaller ε stopped (on its regularisation path) at the same training loss`,
          literal: false,
          match: 'loss' as const,
        })),
      ],
    },
  },
  variables: [],
});
