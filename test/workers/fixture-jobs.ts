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
}): Promise<{ readonly pid: number; readonly met: boolean }> {
  writeFileSync(join(job.dir, `started-${job.index}`), '');
  const started = (): number => readdirSync(job.dir).filter((f) => f.startsWith('started-')).length;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && started() < job.count) await new Promise((resolve) => setTimeout(resolve, 20));
  return { pid: process.pid, met: started() >= job.count };
}

/** Leaves the worker process in the middle of its job, with exit code `code`. */
export function leave(job: { readonly code: number }): never {
  process.exit(job.code);
}

export function fail(job: { readonly typed: boolean }): never {
  if (job.typed) throw new ClaimcheckError('BAD_INPUT', 'fixture: a typed failure', 'the suggestion');
  throw new Error('fixture: an untyped failure');
}
