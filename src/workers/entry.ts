/**
 * The entry of a `mapInWorkers` child process: imports the module it is told, keeps the context, and runs each job it
 * receives, replying with the result or the error (code and suggestion kept). It exits when the parent disconnects.
 */
import type { WorkerReply, WorkerRequest } from './pool.ts';

let run: ((job: unknown, context: unknown) => unknown) | undefined;
let context: unknown;

const reply = (m: WorkerReply): void => {
  // The parent may be gone: once every job is done it disconnects the workers, one of which may still be starting
  // and about to say it is ready. A reply nobody reads is dropped (the callback takes the channel's EPIPE, which
  // would otherwise be an unhandled 'error' on stderr), and the worker exits on 'disconnect'. A parent that is still
  // waiting sees a worker whose channel broke leave, and fails the job.
  if (process.connected) process.send?.(m, undefined, undefined, () => undefined);
};

/** The reply for an error of job `index` (-1: before any job), with its code and suggestion when it has them. */
function errorReply(index: number, err: unknown): WorkerReply {
  const e = err instanceof Error ? err : new Error(String(err));
  const { code, suggestion } = e as Error & { code?: unknown; suggestion?: unknown };
  return {
    type: 'error',
    index,
    message: e.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof suggestion === 'string' ? { suggestion } : {}),
    ...(e.stack ? { stack: e.stack } : {}),
  };
}

process.on('message', (m: WorkerRequest) => {
  if (m.type === 'init') {
    context = m.context;
    import(m.module).then(
      (mod: Record<string, unknown>) => {
        const fn = mod[m.fn];
        if (typeof fn !== 'function') {
          reply({ type: 'error', index: -1, message: `worker: ${m.module} exports no function ${m.fn}` });
          return;
        }
        run = fn as typeof run;
        reply({ type: 'ready' });
      },
      (err: Error) =>
        reply({ type: 'error', index: -1, message: err.message, ...(err.stack ? { stack: err.stack } : {}) }),
    );
    return;
  }
  const { index, job } = m;
  Promise.resolve()
    .then(() => run!(job, context))
    .then(
      (value) => reply({ type: 'result', index, value }),
      (err: unknown) => reply(errorReply(index, err)),
    );
});

process.on('disconnect', () => process.exit(0));
