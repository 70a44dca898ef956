/**
 * The MNIST2 sweep of the paper's §5.1 (Tables 1–4, and the trained models behind Figs. 1–3): for each norm (L2,
 * L∞), training mode (PGD adversarial training, uniform random noise, optionally the exact inner maximiser) and ε of
 * the paper's grids, train the logistic model and measure its robust accuracy and PGD audit. Each cell is cached as
 * `<cacheDir>/mnist2/<key>.json` (key = sha256 of the cell's canonical configuration), written atomically (temporary
 * file, fsync, rename), so a re-run skips finished cells and a killed run resumes to the same results.
 */
import { basename } from 'node:path';
import { deriveSeed } from '../../rng.ts';
import { ClaimcheckError } from '../../errors.ts';
import type { Dataset } from '../../numeric/dataset.ts';
import { mapInWorkers } from '../../workers/pool.ts';
import {
  cellKey,
  epsLabel,
  mnist2CodeVersion,
  type Mnist2CellConfig,
  type Mnist2OptimiserConfig,
  type Mnist2PgdConfig,
} from './config.ts';
import { type Mnist2Protocol, REFERENCE_PROTOCOL, replicateSeed } from './protocols.ts';
import { loadMnist2, type Mnist2Data, type Mnist2Files } from './data.ts';
import { evaluateMnist2 } from './evaluate.ts';
import { Mnist2CellSchema, type Mnist2Cell, type Mnist2Results, type Mnist2Training } from './results.ts';
import { ResultCache, schemaCheck, type EntryCheck } from '../../fs/cache.ts';
import { z } from 'zod';
import { holdoutSplit, trainMnist2 } from './train.ts';
import { DEFAULT_SEED, DEFAULT_SETTING, MAX_SEED, type Setting } from '../../settings.ts';
import type { BallNorm } from '../../numeric/vector.ts';

/** The paper's L2 ε grid for MNIST2 (§5, Tables 1–2). */
export const MNIST2_EPS_L2: readonly number[] = [0, 0.2, 0.4, 0.6, 0.8, 1];

/** The paper's L∞ ε grid for MNIST2 (§5, Table 3; Table 4 prints its first five), in [0, 1] pixel units. */
export const MNIST2_EPS_LINF: readonly number[] = [
  0,
  4 / 255,
  8 / 255,
  12 / 255,
  16 / 255,
  25.5 / 255,
  51 / 255,
  76.5 / 255,
];

/** The paper's PGD on MNIST2 (§5): 40 steps in training, 100 in evaluation; λ = 0.15ε (L2), 0.01 (L∞). */
export function paperPgd(norm: BallNorm, steps: number): Mnist2PgdConfig {
  return norm === 'l2'
    ? { steps, stepRule: { kind: 'relative', factor: 0.15 }, randomStart: 'none' }
    : { steps, stepRule: { kind: 'fixed', size: 0.01 }, randomStart: 'linf-box' };
}

/** A preset of the sweep: data subset, ε grids, training modes, and the replicates every empirical claim is decided on. */
export interface Mnist2Setting {
  readonly name: Setting;
  readonly trainLimit: number | null;
  readonly testLimit: number | null;
  readonly eps: Readonly<Record<BallNorm, readonly number[]>>;
  readonly trainings: readonly Exclude<Mnist2Training, 'standard'>[];
  /** Seeds per protocol (replicate 0 is the run seed; see `replicateSeed`). */
  readonly seeds: number;
}

/**
 * The two settings. `full`: all images of the given files, the paper's ε grids, PGD and random-noise training
 * (Tables 1–4). `ci`: the first 300 train / 200 test MNIST2 images, ε ∈ {0, 1} (L2) and {0, 8/255, 76.5/255} (L∞),
 * PGD, random-noise and exact training, so every path runs in seconds. The reference sweep is trained with
 * `REFERENCE_PROTOCOL`; the replicates run every protocol of `MNIST2_PROTOCOLS` under `seeds` seeds (5 full, 3 ci).
 */
export const MNIST2_SETTINGS: Readonly<Record<Setting, Mnist2Setting>> = {
  full: {
    name: 'full',
    trainLimit: null,
    testLimit: null,
    eps: { l2: MNIST2_EPS_L2, linf: MNIST2_EPS_LINF },
    trainings: ['pgd', 'random'],
    seeds: 5,
  },
  ci: {
    name: 'ci',
    trainLimit: 300,
    testLimit: 200,
    eps: { l2: [0, 1], linf: [0, 8 / 255, 76.5 / 255] },
    trainings: ['pgd', 'random', 'exact'],
    seeds: 3,
  },
};

/** A progress event of `runMnist2Sweep`: sent when a cell starts and when it ends. */
export interface Mnist2Progress {
  /** 0-based: how many cells were done before this one (its index in plan order when cells run one at a time). */
  readonly index: number;
  readonly total: number;
  /** e.g. `l2 pgd ε=0.20`. */
  readonly cell: string;
  readonly done: boolean;
  /** True when the cell was read from the cache. */
  readonly cached: boolean;
  readonly elapsedMillis: number;
  /** Estimated time left (mean time per computed cell × cells left); undefined before the first computed cell. */
  readonly etaMillis: number | undefined;
}

/** The module of `trainCellJob`, which the worker processes import. */
const TRAIN_JOB = new URL('./train-job.ts', import.meta.url).href;

/** Options of `runMnist2Sweep`. */
export interface Mnist2SweepOptions {
  /** `ci` or `full` (default `full`). */
  readonly setting?: Setting;
  /** Norms to run (default both). */
  readonly norms?: readonly BallNorm[];
  /** Training modes for ε > 0 (default: the setting's); ε = 0 is always standard training. */
  readonly trainings?: readonly Exclude<Mnist2Training, 'standard'>[];
  /** ε values (pixel units in [0, 1]) replacing the setting's grid, for every selected norm. */
  readonly eps?: readonly number[];
  /** Run seed (default `DEFAULT_SEED`); each cell's seed is derived from it and the cell's name. */
  readonly seed?: number;
  /** Directory of the MNIST IDX files (default: the shared directory). */
  readonly dataDir?: string;
  /** Explicit data files (override `dataDir`). */
  readonly files?: Mnist2Files;
  /** Cells are cached under `<cacheDir>/mnist2/`; null or absent: no cache. */
  readonly cacheDir?: string | null;
  /** Model with a bias (default false: the paper's w ∈ ℝ^784). */
  readonly bias?: boolean;
  /** The training protocol (default `REFERENCE_PROTOCOL`). */
  readonly protocol?: Mnist2Protocol;
  /**
   * Which replicate of the protocol (default 0: the run seed itself). Cells that draw at random (`cellDraws`) take
   * their seed from the replicate's seed; the others are the same whatever the replicate, so they are trained once.
   */
  readonly replicate?: number;
  /** An optimiser replacing the protocol's (tests and benchmarks). */
  readonly optimiser?: Mnist2OptimiserConfig;
  readonly onProgress?: (event: Mnist2Progress) => void;
  /** Hears one line per unusable cached cell, and once when the cache cannot be written (the sweep goes on). */
  readonly warn?: (message: string) => void;
  /** Called with each finished cell (after it is cached): in plan order, or with workers the cached cells first and then each as it is computed. */
  readonly onCell?: (cell: Mnist2Cell, cached: boolean) => void;
  /**
   * Processes that train the cells missing from the cache (default 1: this one). More than one trains independent
   * cells side by side (`mapInWorkers`); every cell is the same whichever process trains it.
   */
  readonly workers?: number;
}

/** One planned cell: its configuration and key. */
export interface Mnist2PlannedCell {
  readonly name: string;
  readonly config: Mnist2CellConfig;
  readonly key: string;
}

function validate(options: Mnist2SweepOptions): void {
  const fn = 'runMnist2Sweep';
  if (options.setting !== undefined && options.setting !== 'ci' && options.setting !== 'full') {
    throw new ClaimcheckError('BAD_INPUT', `${fn}: setting must be 'ci' or 'full', got ${String(options.setting)}`);
  }
  for (const n of options.norms ?? []) {
    if (n !== 'l2' && n !== 'linf')
      throw new ClaimcheckError('BAD_INPUT', `${fn}: norms must be 'l2' or 'linf', got ${String(n)}`);
  }
  for (const t of options.trainings ?? []) {
    if (t !== 'pgd' && t !== 'random' && t !== 'exact')
      throw new ClaimcheckError('BAD_INPUT', `${fn}: trainings must be 'pgd', 'random' or 'exact', got ${String(t)}`);
  }
  for (const e of options.eps ?? []) {
    if (!Number.isFinite(e) || e < 0 || e > 1)
      throw new ClaimcheckError('BAD_INPUT', `${fn}: eps must be numbers in [0, 1] (pixel units), got ${e}`);
  }
  const seed = options.seed;
  if (seed !== undefined && (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED)) {
    throw new ClaimcheckError('BAD_INPUT', `${fn}: seed must be an integer from 0 to 4294967295, got ${seed}`);
  }
}

/**
 * The cells a sweep will run, in report order (L2 then L∞; per norm ε = 0 standard training first, then each
 * training mode over the ε grid), with their configurations and cache keys. Needs the data's file hashes.
 */
export function planMnist2Sweep(
  options: Mnist2SweepOptions,
  data: Pick<Mnist2Data, 'files' | 'provenance'>,
): Mnist2PlannedCell[] {
  validate(options);
  const setting = MNIST2_SETTINGS[options.setting ?? DEFAULT_SETTING];
  const runSeed = options.seed ?? DEFAULT_SEED;
  const norms = options.norms ?? ['l2', 'linf'];
  const trainings = options.trainings ?? setting.trainings;
  const seedOfReplicate = replicateSeed(runSeed, options.replicate ?? 0);
  const optimiser: Mnist2OptimiserConfig =
    options.optimiser ?? (options.protocol ?? REFERENCE_PROTOCOL).optimiser(setting.name, seedOfReplicate);
  const file = (path: string): { name: string; sha256: string } => ({
    name: basename(path),
    sha256: data.provenance.sha256[path] ?? '',
  });
  const dataId = {
    trainImages: file(data.files.trainImages),
    trainLabels: file(data.files.trainLabels),
    testImages: file(data.files.testImages),
    testLabels: file(data.files.testLabels),
    trainLimit: setting.trainLimit,
    testLimit: setting.testLimit,
    labelMap: data.provenance.labelMap,
  };
  const cells: Mnist2PlannedCell[] = [];
  const seen = new Set<string>();
  for (const norm of norms) {
    const grid = [...new Set(options.eps ?? setting.eps[norm])].sort((a, b) => a - b);
    const plan: [Mnist2Training, number][] = [];
    if (grid.includes(0)) plan.push(['standard', 0]);
    for (const training of trainings) for (const eps of grid) if (eps > 0) plan.push([training, eps]);
    for (const [training, eps] of plan) {
      const label = epsLabel(norm, eps);
      const name = `${norm} ${training} ε=${label}`;
      const unseeded: Omit<Mnist2CellConfig, 'seed'> = {
        schema: 'claimcheck/mnist2-cell',
        codeVersion: mnist2CodeVersion(),
        data: dataId,
        norm,
        training,
        eps,
        epsLabel: label,
        bias: options.bias ?? false,
        optimiser,
        trainAttack: paperPgd(norm, 40),
        evalAttack: paperPgd(norm, 100),
        noise: { law: 'uniform-ball', clipToUnitBox: true, redraw: 'fixed' },
      };
      const seedBase = cellDraws(unseeded) ? seedOfReplicate : runSeed;
      const config: Mnist2CellConfig = {
        ...unseeded,
        seed: deriveSeed(seedBase, `mnist2/${norm}/${training}/${label}`),
      };
      const key = cellKey(config);
      if (seen.has(key)) continue;
      seen.add(key);
      cells.push({ name, config, key });
    }
  }
  return cells;
}

/**
 * Whether a cell draws at random anywhere (and so differs between replicates): minibatch order, PGD random starts in
 * training or evaluation, noise. A cell that does not is trained once for all replicates of its protocol.
 */
export function cellDraws(config: Omit<Mnist2CellConfig, 'seed'>): boolean {
  if (config.optimiser.method === 'adam') return true;
  if (config.training === 'random') return true;
  if (config.training === 'pgd' && config.trainAttack.randomStart !== 'none') return true;
  return config.eps > 0 && config.evalAttack.randomStart !== 'none';
}

/** Trains and evaluates one planned cell (no cache). */
export function computeMnist2Cell(planned: Mnist2PlannedCell, data: Pick<Mnist2Data, 'train' | 'test'>): Mnist2Cell {
  const { config, key } = planned;
  const trained = trainMnist2(data.train, config);
  // An early-stopped model's training accuracy is measured on the images it was trained on (not the held-out ones).
  const trainedOn =
    config.optimiser.method === 'lbfgs-early-stop' ? holdoutSplit(data.train, config.optimiser).fit : data.train;
  const evaluation = evaluateMnist2(trainedOn, data.test, trained.w, config);
  const audit = evaluation.audits.find((a) => a.split === 'train');
  return {
    key,
    norm: config.norm,
    training: config.training,
    eps: config.eps,
    epsLabel: config.epsLabel,
    seed: config.seed,
    w: Array.from(trained.w),
    bias: config.bias,
    train: evaluation.train,
    test: evaluation.test,
    gap: evaluation.train.robustAccuracy - evaluation.test.robustAccuracy,
    optimisation: trained.optimisation,
    attack: { ...trained.attack, ...evaluation.attack },
    ...(audit !== undefined ? { pgdAudit: audit, pgdAudits: evaluation.audits } : {}),
    evaluation: evaluation.evaluation,
    ...(evaluation.pgdEval !== undefined ? { pgdEval: evaluation.pgdEval } : {}),
  };
}

/** What a cell's cache entry holds: its key, its configuration and the cell. */
const CellEntry = z.object({ key: z.string(), config: z.unknown(), cell: Mnist2CellSchema });

/** The cell cache under `cacheDir` (entries `<cacheDir>/mnist2/<key>.json`). */
function cellCache(cacheDir: string, warn?: (message: string) => void): ResultCache {
  return new ResultCache(cacheDir, warn ? { warn } : {});
}

/** Path of a cell's cache file. */
export function cellCachePath(cacheDir: string, key: string): string {
  return cellCache(cacheDir).path('mnist2', '', key);
}

/** A cached cell, or null when absent or unusable (unparsable, of the wrong shape, or of another key: recomputed, never trusted). */
function readCachedCell(cache: ResultCache, key: string): Mnist2Cell | null {
  const check: EntryCheck<Mnist2Cell> = (value) => {
    const r = schemaCheck(CellEntry)(value);
    if (!r.ok) return r;
    return r.value.key === key && r.value.cell.key === key
      ? { ok: true, value: r.value.cell }
      : { ok: false, reason: `it holds the cell of another key` };
  };
  return cache.read('mnist2', '', key, check) ?? null;
}

/**
 * Runs the MNIST2 sweep (the paper's §5.1, Tables 1–4): loads MNIST2, plans the cells, and for each one reads it from
 * the cache or trains (`trainMnist2`), evaluates (`evaluateMnist2`) and caches it; returns `Mnist2Results` with the
 * data provenance. Same options, same results, byte for byte, whether cells were computed or read from the cache.
 */
export async function runMnist2Sweep(options: Mnist2SweepOptions = {}): Promise<Mnist2Results> {
  return (await sweepMnist2(options)).results;
}

/** `runMnist2Sweep`, with the training split it loaded (what the measurements are taken on). */
export async function sweepMnist2(
  options: Mnist2SweepOptions = {},
): Promise<{ readonly results: Mnist2Results; readonly train: Dataset }> {
  validate(options);
  const setting = MNIST2_SETTINGS[options.setting ?? DEFAULT_SETTING];
  const data = loadSweepData(options, setting);
  const planned = planMnist2Sweep(options, data);
  const cells = await trainPlanned(planned, data, options);
  return { results: sweepResults(setting, options, data, cells), train: data.train };
}

/** One replicate of a sweep: a protocol and a replicate index (0: the run seed). */
export interface Mnist2ReplicateRef {
  readonly protocol: Mnist2Protocol;
  readonly replicate: number;
}

/**
 * The sweep of `options` under each of `replicates`: the data loaded once, every cell planned, each distinct cell
 * (by key) read from the cache or trained once, all of them side by side in `options.workers` processes. Returns
 * each replicate's results, in the order given.
 */
export async function sweepMnist2Replicates(
  options: Mnist2SweepOptions,
  replicates: readonly Mnist2ReplicateRef[],
): Promise<{ readonly results: readonly Mnist2Results[]; readonly train: Dataset }> {
  validate(options);
  const setting = MNIST2_SETTINGS[options.setting ?? DEFAULT_SETTING];
  const data = loadSweepData(options, setting);
  const plans = replicates.map((r) =>
    planMnist2Sweep({ ...options, protocol: r.protocol, replicate: r.replicate }, data),
  );
  const distinct = new Map<string, Mnist2PlannedCell>();
  for (const plan of plans) for (const p of plan) if (!distinct.has(p.key)) distinct.set(p.key, p);
  const unique = [...distinct.values()];
  const trained = await trainPlanned(unique, data, options);
  const byKey = new Map(unique.map((p, i) => [p.key, trained[i]!] as const));
  return {
    results: plans.map((plan) =>
      sweepResults(
        setting,
        options,
        data,
        plan.map((p) => byKey.get(p.key)!),
      ),
    ),
    train: data.train,
  };
}

function loadSweepData(options: Mnist2SweepOptions, setting: Mnist2Setting): Mnist2Data {
  return loadMnist2({
    ...(options.files !== undefined ? { files: options.files } : {}),
    ...(options.dataDir !== undefined ? { dataDir: options.dataDir } : {}),
    ...(setting.trainLimit !== null ? { trainLimit: setting.trainLimit } : {}),
    ...(setting.testLimit !== null ? { testLimit: setting.testLimit } : {}),
  });
}

function sweepResults(
  setting: Mnist2Setting,
  options: Mnist2SweepOptions,
  data: Mnist2Data,
  cells: readonly Mnist2Cell[],
): Mnist2Results {
  return {
    setting: setting.name,
    seed: options.seed ?? DEFAULT_SEED,
    data: data.provenance,
    backend: 'float64',
    cells: [...cells],
  };
}

/**
 * Reads each planned cell from the cache or trains and evaluates it (in `options.workers` processes when more than
 * one), caching each as it finishes; returns the cells in plan order.
 */
async function trainPlanned(
  planned: readonly Mnist2PlannedCell[],
  data: Mnist2Data,
  options: Mnist2SweepOptions,
): Promise<Mnist2Cell[]> {
  const cacheDir = options.cacheDir ?? null;
  const cache = cacheDir === null ? null : cellCache(cacheDir, options.warn);
  const start = performance.now();
  const hits = planned.map((p) => (cache === null ? null : readCachedCell(cache, p.key)));
  const missing = planned.flatMap((_p, i) => (hits[i] === null ? [i] : []));
  let finished = 0;
  let computed = 0;
  let computeMillis = 0;
  const progress = (cell: string, done: boolean, cached: boolean): void => {
    const left = planned.length - finished;
    options.onProgress?.({
      // How many cells were done before this one: the cell's index in a serial run.
      index: Math.min(done ? finished - 1 : finished, planned.length - 1),
      total: planned.length,
      cell,
      done,
      cached,
      elapsedMillis: performance.now() - start,
      etaMillis: computed === 0 ? undefined : (computeMillis / computed) * left,
    });
  };
  const store = (cell: Mnist2Cell, p: Mnist2PlannedCell): void => {
    cache?.write('mnist2', '', cell.key, { key: cell.key, config: p.config, cell });
  };
  const cells: (Mnist2Cell | null)[] = [...hits];
  const workers = Math.min(options.workers ?? 1, missing.length);
  if (workers > 1) {
    // Cached cells first, then the computed ones as the workers finish them.
    for (const [i, p] of planned.entries()) {
      if (hits[i] === null) continue;
      progress(p.name, false, true);
      finished++;
      options.onCell?.(hits[i]!, true);
      progress(p.name, true, true);
    }
    // The ETA divides the wall time so far by the cells computed: the workers share it.
    const parallelStart = performance.now();
    const jobs = missing.map((i) => planned[i]!);
    for (const p of jobs) progress(p.name, false, false);
    await mapInWorkers<Mnist2PlannedCell, Pick<Mnist2Data, 'train' | 'test'>, Mnist2Cell>(
      TRAIN_JOB,
      'trainCellJob',
      jobs,
      {
        context: { train: data.train, test: data.test },
        workers,
        onResult: (j: number, value: unknown) => {
          const cell = value as Mnist2Cell;
          cells[missing[j]!] = cell;
          store(cell, jobs[j]!);
          finished++;
          computed++;
          computeMillis = performance.now() - parallelStart;
          options.onCell?.(cell, false);
          progress(jobs[j]!.name, true, false);
        },
      },
    );
  } else {
    // One cell at a time, in plan order.
    for (const [i, p] of planned.entries()) {
      const hit = hits[i] ?? null;
      progress(p.name, false, hit !== null);
      let cell = hit;
      if (cell === null) {
        // Yield to the event loop so progress timers can draw between cells.
        await new Promise<void>((resolve) => setImmediate(resolve));
        const t0 = performance.now();
        cell = computeMnist2Cell(p, data);
        computeMillis += performance.now() - t0;
        computed++;
        store(cell, p);
        cells[i] = cell;
      }
      finished++;
      options.onCell?.(cell, hit !== null);
      progress(p.name, true, hit !== null);
    }
  }
  return cells as Mnist2Cell[];
}
