/**
 * Table 1 (L2 PGD, MNIST2): every printed accuracy is k/n of its split size, rounded to two decimals.
 */
import { claim } from '../src/claims/schema.ts';
import { TABLE_1 } from '../src/tables/paper-tables.ts';

/** The accuracy columns of Table 1. */
export const tab1Achievable = claim({
  id: 'tab1-achievable',
  title: 'Table 1: accuracies are k/n',
  statement:
    'Every train and test accuracy printed in Table 1 (L2 PGD, MNIST2) is an achievable fraction k/n of its split.',
  location: { section: '5.1', table: 'Table 1' },
  kind: 'table-achievable',
  category: 'result',
  quote: { table: TABLE_1.label },
  assumptions: ['the splits are the official MNIST2 split (12,665 train, 2,115 test)'],
  params: { table: TABLE_1 },
});
