/**
 * A degenerate MNIST2 cell (L∞ training at ε = 1 lets the adversary erase every image, and the model trains to
 * w = 0) is a result, not a crash: the report section lists it with why it has no Hessian or landscape, and a claim
 * that needs its measurements is inconclusive with that reason, naming the cell; the other cells are measured.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mnist2ReportSection } from '../../src/experiments/mnist2/experiment.ts';
import { sweepMnist2 } from '../../src/experiments/mnist2/sweep.ts';
import { mnist2Measured } from '../../src/experiments/mnist2/measurements.ts';
import { withReplicates } from '../../src/experiments/mnist2/replicates.ts';
import type { Mnist2Measured } from '../../src/experiments/mnist2/measurement-schemas.ts';
import type { Mnist2Results } from '../../src/experiments/mnist2/results.ts';
import { mnist2Sharpness as checker } from '../../checks/mnist2-sharpness.ts';
import { loaded, record, tableContext } from '../checks/table-helpers.ts';

let results: Mnist2Results;
let measured: Mnist2Measured;
beforeAll(async () => {
  const sweep = await sweepMnist2({ setting: 'ci', norms: ['linf'], trainings: ['pgd'], eps: [0, 8 / 255, 1] });
  results = sweep.results;
  measured = withReplicates(mnist2Measured(results, sweep.train));
});

describe('a cell that trains to w = 0', () => {
  it('is trained and recorded like any other cell', () => {
    const cell = results.cells.find((c) => c.eps === 1)!;
    expect(cell.w.every((v) => v === 0)).toBe(true);
  });

  it('the measurements and the report section go on, listing the degenerate cell and why', () => {
    const m = measured.measurements;
    expect(m.hessians.map((h) => h.key)).toHaveLength(2);
    expect(m.degenerate).toEqual([
      { key: results.cells[2]!.key, cell: 'linf pgd ε=255/255', reason: expect.stringContaining('w = 0') },
    ]);
    const section = mnist2ReportSection(measured);
    expect(section.summary).toMatch(/linf pgd ε=255\/255 .*w = 0/);
  });

  it('a claim that needs the degenerate cell is inconclusive, naming the cell and the reason', async () => {
    const claim = loaded(record('mnist2-sharpness', { form: 'eigen-grow', norms: ['linf'], hessians: ['robust'] }));
    const v = await checker.check(claim, checker.params.parse(claim.params), {
      ...tableContext,
      measurements: { mnist2: measured },
    });
    expect(v.status).toBe('inconclusive');
    if (v.status === 'inconclusive') expect(v.reason).toMatch(/linf pgd ε=255\/255.*w = 0/);
  });
});
