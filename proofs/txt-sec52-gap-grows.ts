/**
 * Section 5.2: "Tables 5 and 6 also shows that the generalization gap becomes larger in most cases as the magnitude of
 * noise becomes larger", counted over the ε steps of Tables 5 and 6.
 */
import { claim } from '../src/claims/schema.ts';
import { quantifierReadings } from './_data/conventions.ts';
import { TABLE_5, TABLE_6 } from '../src/tables/paper-tables.ts';

/** Gap increasing from each ε to the next in Tables 5 and 6, in most steps. */
export const txtSec52GapGrows = claim({
  id: 'txt-sec52-gap-grows',
  title: 'CIFAR10 / SVHN: gap grows with ε in most cases',
  statement: 'In Tables 5 and 6 the gap increases from one ε to the next in most (more than half) of the steps.',
  location: { section: '5.2', table: 'Tables 5–6' },
  kind: 'table-statement',
  category: 'result',
  quote:
    'Tables\u00a05 and\u00a06 also shows that the generalization gap becomes larger in most cases as the magnitude of noise becomes larger.',
  assumptions: ['"in most cases" means more than half of the consecutive ε steps of both tables'],
  params: {
    form: 'gap-increasing',
    tables: [TABLE_5, TABLE_6],
    readings: quantifierReadings('txt-sec52-gap-grows', 'most'),
  },
});
