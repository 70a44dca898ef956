/**
 * Section 5 (Experimental setup), SVHN: L∞ PGD with 7 training / 20 evaluation iterations and step 1/255 — can it
 * reach the ε-ball boundary at every stated ε?
 */
import { claim } from '../src/claims/schema.ts';
import { PGD_START } from './_data/conventions.ts';

/** The PGD budget of the SVHN experiments. */
export const pgdBudgetSvhn = claim({
  id: 'pgd-budget-svhn',
  title: 'SVHN: PGD steps × step size reach ε',
  statement:
    'With 7 (training) and 20 (evaluation) steps of 1/255, L∞ PGD on SVHN can reach ‖δ‖∞ = ε at every stated ε.',
  location: { section: '5' },
  kind: 'pgd-budget',
  category: 'result',
  latex: [
    { at: { anchor: 'for CIFAR10 and SVHN. For PGD', item: -1 }, role: 'eps-set', parse: false },
    { at: { anchor: 'in SVHN. For random noise', item: -1 }, role: 'step-size', parse: false },
    { at: { anchor: 'For CIFAR10 and SVHN, we updated the perturbation for' }, role: 'iterations-train', parse: false },
    {
      at: { anchor: 'For CIFAR10 and SVHN, we updated the perturbation for', item: 2 },
      role: 'iterations-eval',
      parse: false,
    },
  ],
  quote: 'For CIFAR10 and SVHN, we updated the perturbation for',
  assumptions: ['ε and the step are in pixel units of [0, 1] images'],
  params: {
    readings: {
      convention: PGD_START.id,
      question: PGD_START.question,
      quote: PGD_START.quote,
      readings: [...PGD_START.readings],
    },
    settings: [
      {
        dataset: 'SVHN',
        norm: 'Linf',
        epsSet: 'eps-set',
        stepSize: 'step-size',
        iterations: { train: 'iterations-train', eval: 'iterations-eval' },
        inputDim: 3072,
      },
    ],
  },
});
