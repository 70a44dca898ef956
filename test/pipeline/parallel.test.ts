import { describe, expect, it } from 'vitest';
import { asClaimCheckFailed, CHECK_FAULT_SUGGESTION, ClaimcheckError } from '../../src/errors.ts';
import { runChecks, runChecksParallel } from '../../src/pipeline/run.ts';
import type { CheckResult } from '../../src/claims/loaded.ts';

describe('runChecksParallel', () => {
  it('gives the same verdicts as a serial run (seeds depend only on the run seed and the claim id)', async () => {
    const ids = ['eq11-eigvec-w', 'eq15-limit', 'tab3-gap', 'eq12-norm-inequality'];
    const serial = await runChecks(ids, { seed: 5 });
    const heard: CheckResult[] = [];
    const parallel = await runChecksParallel(ids, { seed: 5, jobs: 2, onResult: (r) => heard.push(r) });
    expect(parallel.map((r) => r.claim.id)).toEqual(ids);
    expect(parallel.map((r) => r.verdict)).toEqual(serial.map((r) => r.verdict));
    // onResult hears each claim once as its worker answers (in any order), with the verdict the run returns.
    expect(heard.map((r) => r.claim.id).sort()).toEqual([...ids].sort());
    for (const r of heard) expect(r.verdict).toEqual(parallel.find((p) => p.claim.id === r.claim.id)!.verdict);
  });
});

describe('runChecksParallel errors', () => {
  it('a fault in a worker is CHECK_FAILED naming the claim, with the suggestion of a serial run', async () => {
    const ids = ['fig4-sharper-with-eps', 'tab56-gap-grows-remeasured'];
    const options = { seed: 5, measurements: { resnet: { cells: 5 } } };
    const serial = await runChecks(ids.slice(0, 1), options).catch((e: unknown) => asClaimCheckFailed(e, ids[0]!));
    const parallel = await runChecksParallel(ids, { ...options, jobs: 2 }).catch((e: unknown) => e);
    expect(parallel).toBeInstanceOf(ClaimcheckError);
    expect(parallel).toMatchObject({ code: 'CHECK_FAILED', suggestion: CHECK_FAULT_SUGGESTION });
    expect((parallel as Error).message).toMatch(
      /^the check of claim (fig4-sharper-with-eps|tab56-gap-grows-remeasured) could not run: /,
    );
    expect(serial).toMatchObject({ code: 'CHECK_FAILED', suggestion: CHECK_FAULT_SUGGESTION });
  });
});
