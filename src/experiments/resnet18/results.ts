/**
 * The shape of the ResNet sweep's results: one `CellResult` per (dataset, ε, seed) cell (`cells/<id>/result.json`),
 * and the merged `ResNetResults` (`results.json`) that the report section, the verdict helpers and a later claim
 * checker read. Loading validates the shape with zod and that each cell's key is the hash of its config.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { sha256Hex } from '../../fs/file-hash.ts';
import { ClaimcheckError } from '../../errors.ts';
import {
  cellKey,
  MAX_EPS_NUMERATOR,
  type CellConfig,
  type DatasetName,
  type ResnetScale,
  type SweepConfig,
} from './config.ts';
import type { AccuracyMeasurement } from './evaluate.ts';
import type { LandscapePoint, Sharpness } from './landscape.ts';

/** Schema tag of a cell's result.json. */
export const CELL_SCHEMA = 'claimcheck/resnet-cell@1';
/** Schema tag of a merged results.json. */
export const RESULTS_SCHEMA = 'claimcheck/resnet-results@1';

/** One data file as recorded: base name, size, sha256 and the images taken from it. */
export interface RecordedFile {
  readonly name: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly images: number;
}

/** The data a cell ran on. */
export interface CellDataRecord {
  readonly dataset: DatasetName;
  readonly train: { readonly count: number; readonly files: readonly RecordedFile[] };
  readonly test: { readonly count: number; readonly files: readonly RecordedFile[] };
  /** Whether the counts are the official split's (CIFAR-10 50,000 / 10,000; SVHN 73,257 / 26,032). */
  readonly officialSplit: boolean;
}

/** Where a cell ran: backend, device and versions (deterministic for a machine: no times, no host names). */
export interface RuntimeRecord {
  readonly backend: string;
  readonly backendPackage: string;
  readonly backendVersion: string;
  readonly convGradient: string;
  readonly device: string;
  readonly tfjs: string;
  readonly node: string;
  readonly claimcheck: string;
  /**
   * sha256 (hex) of the code that produced the cell (`resnetCodeVersion()`, src/experiments/resnet18/runtime.ts: the import graph of the cell code); absent
   * in results written before cells recorded it.
   */
  readonly code?: string;
}

/** One epoch of training. */
export interface EpochRecord {
  readonly epoch: number;
  /** Optimiser steps taken by the end of the epoch. */
  readonly steps: number;
  /** Learning rate of the epoch's last step. */
  readonly lr: number;
  /** Mean loss on the training adversarial examples, train mode (as the sources log it). */
  readonly trainLoss: number;
  /** Accuracy on the training adversarial examples during training, train mode (not the table's measurement). */
  readonly trainModeRobustAccuracy: number;
  /** Eval-mode PGD robust accuracy on the selection images (for the best checkpoint). */
  readonly selectionRobustAccuracy: number;
  readonly selectionCount: number;
}

/** Robust accuracy of one checkpoint on train and test, measured the same way. */
export interface CheckpointMeasurement {
  /** The epoch (1-based) whose weights these are. */
  readonly epoch: number;
  readonly train: AccuracyMeasurement;
  readonly test: AccuracyMeasurement;
  /** train − test robust accuracy, percentage points. */
  readonly gap: number;
  /** True when the best checkpoint is the final one (its numbers are then copied, not re-measured). */
  readonly sameAsFinal: boolean;
}

/** The Fig. 4 landscape of a cell. */
export interface LandscapeRecord {
  readonly checkpoint: 'final';
  readonly count: number;
  readonly directionSeed: number;
  readonly attackSeed: number;
  readonly points: readonly LandscapePoint[];
  readonly sharpness: Sharpness;
}

/** Everything one cell produced. */
export interface CellResult {
  readonly schema: typeof CELL_SCHEMA;
  readonly id: string;
  readonly key: string;
  readonly config: CellConfig;
  readonly data: CellDataRecord;
  readonly runtime: RuntimeRecord;
  /** Every seed used, by what it seeds (`init`, `shuffle/<epoch>` …: derived from the cell seed with `deriveSeed`). */
  readonly seeds: Readonly<Record<string, number | string>>;
  readonly training: { readonly epochs: readonly EpochRecord[]; readonly steps: number; readonly bestEpoch: number };
  readonly final: CheckpointMeasurement;
  readonly best: CheckpointMeasurement;
  readonly landscape: LandscapeRecord;
}

/** A merged results file as read: its path as given and the sha256 (hex) of the bytes parsed. */
export interface ResultsSource {
  readonly file: string;
  readonly sha256: string;
}

/** The merged results of a sweep. */
export interface ResNetResults {
  readonly schema: typeof RESULTS_SCHEMA;
  readonly setting: ResnetScale;
  /** The sweep the cells belong to (from `sweep.json`), when known. */
  readonly sweep: SweepConfig | null;
  /** Cells in sweep order. */
  readonly cells: readonly CellResult[];
  /** Ids of the sweep's cells with no result yet. */
  readonly missing: readonly string[];
  /** The file these results were read from (set by `readResNetResults`; never stored in results.json). */
  readonly source?: ResultsSource;
}

const accuracySchema = z.object({
  robustAccuracy: z.number(),
  correct: z.number().int().nonnegative(),
  count: z.number().int().positive(),
  loss: z.number(),
  cleanAccuracy: z.number(),
  cleanCorrect: z.number().int().nonnegative(),
  cleanLoss: z.number(),
});

const checkpointSchema = z.object({
  epoch: z.number().int(),
  train: accuracySchema,
  test: accuracySchema,
  gap: z.number(),
  sameAsFinal: z.boolean(),
});

const cellSchema = z.looseObject({
  schema: z.literal(CELL_SCHEMA),
  id: z.string().min(1),
  key: z.string().regex(/^[0-9a-f]{16}$/),
  config: z.looseObject({
    setting: z.enum(['tiny', 'full']),
    dataset: z.enum(['cifar10', 'svhn']),
    epsNumerator: z.number().nonnegative().max(MAX_EPS_NUMERATOR),
    eps: z.number().nonnegative().max(1),
    seed: z.number().int().nonnegative(),
  }),
  data: z.looseObject({ dataset: z.enum(['cifar10', 'svhn']), officialSplit: z.boolean() }),
  runtime: z.looseObject({
    backend: z.string(),
    device: z.string(),
    convGradient: z.string(),
    code: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
  }),
  seeds: z.record(z.string(), z.union([z.number(), z.string()])),
  training: z.object({
    epochs: z.array(z.looseObject({ epoch: z.number() })),
    steps: z.number(),
    bestEpoch: z.number(),
  }),
  final: checkpointSchema,
  best: checkpointSchema,
  landscape: z.looseObject({
    points: z
      .array(z.object({ alpha: z.number(), loss: z.number(), robustAccuracy: z.number(), cleanLoss: z.number() }))
      .min(1),
    sharpness: z.object({ rise: z.number(), curvature: z.number() }),
  }),
});

/**
 * Validates a parsed result.json: the shape, and that `key` is the hash of `config` (so a result cannot be paired with
 * another config). `file` names the source in errors (`ClaimcheckError` `BAD_INPUT`).
 */
export function parseCellResult(value: unknown, file: string): CellResult {
  const r = cellSchema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new ClaimcheckError(
      'BAD_INPUT',
      `${file}: not a ResNet cell result: ${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
  }
  const cell = value as CellResult;
  const key = cellKey(cell.config);
  if (key !== cell.key) {
    throw new ClaimcheckError(
      'BAD_INPUT',
      `${file}: key ${cell.key} is not the hash of its config (${key}): the file was edited or written by another version`,
    );
  }
  return cell;
}

/** Reads and validates a cell's result.json. */
export function readCellResult(file: string): CellResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ClaimcheckError(
      'BAD_INPUT',
      `${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ClaimcheckError('BAD_INPUT', `${file}: not valid JSON (${(e as Error).message})`);
  }
  return parseCellResult(value, file);
}

/** The bytes of a results file; `ClaimcheckError` `BAD_INPUT` naming the file when it cannot be read. */
function readResultsBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ClaimcheckError(
      'BAD_INPUT',
      `${file}: cannot be read (${code ?? (e as Error).message})`,
      'run claimcheck experiment resnet18 merge to write it',
    );
  }
}

/** sha256 (hex) of a merged results file's bytes, as `readResNetResults` records it in `source`. */
export function resultsFileSha256(file: string): string {
  return sha256Hex(readResultsBytes(file));
}

/**
 * Reads and validates a merged results.json (every cell is validated as `parseCellResult` does; a file with no cell
 * is refused, since `experiment resnet18 merge` never writes one), and records in `source` the file and the sha256 of
 * the bytes parsed.
 */
export function readResNetResults(file: string): ResNetResults {
  const bytes = readResultsBytes(file);
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw new ClaimcheckError(
      'BAD_INPUT',
      `${file}: not valid JSON (${(e as Error).message})`,
      'run claimcheck experiment resnet18 merge to write it',
    );
  }
  const shape = z
    .looseObject({
      schema: z.literal(RESULTS_SCHEMA),
      setting: z.enum(['tiny', 'full']),
      cells: z.array(z.unknown()),
      missing: z.array(z.string()),
    })
    .safeParse(value);
  if (!shape.success) {
    const issue = shape.error.issues[0]!;
    throw new ClaimcheckError(
      'BAD_INPUT',
      `${file}: not merged ResNet results: ${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
  }
  if (shape.data.cells.length === 0) {
    throw new ClaimcheckError(
      'BAD_INPUT',
      `${file}: holds no cell result`,
      'delete it, or run claimcheck experiment resnet18 merge on directories with finished cells',
    );
  }
  shape.data.cells.forEach((c, i) => parseCellResult(c, `${file} (cells[${i}])`));
  return { ...(value as ResNetResults), source: { file, sha256: sha256Hex(bytes) } };
}
