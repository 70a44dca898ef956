/**
 * Proves the `table-achievable` checker: an accuracy that is no k/n refutes with the cell as witness, and pins that
 * every accuracy of Tables 1–6 is achievable.
 */
import { describe, expect, it } from 'vitest';
import { tableAchievable } from '../../checks/table-achievable.ts';
import { tab1Achievable } from '../../proofs/tab1-achievable.ts';
import { tab2Achievable } from '../../proofs/tab2-achievable.ts';
import { tab3Achievable } from '../../proofs/tab3-achievable.ts';
import { tab4Achievable } from '../../proofs/tab4-achievable.ts';
import { tab5Achievable } from '../../proofs/tab5-achievable.ts';
import { tab6Achievable } from '../../proofs/tab6-achievable.ts';
import { record, table, verdictOf as runVerdict } from './table-helpers.ts';
import { recorded } from './verdict-classes.ts';

const verdictOf = recorded('table-achievable', runVerdict);

describe('table-achievable', () => {
  it('refutes 99.93 of n = 2,115 and names the two nearest achievable values', async () => {
    const v = await verdictOf(tableAchievable, record('table-achievable', { table: table(['0 99.89 99.93 -0.04']) }));
    expect(v.status).toBe('refuted');
    if (v.status !== 'refuted') return;
    expect(v.witness.point['column']).toBe('test acc');
    expect(v.witness.paperValue).toBe('99.93');
    expect(v.witness.ourValue).toBe('no k/2115 rounds to 99.93; nearest 2113/2115 = 99.9054, 2114/2115 = 99.9527');
  });

  it('refutes a train accuracy impossible for a tiny split (n = 3)', async () => {
    const v = await verdictOf(
      tableAchievable,
      record('table-achievable', { table: table(['0 50.00 66.67 -16.67'], { train: 3, test: 3 }) }),
    );
    expect(v.status).toBe('refuted');
  });

  it.each([
    ['tab1-achievable', tab1Achievable],
    ['tab2-achievable', tab2Achievable],
    ['tab3-achievable', tab3Achievable],
    ['tab4-achievable', tab4Achievable],
    ['tab5-achievable', tab5Achievable],
    ['tab6-achievable', tab6Achievable],
  ] as const)('confirms %s (regression)', async (_id, rec) => {
    expect((await verdictOf(tableAchievable, rec)).status).toBe('confirmed');
  });
});
