/**
 * The merge step of the ResNet sweep: gathers the cells' result.json files from one or more output directories (one
 * per shard, or one shared by all) into one `ResNetResults` in sweep order, and names the cells still missing. Loads
 * no TensorFlow.js.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClaimcheckError } from '../errors.ts';
import { stableJson } from '../report/json.ts';
import type { SweepConfig } from './config.ts';
import { readCellResult, RESULTS_SCHEMA, type CellResult, type ResNetResults } from './results.ts';

/** Reads `<dir>/sweep.json` when present. */
function readSweep(dir: string): { sweep: SweepConfig; cells: { id: string; key: string }[] } | null {
  const file = join(dir, 'sweep.json');
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as { sweep: SweepConfig; cells: { id: string; key: string }[] };
  } catch (e) {
    throw new ClaimcheckError('BAD_INPUT', `${file}: not valid JSON (${(e as Error).message})`);
  }
}

/**
 * Gathers every `cells/<id>/result.json` under `dirs` into one result set in sweep order. Two results for the same
 * cell id must have the same key (the same config); all cells must share one setting; directories with different
 * `sweep.json` are refused. Cells of the sweep with no result are listed in `missing`.
 */
export function mergeResults(dirs: readonly string[]): ResNetResults {
  if (dirs.length === 0) throw new ClaimcheckError('BAD_INPUT', 'experiment-resnet merge: no directory given');
  let sweep: { sweep: SweepConfig; cells: { id: string; key: string }[] } | null = null;
  const byId = new Map<string, { result: CellResult; file: string }>();
  for (const dir of dirs) {
    if (!existsSync(dir)) throw new ClaimcheckError('BAD_INPUT', `experiment-resnet merge: ${dir} does not exist`);
    const s = readSweep(dir);
    if (s !== null) {
      if (sweep !== null && stableJson(sweep.cells) !== stableJson(s.cells)) {
        throw new ClaimcheckError('BAD_INPUT', `experiment-resnet merge: ${join(dir, 'sweep.json')} describes another sweep than the directories before it`);
      }
      sweep = s;
    }
    const cellsDir = join(dir, 'cells');
    if (!existsSync(cellsDir)) continue;
    for (const id of readdirSync(cellsDir).sort()) {
      const file = join(cellsDir, id, 'result.json');
      if (!existsSync(file)) continue;
      const result = readCellResult(file);
      const seen = byId.get(result.id);
      if (seen !== undefined && seen.result.key !== result.key) {
        throw new ClaimcheckError('BAD_INPUT', `experiment-resnet merge: cell ${result.id} has two results with different configs: ${seen.file} and ${file}`);
      }
      byId.set(result.id, { result, file });
    }
  }
  const results = [...byId.values()].map((v) => v.result);
  const settings = new Set(results.map((r) => r.config.setting));
  if (settings.size > 1) throw new ClaimcheckError('BAD_INPUT', `experiment-resnet merge: results of different settings (${[...settings].join(', ')}) cannot be merged`);
  const order = sweep?.cells.map((c) => c.id) ?? [];
  const rank = (id: string): number => {
    const i = order.indexOf(id);
    return i < 0 ? order.length : i;
  };
  results.sort((a, b) => rank(a.id) - rank(b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const r of results) {
    const expected = sweep?.cells.find((c) => c.id === r.id);
    if (expected !== undefined && expected.key !== r.key) {
      throw new ClaimcheckError('BAD_INPUT', `experiment-resnet merge: cell ${r.id} has key ${r.key} but the sweep expects ${expected.key}`);
    }
  }
  const setting = results[0]?.config.setting ?? sweep?.sweep.setting ?? 'full';
  const missing = (sweep?.cells ?? []).filter((c) => !byId.has(c.id)).map((c) => c.id);
  return { schema: RESULTS_SCHEMA, setting, sweep: sweep?.sweep ?? null, cells: results, missing };
}
