/**
 * Child-process entry of `runChecksParallel`: receives claim ids and options over IPC, runs them, and sends the
 * verdicts back (verdicts are plain data, so they cross the process boundary unchanged).
 */
import { runChecks } from './run.ts';

interface Job {
  readonly ids: readonly string[];
  readonly seed: number;
  readonly dims?: readonly number[];
  readonly points?: readonly number[];
}

process.once('message', (job: Job) => {
  runChecks(job.ids, {
    seed: job.seed,
    dims: job.dims,
    points: job.points,
    onProgress: (e) => process.send?.({ type: 'progress', id: e.id, done: e.done }),
  }).then(
    (results) => {
      process.send?.({ type: 'results', results: results.map((r) => ({ id: r.claim.id, verdict: r.verdict, millis: r.millis })) }, () => process.exit(0));
    },
    (err: unknown) => {
      const e = err as Error & { code?: string; suggestion?: string };
      process.send?.({ type: 'error', message: e.message, code: e.code, suggestion: e.suggestion }, () => process.exit(1));
    },
  );
});
