/**
 * The contract every experiment follows (`mnist2/`, `resnet18/`): `run` measures everything the checkers of its claims
 * and its report section read, once, as plain data; `section` renders that data into figures and tables; `notMeasured`
 * says why it cannot run with the options given. The experiments themselves are listed in `registry.ts`.
 */
import type { BackendChoice } from '../autodiff/backend.ts';
import type { ReportSection } from './section.ts';
import type { EntryCheck } from '../fs/cache.ts';
import { type Setting } from '../settings.ts';

/** The options of `claimcheck report` that experiments see. */
export interface ExperimentOptions {
  /** The run seed (`--seed`); derive the experiment's own seeds from it. */
  readonly seed: number;
  /** `--setting`: `ci` (small and fast, exercises every path) or `full` (the paper's settings on the given data). */
  readonly setting: Setting;
  /** The TensorFlow.js backend asked for (`--backend`, `--gpu` meaning `tfjs-node-gpu`); `auto`: the first that loads. */
  readonly backend: BackendChoice | 'auto';
  /** `--data-dir`: the directory of the official MNIST IDX files, or null. */
  readonly dataDir: string | null;
  /** `--cifar-dir`: the directory of CIFAR-10, or null. */
  readonly cifarDir: string | null;
  /** `--svhn-dir`: the directory of SVHN, or null. */
  readonly svhnDir: string | null;
  /** `--fresh`: recompute instead of reusing cached results (honour it in any cache of the experiment's own). */
  readonly fresh: boolean;
  /** `--protocols`: the MNIST2 training protocols the empirical claims are decided under (undefined: all). */
  readonly protocols?: readonly string[];
  /** `--seeds`: seeds per protocol (undefined: the setting's, 5 full and 3 ci). */
  readonly seeds?: number;
  /** `--jobs`: worker processes for independent cells (1: all in this process); undefined: every core, at most 4. */
  readonly workers?: number;
  /** A directory the experiment may keep a cache of its own in (`<cache dir>/experiments/<id>`), or null for none. */
  readonly cacheDir: string | null;
  /** Hears a warning line (an unusable cache entry, a cache that cannot be written); the run goes on. */
  readonly warn?: (message: string) => void;
  /** Where the experiment writes its progress lines (the CLI's stderr unless `--quiet`); undefined: nowhere. */
  readonly log?: (line: string) => void;
}

/**
 * One experiment of the report. `R` is what `run` resolves to: plain JSON data (it is cached as JSON and sent
 * to worker processes), read back by its checkers through `CheckContext.measurements[id]` and by `section`.
 */
export interface Experiment<R = unknown> {
  /** Measurement name checkers read (`ctx.measurements[id]`), and the section id. */
  readonly id: string;
  readonly title: string;
  /**
   * Runs the experiment with `options` and resolves to everything its claims and its section read (called at most
   * once per report, and not at all when its results are cached). The claims that read it are the records naming its
   * id in `measurements`: reporting any of them runs the experiment (reporting every claim runs every experiment).
   */
  run(options: ExperimentOptions): Promise<R>;
  /** The report section for results `results` (what `run` resolved to, or the same read from the cache). */
  section(results: R, options: ExperimentOptions): ReportSection;
  /** A "not measured here" section (with `notMeasured` set) when the experiment cannot run with `options`, else undefined. */
  notMeasured(options: ExperimentOptions): ReportSection | undefined;
  /**
   * What the results depend on besides the code and the input files: the cache key (default: every option except
   * `fresh`, `cacheDir`, `warn` and `log`).
   */
  config?(options: ExperimentOptions): unknown;
  /**
   * The files the results are computed from (data, merged results): the cache key holds the sha256 of each, and the
   * report lists them with their hashes in the section and in provenance.json.
   */
  inputs?(options: ExperimentOptions): readonly string[];
  /**
   * The modules (paths relative to the repository root) whose code produces the results: the cache key hashes every
   * file reachable from them through value imports (`importGraphVersion`), so no list is kept by hand.
   */
  readonly code: readonly string[];
  /** Checks results read back from the cache before they are used (the shape `run` resolves to). */
  readonly checkResults?: EntryCheck<R>;
}

/** Identity helper that keeps an experiment's result type attached to its definition. */
export function defineExperiment<R>(experiment: Experiment<R>): Experiment<R> {
  return experiment;
}

/** The default cache configuration of an experiment: its options but `fresh`, `cacheDir`, `warn`, `log` and `workers` (none changes the results). */
export function defaultExperimentConfig(options: ExperimentOptions): unknown {
  const { fresh: _fresh, cacheDir: _cacheDir, warn: _warn, log: _log, workers: _workers, ...rest } = options;
  return rest;
}
