/**
 * The MNIST2 experiment of the report: the sweep (Tables 1–4 cells, `--setting ci|full`, `--data-dir` for the full
 * official files) as the `mnist2` measurement provider of the empirical checkers, and its report section (Tables 1–4
 * beside the paper's values, the PGD audit, Fig. 3 with both Hessians, Figs. 1, 2, 5 landscapes). The shipped MNIST
 * subset is always there, so this experiment is never "not measured".
 */
import { defineExperiment, type ExperimentOptions } from '../contract.ts';
import type { ReportSection } from '../section.ts';
import { mnist2Provider } from './sweep.ts';
import { mnist2Measurements } from './measurements.ts';
import { mnist2Section } from './figures.ts';
import { mnist2Tables } from './tables.ts';
import { loadSweepTrainSplit } from './train-split.ts';
import { Mnist2ResultsSchema, type Mnist2Results } from './results.ts';
import { resolveMnist2Files } from './data.ts';
import { MNIST2_CELL_CODE } from './config.ts';
import { schemaCheck } from '../../fs/cache.ts';
import type { Dataset } from '../../numeric/dataset.ts';

/** Claims whose checkers read the `mnist2` measurements. */
export const MNIST2_EXPERIMENT_CLAIMS = [
  'fig3-eigen-grow-with-eps',
  'fig3-nearly-linear',
  'fig3-eq9-spectrum',
  'thm1-premise-mnist2',
  'sec51-weight-norm-stable',
  'fig12-sharper-with-eps',
  'fig5-sharper-with-eps',
  'fig12-random-less-sharp',
  'fig12-noise-premises',
  'tab1-rerun-abs-gap',
  'tab1to4-rerun-test-gt-train',
  'tab3-rerun-large-eps-gap',
  'tab2to4-rerun-random-gap',
] as const;

/** The report section for sweep results: tables first (Tables 1–4, audit), then the measured figures. */
export function mnist2ReportSection(results: Mnist2Results): ReportSection {
  const dataset = loadSweepTrainSplit(results.data) as Dataset;
  const section = mnist2Section(results, mnist2Measurements(results, dataset));
  return { ...section, tables: [...mnist2Tables(results), ...section.tables] };
}

/** The MNIST2 logistic-regression experiment (Tables 1–4, Figs. 1, 2, 3, 5). */
export const mnist2Experiment = defineExperiment<Mnist2Results>({
  id: 'mnist2',
  title: 'MNIST2 logistic regression (Tables 1–4, Figs. 1–3, 5)',
  claims: MNIST2_EXPERIMENT_CLAIMS,
  provider: (options: ExperimentOptions) =>
    mnist2Provider({
      setting: options.setting,
      seed: options.seed,
      cacheDir: options.fresh ? null : options.cacheDir,
      ...(options.warn ? { warn: options.warn } : {}),
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    }),
  section: (results) => mnist2ReportSection(results),
  notMeasured: () => undefined,
  inputs: (options) => Object.values(resolveMnist2Files(options.dataDir ?? undefined)),
  code: [MNIST2_CELL_CODE],
  checkResults: schemaCheck(Mnist2ResultsSchema),
});
