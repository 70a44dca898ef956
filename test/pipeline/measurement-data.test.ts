/**
 * What this proves about `RunOptions.measurements` (src/pipeline/run.ts): a checker receives the data of exactly the
 * experiments its record names in `measurements`, as plain data, and nothing when the run has none.
 */
import { describe, expect, it } from 'vitest';
import { allClaims, contextFor } from '../../src/pipeline/run.ts';

describe('RunOptions.measurements', () => {
  it('gives each claim the data of the experiments its record names, and no other', () => {
    const claims = allClaims();
    const reader = claims.find((c) => c.measurements.includes('mnist2'))!;
    const other = claims.find((c) => c.measurements.length === 0)!;
    const data = { mnist2: { cells: [1] }, resnet: { cells: [2] } };
    expect(contextFor(reader, { measurements: data }).measurements).toEqual({ mnist2: { cells: [1] } });
    expect(contextFor(other, { measurements: data }).measurements).toEqual({});
    expect(contextFor(reader, {}).measurements).toBeUndefined();
  });
});
