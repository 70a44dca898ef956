/**
 * The L∞ ε sets for MNIST2: the experimental setup, the random-noise paragraph, the ranges of Section 5.1 (excluded
 * from Fig. 2; in the supplement), Appendix D.1 and the rows of Tables 3 and 4.
 */
import { claim } from '../src/claims/schema.ts';
import { TABLE_3, TABLE_4 } from '../src/tables/paper-tables.ts';

/** Agreement of the L∞ ε sets stated for MNIST2. */
export const setEpsMnist2Linf = claim({
  id: 'set-eps-mnist2-linf',
  title: 'MNIST2 L∞: stated ε sets agree',
  statement:
    'The L∞ ε sets for MNIST2 stated in the setup, Section 5.1, Appendix D.1 and Tables 3 and 4 are consistent with each other.',
  location: { section: '5.1', table: 'Tables 3–4' },
  kind: 'eps-sets',
  category: 'presentation',
  latex: [
    { at: { anchor: 'for MNIST2 and', item: -1 }, role: 'eps-setup', parse: false },
    { at: { anchor: 'distribution constrained to the', item: 2 }, role: 'eps-random', parse: false },
    { at: { anchor: 'from Fig. 2. The results', item: -2 }, role: 'eps-excluded', parse: false },
    { at: { anchor: 'The results for the large' }, role: 'eps-large', parse: false },
    { at: { anchor: 'using the noise magnitude range' }, role: 'eps-appendix-d', parse: false },
  ],
  quote:
    'For the sake of clarity, we have excluded the ranges with large ε={25.5255,51255,76.5255}𝜀25.52555125576.5255\\varepsilon=\\left\\{\\frac{25.5}{255},\\frac{51}{255},\\frac{76.5}{255}\\right\\} in Lsubscript𝐿L_{\\infty} from Fig.\u00a02.',
  params: {
    sets: [
      { name: 'setup', place: 'Section 5 (setup), L∞ for MNIST2', source: { from: 'latex', role: 'eps-setup' } },
      {
        name: 'random',
        place: 'Section 5.1 (Comparison with Random Noise), L∞',
        source: { from: 'latex', role: 'eps-random' },
      },
      {
        name: 'excluded',
        place: 'Section 5.1, large ε excluded from Fig. 2',
        source: { from: 'latex', role: 'eps-excluded' },
      },
      {
        name: 'fig2',
        place: 'Fig. 2 (setup minus the excluded range)',
        source: { from: 'difference', of: 'setup', minus: 'excluded' },
      },
      { name: 'large', place: 'Section 5.1, large ε in the supplement', source: { from: 'latex', role: 'eps-large' } },
      { name: 'appendixD', place: 'Appendix D.1 (Fig. 5)', source: { from: 'latex', role: 'eps-appendix-d' } },
      { name: 'table3', place: 'Table 3 rows', source: { from: 'table', table: TABLE_3 } },
      { name: 'table4', place: 'Table 4 rows', source: { from: 'table', table: TABLE_4 } },
    ],
    relations: [
      { a: 'setup', b: 'table3', relation: 'equal', why: 'Table 3 reports L∞ PGD training at the setup ε' },
      { a: 'random', b: 'table4', relation: 'equal', why: 'Table 4 reports the L∞ random-noise runs' },
      { a: 'excluded', b: 'setup', relation: 'subset', why: 'the excluded range is part of the setup range' },
      {
        a: 'fig2',
        b: 'random',
        relation: 'equal',
        why: 'Fig. 2 compares L∞ PGD and L∞ random noise magnitude by magnitude',
      },
      {
        a: 'large',
        b: 'appendixD',
        relation: 'equal',
        why: 'Section 5.1 defers the large range to the supplement, shown in Appendix D.1',
      },
      { a: 'appendixD', b: 'setup', relation: 'subset', why: 'Appendix D.1 uses magnitudes of the setup' },
    ],
  },
});
