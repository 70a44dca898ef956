/**
 * Proves the `separable-max` checker on Eq. (5): one max outside the mean equals the mean of per-point maxima when
 * the constraint set is the product of per-point balls (joint projected-gradient ascent and joint random search agree
 * with the closed forms at every α), and a single η shared by all points gives a strictly smaller value — so the
 * deliberately wrong "shared" reading is refuted.
 */
import { describe, expect, it } from 'vitest';
import { separableMax } from '../../checks/separable-max.ts';
import { eq05LandscapeMaxOutsideSum } from '../../proofs/eq05-landscape-max-outside-sum.ts';
import { verdictOf as runVerdict } from './meaning-helpers.ts';
import { recorded } from './verdict-classes.ts';
import { onlyReadings } from './reading-helpers.ts';

const verdictOf = recorded('separable-max', runVerdict);
const only = (id: string) => onlyReadings(eq05LandscapeMaxOutsideSum, id);

const FAST = { extraPoints: [], datasetsPer: 1, searchSamples: 300, restarts: 2, ascentSteps: 200 };

describe('separable-max (Eq. (5))', () => {
  it('holds under the closed ball centred at 0 (product structure); the printed centre gives another value', async () => {
    const v = await verdictOf(separableMax, eq05LandscapeMaxOutsideSum, FAST);
    expect(v.status).toBe('holds-under');
    if (v.status !== 'holds-under') return;
    expect(v.condition).toMatchObject({ kind: 'reading', reading: { id: 'ball-0-closed' } });
    const data = v.evidence.data as {
      cells: number;
      jointAgrees: number;
      sharedStrictlyLess: number;
      maxRelativeGap: number;
    };
    expect(data.jointAgrees).toBe(data.cells);
    expect(data.maxRelativeGap).toBeLessThan(1e-12);
    expect(data.sharedStrictlyLess).toBeGreaterThan(0);
  });

  it('confirms the product structure over the closed ball centred at 0 alone', async () => {
    expect(
      (await verdictOf(separableMax, eq05LandscapeMaxOutsideSum, { ...FAST, ...only('ball-0-closed') })).status,
    ).toBe('confirmed');
  });

  it('refutes the shared-η structure: its maximum is below the mean of per-point maxima', async () => {
    const v = await verdictOf(separableMax, eq05LandscapeMaxOutsideSum, { ...FAST, structure: 'shared' });
    expect(v.status).toBe('refuted');
    if (v.status !== 'refuted') return;
    expect(Number(v.witness.paperValue.split('= ').pop())).toBeLessThan(Number(v.witness.ourValue.split('= ').pop()));
  });
});
