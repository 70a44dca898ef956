/**
 * Section 5.1: "where ε is a large range in Tab. 3, the absolute value of the generalization gap increases as ε
 * increases", with the large range as the same paragraph names it: {25.5, 51, 76.5}/255.
 */
import { claim } from '../src/claims/schema.ts';
import { quantifierReadings } from './_data/conventions.ts';
import { TABLE_3 } from '../src/tables/paper-tables.ts';

/** |gap| increasing over the large ε range of Table 3. */
export const txtSec514Tab3LargeEps = claim({
  id: 'txt-sec51-4-tab3-large-eps',
  title: 'Table 3: |gap| grows over the large ε range',
  statement: 'In Table 3, |gap| strictly increases with ε over the large range ε ∈ {25.5, 51, 76.5}/255.',
  location: { section: '5.1', table: 'Table 3' },
  kind: 'table-statement',
  category: 'result',
  latex: [{ at: { anchor: 'from Fig. 2. The results', item: -2 }, role: 'eps-set', parse: false }],
  quote:
    'However, where ε𝜀\\varepsilon is a large range in Tab.\u00a03, the absolute value of the generalization gap increases as ε𝜀\\varepsilon increases in the experiment.',
  assumptions: ['"a large range" is the range the same paragraph calls large: ε = {25.5, 51, 76.5}/255'],
  params: {
    form: 'abs-gap-increasing',
    table: TABLE_3,
    readings: quantifierReadings('txt-sec51-4-tab3-large-eps', 'every'),
  },
});
