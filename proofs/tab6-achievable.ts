/**
 * Table 6 (L∞ PGD, SVHN): every printed accuracy is k/n of its split size, rounded to two decimals.
 */
import { claim } from '../src/claims/schema.ts';
import { TABLE_6 } from '../src/tables/paper-tables.ts';

/** The accuracy columns of Table 6. */
export const tab6Achievable = claim({
  id: 'tab6-achievable',
  title: 'Table 6: accuracies are k/n',
  statement:
    'Every train and test accuracy printed in Table 6 (L∞ PGD, SVHN) is an achievable fraction k/n of its split.',
  location: { section: '5.2', table: 'Table 6' },
  kind: 'table-achievable',
  category: 'result',
  quote: { table: TABLE_6.label },
  assumptions: ['the splits are the official SVHN split (73,257 train, 26,032 test)'],
  params: { table: TABLE_6 },
});
