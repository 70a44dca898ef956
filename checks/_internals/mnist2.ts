/**
 * Shared by the MNIST2 empirical checkers: the measured sweep as they receive it (`ctx.measurements.mnist2`,
 * validated), the measurement of one cell by its key, and the verdict when nothing was measured. The checkers read
 * these data only; they never load MNIST or recompute a measurement.
 */
import { z } from 'zod';
import type { CheckContext } from '../../src/claims/checker.ts';
import type { LoadedClaim } from '../../src/claims/loaded.ts';
import type { Inconclusive } from '../../src/claims/verdict.ts';
import { ClaimcheckError } from '../../src/errors.ts';
import { DegenerateCellError } from '../../src/experiments/mnist2/degenerate.ts';
import { type Mnist2Measured, Mnist2MeasuredSchema } from '../../src/experiments/mnist2/measurement-schemas.ts';
import { type Mnist2Cell, type Mnist2Results, Mnist2ResultsSchema } from '../../src/experiments/mnist2/results.ts';

/** The command that runs the sweep, measures what these claims need and checks them on it. */
export const MNIST2_COMMAND = 'npx claimcheck report --setting full';

/** Validates MNIST2 data with `schema`; throws `BAD_INPUT` naming the claim and the first offending field. */
function parseMnist2<T>(claimId: string, value: unknown, schema: z.ZodType<T>): T {
  const r = schema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new ClaimcheckError(
      'BAD_INPUT',
      `claim ${claimId}: the mnist2 measurements are invalid: field ${issue.path.join('.') || '<root>'}: ${issue.message}`,
      `re-run ${MNIST2_COMMAND}`,
    );
  }
  return r.data;
}

/** The verdict when `ctx.measurements.mnist2` is absent: what is missing and the command that measures it. */
export function notMeasured(claim: LoadedClaim, ctx: CheckContext, checker: string, needs: string): Inconclusive {
  return {
    claimId: claim.id,
    seed: ctx.seed,
    checker,
    status: 'inconclusive',
    reason: `not measured here: this claim needs ${needs} from the MNIST2 sweep; run \`${MNIST2_COMMAND}\``,
    evidence: {
      summary: `no MNIST2 measurements were provided; \`${MNIST2_COMMAND}\` measures them`,
      data: { command: MNIST2_COMMAND },
    },
  };
}

/** What a checker that reads only the trained cells needs of the measured sweep. */
const SweepOnlySchema = z.object({ results: Mnist2ResultsSchema });

/** The sweep's results (the trained cells), validated, or null when the claim received no MNIST2 data. */
export function mnist2SweepResults(claim: LoadedClaim, ctx: CheckContext): Mnist2Results | null {
  const data = ctx.measurements?.['mnist2'];
  return data === undefined ? null : parseMnist2(claim.id, data, SweepOnlySchema).results;
}

/** The measured sweep, validated, or null when the claim received none. */
export function mnist2Measured(claim: LoadedClaim, ctx: CheckContext): Mnist2Measured | null {
  const data = ctx.measurements?.['mnist2'];
  return data === undefined ? null : parseMnist2(claim.id, data, Mnist2MeasuredSchema);
}

/** Why a measurement the claim needs is not in the data (the experiment measures every cell it can). */
export class MissingMeasurement extends Error {}

/**
 * The measurement of `cell` among `list` (Hessians or landscapes, by cell key). A cell trained to w = 0 throws
 * `DegenerateCellError`; a cell the experiment did not measure throws `MissingMeasurement`.
 */
export function measurementOf<T extends { readonly key: string }>(
  measured: Mnist2Measured,
  list: readonly T[],
  cell: Mnist2Cell,
  what: string,
): T {
  const found = list.find((m) => m.key === cell.key);
  if (found !== undefined) return found;
  const degenerate = measured.measurements.degenerate.find((d) => d.key === cell.key);
  if (degenerate !== undefined) throw new DegenerateCellError(degenerate.key, degenerate.cell, degenerate.reason);
  throw new MissingMeasurement(
    `the measurements have no ${what} for the ${cell.norm} ${cell.training} cell at ε = ${cell.epsLabel}`,
  );
}
