/**
 * Proves the `table-gap` checker: a printed gap that no achievable j/n_train, k/n_test gives refutes with that row as
 * witness; gaps off by rounding are confirmed and listed; and pins the computed verdicts of Tables 1–6.
 */
import { describe, expect, it } from 'vitest';
import { tableGap } from '../../checks/table-gap.ts';
import { tab1Gap } from '../../proofs/tab1-gap.ts';
import { tab2Gap } from '../../proofs/tab2-gap.ts';
import { tab3Gap } from '../../proofs/tab3-gap.ts';
import { tab4Gap } from '../../proofs/tab4-gap.ts';
import { tab5Gap } from '../../proofs/tab5-gap.ts';
import { tab6Gap } from '../../proofs/tab6-gap.ts';
import { record, table, TEST_SEED, verdictOf as runVerdict } from './table-helpers.ts';
import { recorded } from './verdict-classes.ts';

const verdictOf = recorded('table-gap', runVerdict);

describe('table-gap on hand-made tables', () => {
  it('refutes a gap that no pair of achievable accuracies gives, naming the row', async () => {
    const v = await verdictOf(
      tableGap,
      record('table-gap', { table: table(['0 99.89 99.95 -0.06', '1 99.79 99.76 0.10']) }),
    );
    expect(v.status).toBe('refuted');
    if (v.status !== 'refuted') return;
    expect(v.witness.point).toEqual({ table: 'Table 9', eps: '1', row: '1 99.79 99.76 0.10' });
    expect(v.witness.paperValue).toBe('0.10');
    expect(v.witness.ourValue).toContain('0.0232 … 0.0311');
    expect(v.seed).toBe(TEST_SEED);
    expect(v.checker).toBe('table-gap');
  });

  it('refutes a row whose test accuracy is not k/2115 at all', async () => {
    const v = await verdictOf(tableGap, record('table-gap', { table: table(['0 99.89 99.93 -0.04']) }));
    expect(v.status).toBe('refuted');
    if (v.status === 'refuted') expect(v.witness.ourValue).toContain('no achievable test count');
  });

  it('refutes a "0.00" gap that can only be a negative value (it would print "-0.00")', async () => {
    const v = await verdictOf(tableGap, record('table-gap', { table: table(['0 99.76 99.76 0.00']) }));
    expect(v.status).toBe('refuted');
  });

  it('confirms a rounding-only mismatch and lists it', async () => {
    const v = await verdictOf(tableGap, record('table-gap', { table: table(['1 99.79 99.76 0.02']) }));
    expect(v.status).toBe('confirmed');
    expect(v.evidence.data?.['needCounts']).toEqual(['1']);
  });
});

describe('table-gap on the paper (regression)', () => {
  it('confirms Table 1 and reports its "-0.00" as a negative gap rounding to zero', async () => {
    const v = await verdictOf(tableGap, tab1Gap);
    expect(v.status).toBe('confirmed');
    expect(v.evidence.data?.['negativeZero']).toEqual(['0.60']);
    expect(v.evidence.details?.join('\n')).toContain('12635/12665 − 2110/2115 → -0.0005');
  });

  it('confirms Table 3, with rows 12/255, 16/255 and 51/255 explained only by exact counts', async () => {
    const v = await verdictOf(tableGap, tab3Gap);
    expect(v.status).toBe('confirmed');
    expect(v.evidence.data?.['needCounts']).toEqual(['12/255', '16/255', '51/255']);
    expect(v.evidence.details?.join('\n')).toContain('12638/12665 − 2110/2115 → 0.0232');
  });

  it('confirms Table 6, with row 4/255 (83.53 − 73.51 = 10.02, printed 10.01) explained by exact counts', async () => {
    const v = await verdictOf(tableGap, tab6Gap);
    expect(v.status).toBe('confirmed');
    expect(v.evidence.data?.['needCounts']).toEqual(['4/255']);
  });

  it.each([
    ['tab2-gap', tab2Gap],
    ['tab4-gap', tab4Gap],
    ['tab5-gap', tab5Gap],
  ] as const)('confirms %s with every gap exact in print', async (_id, rec) => {
    const v = await verdictOf(tableGap, rec);
    expect(v.status).toBe('confirmed');
    expect(v.evidence.data?.['needCounts']).toEqual([]);
  });
});
