/**
 * Table 5 (L∞ PGD, CIFAR10): every printed accuracy is k/n of its split size, rounded to two decimals.
 */
import { claim } from '../src/claims/schema.ts';
import { TABLE_5 } from '../src/tables/paper-tables.ts';

/** The accuracy columns of Table 5. */
export const tab5Achievable = claim({
  id: 'tab5-achievable',
  title: 'Table 5: accuracies are k/n',
  statement:
    'Every train and test accuracy printed in Table 5 (L∞ PGD, CIFAR10) is an achievable fraction k/n of its split.',
  location: { section: '5.2', table: 'Table 5' },
  kind: 'table-achievable',
  category: 'result',
  quote: { table: TABLE_5.label },
  assumptions: ['the splits are the official CIFAR-10 split (50,000 train, 10,000 test)'],
  params: { table: TABLE_5 },
});
