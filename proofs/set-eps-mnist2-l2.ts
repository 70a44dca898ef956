/**
 * The L2 ε sets for MNIST2: the experimental setup, the random-noise paragraph and the rows of Tables 1 and 2.
 */
import { claim } from '../src/claims/schema.ts';
import { SENTENCE_RANDOM_NOISE } from './_data/printed.ts';
import { TABLE_1, TABLE_2 } from '../src/tables/paper-tables.ts';

/** Agreement of the L2 ε sets stated for MNIST2. */
export const setEpsMnist2L2 = claim({
  id: 'set-eps-mnist2-l2',
  title: 'MNIST2 L2: stated ε sets agree',
  statement:
    'The L2 ε set of the setup, the random-noise magnitudes and the ε rows of Tables 1 and 2 are one set, {0, 0.2, 0.4, 0.6, 0.8, 1}.',
  location: { section: '5.1', table: 'Tables 1–2' },
  kind: 'eps-sets',
  category: 'presentation',
  latex: [
    { at: { anchor: 'for MNIST2. The', item: -1 }, role: 'eps-setup', parse: false },
    { at: { anchor: 'distribution constrained to the' }, role: 'eps-random', parse: false },
  ],
  quote: SENTENCE_RANDOM_NOISE,
  params: {
    sets: [
      { name: 'setup', place: 'Section 5 (setup), L2 for MNIST2', source: { from: 'latex', role: 'eps-setup' } },
      {
        name: 'random',
        place: 'Section 5.1 (Comparison with Random Noise), L2',
        source: { from: 'latex', role: 'eps-random' },
      },
      { name: 'table1', place: 'Table 1 rows', source: { from: 'table', table: TABLE_1 } },
      { name: 'table2', place: 'Table 2 rows', source: { from: 'table', table: TABLE_2 } },
    ],
    relations: [
      { a: 'setup', b: 'table1', relation: 'equal', why: 'Table 1 reports L2 PGD training at the setup ε' },
      { a: 'random', b: 'table2', relation: 'equal', why: 'Table 2 reports the L2 random-noise runs' },
      {
        a: 'random',
        b: 'setup',
        relation: 'equal',
        why: 'Fig. 1 compares L2 PGD and L2 random noise magnitude by magnitude',
      },
    ],
  },
});
