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
import {
  type Mnist2Measured,
  Mnist2MeasuredSchema,
  ProtocolInfoSchema,
  type Replicate,
  ReplicateSchema,
} from '../../src/experiments/mnist2/measurement-schemas.ts';
import {
  combinedClass,
  combineReplicates,
  probeThreshold,
  type ReplicateVerdict,
  type Threshold,
} from '../../src/claims/robustness.ts';
import type { Robustness, Verdict } from '../../src/claims/verdict.ts';
import { MNIST2_SPLIT } from '../../src/tables/paper-tables.ts';
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

/** What a checker that reads the trained cells and the replicates needs of the measured sweep. */
const ReplicatesOnlySchema = z.object({
  results: Mnist2ResultsSchema,
  protocols: z.array(ProtocolInfoSchema).readonly(),
  replicates: z.array(ReplicateSchema).readonly(),
});
export type Mnist2Replicated = z.infer<typeof ReplicatesOnlySchema>;

/** The sweep's results and replicates, validated, or null when the claim received no MNIST2 data. */
export function mnist2Replicated(claim: LoadedClaim, ctx: CheckContext): Mnist2Replicated | null {
  const data = ctx.measurements?.['mnist2'];
  return data === undefined ? null : parseMnist2(claim.id, data, ReplicatesOnlySchema);
}

/** The split sizes of the sweep beside the paper's (the official MNIST digits 0 and 1). */
export function splitsOf(results: Mnist2Results): NonNullable<Robustness['splits']> {
  return {
    train: results.data.trainCount,
    test: results.data.testCount,
    paperTrain: MNIST2_SPLIT.train,
    paperTest: MNIST2_SPLIT.test,
  };
}

/** A threshold of the record that moves the verdict: its name, value and source, and the params with another value. */
export interface ThresholdParam<P> {
  readonly name: string;
  readonly threshold: Threshold;
  readonly with: (value: number) => P;
  /** The values the threshold can take (default: any). */
  readonly domain?: readonly [number, number];
}

/**
 * Decides a claim on every replicate of the measured data with `decide` and combines the verdicts by the rule of
 * src/claims/robustness.ts (the reference replicate first); each threshold is probed by deciding again with it moved.
 * `summarise` adds detail lines computed over every replicate's verdict (intervals over seeds).
 */
export function decideOnReplicates<P>(
  measured: Mnist2Replicated,
  params: P,
  decide: (params: P, replicate: Replicate) => Verdict,
  thresholds: readonly ThresholdParam<P>[],
  summarise?: (verdicts: readonly ReplicateVerdict[]) => readonly string[],
): Verdict {
  const verdicts = (p: P): ReplicateVerdict[] =>
    measured.replicates.map((r) => ({
      protocol: r.protocol,
      replicate: r.replicate,
      seed: r.seed,
      verdict: decide(p, r),
    }));
  const probes = thresholds.map((t) =>
    probeThreshold(t.name, t.threshold, (v) => combinedClass(measured.protocols, verdicts(t.with(v))), t.domain),
  );
  const all = verdicts(params);
  const combined = combineReplicates(measured.protocols, all, probes, splitsOf(measured.results));
  const extra = summarise?.(all) ?? [];
  if (extra.length === 0) return combined;
  return { ...combined, evidence: { ...combined.evidence, details: [...extra, ...(combined.evidence.details ?? [])] } };
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
