/**
 * Helpers for the table and numeric-text checker tests: load a record the way the registry does (schema defaults,
 * checker parameter schema) without the LaTeX parser, and run its checker with a fixed seed.
 */
import type { Checker, CheckContext } from '../../src/claims/checker.ts';
import { ClaimRecordSchema, type ClaimRecordInput } from '../../src/claims/schema.ts';
import type { Verdict } from '../../src/claims/verdict.ts';
import type { Engines } from '../../src/engines/types.ts';
import type { PaperTable } from '../../src/tables/table.ts';
import { readFragments } from '../../src/claims/load.ts';
import { type LoadedClaim } from '../../src/claims/loaded.ts';
import { paperAt } from '../../src/pipeline/run.ts';
import { claimRecords } from '../../proofs/index.ts';

/** The seed every test verdict carries. */
export const TEST_SEED = 7;

/** A context for checkers that use no engine. */
export const tableContext: CheckContext = {
  seed: TEST_SEED,
  runSeed: TEST_SEED,
  engines: {} as Engines,
  dims: [2],
  points: [2],
};

/** A record with schema defaults filled and no parsed LaTeX (table checkers parse their own fragments). */
export function loaded(record: ClaimRecordInput): LoadedClaim {
  const rec = ClaimRecordSchema.parse(record);
  // A record of the registry reads the shipped paper; a record built here holds its text itself.
  const fromRegistry = claimRecords.includes(record);
  const { quote: _recorded, ...fields } = rec;
  return { ...fields, ...readFragments(rec, fromRegistry ? paperAt() : undefined), parsedLatex: [], unreadable: [] };
}

/** Validates `record.params` with the checker's schema (as loading does) and returns the verdict it computes. */
export async function verdictOf<P>(checker: Checker<P>, record: ClaimRecordInput): Promise<Verdict> {
  const claim = loaded(record);
  const params = checker.params.parse(claim.params);
  return checker.check(claim, params, tableContext);
}

/** A minimal record of the given kind around `params`. */
export function record(
  kind: string,
  params: Record<string, unknown>,
  extra: Partial<ClaimRecordInput> = {},
): ClaimRecordInput {
  return {
    id: 'tab9-test',
    title: 'a hand-made record',
    statement: 'a hand-made statement',
    location: { section: 'test' },
    kind,
    category: 'result',
    params,
    ...extra,
  };
}

/** A hand-made table (MNIST2-sized splits unless given). */
export function table(rows: string[], split = { train: 12665, test: 2115 }, label = 'Table 9'): PaperTable {
  return {
    label,
    caption: `${label}: hand-made`,
    dataset: 'TEST',
    norm: 'Linf',
    noise: 'PGD',
    split: { ...split, source: 'test' },
    rows,
  };
}
