/**
 * Proves the `table-eps0` checker: agreeing ε = 0 rows confirm; rows one image apart hold only as separate runs
 * (holds-under); rows far apart refute under both readings (Fisher's exact test); and pins Tables 1–4 (99.95 vs 99.91: test counts 2114 vs 2113 of 2115).
 */
import { describe, expect, it } from 'vitest';
import { tableEps0 } from '../../checks/table-eps0.ts';
import { tab1to4Eps0 } from '../../proofs/tab1to4-eps0.ts';
import type { ClaimRecordInput } from '../../src/claims/schema.ts';
import { record, table, verdictOf as run } from './table-helpers.ts';
import { verdictClasses } from './verdict-classes.ts';

const reach = verdictClasses('table-eps0');
const verdictOf = async (checker: typeof tableEps0, rec: ClaimRecordInput) => reach(await run(checker, rec));
const ONE_RUN = { id: 'one-run', statement: 'one model', runs: 'one-run' };
const SEPARATE = { id: 'separate-runs', statement: 'one run per table', runs: 'separate-runs' };
const readings = (...rs: object[]) => ({ convention: 'tab9-test', question: 'one run or several?', readings: rs });

const a = table(['0.00 99.89 99.95 -0.06', '0.20 99.79 99.95 -0.16'], undefined, 'Table 8');
const b = table(['0/255 99.89 99.95 -0.06'], undefined, 'Table 9');
const c = table(['0/255 99.89 99.91 -0.02'], undefined, 'Table 10');

describe('table-eps0', () => {
  it('confirms ε = 0 rows with a common exact count pair', async () => {
    const v = await verdictOf(
      tableEps0,
      record('table-eps0', { tables: [a, b], readings: readings(ONE_RUN, SEPARATE) }),
    );
    expect(v.status).toBe('confirmed');
  });

  it('refutes rows one image apart when only the one-run reading is listed', async () => {
    const v = await verdictOf(tableEps0, record('table-eps0', { tables: [a, c], readings: readings(ONE_RUN) }));
    expect(v.status).toBe('refuted');
    if (v.status === 'refuted') expect(v.witness.point['column']).toBe('test acc');
  });

  it('refutes rows that differ more than two runs of one procedure can (Fisher p < α) under both readings', async () => {
    const far = table(['0.00 99.89 95.00 4.89'], undefined, 'Table 11');
    const v = await verdictOf(
      tableEps0,
      record('table-eps0', { tables: [a, far], readings: readings(ONE_RUN, SEPARATE) }),
    );
    expect(v.status).toBe('refuted');
    expect(v.readings?.outcomes.map((o) => o.outcome)).toEqual(['fails', 'fails']);
  });

  it('throws when a table has no ε = 0 row', async () => {
    const noZero = table(['0.20 99.79 99.95 -0.16']);
    await expect(
      verdictOf(tableEps0, record('table-eps0', { tables: [a, noZero], readings: readings(ONE_RUN, SEPARATE) })),
    ).rejects.toThrow(/no ε = 0 row/);
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
    expect(v.condition).toMatchObject({ kind: 'reading', reading: { id: 'separate-runs' } });
    expect(v.witness).toEqual({
      point: { tables: 'Table 1 vs Table 3', eps: '0', column: 'test acc' },
      paperValue: 'Table 1: 99.95 (k ∈ {2114} of 2115)',
      ourValue: 'Table 3: 99.91 (k ∈ {2113} of 2115)',
    });
  });
});
