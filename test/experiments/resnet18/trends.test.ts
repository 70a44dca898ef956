/**
 * What this proves about src/experiments/resnet18/trends.ts and the resnet-trend checker's rule on them: the steps of
 * the gap and of the landscape sharpness over ε per dataset (seeds averaged, best or final checkpoint), and the
 * quantifiers the checker applies ("most": more than half, so half is not most; "every": each step).
 */
import { describe, expect, it } from 'vitest';
import { TABLE_5, TABLE_6 } from '../../../src/tables/paper-tables.ts';
import { gapTrend, landscapeTrend } from '../../../src/experiments/resnet18/trends.ts';
import { holds } from '../../../checks/resnet-trend.ts';
import { fakeResults, type FakeCell } from './fake-results.ts';

/** The paper's own Tables 5–6 as if measured: train / test per ε (rises made up, increasing). */
function paperAsMeasured(): FakeCell[] {
  const out: FakeCell[] = [];
  for (const [dataset, table] of [
    ['cifar10', TABLE_5],
    ['svhn', TABLE_6],
  ] as const) {
    table.rows.forEach((row, i) => {
      const [e, train, test] = row.split(' ') as [string, string, string];
      out.push({
        dataset,
        eps: Number(e.split('/')[0]),
        train: Number(train),
        test: Number(test),
        rise: 0.1 * (i + 1),
      });
    });
  }
  return out;
}

describe('gapTrend', () => {
  it("holds on the paper's own Tables 5–6 (8 of 8 steps increase, up to accuracy rounding to test counts)", () => {
    const t = gapTrend(fakeResults(paperAsMeasured()));
    expect(t).toMatchObject({ decidable: true, increasing: 8, steps: 8 });
    expect(holds(t, 'most')).toBe(true);
    expect(t.perDataset).toEqual({
      cifar10: { increasing: 4, steps: 4, seeds: 1 },
      svhn: { increasing: 4, steps: 4, seeds: 1 },
    });
  });

  it('needs more than half of all steps; half is not most', () => {
    const cells: FakeCell[] = [
      { dataset: 'cifar10', eps: 0, train: 90, test: 80, rise: 0.1 },
      { dataset: 'cifar10', eps: 4, train: 90, test: 70, rise: 0.2 },
      { dataset: 'cifar10', eps: 8, train: 90, test: 75, rise: 0.3 },
    ];
    const t = gapTrend(fakeResults(cells));
    expect([t.increasing, t.steps, holds(t, 'most')]).toEqual([1, 2, false]);
    expect(t.details.map((d) => d.increased)).toEqual([true, false]);
  });

  it('reads the best checkpoint when asked, and averages seeds', () => {
    const cells: FakeCell[] = [
      { dataset: 'svhn', eps: 0, train: 90, test: 80, rise: 0.1, bestTest: 85 },
      { dataset: 'svhn', eps: 8, seed: 1, train: 90, test: 70, rise: 0.2, bestTest: 86 },
      { dataset: 'svhn', eps: 8, seed: 2, train: 90, test: 70, rise: 0.2, bestTest: 86 },
    ];
    expect(holds(gapTrend(fakeResults(cells), { checkpoint: 'final' }), 'most')).toBe(true);
    const best = gapTrend(fakeResults(cells), { checkpoint: 'best' });
    expect(holds(best, 'most')).toBe(false);
    expect(best.perDataset.svhn?.seeds).toBe(1);
    expect(best.details[0]!.after).toBeCloseTo(90 - 86, 1);
    // Two seeds with different gaps at one ε: the step compares their mean.
    const spread: FakeCell[] = [
      { dataset: 'svhn', eps: 0, train: 90, test: 80, rise: 0.1 },
      { dataset: 'svhn', eps: 8, seed: 1, train: 90, test: 70, rise: 0.2 },
      { dataset: 'svhn', eps: 8, seed: 2, train: 90, test: 60, rise: 0.2 },
    ];
    const mean = gapTrend(fakeResults(spread));
    expect(mean.details[0]!.before).toBeCloseTo(10, 1);
    expect(mean.details[0]!.after).toBeCloseTo(25, 1);
  });

  it('is not decidable with one ε per dataset', () => {
    const t = gapTrend(fakeResults([{ dataset: 'cifar10', eps: 8, train: 60, test: 50, rise: 1 }]));
    expect([t.decidable, holds(t, 'most'), t.steps]).toEqual([false, false, 0]);
  });
});

describe('landscapeTrend', () => {
  it('needs every step of every dataset to increase the landscape rise', () => {
    const cells = paperAsMeasured();
    expect(landscapeTrend(fakeResults(cells))).toMatchObject({ increasing: 8, steps: 8 });
    expect(holds(landscapeTrend(fakeResults(cells)), 'every')).toBe(true);
    const oneFlat = cells.map((c) => (c.dataset === 'svhn' && c.eps === 16 ? { ...c, rise: 0.1 } : c));
    const t = landscapeTrend(fakeResults(oneFlat));
    expect([holds(t, 'every'), t.increasing, t.steps]).toEqual([false, 7, 8]);
    expect(t.details.find((d) => !d.increased)).toMatchObject({ dataset: 'svhn', fromEps: 12, toEps: 16 });
    expect(holds(landscapeTrend(fakeResults(oneFlat), { datasets: ['cifar10'] }), 'every')).toBe(true);
    expect(landscapeTrend(fakeResults(cells), { metric: 'curvature' }).quantity).toBe('landscape curvature');
  });
});
