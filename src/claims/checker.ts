/**
 * What a checker in `checks/` is: a kind name, a schema for its claim parameters, and a function from a loaded
 * claim to a computed `Verdict`.
 */
import type { z } from 'zod';
import type { Engines } from '../engines/types.ts';
import type { Verdict, VerdictStatus } from './verdict.ts';
import type { LoadedClaim } from './loaded.ts';

/** Everything a check may use besides the claim itself. */
export interface CheckContext {
  /** Seed for every random draw of this check (derive sub-seeds with `deriveSeed`). */
  readonly seed: number;
  /**
   * The run's seed, shared by every claim: draws that must be the same wherever they are made (the checks of one
   * assumption, say) derive their seeds from it.
   */
  readonly runSeed: number;
  readonly engines: Engines;
  /** Dimensions d at which vector claims are expanded into scalars (default 2 … 5). */
  readonly dims: readonly number[];
  /** Numbers of data points N at which sums over n are expanded (default 2; checks of a condition that must hold for
   * every point use N = 3). */
  readonly points: readonly number[];
  /**
   * The data of the experiments the claim's record names in `measurements` (`mnist2`, `resnet`, …), by experiment id:
   * plain JSON, measured once per report (or read from its cache) and never recomputed by a checker. Checkers of
   * empirical claims validate what they receive with their own schema; when it is absent they return `inconclusive`
   * naming the command that measures it.
   */
  readonly measurements?: Readonly<Record<string, unknown>>;
}

export interface Checker<P = Record<string, unknown>> {
  /** Matches `kind` in claim records. */
  readonly kind: string;
  /** What this checker decides, in one line. */
  readonly description: string;
  /**
   * The verdict classes this checker can return (at least `confirmed` and `refuted`). Its tests reach each of them
   * with constructed inputs (test/checks/verdict-classes.test.ts holds every kind to it).
   */
  readonly verdicts: readonly VerdictStatus[];
  /** Schema of `params` for claims of this kind. */
  readonly params: z.ZodType<P>;
  /** Runs the computation and returns its verdict. */
  check(claim: LoadedClaim, params: P, ctx: CheckContext): Verdict | Promise<Verdict>;
  /** The derived form in LaTeX (for `claimcheck derive`), where the checker derives one. */
  derive?(claim: LoadedClaim, params: P, ctx: CheckContext): string | Promise<string>;
}

/** Identity helper that keeps a checker's parameter type attached to its definition. */
export function defineChecker<P>(checker: Checker<P>): Checker<P> {
  return checker;
}
