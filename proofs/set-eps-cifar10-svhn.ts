/**
 * The L∞ ε sets for CIFAR10 and SVHN: the experimental setup, Section 5.2 (Fig. 4) and the rows of Tables 5 and 6.
 */
import { claim } from '../src/claims/schema.ts';
import { TABLE_5, TABLE_6 } from '../src/tables/paper-tables.ts';

/** Agreement of the L∞ ε sets stated for CIFAR10 and SVHN. */
export const setEpsCifar10Svhn = claim({
  id: 'set-eps-cifar10-svhn',
  title: 'CIFAR10 / SVHN: stated ε sets agree',
  statement: 'The setup, Section 5.2 (Fig. 4) and Tables 5 and 6 use one L∞ ε set, {0, 4, 8, 12, 16}/255.',
  location: { section: '5.2', table: 'Tables 5–6' },
  kind: 'eps-sets',
  category: 'presentation',
  latex: [
    { at: { anchor: 'for CIFAR10 and SVHN. For PGD', item: -1 }, role: 'eps-setup', parse: false },
    {
      at: {
        anchor: 'We confirmed that the weight loss landscape becomes sharper as the noise magnitude of adversarial',
        item: -1,
      },
      role: 'eps-fig4',
      parse: false,
    },
  ],
  quote:
    'Figure\u00a04 shows the weight loss landscape in ε={0255,4255,8255,12255,16255}𝜀0255425582551225516255\\varepsilon=\\left\\{\\frac{0}{255},\\frac{4}{255},\\frac{8}{255},\\frac{12}{255},\\frac{16}{255}\\right\\}.',
  params: {
    sets: [
      {
        name: 'setup',
        place: 'Section 5 (setup), L∞ for CIFAR10 and SVHN',
        source: { from: 'latex', role: 'eps-setup' },
      },
      { name: 'fig4', place: 'Section 5.2 (Fig. 4)', source: { from: 'latex', role: 'eps-fig4' } },
      { name: 'table5', place: 'Table 5 rows', source: { from: 'table', table: TABLE_5 } },
      { name: 'table6', place: 'Table 6 rows', source: { from: 'table', table: TABLE_6 } },
    ],
    relations: [
      { a: 'setup', b: 'table5', relation: 'equal', why: 'Table 5 reports CIFAR10 at the setup ε' },
      { a: 'setup', b: 'table6', relation: 'equal', why: 'Table 6 reports SVHN at the setup ε' },
      { a: 'fig4', b: 'setup', relation: 'equal', why: 'Fig. 4 shows the landscapes of the setup ε' },
    ],
  },
});
