/**
 * Shared by the MNIST2 empirical checkers: the schema that validates what the `mnist2` measurement provider returns,
 * the dataset the measurements need (loaded through the sweep's MNIST2 loader and cached), the memoised per-cell
 * measurements (so the claims and the report section share one Hessian or landscape per cell), and the verdict when
 * no provider is given.
 */
import type { CheckContext } from '../../src/claims/checker.ts';
import type { LoadedClaim } from '../../src/claims/loaded.ts';
import type { Inconclusive } from '../../src/claims/verdict.ts';
import { ClaimcheckError } from '../../src/errors.ts';
import { memoCellHessian, memoCellLandscape } from '../../src/experiments/mnist2/memo.ts';
import { Mnist2ResultsSchema, type Mnist2Results } from '../../src/experiments/mnist2/results.ts';

/** The command that runs the sweep and measures what these claims need. */
export const MNIST2_COMMAND = 'npx claimcheck experiment mnist2';

/** Validates provider output; throws `BAD_INPUT` naming the claim and the first offending field. */
export function parseMnist2Results(claimId: string, value: unknown): Mnist2Results {
  const r = Mnist2ResultsSchema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new ClaimcheckError(
      'BAD_INPUT',
      `claim ${claimId}: the mnist2 measurement provider returned invalid results: field ${issue.path.join('.') || '<root>'}: ${issue.message}`,
      `re-run ${MNIST2_COMMAND}`,
    );
  }
  return r.data as Mnist2Results;
}

/** The verdict when `ctx.measurements.mnist2` is absent: what is missing and the command that measures it. */
export function notMeasured(claim: LoadedClaim, ctx: CheckContext, checker: string, needs: string): Inconclusive {
  return {
    claimId: claim.id,
    seed: ctx.seed,
    checker,
    status: 'inconclusive',
    reason: `not measured here: this claim needs ${needs} from the MNIST2 sweep; run \`${MNIST2_COMMAND}\``,
    evidence: { summary: `no MNIST2 measurements were provided; \`${MNIST2_COMMAND}\` measures them`, data: { command: MNIST2_COMMAND } },
  };
}

/** Gets and validates the sweep's results, or null when no provider was given. */
export async function mnist2Results(claim: LoadedClaim, ctx: CheckContext): Promise<Mnist2Results | null> {
  const provider = ctx.measurements?.['mnist2'];
  if (provider === undefined) return null;
  return parseMnist2Results(claim.id, await provider());
}

export { loadSweepTrainSplit, type Mnist2DatasetLoader } from '../../src/experiments/mnist2/train-split.ts';

/** `memoCellHessian`: Fig. 3 measurements of a cell, shared with the report section and the other checkers. */
export const cachedHessian = memoCellHessian;

/** `memoCellLandscape`: a cell's landscape, shared with the report section and the other checkers. */
export const cachedLandscape = memoCellLandscape;
