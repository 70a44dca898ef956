/**
 * Typed errors of the library. Library code throws these with a code and a suggestion; only `src/cli/` maps them to
 * exit codes and messages.
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
  | 'FAIL_ON';

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
