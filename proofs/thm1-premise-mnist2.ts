/**
 * Theorem 1's premise in the experiment that "confirms" it: per-point stationarity forces ‖x^n‖ = ‖η^n‖ ≤ ε for every
 * training point (sec3-optimality-condition). Can it hold on MNIST2 at the L2 ε of §5?
 */
import { claim } from '../src/claims/schema.ts';

export const thm1PremiseMnist2 = claim({
  id: 'thm1-premise-mnist2',
  title: "Theorem 1's premise on MNIST2",
  statement:
    'The premise of Theorem 1 (the loss of every data point at its minimum) can hold for the MNIST2 models of §5, which are said to confirm it.',
  location: { section: '5.1', table: 'Figure 3' },
  kind: 'mnist2-sharpness',
  category: 'result',
  states: 'per-point-optimality',
  quote: 'We experimentally confirmed Theorem\u00a01 on dataset MNIST2',
  assumptions: [
    "the L2 adversarial ε of the sweep (the paper's {0.2, …, 1})",
    'every training image of the split the sweep uses',
  ],
  dependsOn: ['sec3-optimality-condition', 'thm1-sharper-with-eps'],
  measurements: ['mnist2'],
  params: { form: 'premise-data' },
});
