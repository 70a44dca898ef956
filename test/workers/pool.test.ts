/**
 * What this proves about src/workers/pool.ts: jobs run in child processes (more than one when asked), each sees the
 * context (typed arrays and NaN intact), results come back in job order whatever order they finish in, an empty job
 * list needs no process, and a job that throws rejects the whole map with its message (a ClaimcheckError keeps its
 * code and suggestion).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClaimcheckError } from '../../src/errors.ts';
import { mapInWorkers } from '../../src/workers/pool.ts';

const JOBS = new URL('./fixture-jobs.ts', import.meta.url).href;

describe('mapInWorkers', () => {
  it('runs every job with the context, in child processes, and returns the results in job order', async () => {
    const jobs = Array.from({ length: 7 }, (_, x) => ({ x }));
    const context = { factor: 3, data: Float64Array.from([1, 2, 3.5]) };
    const out = await mapInWorkers<{ x: number }, typeof context, { y: number; sum: number; nan: number; pid: number }>(
      JOBS,
      'scale',
      jobs,
      { context, workers: 2 },
    );
    expect(out.map((r) => r.y)).toEqual(jobs.map((j) => 3 * j.x));
    expect(out.every((r) => r.sum === 6.5 && Number.isNaN(r.nan))).toBe(true);
    expect(out.some((r) => r.pid === process.pid)).toBe(false);
  });

  it('runs jobs side by side in as many processes as asked', async () => {
    // Each job waits until both have started, and says whether they met: only jobs that run at the same time do.
    const dir = mkdtempSync(join(tmpdir(), 'claimcheck-pool-'));
    const jobs = [0, 1].map((index) => ({ dir, index, count: 2 }));
    const out = await mapInWorkers<(typeof jobs)[number], null, { pid: number; met: boolean }>(JOBS, 'meet', jobs, {
      context: null,
      workers: 2,
    });
    rmSync(dir, { recursive: true, force: true });
    expect(out.map((r) => r.met)).toEqual([true, true]);
    expect(new Set(out.map((r) => r.pid)).size).toBe(2);
  });

  it('needs no process for no job', async () => {
    expect(await mapInWorkers(JOBS, 'scale', [], { context: { factor: 1, data: new Float64Array(0) } })).toEqual([]);
  });

  it('rejects with the error of a job that throws, keeping a typed error’s code and suggestion', async () => {
    const typed = await mapInWorkers(JOBS, 'fail', [{ typed: true }], { context: null }).catch((e: unknown) => e);
    expect(typed).toBeInstanceOf(ClaimcheckError);
    expect(typed).toMatchObject({
      code: 'BAD_INPUT',
      message: 'fixture: a typed failure',
      suggestion: 'the suggestion',
    });
    await expect(
      mapInWorkers(JOBS, 'fail', [{ typed: false }, { typed: false }], { context: null, workers: 2 }),
    ).rejects.toThrow('fixture: an untyped failure');
    await expect(mapInWorkers(JOBS, 'missing', [{}], { context: null })).rejects.toThrow(/exports no function missing/);
    await expect(
      mapInWorkers(new URL('./no-such-module.ts', import.meta.url).href, 'scale', [{}], { context: null }),
    ).rejects.toThrow(/no-such-module/);
  });

  it('rejects, and does not hang, when a worker leaves in the middle of a job, even with exit code 0', async () => {
    await expect(mapInWorkers(JOBS, 'leave', [{ code: 0 }], { context: null })).rejects.toThrow(
      /worker process exited \(code 0\) during job 0/,
    );
    await expect(
      mapInWorkers(JOBS, 'leave', [{ code: 3 }, { code: 3 }], { context: null, workers: 2 }),
    ).rejects.toThrow(/worker process exited \(code 3\)/);
  });

  it('rejects when the caller’s result handler throws, and takes a worker count that is not a number as the default', async () => {
    const context = { factor: 1, data: new Float64Array(0) };
    const onResult = (): void => {
      throw new Error('handler failed');
    };
    await expect(mapInWorkers(JOBS, 'scale', [{ x: 1 }], { context, onResult })).rejects.toThrow('handler failed');
    const out = await mapInWorkers<{ x: number }, typeof context, { y: number }>(JOBS, 'scale', [{ x: 2 }], {
      context,
      workers: Number.NaN,
    });
    expect(out[0]!.y).toBe(2);
  });
});
