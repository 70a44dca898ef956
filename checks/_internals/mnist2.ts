/**
 * Shared by the MNIST2 empirical checkers: the schema that validates what the `mnist2` measurement provider returns,
 * the dataset the measurements need (loaded through the sweep's MNIST2 loader and cached), the memoised per-cell
 * measurements (so the claims and the report section share one Hessian or landscape per cell), and the verdict when
 * no provider is given.
 */
import { z } from 'zod';
import type { CheckContext } from '../../src/claims/checker.ts';
import type { LoadedClaim } from '../../src/claims/load.ts';
import type { Inconclusive } from '../../src/claims/verdict.ts';
import { ClaimcheckError } from '../../src/errors.ts';
import { memoCellHessian, memoCellLandscape } from '../../src/experiments/mnist2/memo.ts';
import type { Mnist2Results } from '../../src/experiments/mnist2/results.ts';

/** The command that runs the sweep and measures what these claims need. */
export const MNIST2_COMMAND = 'npx claimcheck experiment mnist2';

const Scalar = z.union([z.string(), z.number(), z.boolean()]);
const AccuracySchema = z.object({
  robustAccuracy: z.number(),
  correct: z.number().int().nonnegative(),
  count: z.number().int().positive(),
  loss: z.number(),
});

/** What the checkers read from `Mnist2Results` (extra fields pass through). */
export const Mnist2ResultsSchema = z.object({
  setting: z.enum(['ci', 'full']),
  seed: z.number().int(),
  data: z.object({
    trainImages: z.string(),
    trainLabels: z.string(),
    testImages: z.string(),
    testLabels: z.string(),
    sha256: z.record(z.string(), z.string()),
    trainCount: z.number().int().positive(),
    testCount: z.number().int().positive(),
    labelMap: z.string(),
    subset: z.string().optional(),
  }),
  backend: z.string(),
  cells: z.array(
    z.object({
      key: z.string().min(1),
      norm: z.enum(['l2', 'linf']),
      training: z.enum(['standard', 'pgd', 'random', 'exact']),
      eps: z.number().nonnegative(),
      epsLabel: z.string(),
      seed: z.number().int(),
      w: z.array(z.number()).min(1),
      bias: z.boolean(),
      train: AccuracySchema,
      test: AccuracySchema,
      gap: z.number(),
      optimisation: z.record(z.string(), Scalar),
      attack: z.record(z.string(), Scalar),
    }),
  ),
});

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
