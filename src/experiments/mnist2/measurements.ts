/**
 * Every MNIST2 measurement of the paper's §5.1 for a sweep's results, taken once by the experiment's `run`: Fig. 3's
 * Hessian spectra (both Hessians, dense and Lanczos), the 1-D landscapes of Figs. 1, 2 and 5 for every cell, 2-D
 * landscapes of a few cells, the robust Hessians' eigenvalue densities (SLQ) and traces (Hutchinson) beside their
 * exact values, and the premises of the theory on the training split, with their settings. Every random draw
 * (directions, Lanczos start, SLQ and Hutchinson probes, noise) is seeded from the sweep's run seed (`--seed`).
 */
import type { Dataset } from '../../numeric/dataset.ts';
import { deriveSeed } from '../../rng.ts';
import type { Setting } from '../../settings.ts';
import { cellName, degenerateReason } from './degenerate.ts';
import { cellHessian, type HessianOptions } from './hessian.ts';
import { cellLandscape, cellLandscape2d, type LandscapeOptions } from './landscape.ts';
import type {
  CellHessian,
  CellSpectrum,
  Landscape1D,
  Landscape2D,
  Mnist2SweepMeasured,
  Mnist2Measurements,
} from './measurement-schemas.ts';
import { trainSplitPremises } from './premises.ts';
import type { Mnist2Cell, Mnist2Results } from './results.ts';
import { mnist2Series } from './series.ts';
import { cellSpectrum, resolvedSpectrumOptions, type SpectrumOptions, spectrumCells } from './spectrum.ts';
import { mapInWorkers } from '../../workers/pool.ts';

/** Options of `mnist2Measurements`; every seed left out is derived from the results' run seed (`measurementSeeds`). */
export interface Mnist2MeasurementOptions {
  readonly hessian?: HessianOptions;
  readonly landscape?: LandscapeOptions;
  /** Cells with Fig. 3 Hessians: `fig3` (default: standard and adversarial cells) or `all` (random cells too). */
  readonly hessianCells?: 'fig3' | 'all';
  /**
   * Cells with a 2-D landscape, by key. Default (`contourCells`): the L2 standard model and the largest-ε L2 PGD
   * cell. 2-D costs points² evaluations.
   */
  readonly contours?: readonly string[];
  /** Points per axis of the 2-D grid on [−1, 1] (default: `landscape.points` if given, else 13 at `ci`, 25 otherwise). */
  readonly contourPoints?: number;
  /** How the Hessian densities (SLQ) and traces (Hutchinson) are estimated; seeds default from the run seed. */
  readonly spectrum?: SpectrumOptions;
  /** Cells with a Hessian trace and with a Hessian density, by key (default `spectrumCells`: Fig. 3's cells). */
  readonly spectrumCells?: { readonly trace: readonly string[]; readonly density: readonly string[] };
  /** Seed of the noise drawn for Eq. (15)'s moments on the training split. */
  readonly premiseNoiseSeed?: number;
  /** Called before each cell's measurement (progress for a terminal; never printed by the library). */
  readonly onProgress?: (message: string) => void;
}

/** The seeds of the measurements of a run with run seed `runSeed`: one label each, so no two draws share a stream. */
export function measurementSeeds(runSeed: number): {
  readonly directionSeed: number;
  readonly lanczosSeed: number;
  readonly noiseSeed: number;
  readonly premiseNoiseSeed: number;
  readonly slqSeed: number;
  readonly hutchinsonSeed: number;
} {
  return {
    directionSeed: deriveSeed(runSeed, 'mnist2/directions'),
    lanczosSeed: deriveSeed(runSeed, 'mnist2/lanczos'),
    noiseSeed: deriveSeed(runSeed, 'mnist2/noise'),
    premiseNoiseSeed: deriveSeed(runSeed, 'mnist2/premise-noise'),
    slqSeed: deriveSeed(runSeed, 'mnist2/slq'),
    hutchinsonSeed: deriveSeed(runSeed, 'mnist2/hutchinson'),
  };
}

/**
 * `options` with every setting filled in: the defaults `cellHessian`, `cellLandscape` and `cellSpectrum` apply, seeds
 * from `runSeed`; `setting` chooses the default 2-D grid. Cells left to their defaults (`contours`, `spectrumCells`)
 * stay `default` until the results are known.
 */
export function resolvedMeasurementOptions(
  runSeed: number,
  options: Mnist2MeasurementOptions = {},
  setting?: Setting,
): Required<Omit<Mnist2MeasurementOptions, 'onProgress' | 'contours' | 'spectrumCells' | 'spectrum'>> & {
  readonly hessian: Required<HessianOptions>;
  readonly contours: readonly string[] | 'default';
  readonly contourPoints: number;
  readonly spectrum: ReturnType<typeof resolvedSpectrumOptions>;
  readonly spectrumCells: NonNullable<Mnist2MeasurementOptions['spectrumCells']> | 'default';
} {
  const seeds = measurementSeeds(runSeed);
  const h = options.hessian ?? {};
  const l = options.landscape ?? {};
  const sp = options.spectrum ?? {};
  const hessian: Required<HessianOptions> = {
    topK: h.topK ?? 3,
    linfMaximizer: h.linfMaximizer ?? 'linf-box',
    fixedExamples: h.fixedExamples ?? 'exact',
    lanczosSeed: h.lanczosSeed ?? seeds.lanczosSeed,
    lanczosTol: h.lanczosTol ?? 1e-10,
    dense: h.dense ?? true,
    directions: h.directions ?? 5,
    directionSeed: h.directionSeed ?? seeds.directionSeed,
    noiseSeed: h.noiseSeed ?? seeds.noiseSeed,
  };
  return {
    hessian,
    landscape: {
      mode: l.mode ?? 'filter',
      ...(l.alphas !== undefined ? { alphas: [...l.alphas] } : { points: l.points ?? 51 }),
      directions: l.directions ?? 5,
      directionSeed: l.directionSeed ?? seeds.directionSeed,
      l2Maximizer: l.l2Maximizer ?? 'l2-ball',
      linfMaximizer: l.linfMaximizer ?? 'linf-box',
      attack: l.attack ?? { kind: 'exact' },
      noiseSeed: l.noiseSeed ?? seeds.noiseSeed,
    },
    hessianCells: options.hessianCells ?? 'fig3',
    contours: options.contours ?? 'default',
    // A 2-D landscape costs points² evaluations: its own default grid (`cellLandscape2d`'s 25, 13 at `ci`) unless
    // points are given.
    contourPoints: options.contourPoints ?? options.landscape?.points ?? (setting === 'ci' ? 13 : 25),
    spectrum: resolvedSpectrumOptions({
      ...sp,
      hessian: { linfMaximizer: hessian.linfMaximizer, noiseSeed: hessian.noiseSeed },
      slqSeed: sp.slqSeed ?? seeds.slqSeed,
      hutchinsonSeed: sp.hutchinsonSeed ?? seeds.hutchinsonSeed,
    }),
    spectrumCells: options.spectrumCells ?? 'default',
    premiseNoiseSeed: options.premiseNoiseSeed ?? seeds.premiseNoiseSeed,
  };
}

function wantsHessian(cell: Mnist2Cell, which: 'fig3' | 'all'): boolean {
  return which === 'all' || cell.training !== 'random';
}

/** Every setting of a measurement run, filled in. */
export type ResolvedMeasurementOptions = ReturnType<typeof resolvedMeasurementOptions>;

/**
 * What is measured on one cell: its Hessians (Fig. 3 cells), its landscape, its 2-D landscape when asked, and its
 * Hessian spectrum (`trace`: exact and Hutchinson; `density`: also SLQ) when asked.
 */
export interface CellMeasurementJob {
  readonly cell: Mnist2Cell;
  readonly hessian: boolean;
  readonly contour: boolean;
  readonly spectrum: 'none' | 'trace' | 'density';
}

/** The measurements of one cell. */
export interface CellMeasurement {
  readonly hessian?: CellHessian;
  readonly landscape: Landscape1D;
  readonly contour?: Landscape2D;
  readonly spectrum?: CellSpectrum;
}

/**
 * The cells with a 2-D landscape by default, by key: the standard model and the largest-ε PGD cell of the L2 series
 * (of the L∞ series when the sweep has no L2 cells); cells trained to w = 0 are left out.
 */
export function contourCells(cells: readonly Mnist2Cell[]): string[] {
  const series = (norm: 'l2' | 'linf') =>
    mnist2Series(cells, norm, 'adversarial').filter((c) => degenerateReason(c) === undefined);
  const s = series('l2').length > 0 ? series('l2') : series('linf');
  if (s.length === 0) return [];
  return [...new Set([s[0]!.key, s[s.length - 1]!.key])];
}

/** Measures one cell on `dataset` with the resolved options `o`; `progress` hears what starts. */
export function measureCell(
  job: CellMeasurementJob,
  dataset: Dataset,
  o: ResolvedMeasurementOptions,
  progress?: (message: string) => void,
): CellMeasurement {
  const { cell } = job;
  const label = cellName(cell);
  if (job.hessian) progress?.(`hessian ${label}`);
  const hessian = job.hessian ? cellHessian(cell, dataset, o.hessian) : undefined;
  progress?.(`landscape ${label}`);
  const landscape = cellLandscape(cell, dataset, o.landscape);
  if (job.contour) progress?.(`2-D landscape ${label}`);
  const grid2d = o.landscape.alphas !== undefined ? o.landscape : { ...o.landscape, points: o.contourPoints };
  const contour = job.contour ? cellLandscape2d(cell, dataset, grid2d) : undefined;
  if (job.spectrum !== 'none')
    progress?.(`Hessian ${job.spectrum === 'density' ? 'density and trace' : 'trace'} ${label}`);
  const spectrum =
    job.spectrum === 'none' ? undefined : cellSpectrum(cell, dataset, o.spectrum, job.spectrum === 'density');
  return {
    ...(hessian ? { hessian } : {}),
    landscape,
    ...(contour ? { contour } : {}),
    ...(spectrum ? { spectrum } : {}),
  };
}

/** The cells to measure (in results order) and the degenerate ones, with why. */
function plan(results: Mnist2Results, o: ResolvedMeasurementOptions) {
  const jobs: CellMeasurementJob[] = [];
  const degenerate: { key: string; cell: string; reason: string }[] = [];
  const contours = o.contours === 'default' ? contourCells(results.cells) : o.contours;
  const spectra = o.spectrumCells === 'default' ? spectrumCells(results.cells) : o.spectrumCells;
  for (const cell of results.cells) {
    const reason = degenerateReason(cell);
    if (reason !== undefined) degenerate.push({ key: cell.key, cell: cellName(cell), reason });
    else
      jobs.push({
        cell,
        hessian: wantsHessian(cell, o.hessianCells),
        contour: contours.includes(cell.key),
        spectrum: spectra.density.includes(cell.key) ? 'density' : spectra.trace.includes(cell.key) ? 'trace' : 'none',
      });
  }
  return { jobs, degenerate };
}

/** The measurements of a run from its cells' measurements (in results order) and the premises on the training split. */
function assemble(
  results: Mnist2Results,
  dataset: Dataset,
  o: ResolvedMeasurementOptions,
  measured: readonly CellMeasurement[],
  degenerate: Mnist2Measurements['degenerate'],
  progress?: (message: string) => void,
): Mnist2Measurements {
  const noiseEps = [
    ...new Set(
      results.cells.filter((c) => c.norm === 'linf' && c.training === 'random' && c.eps > 0).map((c) => c.eps),
    ),
  ];
  progress?.('premises on the training split');
  return {
    settings: measurementSettings(o),
    hessians: measured.flatMap((m) => (m.hessian ? [m.hessian] : [])),
    landscapes: measured.map((m) => m.landscape),
    contours: measured.flatMap((m) => (m.contour ? [m.contour] : [])),
    spectra: measured.flatMap((m) => (m.spectrum ? [m.spectrum] : [])),
    premises: trainSplitPremises(dataset, noiseEps, o.premiseNoiseSeed),
    examples: dataset.n,
    degenerate,
  };
}

/**
 * Measures every cell of `results` on `dataset` (the training split the cells were trained on): Fig. 3 Hessian
 * spectra (dense + Lanczos, robust and fixed-example), 1-D landscapes g(α) over seeded filter-normalised directions
 * with the attack re-run at every α (Eq. 5), the 2-D landscapes (`contourCells` by default), the robust Hessians'
 * exact spectra with Hutchinson's trace and the SLQ density (`spectrumCells`), and the premises on the training split
 * (image norms; Eq. (15)'s noise moments at every L∞ random-noise ε); a cell trained to w = 0 is listed in
 * `degenerate` instead of measured.
 */
export function mnist2Measurements(
  results: Mnist2Results,
  dataset: Dataset,
  options: Mnist2MeasurementOptions = {},
): Mnist2Measurements {
  const o = resolvedMeasurementOptions(results.seed, options, results.setting);
  const { jobs, degenerate } = plan(results, o);
  const measured = jobs.map((job) => measureCell(job, dataset, o, options.onProgress));
  return assemble(results, dataset, o, measured, degenerate, options.onProgress);
}

/** The sweep's results with every measurement taken on them: what the `mnist2` experiment provides. */
export function mnist2Measured(
  results: Mnist2Results,
  dataset: Dataset,
  options: Mnist2MeasurementOptions = {},
): Mnist2SweepMeasured {
  return { results, measurements: mnist2Measurements(results, dataset, options) };
}

/** The module of `measureCellJob`, which the worker processes import. */
const MEASURE_JOB = new URL('./measure-job.ts', import.meta.url).href;

/**
 * `mnist2Measured`, with the cells measured side by side in `workers` processes (`mapInWorkers`): the same data, in
 * the same order, whichever process measures a cell. One worker measures here, in this process.
 */
export async function mnist2MeasuredInWorkers(
  results: Mnist2Results,
  dataset: Dataset,
  options: Mnist2MeasurementOptions & { readonly workers: number },
): Promise<Mnist2SweepMeasured> {
  const o = resolvedMeasurementOptions(results.seed, options, results.setting);
  const { jobs, degenerate } = plan(results, o);
  const workers = Math.min(options.workers, jobs.length);
  if (workers > 1) options.onProgress?.(`measuring ${jobs.length} cells in ${workers} processes`);
  const measured =
    workers <= 1
      ? jobs.map((job) => measureCell(job, dataset, o, options.onProgress))
      : await mapInWorkers<CellMeasurementJob, { dataset: Dataset; o: ResolvedMeasurementOptions }, CellMeasurement>(
          MEASURE_JOB,
          'measureCellJob',
          jobs,
          {
            context: { dataset, o },
            workers,
            onResult: (i: number) => options.onProgress?.(`measured ${cellName(jobs[i]!.cell)}`),
          },
        );
  return { results, measurements: assemble(results, dataset, o, measured, degenerate, options.onProgress) };
}

/** The settings of a measurement run as printable strings. */
function measurementSettings(o: ReturnType<typeof resolvedMeasurementOptions>): Record<string, string> {
  const h = o.hessian;
  const l = o.landscape;
  const sp = o.spectrum;
  const attack = l.attack ?? { kind: 'exact' };
  const fixed = h.fixedExamples;
  return {
    'hessian.topK': String(h.topK),
    'hessian.robust': `L2: robustL2Loss (closed form, ball without pixel box); L∞: ${h.linfMaximizer}`,
    'hessian.fixedExamples':
      fixed === 'exact' ? 'exact maximiser at w*, held fixed' : `PGD ${fixed.steps} steps at w*, held fixed`,
    'hessian.dense': h.dense ? 'symmetricEigen (Householder + implicit QL)' : 'off',
    'hessian.lanczos': `block Lanczos on HVPs, seed ${h.lanczosSeed}, tol ${h.lanczosTol}`,
    'hessian.directions': `${h.directions} filter-normalised Gaussian directions, base seed ${h.directionSeed}`,
    'landscape.mode': l.mode ?? 'filter',
    'landscape.grid':
      l.alphas !== undefined
        ? `${l.alphas.length} given α values`
        : `${l.points ?? 51} points on ${(l.mode ?? 'filter') === 'filter' ? '[−1, 1]' : '[0, 1]'}`,
    'landscape.directions': `${l.directions} directions, base seed ${l.directionSeed}`,
    'landscape.attack':
      attack.kind === 'exact'
        ? `exact maximiser re-solved at every α (L2: ${l.l2Maximizer}; L∞: ${l.linfMaximizer})`
        : `PGD ${attack.steps} steps${attack.stepSize !== undefined ? ` × ${attack.stepSize}` : ' (paper step sizes)'} re-run at every α`,
    'landscape.noiseSeed': String(l.noiseSeed),
    'premises.noiseSeed': String(o.premiseNoiseSeed),
    'contours.grid': `${o.contourPoints} × ${o.contourPoints} points on [−1, 1]², filter-normalised directions 0 and 1 of the landscape (base seed ${l.directionSeed}), attack as the landscape's`,
    'spectrum.hessian':
      "Fig. 3's robust-loss Hessian at w*: formed densely for the exact eigenvalues and trace; the estimators use Hessian-vector products",
    'spectrum.slq': `stochastic Lanczos quadrature: ${sp.slqProbes} Rademacher probes × ${sp.slqSteps} Lanczos steps (full reorthogonalisation), probe seed ${sp.slqSeed}; Gaussian broadening σ = ${sp.broadening} × (λmax − λmin) on ${sp.gridPoints} points`,
    'spectrum.hutchinson': `Hutchinson on Rademacher probes, seed ${sp.hutchinsonSeed}: at least 10 and at most ${sp.hutchinsonProbes} probes, stopped at standard error ≤ ${sp.hutchinsonTol} × |estimate|`,
    loss: 'mean logistic loss over the training split; weight decay not included (it would add λ to every eigenvalue)',
  };
}
