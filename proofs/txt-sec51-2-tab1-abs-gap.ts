/**
 * Section 5.1: "Table 1 also shows that the absolute value of the generalization gap is larger in adversarial training
 * than in standard training (ε = 0)", checked for every ε > 0 row of Table 1.
 */
import { claim } from '../src/claims/schema.ts';
import { quantifierReadings } from './_data/conventions.ts';
import { TABLE_1 } from '../src/tables/paper-tables.ts';

/** |gap| at every ε > 0 of Table 1 against |gap| at ε = 0. */
export const txtSec512Tab1AbsGap = claim({
  id: 'txt-sec51-2-tab1-abs-gap',
  title: 'Table 1: |gap| larger with adversarial training',
  statement: 'In Table 1, |gap| at every ε > 0 (adversarial training) exceeds |gap| at ε = 0 (standard training).',
  location: { section: '5.1', table: 'Table 1' },
  kind: 'table-statement',
  category: 'result',
  quote:
    'Table\u00a01 also shows that the absolute value of the generalization gap is larger in adversarial training than in standard training (ε=0𝜀0\\varepsilon=0).',
  assumptions: ['"adversarial training" means every ε > 0 row of Table 1'],
  params: {
    form: 'abs-gap-exceeds-baseline',
    table: TABLE_1,
    baselineEps: '0.00',
    readings: quantifierReadings('txt-sec51-2-tab1-abs-gap', 'every'),
  },
});
