/**
 * Runs independent jobs in child processes, one per core: `mapInWorkers(module, fn, jobs, { context })` forks up to
 * `workers` Node processes with the package's own tsx loader, sends each the `context` once, then deals the jobs out
 * as workers free up; each job runs `fn(job, context)` from `module` (a file URL) and the results come back in job
 * order. Messages use structured clone ('advanced' serialization), so typed arrays, NaN and ±Infinity cross unchanged,
 * and a job gives the same result whichever process runs it. The first job that throws stops every worker and
 * rejects with its error (a `ClaimcheckError` keeps its code and suggestion).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ClaimcheckError, isErrorCode } from '../errors.ts';

/** The file URL of the tsx loader the package depends on: workers start with it, whatever the working directory. */
export function tsxLoaderUrl(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
}

/** The workers a run uses by default: every core, at most `cap`. */
export function defaultWorkers(cap = 4): number {
  return Math.max(1, Math.min(availableParallelism(), cap));
}

/** What a worker sends back. */
export type WorkerReply =
  | { readonly type: 'ready' }
  | { readonly type: 'result'; readonly index: number; readonly value: unknown }
  | {
      readonly type: 'error';
      readonly index: number;
      readonly message: string;
      readonly code?: string;
      readonly suggestion?: string;
      readonly stack?: string;
    };

/** What the parent sends: the module, function and context once, then one job at a time. */
export type WorkerRequest =
  | { readonly type: 'init'; readonly module: string; readonly fn: string; readonly context: unknown }
  | { readonly type: 'job'; readonly index: number; readonly job: unknown };

export interface MapOptions<C> {
  /** Sent to every worker once and passed to every job (the data the jobs share). */
  readonly context: C;
  /** Worker processes (default `defaultWorkers()`, never more than the jobs). */
  readonly workers?: number;
  /** Called as each job finishes, in the order they finish. */
  readonly onResult?: (index: number, value: unknown) => void;
}

const ENTRY = fileURLToPath(new URL('./entry.ts', import.meta.url));

function replyError(reply: Extract<WorkerReply, { type: 'error' }>): Error {
  const err = isErrorCode(reply.code)
    ? new ClaimcheckError(reply.code, reply.message, reply.suggestion)
    : new Error(reply.message);
  if (reply.stack) err.stack = reply.stack;
  return err;
}

/**
 * `jobs.map((job) => module[fn](job, options.context))`, spread over child processes; resolves to the results in job
 * order. `module` is the file URL of a module whose export `fn` takes `(job, context)` and returns (or resolves to)
 * plain data.
 */
export async function mapInWorkers<J, C, R>(
  module: string,
  fn: string,
  jobs: readonly J[],
  options: MapOptions<C>,
): Promise<R[]> {
  const asked = options.workers;
  const wanted = asked !== undefined && Number.isFinite(asked) ? Math.floor(asked) : defaultWorkers();
  const count = Math.max(1, Math.min(wanted, jobs.length));
  const results = new Array<R>(jobs.length);
  if (jobs.length === 0) return results;
  const loader = tsxLoaderUrl();
  const children: ChildProcess[] = [];
  /** The job each worker is running, if any. */
  const running = new Map<ChildProcess, number>();
  /** Workers told that no job is left (they may exit). */
  const released = new Set<ChildProcess>();
  let next = 0;
  let done = 0;
  return new Promise<R[]>((resolve, reject) => {
    let settled = false;
    const fail = (err: unknown): void => {
      if (settled) return;
      settled = true;
      for (const c of children) c.kill();
      reject(err);
    };
    const release = (child: ChildProcess): void => {
      released.add(child);
      if (child.connected) child.disconnect();
    };
    const feed = (child: ChildProcess): void => {
      if (next >= jobs.length) {
        release(child);
        return;
      }
      const index = next++;
      running.set(child, index);
      child.send({ type: 'job', index, job: jobs[index] } satisfies WorkerRequest);
    };
    const onMessage = (child: ChildProcess, m: WorkerReply): void => {
      if (settled) return;
      if (m.type === 'ready') return feed(child);
      if (m.type === 'error') return fail(replyError(m));
      running.delete(child);
      results[m.index] = m.value as R;
      options.onResult?.(m.index, m.value);
      done++;
      if (done < jobs.length) return feed(child);
      for (const c of children) release(c);
      settled = true;
      resolve(results);
    };
    try {
      for (let w = 0; w < count; w++) {
        // The child's stdout goes to this process's stderr: nothing a job prints can mix into this process's output.
        const child = fork(ENTRY, [], {
          execArgv: ['--import', loader],
          stdio: ['ignore', 2, 'inherit', 'ipc'],
          serialization: 'advanced',
        });
        children.push(child);
        child.on('message', (m: WorkerReply) => {
          try {
            onMessage(child, m);
          } catch (err) {
            fail(err);
          }
        });
        child.on('error', (err) => fail(err));
        child.on('exit', (code, signal) => {
          // A worker may leave once released; leaving with a job, or before it was released, loses work.
          if (running.has(child) || !released.has(child)) {
            const job = running.get(child);
            fail(
              new Error(
                `worker process exited (${signal ?? `code ${code}`})${job === undefined ? ' before its jobs were done' : ` during job ${job}`}`,
              ),
            );
          }
        });
        child.send({ type: 'init', module, fn, context: options.context } satisfies WorkerRequest);
      }
    } catch (err) {
      fail(err);
    }
  });
}
