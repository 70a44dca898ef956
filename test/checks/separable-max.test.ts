/**
 * Proves the `separable-max` checker on Eq. (5): one max outside the mean equals the mean of per-point maxima when
 * the constraint set is the product of per-point balls (joint projected-gradient ascent and joint random search agree
 * with the closed forms at every α), and a single η shared by all points gives a strictly smaller value — so the
 * deliberately wrong "shared" reading is refuted.
 */
import { describe, expect, it } from 'vitest';
import { separableMax } from '../../checks/separable-max.ts';
import { eq05LandscapeMaxOutsideSum } from '../../proofs/eq05-landscape-max-outside-sum.ts';
import { verdictOf } from './meaning-helpers.ts';

const FAST = { extraPoints: [], datasetsPer: 1, searchSamples: 300, restarts: 2, ascentSteps: 200 };

describe('separable-max (Eq. (5))', () => {
  it('holds under the product structure, with the shared-η value as witness', async () => {
    const v = await verdictOf(separableMax, eq05LandscapeMaxOutsideSum, FAST);
    expect(v.status).toBe('holds-under');
    if (v.status !== 'holds-under') return;
    const data = v.evidence.data as { cells: number; jointAgrees: number; sharedStrictlyLess: number; maxRelativeGap: number };
    expect(data.jointAgrees).toBe(data.cells);
    expect(data.maxRelativeGap).toBeLessThan(1e-12);
    expect(data.sharedStrictlyLess).toBeGreaterThan(0);
    const paper = Number(v.witness!.paperValue.split('= ').pop());
    const ours = Number(v.witness!.ourValue.split('= ').pop());
    expect(paper).toBeLessThan(ours);
  });

  it('refutes the shared-η reading', async () => {
    const v = await verdictOf(separableMax, eq05LandscapeMaxOutsideSum, { ...FAST, structure: 'shared' });
    expect(v.status).toBe('refuted');
  });
});
