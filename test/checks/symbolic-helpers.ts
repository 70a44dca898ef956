/**
 * Helpers for the tests of the checkers that use the engines: load a record the way the registry does (schema,
 * checker parameters, parsed LaTeX) and check it with the default engines and small dimensions.
 */
import { loadClaim } from '../../src/claims/load.ts';
import type { ClaimRecordInput } from '../../src/claims/schema.ts';
import type { Checker, CheckContext } from '../../src/claims/checker.ts';
import type { Verdict } from '../../src/claims/verdict.ts';
import { checkers } from '../../checks/index.ts';
import { defaultEngines } from '../../src/engines/index.ts';
import { paperAt } from '../../src/pipeline/run.ts';

const byKind = new Map(checkers.map((c) => [c.kind, c]));

/** The seed of these tests. */
export const SYMBOLIC_SEED = 7;

/** A context with the default engines, d ∈ {2, 3} and N = 2. */
export const symbolicContext: CheckContext = {
  seed: SYMBOLIC_SEED,
  runSeed: SYMBOLIC_SEED,
  engines: defaultEngines(),
  dims: [2, 3],
  points: [2],
};

/** Loads `record` (with parameter overrides) and returns the verdict its checker computes. */
export async function symbolicVerdict(
  record: ClaimRecordInput,
  override: Record<string, unknown> = {},
  ctx: CheckContext = symbolicContext,
): Promise<Verdict> {
  const claim = loadClaim({ ...record, params: { ...record.params, ...override } }, byKind, paperAt());
  const checker = byKind.get(claim.kind) as Checker<unknown>;
  return checker.check(claim, checker.params.parse(claim.params), ctx);
}

/** A minimal record of `kind` for constructed inputs. */
export function testRecord(kind: string, extra: Omit<Partial<ClaimRecordInput>, 'kind'>): ClaimRecordInput {
  return {
    id: `test-${kind}`,
    title: 't',
    statement: 't',
    location: { section: 'test' },
    kind,
    category: 'derivation',
    ...extra,
  };
}
