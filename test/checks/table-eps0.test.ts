/**
 * Proves the `table-eps0` checker: agreeing ε = 0 rows confirm; disagreeing ones need separate runs (holds-under) or,
 * where the paper says one run, refute; and pins Tables 1–4 (99.95 vs 99.91: test counts 2114 vs 2113 of 2115).
 */
import { describe, expect, it } from 'vitest';
import { tableEps0 } from '../../checks/table-eps0.ts';
import { tab1to4Eps0 } from '../../proofs/tab1to4-eps0.ts';
import { record, table, verdictOf } from './table-helpers.ts';

const a = table(['0.00 99.89 99.95 -0.06', '0.20 99.79 99.95 -0.16'], undefined, 'Table 8');
const b = table(['0/255 99.89 99.95 -0.06'], undefined, 'Table 9');
const c = table(['0/255 99.89 99.91 -0.02'], undefined, 'Table 10');

describe('table-eps0', () => {
  it('confirms ε = 0 rows with a common exact count pair', async () => {
    const v = await verdictOf(tableEps0, record('table-eps0', { tables: [a, b], statedSameRun: false }));
    expect(v.status).toBe('confirmed');
  });

  it('refutes disagreeing rows when the paper says they are one run', async () => {
    const v = await verdictOf(tableEps0, record('table-eps0', { tables: [a, c], statedSameRun: true }));
    expect(v.status).toBe('refuted');
    if (v.status === 'refuted') expect(v.witness.point['column']).toBe('test acc');
  });

  it('throws when a table has no ε = 0 row', async () => {
    const noZero = table(['0.20 99.79 99.95 -0.16']);
    await expect(verdictOf(tableEps0, record('table-eps0', { tables: [a, noZero], statedSameRun: false }))).rejects.toThrow(/no ε = 0 row/);
  });

  it('Tables 1–4 (regression): holds under separate runs; one test image apart, same training count', async () => {
    const v = await verdictOf(tableEps0, tab1to4Eps0);
    expect(v.status).toBe('holds-under');
    if (v.status !== 'holds-under') return;
    expect(v.evidence.data?.['groups']).toEqual([
      ['Table 1', 'Table 2'],
      ['Table 3', 'Table 4'],
    ]);
    expect(v.evidence.data?.['dTest']).toBe(1);
    expect(v.evidence.data?.['dTrain']).toBe(0);
    expect(v.witness).toEqual({
      point: { tables: 'Table 1 vs Table 3', eps: '0', column: 'test acc' },
      paperValue: 'Table 1: 99.95 (k ∈ {2114} of 2115)',
      ourValue: 'Table 3: 99.91 (k ∈ {2113} of 2115)',
    });
  });
});
