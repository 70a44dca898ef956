/**
 * Runs checks: loads the claim registry, finds each claim's checker and returns the verdicts it computes.
 */
import { claimRecords } from '../../proofs/index.ts';
import { checkers } from '../../checks/index.ts';
import { loadClaims } from '../claims/load.ts';
import type { CheckResult, LoadedClaim } from '../claims/loaded.ts';
import type { CheckContext } from '../claims/checker.ts';
import type { Verdict } from '../claims/verdict.ts';
import { asClaimCheckFailed, ClaimcheckError } from '../errors.ts';
import { defaultEngines } from '../engines/index.ts';
import { deriveSeed } from '../rng.ts';
import { DEFAULT_SEED } from '../settings.ts';
import { nearestIds } from '../claims/nearest.ts';
import { defaultWorkers, mapInWorkers } from '../workers/pool.ts';
import { settleVacuous } from '../claims/vacuity.ts';
import { DEFAULT_PAPER, readPaper, type Paper } from '../paper/paper.ts';

export interface RunOptions {
  readonly seed?: number;
  /** The paper text the formulas are read from (default: the shipped one, `DEFAULT_PAPER`). */
  readonly paper?: string;
  readonly dims?: readonly number[];
  readonly points?: readonly number[];
  /** Called before and after each claim (progress display). */
  readonly onProgress?: (event: {
    readonly id: string;
    readonly index: number;
    readonly total: number;
    readonly done: boolean;
  }) => void;
  /**
   * Called as each claim's check finishes, with its verdict and the time it took (in the order the checks finish:
   * paper order in one process, the order the workers answer otherwise).
   */
  readonly onResult?: (result: CheckResult) => void;
  /** Worker processes for `runChecksParallel` (default: the number of cores, at most 4). */
  readonly jobs?: number;
  /**
   * Experiment results, by experiment id: plain data, so they reach the worker processes of `runChecksParallel`.
   * Each claim's checker receives those its record names in `measurements` (`CheckContext.measurements`).
   */
  readonly measurements?: Readonly<Record<string, unknown>>;
}

const loaded = new Map<string, { readonly paper: Paper; readonly claims: LoadedClaim[] }>();

/** The paper text at `file` (default: the shipped one), read and checked once per process. */
export function paperAt(file: string = DEFAULT_PAPER): Paper {
  return claimsOf(file).paper;
}

function claimsOf(file: string): { readonly paper: Paper; readonly claims: LoadedClaim[] } {
  let entry = loaded.get(file);
  if (!entry) {
    const paper = readPaper(file);
    const claims = loadClaims(claimRecords, checkers, paper);
    if (claims.every((c) => c.notInPaper.length > 0)) {
      throw new ClaimcheckError(
        'BAD_INPUT',
        `--paper ${file}: none of the paper's formulas or quoted sentences were found: not a version of "${paperAt().title}"`,
        'give the text of a version of the paper as extracted with its formulas',
      );
    }
    entry = { paper, claims };
    loaded.set(file, entry);
  }
  return entry;
}

/** Every claim of the registry, validated, with its formulas read from the paper (cached per paper file). */
export function allClaims(paper: string = DEFAULT_PAPER): LoadedClaim[] {
  return claimsOf(paper).claims;
}

/**
 * The claims with the given ids, in the order given and each once (a repeated id counts at its first occurrence), or
 * all claims when `ids` is empty; unknown ids throw with the nearest known ids.
 */
export function selectClaims(ids: readonly string[], paper: string = DEFAULT_PAPER): LoadedClaim[] {
  const claims = allClaims(paper);
  if (ids.length === 0) return claims;
  const byId = new Map(claims.map((c) => [c.id, c]));
  return [...new Set(ids)].map((id) => {
    const found = byId.get(id);
    if (!found) {
      const near = nearestIds(id, [...byId.keys()]);
      throw new ClaimcheckError('UNKNOWN_CLAIM', `unknown claim id "${id}"`, `nearest ids: ${near.join(', ')}`);
    }
    return found;
  });
}

function rethrow(err: unknown): never {
  throw err;
}

/**
 * The verdict of a claim whose checker could not read what a revised paper prints (a `SyntaxError` of the parsers of
 * printed sets, steps and tables, e.g. a table without a row the claim names): inconclusive, saying so. On the shipped
 * paper such an error is a fault of claimcheck and stays one (exit 1).
 */
function revisionUnreadable(
  claim: LoadedClaim,
  seed: number,
  err: unknown,
  paper: string | undefined,
): Verdict | undefined {
  if (!(err instanceof SyntaxError) || paper === undefined || paperAt(paper).sha256 === paperAt().sha256)
    return undefined;
  const reason = `what this version of the paper prints could not be read: ${err.message}`;
  return {
    claimId: claim.id,
    seed,
    checker: checkerFor(claim).kind,
    status: 'inconclusive',
    reason,
    evidence: { summary: reason },
  };
}

/**
 * The verdict of a claim that this version of the paper does not make, or whose formulas in it cannot be read:
 * inconclusive, saying which locator or formula and why. The checker does not run.
 */
export function unreadableVerdict(claim: LoadedClaim, seed: number): Verdict | undefined {
  const checker = checkerFor(claim).kind;
  if (claim.notInPaper.length > 0) {
    const reason = `not in this version of the paper: ${claim.notInPaper.join('; ')}`;
    return {
      claimId: claim.id,
      seed,
      checker,
      status: 'inconclusive',
      reason,
      evidence: { summary: reason, data: { notInPaper: claim.notInPaper } },
    };
  }
  if (claim.unreadable.length > 0) {
    const reason = `what this version of the paper prints could not be read: ${claim.unreadable.join('; ')}`;
    return {
      claimId: claim.id,
      seed,
      checker,
      status: 'inconclusive',
      reason,
      evidence: { summary: reason, data: { unreadable: claim.unreadable } },
    };
  }
  return undefined;
}

/** Builds the context a checker receives for one claim (the claim's seed is derived from the run seed and its id). */
export function contextFor(claim: LoadedClaim, options: RunOptions = {}): CheckContext {
  const seed = options.seed ?? DEFAULT_SEED;
  return {
    seed: deriveSeed(seed, claim.id),
    runSeed: seed,
    engines: defaultEngines(),
    dims: options.dims ?? [2, 3, 4, 5],
    points: options.points ?? [2],
    ...(options.measurements ? { measurements: measurementsFor(claim, options.measurements) } : {}),
  };
}

/** The experiments' data that any of `claims` reads (undefined when there is none). */
function neededBy(claims: readonly LoadedClaim[], all: RunOptions['measurements']): RunOptions['measurements'] {
  if (all === undefined) return undefined;
  const ids = new Set(claims.flatMap((c) => c.measurements));
  return Object.fromEntries(Object.entries(all).filter(([id]) => ids.has(id)));
}

/** The experiments' data that `claim`'s record names in `measurements`, and no other. */
function measurementsFor(
  claim: LoadedClaim,
  all: Readonly<Record<string, unknown>>,
): Readonly<Record<string, unknown>> {
  return Object.fromEntries(claim.measurements.filter((id) => Object.hasOwn(all, id)).map((id) => [id, all[id]]));
}

function checkerFor(claim: LoadedClaim) {
  const checker = checkers.find((c) => c.kind === claim.kind);
  if (!checker) throw new ClaimcheckError('UNKNOWN_CHECKER', `claim ${claim.id}: no checker for kind "${claim.kind}"`);
  return checker;
}

/** Checks the given claims (all when `ids` is empty) and returns their verdicts in paper order. */
export async function runChecks(ids: readonly string[], options: RunOptions = {}): Promise<CheckResult[]> {
  const claims = selectClaims(ids, options.paper);
  const results: CheckResult[] = [];
  for (const [index, claim] of claims.entries()) {
    options.onProgress?.({ id: claim.id, index, total: claims.length, done: false });
    const checker = checkerFor(claim);
    const params = checker.params.parse(claim.params);
    const t0 = performance.now();
    const context = contextFor(claim, options);
    let verdict: Verdict;
    try {
      verdict = unreadableVerdict(claim, context.seed) ?? settleVacuous(await checker.check(claim, params, context));
    } catch (err) {
      verdict = revisionUnreadable(claim, context.seed, err, options.paper) ?? rethrow(err);
    }
    const result = { claim, verdict, millis: performance.now() - t0 };
    results.push(result);
    options.onResult?.(result);
    options.onProgress?.({ id: claim.id, index, total: claims.length, done: true });
  }
  return results;
}

/** The derived form of a claim in LaTeX, for checkers that derive one. */
export async function deriveClaim(id: string, options: RunOptions = {}): Promise<string> {
  const [claim] = selectClaims([id], options.paper);
  const missing = unreadableVerdict(claim!, 0);
  if (missing?.status === 'inconclusive') throw new ClaimcheckError('BAD_INPUT', `claim ${id}: ${missing.reason}`);
  const checker = checkerFor(claim!);
  if (!checker.derive) {
    throw new ClaimcheckError(
      'BAD_INPUT',
      `claim ${id}: its checker (${checker.kind}) derives no formula`,
      'derive works on formula claims',
    );
  }
  return checker.derive(claim!, checker.params.parse(claim!.params), contextFor(claim!, options));
}

/** What every check job of `runChecksParallel` shares: the run's options that are plain data. */
export interface CheckJobContext {
  readonly seed: number;
  readonly paper?: string;
  readonly dims?: readonly number[];
  readonly points?: readonly number[];
  readonly measurements?: Readonly<Record<string, unknown>>;
}

/**
 * One claim's check in a worker process of `runChecksParallel`: its verdict and the time it took. A fault is
 * `CHECK_FAILED` naming the claim, as in a serial run.
 */
export async function checkClaimJob(
  id: string,
  context: CheckJobContext,
): Promise<{ readonly verdict: Verdict; readonly millis: number }> {
  try {
    const [result] = await runChecks([id], {
      seed: context.seed,
      ...(context.paper !== undefined ? { paper: context.paper } : {}),
      ...(context.dims !== undefined ? { dims: context.dims } : {}),
      ...(context.points !== undefined ? { points: context.points } : {}),
      ...(context.measurements !== undefined ? { measurements: context.measurements } : {}),
    });
    return { verdict: result!.verdict, millis: result!.millis };
  } catch (err) {
    throw asClaimCheckFailed(err, id);
  }
}

/** The module of `checkClaimJob`, which the worker processes import. */
const CHECK_JOBS = new URL(import.meta.url).href;

/**
 * Like `runChecks`, spread over `jobs` worker processes (`mapInWorkers`: claims handed out as workers free up, results
 * in paper order). Each claim's seed depends only on the run seed and its id, so the verdicts are identical to a
 * serial run.
 */
export async function runChecksParallel(ids: readonly string[], options: RunOptions = {}): Promise<CheckResult[]> {
  const claims = selectClaims(ids, options.paper);
  const jobs = Math.max(1, Math.min(options.jobs ?? defaultWorkers(), claims.length));
  if (jobs === 1) return runChecks(ids, options);
  let finished = 0;
  const context: CheckJobContext = {
    seed: options.seed ?? DEFAULT_SEED,
    ...(options.paper !== undefined ? { paper: options.paper } : {}),
    ...(options.dims !== undefined ? { dims: options.dims } : {}),
    ...(options.points !== undefined ? { points: options.points } : {}),
    // The experiments' data that some selected claim reads, and no other.
    ...(options.measurements !== undefined ? { measurements: neededBy(claims, options.measurements) } : {}),
  };
  const out = await mapInWorkers<string, CheckJobContext, { verdict: Verdict; millis: number }>(
    CHECK_JOBS,
    'checkClaimJob',
    claims.map((c) => c.id),
    {
      context,
      workers: jobs,
      onResult: (i: number, value: unknown) => {
        const { verdict, millis } = value as { verdict: Verdict; millis: number };
        options.onResult?.({ claim: claims[i]!, verdict, millis });
        options.onProgress?.({ id: claims[i]!.id, index: finished, total: claims.length, done: true });
        finished++;
      },
    },
  );
  return claims.map((claim, i) => ({ claim, verdict: out[i]!.verdict, millis: out[i]!.millis }));
}
