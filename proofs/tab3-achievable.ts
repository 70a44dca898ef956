/**
 * Table 3 (L∞ PGD, MNIST2): every printed accuracy is k/n of its split size, rounded to two decimals.
 */
import { claim } from '../src/claims/schema.ts';
import { TABLE_3 } from '../src/tables/paper-tables.ts';

/** The accuracy columns of Table 3. */
export const tab3Achievable = claim({
  id: 'tab3-achievable',
  title: 'Table 3: accuracies are k/n',
  statement:
    'Every train and test accuracy printed in Table 3 (L∞ PGD, MNIST2) is an achievable fraction k/n of its split.',
  location: { section: '5.1', table: 'Table 3' },
  kind: 'table-achievable',
  category: 'result',
  quote: { table: TABLE_3.label },
  assumptions: ['the splits are the official MNIST2 split (12,665 train, 2,115 test)'],
  params: { table: TABLE_3 },
});
