/**
 * Section 5.1 (Comparison with Random Noise): "the generalization gap in random noise is smaller than that in the
 * adversarial noise as shown in Tables 2 and 4", compared row by row at equal ε (Table 2 vs 1, Table 4 vs 3).
 */
import { claim } from '../src/claims/schema.ts';
import { quantifierReadings } from './_data/conventions.ts';
import { TABLE_1, TABLE_2, TABLE_3, TABLE_4 } from '../src/tables/paper-tables.ts';

/** |gap| of random noise against |gap| of PGD at every ε > 0. */
export const txtSec516RandomGap = claim({
  id: 'txt-sec51-6-random-gap',
  title: 'Random noise: smaller gap than adversarial noise',
  statement:
    'At every ε > 0, |gap| of random-noise training (Tables 2, 4) is smaller than |gap| of adversarial training (Tables 1, 3).',
  location: { section: '5.1', table: 'Tables 1–4' },
  kind: 'table-statement',
  category: 'result',
  quote:
    'As a result, the generalization gap in random noise is smaller than that in the adversarial noise as shown in Tables\u00a02 and\u00a04.',
  assumptions: [
    'gaps are compared in absolute value, as Section 5.1 discusses "the absolute value of the generalization gap"; the signed comparison is reported too',
    'ε = 0 rows are skipped: both are standard training',
  ],
  params: {
    form: 'gap-smaller',
    pairs: [
      { smaller: TABLE_2, larger: TABLE_1 },
      { smaller: TABLE_4, larger: TABLE_3 },
    ],
    comparison: 'absolute',
    readings: quantifierReadings('txt-sec51-6-random-gap', 'every'),
  },
});
