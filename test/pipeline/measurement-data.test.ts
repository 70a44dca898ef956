import { describe, expect, it } from 'vitest';
import { allClaims, contextFor } from '../../src/pipeline/run.ts';

describe('RunOptions.measurementData', () => {
  it('reaches checkers as providers that resolve to the data; measurements win on a shared name', async () => {
    const claim = allClaims()[0]!;
    const ctx = contextFor(claim, { measurementData: { mnist2: { cells: [1] }, other: 2 }, measurements: { other: () => Promise.resolve(3) } });
    expect(await ctx.measurements!.mnist2!()).toEqual({ cells: [1] });
    expect(await ctx.measurements!.other!()).toBe(3);
    expect(contextFor(claim, {}).measurements).toBeUndefined();
  });
});
