import { describe, expect, it } from 'vitest';
import { runChecks, runChecksParallel } from '../../src/pipeline/run.ts';

describe('runChecksParallel', () => {
  it('gives the same verdicts as a serial run (seeds depend only on the run seed and the claim id)', async () => {
    const ids = ['eq11-eigvec-w', 'eq15-limit', 'tab3-gap', 'eq12-norm-inequality'];
    const serial = await runChecks(ids, { seed: 5 });
    const parallel = await runChecksParallel(ids, { seed: 5, jobs: 2 });
    expect(parallel.map((r) => r.claim.id)).toEqual(ids);
    expect(parallel.map((r) => r.verdict)).toEqual(serial.map((r) => r.verdict));
  });
});
