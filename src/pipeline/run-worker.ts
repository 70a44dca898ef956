/**
 * Child-process entry of `runChecksParallel`: receives claim ids and options over IPC, runs them, and sends the
 * verdicts back (verdicts are plain data, so they cross the process boundary unchanged).
 */
import { asClaimCheckFailed, ClaimcheckError } from '../errors.ts';
import { runChecks } from './run.ts';

interface Job {
  readonly ids: readonly string[];
  readonly seed: number;
  readonly paper?: string;
  readonly dims?: readonly number[];
  readonly points?: readonly number[];
  readonly measurements?: Readonly<Record<string, unknown>>;
}

process.once('message', (job: Job) => {
  let current: string | undefined;
  runChecks(job.ids, {
    seed: job.seed,
    ...(job.paper !== undefined ? { paper: job.paper } : {}),
    dims: job.dims,
    points: job.points,
    ...(job.measurements !== undefined ? { measurements: job.measurements } : {}),
    onProgress: (e) => {
      current = e.done ? undefined : e.id;
      process.send?.({ type: 'progress', id: e.id, done: e.done });
    },
  }).then(
    (results) => {
      process.send?.(
        { type: 'results', results: results.map((r) => ({ id: r.claim.id, verdict: r.verdict, millis: r.millis })) },
        () => process.exit(0),
      );
    },
    (err: unknown) => {
      // As in a serial run (`asCheckFailure` of the CLI): a fault during a claim becomes CHECK_FAILED naming it.
      const e = current !== undefined ? asClaimCheckFailed(err, current) : err;
      const message = e instanceof Error ? e.message : String(e);
      const typed = e instanceof ClaimcheckError ? { code: e.code, suggestion: e.suggestion } : {};
      process.send?.({ type: 'error', message, ...typed }, () => process.exit(1));
    },
  );
});
