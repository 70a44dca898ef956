/**
 * Section 5.1: "The test robust accuracy is larger than the training accuracy", checked on every row of the MNIST2
 * tables of Section 5.1 (Tables 1–4).
 */
import { claim } from '../src/claims/schema.ts';
import { quantifierReadings } from './_data/conventions.ts';
import { TABLE_1, TABLE_2, TABLE_3, TABLE_4 } from '../src/tables/paper-tables.ts';

/** Test accuracy above train accuracy in Tables 1–4. */
export const txtSec513TestGtTrain = claim({
  id: 'txt-sec51-3-test-gt-train',
  title: 'MNIST2: test robust accuracy above training accuracy',
  statement: 'In the MNIST2 tables (Tables 1–4) the test robust accuracy is larger than the training accuracy.',
  location: { section: '5.1', table: 'Tables 1–4' },
  kind: 'table-statement',
  category: 'result',
  quote:
    'The test robust accuracy is larger than the training accuracy because of early stopping in the test robust accuracy',
  assumptions: ['the sentence covers the MNIST2 tables discussed in Section 5.1 (Tables 1–4)'],
  params: {
    form: 'test-exceeds-train',
    tables: [TABLE_1, TABLE_2, TABLE_3, TABLE_4],
    readings: quantifierReadings('txt-sec51-3-test-gt-train', 'every'),
  },
});
