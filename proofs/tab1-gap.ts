/**
 * Table 1 (L2 PGD, MNIST2): every printed gap is train acc − test acc, up to two-decimal rounding of exact accuracies.
 */
import { claim } from '../src/claims/schema.ts';
import { TABLE_1 } from '../src/tables/paper-tables.ts';

/** The gap column of Table 1. */
export const tab1Gap = claim({
  id: 'tab1-gap',
  title: 'Table 1: gap = train − test',
  statement: 'In Table 1 (L2 PGD, MNIST2) every printed gap equals train acc − test acc.',
  location: { section: '5.1', table: 'Table 1' },
  kind: 'table-gap',
  category: 'result',
  quote: { table: TABLE_1.label },
  assumptions: [
    'accuracies are j/n_train and k/n_test of the official MNIST2 split (12,665 train, 2,115 test), printed rounded to two decimals',
  ],
  params: { table: TABLE_1 },
});
