/** Jobs for the worker-pool tests: a pure function of job and context, and one that throws typed and untyped errors. */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClaimcheckError } from '../../src/errors.ts';

export function scale(
  job: { readonly x: number },
  context: { readonly factor: number; readonly data: Float64Array },
): unknown {
  return { y: job.x * context.factor, sum: context.data.reduce((a, b) => a + b, 0), nan: Number.NaN, pid: process.pid };
}

/**
 * Marks job `index` as started in `dir`, then waits (at most 30 s) until every one of `count` jobs has started: jobs
 * meet only when they run side by side, in different processes.
 */
export async function meet(job: {
  readonly dir: string;
  readonly index: number;
  readonly count: number;
}): Promise<number> {
  writeFileSync(join(job.dir, `started-${job.index}`), '');
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && readdirSync(job.dir).filter((f) => f.startsWith('started-')).length < job.count) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return process.pid;
}

export function fail(job: { readonly typed: boolean }): never {
  if (job.typed) throw new ClaimcheckError('BAD_INPUT', 'fixture: a typed failure', 'the suggestion');
  throw new Error('fixture: an untyped failure');
}
