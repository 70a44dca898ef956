/**
 * Table 6 (L∞ PGD, SVHN): every printed gap is train acc − test acc, up to two-decimal rounding of exact accuracies.
 */
import { claim } from '../src/claims/schema.ts';
import { TABLE_6 } from '../src/tables/paper-tables.ts';

/** The gap column of Table 6. */
export const tab6Gap = claim({
  id: 'tab6-gap',
  title: 'Table 6: gap = train − test',
  statement: 'In Table 6 (L∞ PGD, SVHN) every printed gap equals train acc − test acc.',
  location: { section: '5.2', table: 'Table 6' },
  kind: 'table-gap',
  category: 'result',
  quote: { table: TABLE_6.label },
  assumptions: [
    'accuracies are j/n_train and k/n_test of the official SVHN split (73,257 train, 26,032 test), printed rounded to two decimals',
  ],
  params: { table: TABLE_6 },
});
