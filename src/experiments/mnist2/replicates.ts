/**
 * The replicates the empirical claims are decided on: the sweep under every training protocol of the grid
 * (`protocols.ts`) and every seed of the setting. Replicate 0 of the reference protocol is the sweep the report shows,
 * summarised from its full measurements; every other replicate is trained (cells cached by key, so a cell that draws
 * nothing at random is trained once per protocol) and measured lightly: what the claims read and nothing else.
 */
import type { Dataset } from '../../numeric/dataset.ts';
import { norm2 } from '../../numeric/vector.ts';
import { mapInWorkers } from '../../workers/pool.ts';
import { cellName, degenerateReason } from './degenerate.ts';
import { cellHessian } from './hessian.ts';
import { cellLandscape } from './landscape.ts';
import {
  type CellHessian,
  cellRef,
  type Landscape1D,
  type Mnist2Measured,
  type Mnist2Measurements,
  type Mnist2SweepMeasured,
  type ProtocolInfo,
  type Replicate,
  type ReplicateCell,
} from './measurement-schemas.ts';
import { resolvedMeasurementOptions, type ResolvedMeasurementOptions } from './measurements.ts';
import { MNIST2_PROTOCOLS, type Mnist2Protocol, protocolById, REFERENCE_PROTOCOL, replicateSeed } from './protocols.ts';
import { MNIST2_SETTINGS, type Mnist2Progress, type Mnist2SweepOptions, sweepMnist2Replicates } from './sweep.ts';
import { ClaimcheckError } from '../../errors.ts';
import type { ExperimentOptions } from '../contract.ts';
import type { Mnist2Cell, Mnist2Results } from './results.ts';

/** How a replicate other than the reference sweep is measured (printed in the report and kept in the data). */
export const REPLICATE_MEASUREMENT =
  'top-3 eigenvalues of both Fig. 3 Hessians by Lanczos (no dense solver); landscape rise on α ∈ {−1, 0, 1} and filter-normalised curvature along 5 directions (seeds from the replicate seed); accuracies as the sweep measures them';

/** How the reference sweep's replicate is measured. */
export const REFERENCE_MEASUREMENT = "the report's full measurements (dense and Lanczos Hessians, 51-point landscapes)";

/** A protocol as the report shows it: id, label and where its choices come from. */
export function protocolInfo(p: Mnist2Protocol): ProtocolInfo {
  const source =
    p.source.kind === 'paper' ? `paper: "${p.source.quote}" (${p.source.note})` : `claimcheck: ${p.source.reason}`;
  return { id: p.id, label: p.label, source };
}

/** The summary of `cell` the claims read, from its measurements (absent for cells without them). */
export function replicateCell(
  cell: Mnist2Cell,
  hessian: CellHessian | undefined,
  landscape: Landscape1D | undefined,
  degenerate: string | undefined,
): ReplicateCell {
  const top = (r: CellHessian['robust']): readonly number[] => r.dense?.values ?? r.lanczos.values;
  return {
    ...cellRef(cell),
    seed: cell.seed,
    train: { correct: cell.train.correct, count: cell.train.count },
    test: { correct: cell.test.correct, count: cell.test.count },
    weightNorm: norm2(cell.w, cell.w.length - (cell.bias ? 1 : 0)),
    ...(hessian ? { hessian: { robust: top(hessian.robust), fixed: top(hessian.fixed) } } : {}),
    ...(landscape
      ? {
          landscape: {
            rise: landscape.directions.map((d) => d.rise),
            curvature: landscape.directions.map((d) => d.curvature),
            directionSeed: landscape.directionSeed,
          },
        }
      : {}),
    ...(degenerate !== undefined ? { degenerate } : {}),
  };
}

/** Replicate 0 of the reference protocol: the report's sweep, summarised from its full measurements. */
export function referenceReplicate(results: Mnist2Results, measurements: Mnist2Measurements): Replicate {
  return {
    protocol: REFERENCE_PROTOCOL.id,
    replicate: 0,
    seed: results.seed,
    measurement: REFERENCE_MEASUREMENT,
    cells: results.cells.map((cell) =>
      replicateCell(
        cell,
        measurements.hessians.find((h) => h.key === cell.key),
        measurements.landscapes.find((l) => l.key === cell.key),
        measurements.degenerate.find((d) => d.key === cell.key)?.reason,
      ),
    ),
  };
}

/**
 * The data the empirical claims and the report section read: the sweep and its measurements, the protocol grid, and
 * the replicates, the reference sweep's first (`others`: every other replicate, measured by `measureReplicates`).
 */
export function withReplicates(
  sweep: Mnist2SweepMeasured,
  protocols: readonly Mnist2Protocol[] = [REFERENCE_PROTOCOL],
  others: readonly Replicate[] = [],
): Mnist2Measured {
  return {
    ...sweep,
    protocols: protocols.map(protocolInfo),
    replicates: [referenceReplicate(sweep.results, sweep.measurements), ...others],
  };
}

/** The light measurement options of a replicate with seed `seed`. */
export function replicateMeasurementOptions(seed: number): ResolvedMeasurementOptions {
  return resolvedMeasurementOptions(seed, { hessian: { dense: false }, landscape: { alphas: [-1, 0, 1] } });
}

/** One cell of one replicate to measure. */
export interface ReplicateCellJob {
  readonly cell: Mnist2Cell;
  /** Seed of the replicate (its measurement draws). */
  readonly seed: number;
}

/** Measures one cell of a replicate lightly (`REPLICATE_MEASUREMENT`) on the training split. */
export function measureReplicateCell(job: ReplicateCellJob, dataset: Dataset): ReplicateCell {
  const { cell } = job;
  const reason = degenerateReason(cell);
  if (reason !== undefined) return replicateCell(cell, undefined, undefined, reason);
  const o = replicateMeasurementOptions(job.seed);
  const hessian = cell.training !== 'random' ? cellHessian(cell, dataset, o.hessian) : undefined;
  return replicateCell(cell, hessian, cellLandscape(cell, dataset, o.landscape), undefined);
}

/** A replicate's trained sweep: which protocol, which replicate index, and its results. */
export interface TrainedReplicate {
  readonly protocol: Mnist2Protocol;
  readonly replicate: number;
  readonly seed: number;
  readonly results: Mnist2Results;
}

/** The module of `measureReplicateCellJob`, which the worker processes import. */
const MEASURE_JOB = new URL('./measure-job.ts', import.meta.url).href;

/**
 * Measures every cell of every trained replicate, side by side in `workers` processes (one pool for all replicates,
 * so no core waits for a replicate's last cell); the same data whichever process measures a cell.
 */
export async function measureReplicates(
  trained: readonly TrainedReplicate[],
  dataset: Dataset,
  options: { readonly workers: number; readonly onProgress?: (message: string) => void },
): Promise<Replicate[]> {
  const jobs = trained.flatMap((t) => t.results.cells.map((cell): ReplicateCellJob => ({ cell, seed: t.seed })));
  const workers = Math.min(options.workers, jobs.length);
  const label = (i: number): string => {
    let k = i;
    for (const t of trained) {
      if (k < t.results.cells.length) return `${t.protocol.id} #${t.replicate} ${cellName(t.results.cells[k]!)}`;
      k -= t.results.cells.length;
    }
    return String(i);
  };
  options.onProgress?.(`measuring ${jobs.length} replicate cells in ${Math.max(1, workers)} process(es)`);
  const measured =
    workers <= 1
      ? jobs.map((job) => measureReplicateCell(job, dataset))
      : await mapInWorkers<ReplicateCellJob, { dataset: Dataset }, ReplicateCell>(
          MEASURE_JOB,
          'measureReplicateCellJob',
          jobs,
          { context: { dataset }, workers, onResult: (i: number) => options.onProgress?.(`measured ${label(i)}`) },
        );
  let next = 0;
  return trained.map((t) => {
    const cells = measured.slice(next, next + t.results.cells.length);
    next += t.results.cells.length;
    return {
      protocol: t.protocol.id,
      replicate: t.replicate,
      seed: t.seed,
      measurement: REPLICATE_MEASUREMENT,
      cells,
    };
  });
}

/**
 * The protocols and seeds the empirical claims are decided under: `--protocols` (default every protocol of the grid;
 * the reference is always included, first) and `--seeds` (default the setting's: 5 full, 3 ci).
 */
export function replicateGrid(options: ExperimentOptions): {
  readonly protocols: readonly Mnist2Protocol[];
  readonly seeds: number;
} {
  const ids = options.protocols ?? MNIST2_PROTOCOLS.map((p) => p.id);
  const chosen = ids.map((id) => {
    const p = protocolById(id);
    if (p === undefined)
      throw new ClaimcheckError(
        'BAD_INPUT',
        `--protocols: unknown protocol ${JSON.stringify(id)}; the protocols are ${MNIST2_PROTOCOLS.map((q) => q.id).join(', ')}`,
      );
    return p;
  });
  const protocols = [REFERENCE_PROTOCOL, ...chosen.filter((p) => p !== REFERENCE_PROTOCOL)];
  return { protocols: [...new Set(protocols)], seeds: options.seeds ?? MNIST2_SETTINGS[options.setting].seeds };
}

/**
 * Trains and measures every replicate of the grid of `options` other than the reference sweep (`sweep`, trained with
 * `sweepOptions` on `train`), and returns the data the claims read: the sweep, the protocols and every replicate.
 */
export async function runReplicates(
  options: ExperimentOptions,
  sweepOptions: Mnist2SweepOptions & { readonly workers: number },
  sweep: Mnist2SweepMeasured,
  train: Dataset,
): Promise<Mnist2Measured> {
  const log = options.log;
  const { protocols, seeds } = replicateGrid(options);
  // Each protocol under each seed; replicate 0 of the reference is the sweep itself.
  const refs = protocols.flatMap((protocol) =>
    Array.from({ length: seeds }, (_, replicate) => ({ protocol, replicate })).filter(
      (r) => !(r.protocol === REFERENCE_PROTOCOL && r.replicate === 0),
    ),
  );
  if (refs.length === 0) return withReplicates(sweep, protocols);
  log?.(`[mnist2] replicates: ${protocols.length} protocol(s) × ${seeds} seed(s)`);
  let done = 0;
  const replicated = await sweepMnist2Replicates(
    {
      ...sweepOptions,
      ...(log
        ? {
            onProgress: (e: Mnist2Progress) => {
              if (e.done && !e.cached) log(`[mnist2] replicates: trained ${++done} cell(s), ${e.cell}`);
            },
          }
        : {}),
    },
    refs,
  );
  const trained = refs.map((r, i) => ({
    ...r,
    seed: replicateSeed(options.seed, r.replicate),
    results: replicated.results[i]!,
  }));
  const others = await measureReplicates(trained, train, {
    workers: sweepOptions.workers,
    ...(log ? { onProgress: (m: string) => log(`[mnist2] ${m}`) } : {}),
  });
  return withReplicates(sweep, protocols, others);
}
