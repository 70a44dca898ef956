/**
 * The `mnist2-table-rerun` checker on hand-made accuracy counts: every form confirms on significant differences,
 * refutes on a significant counterexample and is inconclusive when a difference is not distinguishable at the sample
 * size; a claim that holds under one protocol only is holds-under that protocol, one that changes with the seed is
 * inconclusive, a verdict that flips within the confidence band is fragile, and the paper's four records load and run.
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
import { accuracy, cellWith, replicatedOf, type ReplicateSpec, smallMnist2 } from '../experiments/mnist2/helpers.ts';
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

async function verdictOn(rec: ClaimRecordInput, replicates: readonly ReplicateSpec[] | null): Promise<Verdict> {
  const claim = loaded(rec);
  const ctx: CheckContext =
    replicates === null ? tableContext : { ...tableContext, measurements: { mnist2: replicatedOf(replicates, ds) } };
  return reach(await mnist2TableRerun.check(claim, mnist2TableRerun.params.parse(claim.params), ctx));
}
/** The verdict on one replicate (the reference protocol) of `cells`. */
const verdictOf = (rec: ClaimRecordInput, cells: readonly Mnist2Cell[] | null): Promise<Verdict> =>
  verdictOn(rec, cells === null ? null : [{ cells }]);
const rerun = (params: Record<string, unknown>) => record('mnist2-table-rerun', params);
const l2Adv = { table: 'T1', norm: 'l2', family: 'adversarial' };

// Standard model: train 4830/4839 = 99.814 %, test 2113/2115 = 99.905 %: gap ≈ −0.091 ± 0.091 pp.
const standard = cell('l2', 'standard', 0, 4830, 2113);

describe('mnist2-table-rerun', () => {
  it('is inconclusive without a provider, naming the command', async () => {
    const v = await verdictOf(tab1RerunAbsGap, null);
    expect(v.status).toBe('inconclusive');
    if (v.status === 'inconclusive') expect(v.reason).toContain('npx claimcheck report --setting full');
  });

  it('abs-gap-exceeds-baseline: confirmed when every |gap| is significantly larger, refuted by a significantly smaller one, inconclusive within noise', async () => {
    const p = rerun({ form: 'abs-gap-exceeds-baseline', series: l2Adv });
    // gap 4.63 ± 0.51 pp and 9.4 pp against 0.09 pp.
    const confirmed = await verdictOf(p, [
      standard,
      cell('l2', 'pgd', 0.2, 4800, 2000),
      cell('l2', 'pgd', 0.4, 4780, 1900),
    ]);
    expect(confirmed.status).toBe('confirmed');
    // A baseline with a gap of 5.4 pp against a model with none.
    const v = await verdictOf(p, [cell('l2', 'standard', 0, 4839, 2000), cell('l2', 'pgd', 0.2, 4830, 2113)]);
    expect(v.status).toBe('refuted');
    if (v.status === 'refuted') expect(v.witness.point).toEqual({ table: 'T1', eps: '0.20' });
    // |gap| 0.33 vs 0.09 pp: the difference's 95 % interval is about [−0.19, 0.66].
    const noisy = await verdictOf(p, [standard, cell('l2', 'pgd', 0.2, 4800, 2105)]);
    expect(noisy.status).toBe('inconclusive');
    if (noisy.status === 'inconclusive') expect(noisy.reason).toMatch(/not distinguishable at this sample size/);
  });

  it('test-exceeds-train: Newcombe intervals decide each row; a row within noise leaves the claim undecided', async () => {
    const p = rerun({ form: 'test-exceeds-train', series: [l2Adv, { table: 'T2', norm: 'l2', family: 'random' }] });
    const lower = cell('l2', 'standard', 0, 4700, 2110);
    const good = [lower, cell('l2', 'pgd', 0.2, 4500, 2100), cell('l2', 'random', 0.2, 4600, 2105)];
    const v1 = await verdictOf(p, good);
    expect(v1.status).toBe('confirmed');
    expect(v1.evidence.summary).toMatch(/^of 4 comparisons at 95 %: 4 hold, 0 fail, 0 not distinguishable/);
    expect(v1.evidence.details!.join('\n')).toMatch(/test 2100\/2115 = 99\.29 % \[\d/);
    const v2 = await verdictOf(p, [lower, cell('l2', 'pgd', 0.2, 4839, 2000), cell('l2', 'random', 0.2, 4600, 2105)]);
    expect(v2.status).toBe('refuted');
    if (v2.status === 'refuted') expect(v2.witness.point).toEqual({ table: 'T1', eps: '0.20' });
    const v3 = await verdictOf(p, [standard, ...good.slice(1)]);
    expect(v3.status).toBe('inconclusive');
  });

  it('abs-gap-increasing follows the listed ε and is inconclusive when one is missing', async () => {
    const eps = [25.5 / 255, 51 / 255, 76.5 / 255];
    const p = rerun({ form: 'abs-gap-increasing', series: { table: 'T3', norm: 'linf', family: 'adversarial' }, eps });
    const cells = (train0: number) => [
      cell('linf', 'pgd', eps[0]!, train0, 1900),
      cell('linf', 'pgd', eps[1]!, 4700, 1900),
      cell('linf', 'pgd', eps[2]!, 4600, 1700),
    ];
    // With train 4400 first, |gap| = 0.9, 7.3, 14.7 pp (increasing); with 4839 first, 10.2 pp > 7.3 pp.
    expect((await verdictOf(p, cells(4400))).status).toBe('confirmed');
    const v = await verdictOf(p, cells(4839));
    expect(v.status).toBe('refuted');
    if (v.status === 'refuted') expect(v.witness.point).toMatchObject({ epsFrom: '25.5/255', epsTo: '51/255' });
    expect((await verdictOf(p, cells(4400).slice(0, 2))).status).toBe('inconclusive');
  });

  it('gap-smaller compares random with adversarial at equal ε > 0 only', async () => {
    const p = rerun({
      form: 'gap-smaller',
      pairs: [{ smaller: { table: 'T2', norm: 'l2', family: 'random' }, larger: l2Adv }],
    });
    const adv = [standard, cell('l2', 'pgd', 0.2, 4800, 2000), cell('l2', 'pgd', 0.4, 4780, 1900)];
    expect(
      (await verdictOf(p, [...adv, cell('l2', 'random', 0.2, 4828, 2113), cell('l2', 'random', 0.4, 4828, 2113)]))
        .status,
    ).toBe('confirmed');
    const v = await verdictOf(p, [
      ...adv,
      cell('l2', 'random', 0.2, 4828, 2113),
      cell('l2', 'random', 0.4, 4839, 1700),
    ]);
    expect(v.status).toBe('refuted');
    if (v.status === 'refuted') expect(v.witness.point['eps']).toBe('0.40');
    expect((await verdictOf(p, adv)).status).toBe('inconclusive');
  });

  it('holds under the protocols that confirm it when another protocol refutes it under every seed', async () => {
    const p = rerun({ form: 'test-exceeds-train', series: [l2Adv] });
    const lower = cell('l2', 'standard', 0, 4700, 2110);
    const holds = [lower, cell('l2', 'pgd', 0.2, 4500, 2100)];
    const fails = [lower, cell('l2', 'pgd', 0.2, 4839, 2000)];
    const v = await verdictOn(p, [
      { cells: fails, seed: 1 },
      { cells: fails, seed: 2 },
      { protocol: 'lbfgs-wd1e-2', cells: holds, seed: 1 },
      { protocol: 'lbfgs-wd1e-2', cells: holds, seed: 2 },
    ]);
    expect(v.status).toBe('holds-under');
    if (v.status !== 'holds-under') return;
    expect(v.condition).toMatchObject({
      kind: 'reading',
      convention: 'training-protocol',
      reading: { id: 'lbfgs-wd1e-2' },
    });
    expect(v.witness.point).toEqual({ table: 'T1', eps: '0.20' });
    expect(v.readings?.outcomes.map((o) => [o.id, o.outcome])).toEqual([
      ['lbfgs-wd1e-3', 'fails'],
      ['lbfgs-wd1e-2', 'holds'],
    ]);
    expect(v.robustness?.protocols.map((o) => o.verdict)).toEqual(['refuted', 'confirmed']);
    expect(v.robustness?.replicates).toHaveLength(4);
  });

  it('a verdict that changes with the seed is inconclusive and says so; one that agrees is the reference verdict', async () => {
    const p = rerun({ form: 'test-exceeds-train', series: [l2Adv] });
    const lower = cell('l2', 'standard', 0, 4700, 2110);
    const holds = [lower, cell('l2', 'pgd', 0.2, 4500, 2100)];
    const fails = [lower, cell('l2', 'pgd', 0.2, 4839, 2000)];
    const v = await verdictOn(p, [
      { cells: fails, seed: 1 },
      { cells: holds, seed: 2 },
    ]);
    expect(v.status).toBe('inconclusive');
    if (v.status === 'inconclusive') expect(v.reason).toMatch(/changes with the seed/);
    expect(v.robustness?.protocols[0]?.verdict).toBe('seed-dependent');
    const same = await verdictOn(p, [
      { cells: fails, seed: 1 },
      { cells: fails, seed: 2 },
    ]);
    expect(same.status).toBe('refuted');
    expect(same.robustness?.summary).toMatch(
      /^the same verdict \(refuted\) under every replicate: 1 protocol\(s\) × 2 seed\(s\)/,
    );
  });

  it('is fragile when the verdict flips within the band of the confidence level, and says where', async () => {
    const p = rerun({ form: 'test-exceeds-train', series: [l2Adv] });
    // test 1993/2115 against train 4500/4839: the Newcombe lower bound is −0.0004 at 95 % and +0.0006 at 93 %.
    const v = await verdictOf(p, [cell('l2', 'standard', 0, 4700, 2110), cell('l2', 'pgd', 0.2, 4500, 1993)]);
    expect(v.status).toBe('inconclusive');
    expect(v.robustness?.fragile).toBe(true);
    const probe = v.robustness!.thresholds[0]!;
    expect(probe).toMatchObject({ name: 'confidence', value: 0.95, band: 0.04, flipsTo: 'confirmed', fragile: true });
    expect(probe.flipsAt!).toBeGreaterThan(0.93);
    expect(probe.flipsAt!).toBeLessThan(0.95);
    const robust = await verdictOf(p, [cell('l2', 'standard', 0, 4700, 2110), cell('l2', 'pgd', 0.2, 4500, 2100)]);
    expect(robust.robustness?.fragile).toBe(false);
  });

  it('the records of the paper’s four sentences load and decide on a sweep', async () => {
    const cells = [
      cell('l2', 'standard', 0, 4700, 2110),
      cell('l2', 'pgd', 0.2, 4500, 2100),
      cell('l2', 'random', 0.2, 4600, 2105),
      cell('linf', 'pgd', 4 / 255, 4500, 2100),
      cell('linf', 'random', 4 / 255, 4600, 2105),
      cell('linf', 'pgd', 25.5 / 255, 4400, 2110),
      cell('linf', 'pgd', 51 / 255, 4200, 2100),
      cell('linf', 'pgd', 76.5 / 255, 4000, 2110),
    ];
    const statuses = await Promise.all(
      [tab1RerunAbsGap, tab1to4RerunTestGtTrain, tab3RerunLargeEpsGap, tab2to4RerunRandomGap].map(
        async (r) => (await verdictOf(r, cells)).status,
      ),
    );
    expect(statuses).toEqual(['confirmed', 'confirmed', 'confirmed', 'confirmed']);
  });
});
