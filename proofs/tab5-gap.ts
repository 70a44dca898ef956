/**
 * Table 5 (L∞ PGD, CIFAR10): every printed gap is train acc − test acc, up to two-decimal rounding of exact accuracies.
 */
import { claim } from '../src/claims/schema.ts';
import { TABLE_5 } from '../src/tables/paper-tables.ts';

/** The gap column of Table 5. */
export const tab5Gap = claim({
  id: 'tab5-gap',
  title: 'Table 5: gap = train − test',
  statement: 'In Table 5 (L∞ PGD, CIFAR10) every printed gap equals train acc − test acc.',
  location: { section: '5.2', table: 'Table 5' },
  kind: 'table-gap',
  category: 'result',
  quote: { table: TABLE_5.label },
  assumptions: [
    'accuracies are j/n_train and k/n_test of the official CIFAR-10 split (50,000 train, 10,000 test), printed rounded to two decimals',
  ],
  params: { table: TABLE_5 },
});
