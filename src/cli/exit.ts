/**
 * Maps errors to exit codes and messages: the only place where library errors become process outcomes.
 */
import { CommanderError } from 'commander';
import { asClaimCheckFailed, ClaimcheckError, ERROR_KINDS, type ErrorKind } from '../errors.ts';

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

/** The exit code of each kind of typed error (`ERROR_KINDS` gives the kind of every code). */
const EXIT_OF_KIND: Readonly<Record<ErrorKind, number>> = {
  usage: EXIT.usage,
  fault: EXIT.checkFailed,
  'fail-on': EXIT.failOn,
};

/**
 * The exit code for an error that ended a command: by the kind of its code for every `ClaimcheckError` (subclasses
 * such as the numeric core's `NumericError` included), 1 for an untyped error (a bug).
 */
export function exitCodeFor(err: unknown): number {
  if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  if (err instanceof ClaimcheckError) return EXIT_OF_KIND[ERROR_KINDS[err.code]] ?? EXIT.checkFailed;
  return EXIT.checkFailed;
}

/**
 * The message printed on stderr for an error: `error: <message>` and, for every `ClaimcheckError` (subclasses
 * included), its suggestion on the next line. Commander's own errors print themselves, so they give an empty string.
 */
export function formatError(err: unknown): string {
  if (err instanceof CommanderError) return '';
  const message = err instanceof Error ? err.message : String(err);
  const suggestion = err instanceof ClaimcheckError && err.suggestion ? `${err.suggestion}\n` : '';
  const stack = process.env.CLAIMCHECK_DEBUG && err instanceof Error && err.stack ? `${err.stack}\n` : '';
  return `error: ${message}\n${suggestion}${stack}`;
}

/**
 * Wraps an error thrown while claim `claimId` was being checked as `CHECK_FAILED` (exit 1) naming the claim: an
 * untyped error, or a fault of the numeric core (which keeps its suggestion). Typed errors of bad usage or input, and
 * any error while no claim was in progress, pass through.
 */
export function asCheckFailure(err: unknown, claimId: string | undefined): unknown {
  if (claimId === undefined) return err;
  return asClaimCheckFailed(err, claimId);
}
