/**
 * The MNIST2 experiment of the report: the sweep (Tables 1–4 cells, `--setting ci|full`, `--data-dir` for the full
 * official files) and every measurement taken on it (Fig. 3's Hessians, the landscapes of Figs. 1, 2 and 5, the
 * premises on the training split), provided once as data (`Mnist2Measured`) to the empirical checkers and to its
 * report section (Tables 1–4 beside the paper's values, the PGD audit, the figures). The shipped MNIST subset is
 * always there, so this experiment is never "not measured".
 */
import { schemaCheck } from '../../fs/cache.ts';
import { defineExperiment } from '../contract.ts';
import type { ReportSection, ReportTable } from '../section.ts';
import { MNIST2_CELL_CODE } from './config.ts';
import { resolveMnist2Files } from './data.ts';
import { mnist2Section } from './figures.ts';
import { type Mnist2Measured, Mnist2MeasuredSchema } from './measurement-schemas.ts';
import { mnist2MeasuredInWorkers } from './measurements.ts';
import { defaultWorkers } from '../../workers/pool.ts';
import { sweepMnist2 } from './sweep.ts';
import { REPLICATE_MEASUREMENT, runReplicates } from './replicates.ts';
import { REFERENCE_PROTOCOL } from './protocols.ts';
import { mnist2Tables } from './tables.ts';

/** The report section for the measured sweep: tables first (Tables 1–4, audit), then the measured figures. */
export function mnist2ReportSection(measured: Mnist2Measured): ReportSection {
  const section = mnist2Section(measured.results, measured.measurements);
  return {
    ...section,
    tables: [...mnist2Tables(measured.results), protocolTable(measured), ...section.tables],
  };
}

/** The training protocols the empirical claims are decided under, with the seeds of their replicates. */
function protocolTable(measured: Mnist2Measured): ReportTable {
  return {
    id: 'mnist2-protocols',
    title: 'Training protocols and seeds of the replicates',
    caption: `Every empirical MNIST2 claim is decided under each protocol and seed below; it is confirmed or refuted only when all agree (see each claim's robustness). Replicate 0 of ${REFERENCE_PROTOCOL.id} is the sweep this section shows; the others are measured as follows: ${REPLICATE_MEASUREMENT}.`,
    columns: ['protocol', 'what it does', 'where it comes from', 'seeds'],
    rows: measured.protocols.map((p) => [
      p.id,
      p.label,
      p.source,
      measured.replicates
        .filter((r) => r.protocol === p.id)
        .map((r) => String(r.seed))
        .join(', '),
    ]),
  };
}

/** The MNIST2 logistic-regression experiment (Tables 1–4, Figs. 1, 2, 3, 5). */
export const mnist2Experiment = defineExperiment<Mnist2Measured>({
  id: 'mnist2',
  title: 'MNIST2 logistic regression (Tables 1–4, Figs. 1–3, 5)',
  async run(options) {
    // Cells are independent: train and measure them side by side, one process per core.
    const workers = options.workers ?? defaultWorkers();
    const log = options.log;
    const sweepOptions = {
      setting: options.setting,
      seed: options.seed,
      cacheDir: options.fresh ? null : options.cacheDir,
      ...(options.warn ? { warn: options.warn } : {}),
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      workers,
    };
    const { results, train } = await sweepMnist2(sweepOptions);
    const sweep = await mnist2MeasuredInWorkers(results, train, {
      workers,
      ...(log ? { onProgress: (m) => log(`[mnist2] ${m}`) } : {}),
    });
    return runReplicates(options, sweepOptions, sweep, train);
  },
  section: (measured) => mnist2ReportSection(measured),
  notMeasured: () => undefined,
  inputs: (options) => Object.values(resolveMnist2Files(options.dataDir ?? undefined)),
  // The code that trains the cells, the code that measures them (with the worker jobs each imports by URL) and the
  // code that plans, trains and measures the replicates; the sections' code is not in the key: a change of a figure re-renders, it does not re-measure.
  code: [MNIST2_CELL_CODE, 'src/experiments/mnist2/measurements.ts', 'src/experiments/mnist2/replicates.ts'],
  checkResults: schemaCheck(Mnist2MeasuredSchema),
});
