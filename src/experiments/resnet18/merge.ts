/**
 * The merge step of the ResNet sweep: gathers the cells' result.json files from one or more output directories (one
 * per shard, or one shared by all) into one `ResNetResults` in sweep order, and names the cells still missing. Loads
 * no TensorFlow.js.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ClaimcheckError } from '../../errors.ts';
import { stableJson } from '../../fs/json.ts';
import type { SweepConfig } from './config.ts';
import { readCellResult, RESULTS_SCHEMA, type CellResult, type ResNetResults } from './results.ts';

/** What `runSweep` writes to `<out>/sweep.json`: the sweep and the id and key of each of its cells. */
export interface SweepFile {
  readonly sweep: SweepConfig;
  readonly cells: readonly { readonly id: string; readonly key: string }[];
}

const architectureSchema = z.enum(['resnet18', 'preact-resnet18']);

const sweepFileSchema = z.object({
  sweep: z.looseObject({
    setting: z.enum(['tiny', 'full']),
    datasets: z.array(z.enum(['cifar10', 'svhn'])).min(1),
    epsNumerators: z.array(z.number().nonnegative()).min(1),
    seeds: z.array(z.number().int().nonnegative()).min(1),
    architecture: z.object({ cifar10: architectureSchema, svhn: architectureSchema }),
    width: z.number().positive(),
  }),
  cells: z.array(z.object({ id: z.string().min(1), key: z.string().regex(/^[0-9a-f]{16}$/, 'a 16-digit hex key') })),
});

/** Whether `path` is a directory (false when it does not exist or is something else). */
function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Reads and validates `<dir>/sweep.json` when present; `BAD_INPUT` naming the file and the field when it is damaged. */
function readSweep(dir: string): SweepFile | null {
  const file = join(dir, 'sweep.json');
  if (!existsSync(file)) return null;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ClaimcheckError(
      'BAD_INPUT',
      `${file}: not valid JSON (${(e as Error).message})`,
      'delete it and re-run experiment resnet18 run into this directory',
    );
  }
  const parsed = sweepFileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ClaimcheckError(
      'BAD_INPUT',
      `${file}: not a sweep of experiment resnet18 run: ${issue.path.join('.') || '(root)'}: ${issue.message}`,
      'delete it and re-run experiment resnet18 run into this directory',
    );
  }
  return value as SweepFile;
}

/**
 * Gathers every `cells/<id>/result.json` under `dirs` into one result set in sweep order. Each directory must be an
 * output directory of `experiment resnet18 run` (a sweep.json or a cells/ directory); two results for the same cell id
 * must have the same key (the same config); all cells must share one setting; directories with different
 * `sweep.json` are refused; at least one cell must have a result. Cells of the sweep with no result are listed in
 * `missing`. Throws `ClaimcheckError` `BAD_INPUT` naming the path and what was wrong.
 */
export function mergeResults(dirs: readonly string[]): ResNetResults {
  if (dirs.length === 0) throw new ClaimcheckError('BAD_INPUT', 'experiment resnet18 merge: no directory given');
  let sweep: SweepFile | null = null;
  const byId = new Map<string, { result: CellResult; file: string }>();
  for (const dir of dirs) {
    if (!existsSync(dir)) throw new ClaimcheckError('BAD_INPUT', `experiment resnet18 merge: ${dir} does not exist`);
    if (!isDirectory(dir)) {
      throw new ClaimcheckError(
        'BAD_INPUT',
        `experiment resnet18 merge: ${dir} is not a directory`,
        'pass the --out directories of experiment resnet18 run (each holds sweep.json and cells/)',
      );
    }
    const cellsDir = join(dir, 'cells');
    if (existsSync(cellsDir) && !isDirectory(cellsDir)) {
      throw new ClaimcheckError(
        'BAD_INPUT',
        `experiment resnet18 merge: ${cellsDir} is not a directory`,
        'pass the --out directories of experiment resnet18 run (each holds sweep.json and cells/)',
      );
    }
    const s = readSweep(dir);
    if (s === null && !existsSync(cellsDir)) {
      throw new ClaimcheckError(
        'BAD_INPUT',
        `experiment resnet18 merge: ${dir} is not an output directory of experiment resnet18 run (no sweep.json, no cells/)`,
        'pass the --out directories of experiment resnet18 run',
      );
    }
    if (s !== null) {
      if (sweep !== null && stableJson(sweep.cells) !== stableJson(s.cells)) {
        throw new ClaimcheckError(
          'BAD_INPUT',
          `experiment resnet18 merge: ${join(dir, 'sweep.json')} describes another sweep than the directories before it`,
        );
      }
      sweep = s;
    }
    if (!existsSync(cellsDir)) continue;
    for (const id of readdirSync(cellsDir).sort()) {
      const file = join(cellsDir, id, 'result.json');
      if (!existsSync(file)) continue;
      const result = readCellResult(file);
      const seen = byId.get(result.id);
      if (seen !== undefined && seen.result.key !== result.key) {
        throw new ClaimcheckError(
          'BAD_INPUT',
          `experiment resnet18 merge: cell ${result.id} has two results with different configs: ${seen.file} and ${file}`,
        );
      }
      byId.set(result.id, { result, file });
    }
  }
  const results = [...byId.values()].map((v) => v.result);
  if (results.length === 0) {
    const missingCount = sweep?.cells.length ?? 0;
    throw new ClaimcheckError(
      'BAD_INPUT',
      `experiment resnet18 merge: no cell has a result yet in ${dirs.join(', ')}${sweep === null ? '' : ` (${missingCount} cell${missingCount === 1 ? '' : 's'} of the sweep missing)`}`,
      'merge once experiment resnet18 run has finished at least one cell (cells/<id>/result.json)',
    );
  }
  const settings = new Set(results.map((r) => r.config.setting));
  if (settings.size > 1)
    throw new ClaimcheckError(
      'BAD_INPUT',
      `experiment resnet18 merge: results of different settings (${[...settings].join(', ')}) cannot be merged`,
    );
  const order = sweep?.cells.map((c) => c.id) ?? [];
  const rank = (id: string): number => {
    const i = order.indexOf(id);
    return i < 0 ? order.length : i;
  };
  results.sort((a, b) => rank(a.id) - rank(b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const r of results) {
    const expected = sweep?.cells.find((c) => c.id === r.id);
    if (expected !== undefined && expected.key !== r.key) {
      throw new ClaimcheckError(
        'BAD_INPUT',
        `experiment resnet18 merge: cell ${r.id} has key ${r.key} but the sweep expects ${expected.key}`,
      );
    }
  }
  const setting = results[0]!.config.setting;
  const missing = (sweep?.cells ?? []).filter((c) => !byId.has(c.id)).map((c) => c.id);
  return { schema: RESULTS_SCHEMA, setting, sweep: sweep?.sweep ?? null, cells: results, missing };
}
