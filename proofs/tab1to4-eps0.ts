/**
 * Tables 1–4: the ε = 0 rows are the standard model evaluated without attack, so they should all report one model.
 */
import { claim } from '../src/claims/schema.ts';
import { TABLE_1, TABLE_2, TABLE_3, TABLE_4 } from '../src/tables/paper-tables.ts';

/** The ε = 0 rows of the four MNIST2 tables. */
export const tab1to4Eps0 = claim({
  id: 'tab1to4-eps0',
  title: 'Tables 1–4: one standard model at ε = 0',
  statement:
    'At ε = 0 no noise is added, so the ε = 0 rows of Tables 1–4 (standard training on MNIST2) report the same model and should agree.',
  location: { section: '5.1', table: 'Tables 1–4' },
  kind: 'table-eps0',
  category: 'result',
  quote: 'than in standard training (ε=0𝜀0\\varepsilon=0)',
  assumptions: [
    'PGD and random noise with ε = 0 leave the data unchanged, so ε = 0 is standard training in every table',
    'accuracies are k/n of the official MNIST2 split (12,665 train, 2,115 test)',
  ],
  params: {
    tables: [TABLE_1, TABLE_2, TABLE_3, TABLE_4],
    readings: {
      convention: 'tab1to4-eps0',
      question: 'do the ε = 0 rows of the four tables come from one standard-training run, or from one run per table?',
      readings: [
        { id: 'one-run', statement: 'one standard model, evaluated in every table', runs: 'one-run' },
        {
          id: 'separate-runs',
          statement: 'one standard-training run per table (the paper does not say which)',
          runs: 'separate-runs',
        },
      ],
    },
  },
});
