/** Contribution 3 (introduction): "As a results, the generalization gap becomes larger as the norm of adversarial noise becomes large." */
import { claim } from '../src/claims/schema.ts';
import { quantifierReadings } from './_data/conventions.ts';
import { TABLE_5, TABLE_6 } from '../src/tables/paper-tables.ts';

/** The gap increasing from each ε to the next in Tables 5 and 6, read without the "in most cases" of §5.2. */
export const txtContrib3GapGrows = claim({
  id: 'txt-contrib3-gap-grows',
  title: 'Contribution 3: the gap grows with the norm of adversarial noise',
  statement: 'In the ResNet18 experiments (Tables 5 and 6) the generalization gap increases from each ε to the next.',
  location: { section: '1', table: 'Tables 5–6' },
  kind: 'table-statement',
  category: 'result',
  quote: 'As a results, the generalization gap becomes larger as the norm of adversarial noise becomes large.',
  assumptions: ['the contribution names no quantifier; §5.2 says "in most cases" for the same tables'],
  dependsOn: ['tab5-gap', 'tab6-gap'],
  params: {
    form: 'gap-increasing',
    tables: [TABLE_5, TABLE_6],
    readings: quantifierReadings('txt-contrib3-gap-grows', 'every'),
  },
});
