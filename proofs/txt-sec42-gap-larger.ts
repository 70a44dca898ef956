/**
 * Section 4.2 (and the introduction and conclusion): "the generalization gap becomes larger in adversarial training
 * than in standard training", over every table that reports both (Tables 1, 3, 5, 6).
 */
import { claim } from '../src/claims/schema.ts';
import { quantifierReadings } from './_data/conventions.ts';
import { TABLE_1, TABLE_3, TABLE_5, TABLE_6 } from '../src/tables/paper-tables.ts';

/** |gap| of every adversarially trained row above the standard (ε = 0) row of its table. */
export const txtSec42GapLarger = claim({
  id: 'txt-sec42-gap-larger',
  title: 'Gap larger in adversarial training than in standard training',
  statement:
    'In Tables 1, 3, 5 and 6 the absolute generalization gap of every adversarially trained model exceeds that of standard training (ε = 0).',
  location: { section: '4.2', table: 'Tables 1, 3, 5, 6' },
  kind: 'table-statement',
  category: 'result',
  quote: 'and the generalization gap becomes larger in adversarial training than in standard training',
  assumptions: [
    'the gap is compared in absolute value, as §5.1 does for Table 1',
    'the tables with adversarial training: 1 and 3 (MNIST2), 5 and 6 (ResNet18)',
  ],
  dependsOn: ['tab1-gap', 'tab3-gap', 'tab5-gap', 'tab6-gap'],
  params: {
    form: 'abs-gap-exceeds-standard',
    tables: [TABLE_1, TABLE_3, TABLE_5, TABLE_6],
    readings: quantifierReadings('txt-sec42-gap-larger', 'every'),
  },
});
