/**
 * Maps errors to exit codes and messages: the only place where library errors become process outcomes.
 */
import { CommanderError } from 'commander';
import { ClaimcheckError } from '../errors.ts';

/** Exit codes of the CLI. */
export const EXIT = {
  /** Every requested check ran (whatever the verdicts). */
  ok: 0,
  /** A check could not run: a checker or an engine threw. */
  checkFailed: 1,
  /** Bad usage or input: unknown claim id, bad option value, invalid claim record, a file that is not a paper text. */
  usage: 2,
  /** Everything ran and was written, and the condition of `--fail-on` holds (refuted claims, or changes). */
  failOn: 3,
} as const;

/** The exit code for an error that ended a command. */
export function exitCodeFor(err: unknown): number {
  if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  if (err instanceof ClaimcheckError) return err.code === 'CHECK_FAILED' ? EXIT.checkFailed : err.code === 'FAIL_ON' ? EXIT.failOn : EXIT.usage;
  return EXIT.checkFailed;
}

/**
 * The message printed on stderr for an error: `error: <message>` and, for typed errors, the suggestion on the next
 * line. Commander's own errors print themselves, so they give an empty string.
 */
export function formatError(err: unknown): string {
  if (err instanceof CommanderError) return '';
  const message = err instanceof Error ? err.message : String(err);
  const suggestion = err instanceof ClaimcheckError && err.suggestion ? `${err.suggestion}\n` : '';
  const stack = process.env.CLAIMCHECK_DEBUG && err instanceof Error && err.stack ? `${err.stack}\n` : '';
  return `error: ${message}\n${suggestion}${stack}`;
}

/**
 * Wraps an error thrown while claim `claimId` was being checked as `CHECK_FAILED` (exit 1), unless it is already a
 * typed error or no claim was in progress.
 */
export function asCheckFailure(err: unknown, claimId: string | undefined): unknown {
  if (claimId === undefined || err instanceof ClaimcheckError) return err;
  const message = err instanceof Error ? err.message : String(err);
  const wrapped = new ClaimcheckError(
    'CHECK_FAILED',
    `the check of claim ${claimId} could not run: ${message}`,
    'this is a fault in its checker or an engine; set CLAIMCHECK_DEBUG=1 for the stack trace',
  );
  if (err instanceof Error && err.stack) wrapped.stack = err.stack;
  return wrapped;
}
