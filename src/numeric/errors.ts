/**
 * Typed errors of the numeric core (`src/numeric`, `src/autodiff`, `src/eigen`): subclasses of `ClaimcheckError`
 * (`src/errors.ts`) with the numeric core's own codes, each of kind `fault` in `ERROR_KINDS`; `src/cli/` maps them to exit codes and
 * prints their messages and suggestions.
 */
import { ClaimcheckError, type ErrorCode } from '../errors.ts';

/** What went wrong, as data: the codes of `ErrorCode` that the numeric core throws. */
export type NumericErrorCode = Extract<
  ErrorCode,
  'NON_DIFFERENTIABLE' | 'BAD_ARGUMENT' | 'DIMENSION_MISMATCH' | 'BACKEND_UNAVAILABLE'
>;

/** Base class of the numeric core's errors: the message names the function, the argument and what was received. */
export class NumericError extends ClaimcheckError {
  declare readonly code: NumericErrorCode;
  constructor(code: NumericErrorCode, message: string, suggestion?: string) {
    super(code, message, suggestion);
    this.name = 'NumericError';
  }
}

/**
 * Thrown when a derivative is requested at a point where the function is not differentiable, e.g. the gradient of
 * the L2-robust loss (which contains ε‖w‖₂) at ‖w‖ = 0, or of the L∞-robust loss (ε‖w‖₁) where some w_i = 0.
 * The value itself is defined there; only derivatives throw.
 */
export class NonDifferentiableError extends NumericError {
  /** The function that was asked for a derivative, e.g. `robustL2Loss.grad`. */
  readonly fn: string;
  /** Why the point is not differentiable, e.g. `‖w‖₂ = 0`. */
  readonly reason: string;
  constructor(fn: string, reason: string, suggestion?: string) {
    super(
      'NON_DIFFERENTIABLE',
      `${fn}: not differentiable at w: ${reason}`,
      suggestion ?? 'evaluate at a point where the norm term is differentiable, or use a one-sided derivative',
    );
    this.name = 'NonDifferentiableError';
    this.fn = fn;
    this.reason = reason;
  }
}

/** Thrown when an argument has the wrong length or shape for the dataset or matrix it is used with. */
export class DimensionMismatchError extends NumericError {
  constructor(fn: string, argument: string, expected: string, received: string) {
    super('DIMENSION_MISMATCH', `${fn}: ${argument} must have ${expected}, got ${received}`);
    this.name = 'DimensionMismatchError';
  }
}

/** Thrown when an argument is out of its domain (negative ε, non-finite entries, labels other than ±1 …). */
export class BadArgumentError extends NumericError {
  constructor(fn: string, argument: string, expected: string, received: string, suggestion?: string) {
    super('BAD_ARGUMENT', `${fn}: ${argument} must be ${expected}, got ${received}`, suggestion);
    this.name = 'BadArgumentError';
  }
}
