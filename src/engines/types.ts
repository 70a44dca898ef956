/**
 * The narrow interfaces checks see. A check receives engines through `CheckContext` and never imports a particular
 * engine (mathjs, nerdamer, Compute Engine) itself.
 */

/** A computer-algebra system that differentiates expressions written in mathjs syntax over scalar symbols. */
export interface SymbolicEngine {
  readonly name: string;
  readonly version: string;
  /** ∂expr/∂variable, returned in mathjs syntax. */
  derivative(expr: string, variable: string): string;
}

/** A printer from mathjs syntax to LaTeX. */
export interface LatexPrinter {
  toTex(expr: string): string;
}

/** Evaluates mathjs-syntax expressions at a point in arbitrary precision. */
export interface PrecisionEvaluator {
  readonly name: string;
  /**
   * Value of `expr` at `point` (exact decimal strings) with `digits` significant digits, as a decimal string;
   * `NaN` when the expression is not finite there.
   */
  evaluate(expr: string, point: Readonly<Record<string, string>>, digits: number): string;
  /** |a − b| / max(|a|, |b|, floor) at `digits`, as a number (may underflow to 0 for exact equality). */
  relativeDifference(
    a: string,
    b: string,
    point: Readonly<Record<string, string>>,
    digits: number,
  ): { rel: number; log10Rel: number; a: string; b: string };
}

/** The engines a check may use. */
export interface Engines {
  /** The primary CAS for derivations (mathjs). */
  readonly primary: SymbolicEngine;
  /** A second opinion whose disagreement is reported, never trusted on its own (nerdamer). */
  readonly second: SymbolicEngine;
  readonly evaluator: PrecisionEvaluator;
  readonly printer: LatexPrinter;
}
