/**
 * Section 5 (Experimental setup), MNIST2: PGD with 40 training / 100 evaluation iterations, step 0.15·ε (L2) and
 * 0.01 (L∞) — can it reach the ε-ball boundary at every stated ε?
 */
import { claim } from '../src/claims/schema.ts';
import { PGD_START } from './_data/conventions.ts';

/** The PGD budget of the MNIST2 experiments. */
export const pgdBudgetMnist2 = claim({
  id: 'pgd-budget-mnist2',
  title: 'MNIST2: PGD steps × step size reach ε',
  statement:
    'With the stated iterations and step sizes, PGD on MNIST2 can reach ‖δ‖ = ε at every stated ε (L2 and L∞).',
  location: { section: '5' },
  kind: 'pgd-budget',
  category: 'result',
  latex: [
    { at: { anchor: 'for MNIST2. The', item: -1 }, role: 'eps-l2', parse: false },
    { at: { anchor: 'for MNIST2 and', item: -1 }, role: 'eps-linf', parse: false },
    { at: { anchor: 'evaluation time on MNIST2. A step size of', item: 2 }, role: 'step-l2', parse: false },
    { at: { anchor: 'For CIFAR10 and SVHN, we updated', item: -1 }, role: 'step-linf', parse: false },
    { at: { anchor: 'For PGD, we updated the perturbation for' }, role: 'iterations-train', parse: false },
    { at: { anchor: 'For PGD, we updated the perturbation for', item: 2 }, role: 'iterations-eval', parse: false },
  ],
  quote: 'For PGD, we updated the perturbation for',
  assumptions: ['ε and the L∞ step are in pixel units of [0, 1] images (ε = 76.5/255 = 0.3 as in Madry et al.)'],
  params: {
    readings: {
      convention: PGD_START.id,
      question: PGD_START.question,
      quote: PGD_START.quote,
      readings: [...PGD_START.readings],
    },
    settings: [
      {
        dataset: 'MNIST2',
        norm: 'L2',
        epsSet: 'eps-l2',
        stepSize: 'step-l2',
        iterations: { train: 'iterations-train', eval: 'iterations-eval' },
        inputDim: 784,
      },
      {
        dataset: 'MNIST2',
        norm: 'Linf',
        epsSet: 'eps-linf',
        stepSize: 'step-linf',
        iterations: { train: 'iterations-train', eval: 'iterations-eval' },
        inputDim: 784,
      },
    ],
  },
});
