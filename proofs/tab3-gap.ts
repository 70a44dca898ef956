/**
 * Table 3 (L∞ PGD, MNIST2): every printed gap is train acc − test acc, up to two-decimal rounding of exact accuracies.
 */
import { claim } from '../src/claims/schema.ts';
import { TABLE_3 } from '../src/tables/paper-tables.ts';

/** The gap column of Table 3. */
export const tab3Gap = claim({
  id: 'tab3-gap',
  title: 'Table 3: gap = train − test',
  statement: 'In Table 3 (L∞ PGD, MNIST2) every printed gap equals train acc − test acc.',
  location: { section: '5.1', table: 'Table 3' },
  kind: 'table-gap',
  category: 'result',
  quote: { table: TABLE_3.label },
  assumptions: [
    'accuracies are j/n_train and k/n_test of the official MNIST2 split (12,665 train, 2,115 test), printed rounded to two decimals',
  ],
  params: { table: TABLE_3 },
});
