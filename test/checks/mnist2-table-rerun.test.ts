/**
 * The `mnist2-table-rerun` checker on hand-made accuracy counts: every form confirms and refutes, ties in |gap| are
 * not "larger", missing cells and a missing provider are inconclusive, and the paper's four records load and run.
 */
import { describe, expect, it } from 'vitest';
import { mnist2TableRerun } from '../../checks/mnist2-table-rerun.ts';
import type { CheckContext } from '../../src/claims/checker.ts';
import type { ClaimRecordInput } from '../../src/claims/schema.ts';
import type { Verdict } from '../../src/claims/verdict.ts';
import type { Mnist2Cell, Mnist2Training } from '../../src/experiments/mnist2/results.ts';
import { tab1RerunAbsGap } from '../../proofs/tab1-rerun-abs-gap.ts';
import { tab1to4RerunTestGtTrain } from '../../proofs/tab1to4-rerun-test-gt-train.ts';
import { tab3RerunLargeEpsGap } from '../../proofs/tab3-rerun-large-eps-gap.ts';
import { tab2to4RerunRandomGap } from '../../proofs/tab2to4-rerun-random-gap.ts';
import { accuracy, cellWith, resultsOf, smallMnist2 } from '../experiments/mnist2/helpers.ts';
import { loaded, record, tableContext } from './table-helpers.ts';
import { verdictClasses } from './verdict-classes.ts';
import type { BallNorm } from '../../src/numeric/vector.ts';

const reach = verdictClasses('mnist2-table-rerun');

const ds = smallMnist2();
/** A cell with train and test correct counts out of 4,839 and 2,115 (the shared MNIST2 split). */
const cell = (
  norm: BallNorm,
  training: Mnist2Training,
  eps: number,
  trainCorrect: number,
  testCorrect: number,
): Mnist2Cell =>
  cellWith(norm, training, eps, [eps, trainCorrect, testCorrect], {
    train: accuracy(trainCorrect, 4839),
    test: accuracy(testCorrect, 2115),
  });

async function verdictOf(rec: ClaimRecordInput, cells: readonly Mnist2Cell[] | null): Promise<Verdict> {
  const claim = loaded(rec);
  const ctx: CheckContext =
    cells === null ? tableContext : { ...tableContext, measurements: { mnist2: { results: resultsOf(cells, ds) } } };
  return reach(await mnist2TableRerun.check(claim, mnist2TableRerun.params.parse(claim.params), ctx));
}
const rerun = (params: Record<string, unknown>) => record('mnist2-table-rerun', params);
const l2Adv = { table: 'T1', norm: 'l2', family: 'adversarial' };

// Standard model: train 4830/4839 = 99.814 %, test 2113/2115 = 99.905 %: gap ≈ −0.091 pp.
const standard = cell('l2', 'standard', 0, 4830, 2113);

describe('mnist2-table-rerun', () => {
  it('is inconclusive without a provider, naming the command', async () => {
    const v = await verdictOf(tab1RerunAbsGap, null);
    expect(v.status).toBe('inconclusive');
    if (v.status === 'inconclusive') expect(v.reason).toContain('npx claimcheck report --setting full');
  });

  it('abs-gap-exceeds-baseline confirms larger |gap| and refutes a row with a smaller one', async () => {
    const p = rerun({ form: 'abs-gap-exceeds-baseline', series: l2Adv });
    expect(
      (await verdictOf(p, [standard, cell('l2', 'pgd', 0.2, 4800, 2112), cell('l2', 'pgd', 0.4, 4780, 2110)])).status,
    ).toBe('confirmed');
    const v = await verdictOf(p, [standard, cell('l2', 'pgd', 0.2, 4800, 2112), cell('l2', 'pgd', 0.4, 4832, 2113)]);
    expect(v.status).toBe('refuted');
    if (v.status === 'refuted') expect(v.witness.point).toEqual({ table: 'T1', eps: '0.40' });
  });

  it('an exact tie in |gap| is not "larger" (decided on integers, not on rounded percentages)', async () => {
    const v = await verdictOf(rerun({ form: 'abs-gap-exceeds-baseline', series: l2Adv }), [
      standard,
      cell('l2', 'pgd', 0.2, 4830, 2113),
    ]);
    expect(v.status).toBe('refuted');
  });

  it('test-exceeds-train refutes a row where train accuracy is higher, confirms otherwise', async () => {
    const p = rerun({ form: 'test-exceeds-train', series: [l2Adv, { table: 'T2', norm: 'l2', family: 'random' }] });
    const good = [standard, cell('l2', 'pgd', 0.2, 4800, 2112), cell('l2', 'random', 0.2, 4828, 2113)];
    const v1 = await verdictOf(p, good);
    expect(v1.status).toBe('confirmed');
    expect(v1.evidence.summary).toMatch(/^4\/4 comparisons hold/);
    const v2 = await verdictOf(p, [
      standard,
      cell('l2', 'pgd', 0.2, 4839, 2100),
      cell('l2', 'random', 0.2, 4828, 2113),
    ]);
    expect(v2.status).toBe('refuted');
    if (v2.status === 'refuted') expect(v2.witness.point).toEqual({ table: 'T1', eps: '0.20' });
  });

  it('abs-gap-increasing follows the listed ε and is inconclusive when one is missing', async () => {
    const eps = [25.5 / 255, 51 / 255, 76.5 / 255];
    const p = rerun({ form: 'abs-gap-increasing', series: { table: 'T3', norm: 'linf', family: 'adversarial' }, eps });
    const cells = (a: number, b: number, c: number) => [
      cell('linf', 'pgd', eps[0]!, 4800, a),
      cell('linf', 'pgd', eps[1]!, 4700, b),
      cell('linf', 'pgd', eps[2]!, 4600, c),
    ];
    // |gap| = 0.333, 0.744, 0.920 pp: increasing; with test 2115/2115 first, 0.806 > 0.744.
    expect((await verdictOf(p, cells(2105, 2070, 2030))).status).toBe('confirmed');
    const v = await verdictOf(p, cells(2115, 2070, 2030));
    expect(v.status).toBe('refuted');
    if (v.status === 'refuted') expect(v.witness.point).toMatchObject({ epsFrom: '25.5/255', epsTo: '51/255' });
    expect((await verdictOf(p, cells(2105, 2070, 2030).slice(0, 2))).status).toBe('inconclusive');
  });

  it('gap-smaller compares random with adversarial at equal ε > 0 only', async () => {
    const p = rerun({
      form: 'gap-smaller',
      pairs: [{ smaller: { table: 'T2', norm: 'l2', family: 'random' }, larger: l2Adv }],
    });
    const adv = [standard, cell('l2', 'pgd', 0.2, 4800, 2112), cell('l2', 'pgd', 0.4, 4780, 2110)];
    expect(
      (await verdictOf(p, [...adv, cell('l2', 'random', 0.2, 4828, 2113), cell('l2', 'random', 0.4, 4828, 2113)]))
        .status,
    ).toBe('confirmed');
    const v = await verdictOf(p, [
      ...adv,
      cell('l2', 'random', 0.2, 4828, 2113),
      cell('l2', 'random', 0.4, 4700, 2114),
    ]);
    expect(v.status).toBe('refuted');
    if (v.status === 'refuted') expect(v.witness.point['eps']).toBe('0.40');
    expect((await verdictOf(p, adv)).status).toBe('inconclusive');
  });

  it('the records of the paper’s four sentences load and decide on a sweep', async () => {
    const cells = [
      standard,
      cell('l2', 'pgd', 0.2, 4800, 2112),
      cell('l2', 'random', 0.2, 4828, 2113),
      cell('linf', 'pgd', 4 / 255, 4810, 2111),
      cell('linf', 'random', 4 / 255, 4829, 2113),
      cell('linf', 'pgd', 25.5 / 255, 4800, 2105),
      cell('linf', 'pgd', 51 / 255, 4700, 2070),
      cell('linf', 'pgd', 76.5 / 255, 4600, 2030),
    ];
    const statuses = await Promise.all(
      [tab1RerunAbsGap, tab1to4RerunTestGtTrain, tab3RerunLargeEpsGap, tab2to4RerunRandomGap].map(
        async (r) => (await verdictOf(r, cells)).status,
      ),
    );
    expect(statuses).toEqual(['confirmed', 'confirmed', 'confirmed', 'confirmed']);
  });
});
