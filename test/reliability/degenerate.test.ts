/**
 * A degenerate MNIST2 cell (L∞ training at ε = 1 lets the adversary erase every image, and the model trains to
 * w = 0) is a result, not a crash: the report section lists it with why it has no Hessian or landscape, and a claim
 * that needs its measurements is inconclusive with that reason, naming the cell; the other cells are measured.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mnist2ReportSection } from '../../src/experiments/mnist2/experiment.ts';
import { runMnist2Sweep } from '../../src/experiments/mnist2/sweep.ts';
import { loadSweepTrainSplit } from '../../src/experiments/mnist2/train-split.ts';
import { mnist2Measurements } from '../../src/experiments/mnist2/measurements.ts';
import type { Mnist2Results } from '../../src/experiments/mnist2/results.ts';
import type { Dataset } from '../../src/numeric/dataset.ts';
import { makeMnist2SharpnessChecker } from '../../checks/mnist2-sharpness.ts';
import { loaded, record, tableContext } from '../checks/table-helpers.ts';

let results: Mnist2Results;
beforeAll(async () => {
  results = await runMnist2Sweep({ setting: 'ci', norms: ['linf'], trainings: ['pgd'], eps: [0, 8 / 255, 1] });
});

describe('a cell that trains to w = 0', () => {
  it('is trained and recorded like any other cell', () => {
    const cell = results.cells.find((c) => c.eps === 1)!;
    expect(cell.w.every((v) => v === 0)).toBe(true);
  });

  it('the measurements and the report section go on, listing the degenerate cell and why', () => {
    const ds = loadSweepTrainSplit(results.data) as Dataset;
    const m = mnist2Measurements(results, ds);
    expect(m.hessians.map((h) => h.key)).toHaveLength(2);
    expect(m.degenerate).toEqual([{ key: results.cells[2]!.key, cell: 'linf pgd ε=255/255', reason: expect.stringContaining('w = 0') }]);
    const section = mnist2ReportSection(results);
    expect(section.summary).toMatch(/linf pgd ε=255\/255 .*w = 0/);
  });

  it('a claim that needs the degenerate cell is inconclusive, naming the cell and the reason', async () => {
    const checker = makeMnist2SharpnessChecker((data) => loadSweepTrainSplit(data));
    const claim = loaded(record('mnist2-sharpness', { form: 'eigen-grow', norms: ['linf'], hessians: ['robust'] }));
    const v = await checker.check(claim, checker.params.parse(claim.params), { ...tableContext, measurements: { mnist2: async () => results } });
    expect(v.status).toBe('inconclusive');
    if (v.status === 'inconclusive') expect(v.reason).toMatch(/linf pgd ε=255\/255.*w = 0/);
  });
});
