/**
 * The ResNet18 companion as an experiment of the report: with `--cifar-dir` / `--svhn-dir` it runs the sweep (setting
 * `ci` → the tiny CPU setting, `full` → the paper's) into the experiment's cache directory and merges it; without
 * them it reads merged results from `out/resnet/results.json` (a sweep run elsewhere, e.g. on GPU shards, then
 * `experiment-resnet merge`); otherwise the report gets the "not measured here" section naming the command.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defineExperiment, type ExperimentOptions } from '../report/experiments.ts';
import { defaultSweep, type DatasetName } from './config.ts';
import { runSweep } from './sweep.ts';
import { mergeResults } from './merge.ts';
import { readResNetResults, type ResNetResults } from './results.ts';
import { resnetSection } from './section.ts';
import { DEFAULT_RESNET_RESULTS } from './provider.ts';
import { CIFAR10_TEST_FILE, CIFAR10_TRAIN_FILES } from '../data/cifar10.ts';
import { SVHN_TEST_FILE, SVHN_TRAIN_FILE } from '../data/svhn.ts';

/** Claims whose checkers read the ResNet measurements. */
export const RESNET_CLAIMS = ['fig4-sharper-with-eps', 'tab56-gap-grows-remeasured'] as const;

function datasetsGiven(options: ExperimentOptions): DatasetName[] {
  const out: DatasetName[] = [];
  if (options.cifarDir) out.push('cifar10');
  if (options.svhnDir) out.push('svhn');
  return out;
}

async function measure(options: ExperimentOptions): Promise<ResNetResults | null> {
  const datasets = datasetsGiven(options);
  if (datasets.length === 0) return existsSync(DEFAULT_RESNET_RESULTS) ? readResNetResults(DEFAULT_RESNET_RESULTS) : null;
  const out = join(options.cacheDir ?? 'out', 'resnet-sweep', options.setting);
  const sweep = { ...defaultSweep(options.setting === 'full' ? 'full' : 'tiny'), datasets, seeds: [options.seed] };
  await runSweep({
    sweep,
    shard: { index: 0, count: 1 },
    out,
    dataDirs: { cifar10: options.cifarDir, svhn: options.svhnDir },
    backend: options.backend,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  return mergeResults([out]);
}

/** The ResNet18 CIFAR-10 / SVHN experiment (Fig. 4, Tables 5–6). */
export const resnetExperiment = defineExperiment<ResNetResults | null>({
  id: 'resnet',
  title: 'ResNet18 on CIFAR-10 and SVHN (Fig. 4, Tables 5–6)',
  claims: RESNET_CLAIMS,
  provider: (options) => {
    let cached: Promise<ResNetResults | null> | undefined;
    return () => (cached ??= measure(options));
  },
  section: (results) => resnetSection(results),
  notMeasured: (options) =>
    datasetsGiven(options).length === 0 && !existsSync(DEFAULT_RESNET_RESULTS) ? resnetSection(null) : undefined,
  config: (options) => ({
    setting: options.setting,
    seed: options.seed,
    backend: options.backend,
    cifarDir: options.cifarDir,
    svhnDir: options.svhnDir,
    merged: existsSync(DEFAULT_RESNET_RESULTS) ? DEFAULT_RESNET_RESULTS : null,
  }),
  inputs: (options) => resnetInputs(options),
  code: ['src/resnet/sweep.ts', 'src/resnet/merge.ts', 'src/resnet/results.ts'],
});

/** The files the results come from: the dataset files of a run here, or the merged results file read instead. */
function resnetInputs(options: ExperimentOptions): string[] {
  const files: string[] = [];
  if (options.cifarDir) files.push(...[...CIFAR10_TRAIN_FILES, CIFAR10_TEST_FILE].map((f) => join(options.cifarDir!, f)));
  if (options.svhnDir) files.push(join(options.svhnDir, SVHN_TRAIN_FILE), join(options.svhnDir, SVHN_TEST_FILE));
  if (files.length === 0 && existsSync(DEFAULT_RESNET_RESULTS)) files.push(DEFAULT_RESNET_RESULTS);
  return files.filter((f) => existsSync(f));
}
