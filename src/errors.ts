/**
 * Typed errors of the library: one base, `ClaimcheckError`, with a code and a suggestion. Library code throws it (or a
 * subclass, such as the numeric core's `NumericError` in `src/numeric/errors.ts`); only `src/cli/` maps codes to exit
 * codes and prints messages and suggestions.
 */
export type ErrorCode =
  | 'UNKNOWN_CLAIM'
  | 'INVALID_RECORD'
  | 'UNPARSABLE_LATEX'
  | 'UNKNOWN_VARIABLE'
  | 'UNKNOWN_CHECKER'
  | 'BAD_INPUT'
  | 'CHECK_FAILED'
  /** The condition of `--fail-on` holds (a refuted claim, or a change against the baseline). */
  | 'FAIL_ON'
  /** The numeric core (`NumericError`): a derivative asked for where the function has none. */
  | 'NON_DIFFERENTIABLE'
  /** The numeric core: an argument out of its domain (negative ε, non-finite entries, labels other than ±1 …). */
  | 'BAD_ARGUMENT'
  /** The numeric core: an argument of the wrong length or shape. */
  | 'DIMENSION_MISMATCH'
  /** The numeric core: no TensorFlow.js backend (or not the forced one) could be started. */
  | 'BACKEND_UNAVAILABLE';

/**
 * What each code means for a run: bad usage or input (`usage`), a computation that could not run (`fault`: a check,
 * an engine, an experiment or the numeric core failed), or the condition of `--fail-on` (`fail-on`).
 */
export type ErrorKind = 'usage' | 'fault' | 'fail-on';

/** The kind of every code. */
export const ERROR_KINDS: Readonly<Record<ErrorCode, ErrorKind>> = {
  UNKNOWN_CLAIM: 'usage',
  INVALID_RECORD: 'usage',
  UNPARSABLE_LATEX: 'usage',
  UNKNOWN_VARIABLE: 'usage',
  UNKNOWN_CHECKER: 'usage',
  BAD_INPUT: 'usage',
  CHECK_FAILED: 'fault',
  FAIL_ON: 'fail-on',
  NON_DIFFERENTIABLE: 'fault',
  BAD_ARGUMENT: 'fault',
  DIMENSION_MISMATCH: 'fault',
  BACKEND_UNAVAILABLE: 'fault',
};

/** Whether `code` is one of the codes above (a code read back from a worker process may be anything). */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_KINDS, code);
}

export class ClaimcheckError extends Error {
  readonly code: ErrorCode;
  readonly suggestion: string | undefined;
  constructor(code: ErrorCode, message: string, suggestion?: string) {
    super(message);
    this.name = 'ClaimcheckError';
    this.code = code;
    this.suggestion = suggestion;
  }
}

/**
 * An error thrown while `what` ran (e.g. "the check of claim eq08-gradient", "experiment mnist2") as `CHECK_FAILED`
 * naming it: a bug (an untyped error) gets `suggestion`, a typed fault of the numeric core keeps its own suggestion
 * (else `suggestion`). `CHECK_FAILED` itself and the typed errors of bad usage or input pass through unchanged.
 */
export function asCheckFailed(err: unknown, what: string, suggestion: string): unknown {
  if (err instanceof ClaimcheckError && (err.code === 'CHECK_FAILED' || ERROR_KINDS[err.code] !== 'fault')) return err;
  const message = err instanceof Error ? err.message : String(err);
  const own = err instanceof ClaimcheckError ? err.suggestion : undefined;
  const wrapped = new ClaimcheckError('CHECK_FAILED', `${what} could not run: ${message}`, own ?? suggestion);
  if (err instanceof Error && err.stack) wrapped.stack = err.stack;
  return wrapped;
}

/** The suggestion of a check that could not run, unless the error that stopped it has its own. */
export const CHECK_FAULT_SUGGESTION =
  'this is a fault in its checker or an engine; set CLAIMCHECK_DEBUG=1 for the stack trace';

/** `asCheckFailed` for an error thrown while claim `claimId` was being checked, in this process or in a worker. */
export function asClaimCheckFailed(err: unknown, claimId: string): unknown {
  return asCheckFailed(err, `the check of claim ${claimId}`, CHECK_FAULT_SUGGESTION);
}
