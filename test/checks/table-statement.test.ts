/**
 * Proves the `table-statement` checker form by form on hand-made tables (each form can refute, and rounding ties are
 * settled by exact counts), and pins the verdicts and witnesses of the paper's sentences about Tables 1–6.
 */
import { describe, expect, it } from 'vitest';
import { tableStatement } from '../../checks/table-statement.ts';
import { txtSec512Tab1AbsGap } from '../../proofs/txt-sec51-2-tab1-abs-gap.ts';
import { txtSec513TestGtTrain } from '../../proofs/txt-sec51-3-test-gt-train.ts';
import { txtSec514Tab3LargeEps } from '../../proofs/txt-sec51-4-tab3-large-eps.ts';
import { txtSec516RandomGap } from '../../proofs/txt-sec51-6-random-gap.ts';
import { txtSec52GapGrows } from '../../proofs/txt-sec52-gap-grows.ts';
import { quantifierReadings } from '../../proofs/_data/conventions.ts';
import type { ClaimRecordInput } from '../../src/claims/schema.ts';
import { record, table, verdictOf as run } from './table-helpers.ts';
import { verdictClasses } from './verdict-classes.ts';

const reach = verdictClasses('table-statement');
const verdictOf = async (checker: typeof tableStatement, rec: ClaimRecordInput) => reach(await run(checker, rec));
/** A statement with the literal quantifier `every` unless the params name readings. */
const statement = (params: Record<string, unknown>, extra = {}) =>
  record('table-statement', { readings: quantifierReadings('tab9-test', 'every'), ...params }, extra);

describe('table-statement on hand-made tables', () => {
  it('abs-gap-exceeds-baseline: refutes when one row has a smaller |gap| for every consistent count pair', async () => {
    const t = table(['0.00 99.89 99.95 -0.06', '0.20 99.79 99.95 -0.16', '0.60 99.76 99.76 -0.00']);
    const v = await verdictOf(
      tableStatement,
      statement({ form: 'abs-gap-exceeds-baseline', table: t, baselineEps: '0.00' }),
    );
    expect(v.status).toBe('refuted');
    if (v.status === 'refuted') expect(v.witness.point['eps']).toBe('0.60');
  });

  it('abs-gap-exceeds-baseline: confirms when every row exceeds the baseline', async () => {
    const t = table(['0.00 99.89 99.95 -0.06', '0.20 99.79 99.95 -0.16']);
    const v = await verdictOf(
      tableStatement,
      statement({ form: 'abs-gap-exceeds-baseline', table: t, baselineEps: '0.00' }),
    );
    expect(v.status).toBe('confirmed');
  });

  it('test-exceeds-train: a tie in print (99.76 vs 99.76) is settled by the counts (12635/12665 < 2110/2115)', async () => {
    const v = await verdictOf(
      tableStatement,
      statement({ form: 'test-exceeds-train', tables: [table(['0.60 99.76 99.76 -0.00'])] }),
    );
    expect(v.status).toBe('confirmed');
    expect(v.evidence.summary).toContain('0/1 hold in print');
  });

  it('test-exceeds-train: refutes a row with train above test', async () => {
    const v = await verdictOf(
      tableStatement,
      statement({ form: 'test-exceeds-train', tables: [table(['1 99.79 99.76 0.02'])] }),
    );
    expect(v.status).toBe('refuted');
  });

  it('test-exceeds-train: a printed "0.00" gap (not "-0.00") means train ≥ test, so it refutes', async () => {
    const big = table(['0 50.00 50.00 0.00'], { train: 100000, test: 100000 });
    const v = await verdictOf(tableStatement, statement({ form: 'test-exceeds-train', tables: [big] }));
    expect(v.status).toBe('refuted');
  });

  it('abs-gap-exceeds-baseline: undecided when the exact |gap| ranges overlap (large splits, equal prints)', async () => {
    const big = table(['0 50.00 50.00 0.01', '1 50.00 50.00 0.01'], { train: 100000, test: 100000 });
    const v = await verdictOf(
      tableStatement,
      statement({ form: 'abs-gap-exceeds-baseline', table: big, baselineEps: '0' }),
    );
    expect(v.status).toBe('inconclusive');
  });

  it('test-exceeds-train: a row with an impossible gap never passes vacuously', async () => {
    const v = await verdictOf(
      tableStatement,
      statement({ form: 'test-exceeds-train', tables: [table(['0 99.79 99.95 -0.50'])] }),
    );
    expect(v.status).toBe('inconclusive');
  });

  it('abs-gap-increasing: reads the ε range from the eps-set fragment and refutes a decrease', async () => {
    const t = table(['0/255 99.89 99.91 -0.02', '25.5/255 99.46 99.67 -0.21', '51/255 99.79 99.95 -0.16']);
    const latex = [
      { printed: '\\varepsilon=\\left\\{\\frac{25.5}{255},\\frac{51}{255}\\right\\}', role: 'eps-set', parse: false },
    ];
    const v = await verdictOf(tableStatement, statement({ form: 'abs-gap-increasing', table: t }, { latex }));
    expect(v.status).toBe('refuted');
    if (v.status === 'refuted') expect(v.witness.point['eps']).toBe('25.5/255 → 51/255');
  });

  it('abs-gap-increasing: throws when the record has no eps-set fragment', async () => {
    const t = table(['0/255 99.89 99.91 -0.02']);
    await expect(verdictOf(tableStatement, statement({ form: 'abs-gap-increasing', table: t }))).rejects.toThrow(
      /eps-set/,
    );
  });

  it('gap-smaller: absolute and signed comparisons can disagree; the record chooses, both are reported', async () => {
    const adv = table(['0.00 99.89 99.95 -0.06', '0.20 99.79 99.95 -0.16'], undefined, 'Table 8');
    const rnd = table(['0.00 99.89 99.95 -0.06', '0.20 99.89 99.95 -0.06'], undefined, 'Table 9');
    const pairs = [{ smaller: rnd, larger: adv }];
    const absolute = await verdictOf(tableStatement, statement({ form: 'gap-smaller', pairs, comparison: 'absolute' }));
    const signed = await verdictOf(tableStatement, statement({ form: 'gap-smaller', pairs, comparison: 'signed' }));
    expect(absolute.status).toBe('confirmed');
    expect(signed.status).toBe('refuted');
    expect(absolute.evidence.summary).toContain('signed: 0/1 hold in print');
  });

  it('gap-increasing with "most": refutes when at most half of the steps increase', async () => {
    const t = table(['0/255 99.00 93.89 5.11', '4/255 81.90 69.73 12.17', '8/255 90.00 85.00 5.00'], {
      train: 50000,
      test: 10000,
    });
    const most = await verdictOf(
      tableStatement,
      statement({ form: 'gap-increasing', tables: [t], readings: quantifierReadings('tab9-test', 'most') }),
    );
    expect(most.status).toBe('refuted');
  });
});

describe('table-statement on the paper (regression)', () => {
  it('Section 5.1, Table 1 |gap|: fails as literally read ("every": ε = 0.60, |gap| 0.0005 < 0.0633), holds in most rows', async () => {
    const v = await verdictOf(tableStatement, txtSec512Tab1AbsGap);
    expect(v.status).toBe('holds-under');
    if (v.status !== 'holds-under') return;
    expect(v.condition).toMatchObject({ kind: 'reading', reading: { id: 'most' } });
    expect(v.witness.point['row']).toBe('0.60 99.76 99.76 -0.00');
    expect(v.witness.ourValue).toContain('0.0005 vs 0.0633');
  });

  it('Section 5.1, test above train: fails in every row (Table 3 row 12/255), holds in most', async () => {
    const v = await verdictOf(tableStatement, txtSec513TestGtTrain);
    expect(v.status).toBe('holds-under');
    if (v.status === 'holds-under') expect(v.witness.point['row']).toBe('12/255 99.79 99.76 0.02');
  });

  it('refutes under both readings when most comparisons fail', async () => {
    const t = table(['1 99.79 99.76 0.02', '2 99.79 99.76 0.02', '3 99.70 99.95 -0.25']);
    const v = await verdictOf(
      tableStatement,
      statement({ form: 'test-exceeds-train', tables: [t], readings: { ...quantifierReadings('tab9-test', 'every') } }),
    );
    expect(v.status).toBe('refuted');
    expect(v.readings?.outcomes.map((o) => o.outcome)).toEqual(['fails', 'fails']);
  });

  it('Section 5.1, Table 3 large range: confirmed (0.21 → 0.70 → 1.24)', async () => {
    expect((await verdictOf(tableStatement, txtSec514Tab3LargeEps)).status).toBe('confirmed');
  });

  it('Section 5.1, random vs adversarial gap: fails at ε = 0.60 (Table 2 vs 1), holds in most rows', async () => {
    const v = await verdictOf(tableStatement, txtSec516RandomGap);
    expect(v.status).toBe('holds-under');
    if (v.status !== 'holds-under') return;
    expect(v.witness.point).toEqual({
      table: 'Table 2 vs Table 1',
      eps: '0.60',
      row: '0.60 99.89 99.95 -0.06 | 0.60 99.76 99.76 -0.00',
    });
    expect(v.evidence.data?.['tally']).toEqual({ printed: 7, all: 8, some: 0, none: 1 });
    expect(v.evidence.details?.join('\n')).toContain('signed: 2/9 hold in print');
  });

  it('Section 5.2, Tables 5 and 6: confirmed, all 8 steps increase', async () => {
    const v = await verdictOf(tableStatement, txtSec52GapGrows);
    expect(v.status).toBe('confirmed');
    expect(v.evidence.data?.['tally']).toEqual({ printed: 8, all: 8, some: 0, none: 0 });
  });
});
