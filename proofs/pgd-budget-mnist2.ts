/**
 * Section 5 (Experimental setup), MNIST2: PGD with 40 training / 100 evaluation iterations, step 0.15·ε (L2) and
 * 0.01 (L∞) — can it reach the ε-ball boundary at every stated ε?
 */
import { claim } from '../src/claims/schema.ts';
import { PGD_START } from './_data/conventions.ts';
import { EPS_SETUP_L2_MNIST2, EPS_SETUP_LINF_MNIST2 } from './_data/printed.ts';

const ITERATIONS =
  'For PGD, we updated the perturbation for 404040 iterations at training time and 100100100 iterations at evaluation time on MNIST2.';

/** The PGD budget of the MNIST2 experiments. */
export const pgdBudgetMnist2 = claim({
  id: 'pgd-budget-mnist2',
  title: 'MNIST2: PGD steps × step size reach ε',
  statement: 'With the stated iterations and step sizes, PGD on MNIST2 can reach ‖δ‖ = ε at every stated ε (L2 and L∞).',
  location: { section: '5' },
  kind: 'pgd-budget',
  category: 'result',
  latex: [
    { printed: EPS_SETUP_L2_MNIST2, role: 'eps-set', parse: false },
    { printed: EPS_SETUP_LINF_MNIST2, role: 'eps-set', parse: false },
    { printed: '0.15\\times\\varepsilon', role: 'step-size', parse: false },
    { printed: '0.01', role: 'step-size', parse: false },
  ],
  quote: ITERATIONS,
  assumptions: ['ε and the L∞ step are in pixel units of [0, 1] images (ε = 76.5/255 = 0.3 as in Madry et al.)'],
  params: {
    readings: { convention: PGD_START.id, question: PGD_START.question, quote: PGD_START.quote, readings: [...PGD_START.readings] },
    settings: [
      {
        dataset: 'MNIST2',
        norm: 'L2',
        epsSet: EPS_SETUP_L2_MNIST2,
        stepSize: '0.15\\times\\varepsilon',
        stepQuote: 'A step size of L2subscript𝐿2L_{\\rm 2}PGD is 0.15×ε0.15𝜀0.15\\times\\varepsilon',
        iterationsQuote: ITERATIONS,
        inputDim: 784,
      },
      {
        dataset: 'MNIST2',
        norm: 'Linf',
        epsSet: EPS_SETUP_LINF_MNIST2,
        stepSize: '0.01',
        stepQuote: 'a step size of Lsubscript𝐿L_{\\infty}PGD is 0.010.010.01',
        iterationsQuote: ITERATIONS,
        inputDim: 784,
      },
    ],
  },
});
