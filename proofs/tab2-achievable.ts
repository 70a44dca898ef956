/**
 * Table 2 (L2 RANDOM, MNIST2): every printed accuracy is k/n of its split size, rounded to two decimals.
 */
import { claim } from '../src/claims/schema.ts';
import { TABLE_2 } from '../src/tables/paper-tables.ts';

/** The accuracy columns of Table 2. */
export const tab2Achievable = claim({
  id: 'tab2-achievable',
  title: 'Table 2: accuracies are k/n',
  statement:
    'Every train and test accuracy printed in Table 2 (L2 RANDOM, MNIST2) is an achievable fraction k/n of its split.',
  location: { section: '5.1', table: 'Table 2' },
  kind: 'table-achievable',
  category: 'result',
  quote: { table: TABLE_2.label },
  assumptions: ['the splits are the official MNIST2 split (12,665 train, 2,115 test)'],
  params: { table: TABLE_2 },
});
