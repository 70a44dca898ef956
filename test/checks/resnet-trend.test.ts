import { describe, expect, it } from 'vitest';
import { resnetTrend } from '../../checks/resnet-trend.ts';
import { loadClaim } from '../../src/claims/load.ts';
import { checkers } from '../../checks/index.ts';
import { fig4SharperWithEps } from '../../proofs/fig4-sharper-with-eps.ts';
import { tab56GapGrowsRemeasured } from '../../proofs/tab56-gap-grows-remeasured.ts';
import type { Engines } from '../../src/engines/types.ts';
import { fakeResults, type FakeCell } from '../experiments/resnet18/fake-results.ts';

import { verdictClasses } from './verdict-classes.ts';
import { paperAt } from '../../src/pipeline/run.ts';

const reach = verdictClasses('resnet-trend');
const byKind = new Map(checkers.map((c) => [c.kind, c]));
const run = async (record: typeof fig4SharperWithEps, results: unknown) => {
  const claim = loadClaim(record, byKind, paperAt());
  const measurements = results === undefined ? undefined : { resnet: results };
  return reach(
    await resnetTrend.check(claim, resnetTrend.params.parse(claim.params), {
      seed: 1,
      runSeed: 1,
      engines: {} as Engines,
      dims: [2],
      points: [2],
      ...(measurements ? { measurements } : {}),
    }),
  );
};

const cells = (rises: number[], gaps: number[]): FakeCell[] =>
  rises.flatMap((rise, i) => [
    { dataset: 'cifar10' as const, eps: 4 * i, train: 90, test: 90 - gaps[i]!, rise },
    { dataset: 'svhn' as const, eps: 4 * i, train: 90, test: 90 - gaps[i]!, rise },
  ]);

describe('resnet-trend checker', () => {
  it('is inconclusive and names the command when nothing was measured', async () => {
    const v = await run(fig4SharperWithEps, undefined);
    expect(v.status).toBe('inconclusive');
    if (v.status === 'inconclusive') expect(v.reason).toMatch(/experiment resnet18 run/);
  });

  it('confirms a sharpness that rises at every ε step and refutes one that does not', async () => {
    expect((await run(fig4SharperWithEps, fakeResults(cells([0.1, 0.2, 0.3], [1, 2, 3])))).status).toBe('confirmed');
    const v = await run(fig4SharperWithEps, fakeResults(cells([0.1, 0.3, 0.2], [1, 2, 3])));
    expect(v.status).toBe('refuted');
  });

  it('decides "gap grows in most cases" by more than half of the steps', async () => {
    expect((await run(tab56GapGrowsRemeasured, fakeResults(cells([0.1, 0.2, 0.3], [1, 5, 9])))).status).toBe(
      'confirmed',
    );
    expect((await run(tab56GapGrowsRemeasured, fakeResults(cells([0.1, 0.2, 0.3], [9, 5, 1])))).status).toBe('refuted');
  });
});
