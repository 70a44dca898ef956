/**
 * The ResNet18 companion as an experiment of the report: with `--cifar-dir` / `--svhn-dir` it runs the sweep (setting
 * `ci` → the tiny CPU setting, `full` → the paper's) into the experiment's cache directory and merges it; without
 * them it reads merged results from `out/resnet/results.json` (a sweep run elsewhere, e.g. on GPU shards, then
 * `experiment resnet18 merge`), keyed in the cache by the sha256 of that file; otherwise the report gets the "not
 * measured here" section naming the command.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ClaimcheckError } from '../../errors.ts';
import { defineExperiment, type Experiment, type ExperimentOptions } from '../contract.ts';
import { defaultSweep, sweepCells, type DatasetName } from './config.ts';
import { mergeResults } from './merge.ts';
import { readResNetResults, resultsFileSha256, type ResNetResults, type ResultsSource } from './results.ts';
import { resnetSection } from './section.ts';
import { CIFAR10_TEST_FILE, CIFAR10_TRAIN_FILES } from '../../data/cifar10.ts';
import { SVHN_TEST_FILE, SVHN_TRAIN_FILE } from '../../data/svhn.ts';

/** The default location of merged results (`experiment resnet18 merge --out out/resnet`). */
export const DEFAULT_RESNET_RESULTS = 'out/resnet/results.json';

function datasetsGiven(options: ExperimentOptions): DatasetName[] {
  const out: DatasetName[] = [];
  if (options.cifarDir) out.push('cifar10');
  if (options.svhnDir) out.push('svhn');
  return out;
}

/**
 * The ResNet experiment reading merged results from `resultsFile` when no data directory is given (the registry's
 * `resnetExperiment` reads `out/resnet/results.json`, relative to the working directory).
 */
export function makeResNetExperiment(resultsFile: string = DEFAULT_RESNET_RESULTS): Experiment<ResNetResults | null> {
  /** The results file the experiment reads with `options`, and its sha256 now; null when it runs the sweep or there is no file. */
  const mergedSource = (options: ExperimentOptions): ResultsSource | null =>
    datasetsGiven(options).length > 0 || !existsSync(resultsFile)
      ? null
      : { file: resultsFile, sha256: resultsFileSha256(resultsFile) };
  // The file as it was when each run's cache key was made (by options object), so that results read later are the
  // ones the key describes.
  const keyed = new WeakMap<ExperimentOptions, ResultsSource | null>();

  const measure = async (options: ExperimentOptions): Promise<ResNetResults | null> => {
    const log = options.log ?? ((): void => undefined);
    const datasets = datasetsGiven(options);
    if (datasets.length === 0) {
      const results = existsSync(resultsFile) ? readResNetResults(resultsFile) : null;
      const atKey = keyed.get(options);
      if (atKey !== undefined && (atKey?.sha256 ?? null) !== (results?.source?.sha256 ?? null)) {
        throw new ClaimcheckError(
          'BAD_INPUT',
          `${resultsFile} changed while the report ran (sha256 ${atKey?.sha256 ?? 'none: absent'} when the report started, ${results?.source?.sha256 ?? 'none: absent'} when read)`,
          'run the report again once experiment resnet18 merge has finished',
        );
      }
      if (results !== null)
        log(
          `[resnet] results read from ${resultsFile} (sha256 ${results.source!.sha256}): ${results.cells.length} cells, setting ${results.setting}`,
        );
      return results;
    }
    const out = join(options.cacheDir ?? 'out', 'resnet-sweep', options.setting);
    const sweep = { ...defaultSweep(options.setting), datasets, seeds: [options.seed] };
    // Loaded on demand: the sweep brings TensorFlow.js, which a report without ResNet data never needs.
    const { runSweep } = await import('./sweep.ts');
    await runSweep({
      sweep,
      shard: { index: 0, count: 1 },
      out,
      dataDirs: { cifar10: options.cifarDir, svhn: options.svhnDir },
      backend: options.backend,
      log,
    });
    // The directory is shared by every report of this setting: keep only this sweep's cells (not another seed's or
    // another dataset's, left by an earlier report).
    const merged = mergeResults([out]);
    const ids = new Set(sweepCells(sweep).map((c) => c.id));
    return { ...merged, cells: merged.cells.filter((c) => ids.has(c.id)) };
  };

  return defineExperiment<ResNetResults | null>({
    id: 'resnet',
    title: 'ResNet18 on CIFAR-10 and SVHN (Fig. 4, Tables 5–6)',
    run: (options) => measure(options),
    section: (results) => resnetSection(results),
    notMeasured: (options) =>
      datasetsGiven(options).length === 0 && !existsSync(resultsFile) ? resnetSection(null) : undefined,
    config: (options) => {
      const merged = mergedSource(options);
      keyed.set(options, merged);
      return {
        setting: options.setting,
        seed: options.seed,
        backend: options.backend,
        cifarDir: options.cifarDir,
        svhnDir: options.svhnDir,
        merged,
      };
    },
    inputs: (options) => resnetInputs(options, resultsFile),
    code: [
      'src/experiments/resnet18/sweep.ts',
      'src/experiments/resnet18/merge.ts',
      'src/experiments/resnet18/results.ts',
    ],
  });
}

/** The ResNet18 CIFAR-10 / SVHN experiment (Fig. 4, Tables 5–6), reading `out/resnet/results.json` when it runs no sweep. */
export const resnetExperiment = makeResNetExperiment();

/** The files the results come from: the dataset files of a run here, or the merged results file read instead. */
function resnetInputs(options: ExperimentOptions, resultsFile: string): string[] {
  const files: string[] = [];
  if (options.cifarDir)
    files.push(...[...CIFAR10_TRAIN_FILES, CIFAR10_TEST_FILE].map((f) => join(options.cifarDir!, f)));
  if (options.svhnDir) files.push(join(options.svhnDir, SVHN_TRAIN_FILE), join(options.svhnDir, SVHN_TEST_FILE));
  if (files.length === 0) files.push(resultsFile);
  return files.filter((f) => existsSync(f));
}
