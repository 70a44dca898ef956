/**
 * The ResNet sweep over (dataset, ε, seed) cells: `runSweep` runs the cells of one shard (`i/n`: every n-th cell from
 * i, deterministic) one after the other, each independent and resumable in `<out>/cells/<id>/`, and writes the
 * shard's manifest `<out>/shards/shard-<i>-of-<n>.json` and the sweep's `<out>/sweep.json` (read by `mergeResults`,
 * src/experiments/resnet18/merge.ts). Its inputs (data directories, data files, backend) are checked before it writes anything, so a
 * run refused on its inputs leaves the output directory as it was.
 */
import { basename, join } from 'node:path';
import type { BackendChoice } from '../../autodiff/backend.ts';
import { loadCifar10, type ImageSet32 } from '../../data/cifar10.ts';
import { loadSvhn, SVHN_OFFICIAL_COUNTS } from '../../data/svhn.ts';
import { ClaimcheckError } from '../../errors.ts';
import { stableJson } from '../../fs/json.ts';
import { runCell, type CellData, type RunCellOutcome } from './cell.ts';
import { writeFileAtomicSync } from '../../fs/write-file-atomic-sync.ts';
import { shardCells, sweepCells, type DatasetName, type Shard, type SweepConfig } from './config.ts';
import type { SweepFile } from './merge.ts';
import { initResNetRuntime } from './runtime.ts';
import type { CellDataRecord, RecordedFile, RuntimeRecord } from './results.ts';

/** Where the data of each dataset are. */
export interface DataDirs {
  readonly cifar10: string | null;
  readonly svhn: string | null;
}

/** The option that names each dataset's directory (for messages). */
export const DATA_DIR_OPTION: Readonly<Record<DatasetName, string>> = { cifar10: '--cifar-dir', svhn: '--svhn-dir' };

function recorded(set: ImageSet32): { count: number; files: RecordedFile[] } {
  return {
    count: set.count,
    files: set.files.map((f) => ({ name: basename(f.path), bytes: f.bytes, sha256: f.sha256, images: f.images })),
  };
}

/** Loads a dataset for a sweep (limited to `limit` images per split) with its record. */
export function loadCellData(
  dataset: DatasetName,
  dirs: DataDirs,
  limit: { train: number | null; test: number | null },
): CellData {
  const dir = dirs[dataset];
  if (dir === null) {
    throw new ClaimcheckError(
      'BAD_INPUT',
      `experiment resnet18: ${dataset} cells need ${DATA_DIR_OPTION[dataset]}, which was not given`,
      `pass ${DATA_DIR_OPTION[dataset]} DIR, or --dataset for the other dataset only`,
    );
  }
  const loaded = dataset === 'cifar10' ? loadCifar10(dir, { limit }) : loadSvhn(dir, { limit });
  const official = dataset === 'cifar10' ? { train: 50000, test: 10000 } : SVHN_OFFICIAL_COUNTS;
  const record: CellDataRecord = {
    dataset,
    train: recorded(loaded.train),
    test: recorded(loaded.test),
    officialSplit: loaded.train.count === official.train && loaded.test.count === official.test,
  };
  return { train: loaded.train, test: loaded.test, record };
}

/** Options of `runSweep`. */
export interface RunSweepOptions {
  readonly sweep: SweepConfig;
  readonly shard: Shard;
  readonly out: string;
  readonly dataDirs: DataDirs;
  readonly backend: BackendChoice | 'auto';
  readonly log?: (line: string) => void;
}

/** What one shard did. */
export interface ShardSummary {
  readonly shard: Shard;
  readonly runtime: RuntimeRecord;
  readonly cells: readonly {
    readonly id: string;
    readonly key: string;
    readonly status: RunCellOutcome['status'];
    readonly resumedFromEpoch: number;
  }[];
  /** Training throughput of the cells trained in this run (images per second), by cell id. */
  readonly imagesPerSecond: Readonly<Record<string, number | null>>;
}

/** Runs the cells of one shard (see the module comment); returns what ran. */
export async function runSweep(options: RunSweepOptions): Promise<ShardSummary> {
  const log = options.log ?? ((): void => undefined);
  const all = sweepCells(options.sweep);
  const mine = shardCells(all, options.shard);
  for (const c of mine) {
    if (options.dataDirs[c.config.dataset] === null) {
      throw new ClaimcheckError(
        'BAD_INPUT',
        `experiment resnet18: ${c.config.dataset} cells need ${DATA_DIR_OPTION[c.config.dataset]}, which was not given`,
        `pass ${DATA_DIR_OPTION[c.config.dataset]} DIR, or --dataset for the other dataset only`,
      );
    }
  }
  // Every dataset of the shard is loaded (and its files validated) before the backend starts or any file is written.
  const data = new Map<DatasetName, CellData>();
  for (const cell of mine) {
    if (!data.has(cell.config.dataset))
      data.set(cell.config.dataset, loadCellData(cell.config.dataset, options.dataDirs, cell.config.dataLimit));
  }
  const { record: runtime } = await initResNetRuntime(options.backend);
  log(
    `[resnet] shard ${options.shard.index}/${options.shard.count}: ${mine.length} of ${all.length} cells; backend ${runtime.backend} (${runtime.backendPackage}@${runtime.backendVersion}, ` +
      `${runtime.convGradient} conv gradient) on ${runtime.device}; tfjs ${runtime.tfjs}, node ${runtime.node}`,
  );
  for (const [dataset, d] of data) {
    log(
      `[resnet] ${dataset}: ${d.train.count} train / ${d.test.count} test images from ${options.dataDirs[dataset]}${d.record.officialSplit ? '' : ' (not the official split sizes)'}`,
    );
  }
  writeFileAtomicSync(
    join(options.out, 'sweep.json'),
    stableJson({ sweep: options.sweep, cells: all.map((c) => ({ id: c.id, key: c.key })) } satisfies SweepFile),
  );
  const summary: ShardSummary['cells'][number][] = [];
  const ips: Record<string, number | null> = {};
  for (const cell of mine) {
    const d = data.get(cell.config.dataset)!;
    const outcome = runCell(cell, d, { dir: join(options.out, 'cells', cell.id), runtime, log });
    summary.push({ id: cell.id, key: cell.key, status: outcome.status, resumedFromEpoch: outcome.resumedFromEpoch });
    ips[cell.id] = outcome.timing.trainImagesPerSecond;
  }
  const result: ShardSummary = { shard: options.shard, runtime, cells: summary, imagesPerSecond: ips };
  writeFileAtomicSync(
    join(options.out, 'shards', `shard-${options.shard.index}-of-${options.shard.count}.json`),
    stableJson(result),
  );
  return result;
}
