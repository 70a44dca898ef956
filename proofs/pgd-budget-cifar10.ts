/**
 * Section 5 (Experimental setup), CIFAR10: L∞ PGD with 7 training / 20 evaluation iterations and step 2/255 — can it
 * reach the ε-ball boundary at every stated ε?
 */
import { claim } from '../src/claims/schema.ts';
import { PGD_START } from './_data/conventions.ts';
import { EPS_SETUP_LINF_RESNET } from './_data/printed.ts';

const ITERATIONS =
  'For CIFAR10 and SVHN, we updated the perturbation for 777 iterations at training time and 202020 iterations at evaluation time.';

/** The PGD budget of the CIFAR10 experiments. */
export const pgdBudgetCifar10 = claim({
  id: 'pgd-budget-cifar10',
  title: 'CIFAR10: PGD steps × step size reach ε',
  statement: 'With 7 (training) and 20 (evaluation) steps of 2/255, L∞ PGD on CIFAR10 can reach ‖δ‖∞ = ε at every stated ε.',
  location: { section: '5' },
  kind: 'pgd-budget',
  category: 'result',
  latex: [
    { printed: EPS_SETUP_LINF_RESNET, role: 'eps-set', parse: false },
    { printed: '\\frac{2}{255}', role: 'step-size', parse: false },
  ],
  quote: ITERATIONS,
  assumptions: ['ε and the step are in pixel units of [0, 1] images'],
  params: {
    readings: { convention: PGD_START.id, question: PGD_START.question, quote: PGD_START.quote, readings: [...PGD_START.readings] },
    settings: [
      {
        dataset: 'CIFAR10',
        norm: 'Linf',
        epsSet: EPS_SETUP_LINF_RESNET,
        stepSize: '\\frac{2}{255}',
        stepQuote: 'A step size of Lsubscript𝐿L_{\\infty}PGD is 22552255\\frac{2}{255}',
        iterationsQuote: ITERATIONS,
        inputDim: 3072,
      },
    ],
  },
});
