/**
 * Helpers for the tests of the "meaning of statements (numeric)" checkers: a record loaded with its defaults filled
 * (and no parsed LaTeX: these records carry `parse: false` fragments only), a context with small dimensions, and a
 * one-call check with parameter overrides (how the deliberately wrong inputs are built).
 */
import type { Checker, CheckContext } from '../../src/claims/checker.ts';
import { ClaimRecordSchema, type ClaimRecordInput } from '../../src/claims/schema.ts';
import type { Verdict } from '../../src/claims/verdict.ts';
import { readFragments } from '../../src/claims/load.ts';
import { type LoadedClaim } from '../../src/claims/loaded.ts';
import { paperAt } from '../../src/pipeline/run.ts';
import { claimRecords } from '../../proofs/index.ts';

/** The seed of these tests (printed in every verdict). */
export const TEST_SEED = 20210;

/** A record validated by the schema, as the loader returns it. */
export function loaded(record: ClaimRecordInput): LoadedClaim {
  const rec = ClaimRecordSchema.parse(record);
  // A record of the registry reads the shipped paper; a record built here holds its text itself.
  const fromRegistry = claimRecords.includes(record);
  const { quote: _recorded, ...fields } = rec;
  return { ...fields, ...readFragments(rec, fromRegistry ? paperAt() : undefined), parsedLatex: [], unreadable: [] };
}

/** A context with d ∈ {2, 3} and N ∈ {2, 3}; no engine is used by these checkers. */
export function context(seed = TEST_SEED): CheckContext {
  return { seed, runSeed: seed, engines: {} as never, dims: [2, 3], points: [2, 3] };
}

/** Runs `checker` on `record` with its params, overridden by `override`. */
export async function verdictOf<P>(
  checker: Checker<P>,
  record: ClaimRecordInput,
  override: Record<string, unknown> = {},
  seed = TEST_SEED,
): Promise<Verdict> {
  const claim = loaded(record);
  const params = checker.params.parse({ ...claim.params, ...override });
  return checker.check(claim, params, context(seed));
}
