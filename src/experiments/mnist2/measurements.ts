/**
 * All MNIST2 measurements of the paper's §5.1 for a sweep's results: Fig. 3's Hessian spectra (both Hessians, dense and
 * Lanczos), the 1-D landscapes of Figs. 1, 2 and 5 for every cell, and optional 2-D landscapes, with their settings.
 */
import type { Dataset } from '../../numeric/dataset.ts';
import type { CellHessian, HessianOptions } from './hessian.ts';
import { cellLandscape2d, type Landscape1D, type Landscape2D, type LandscapeOptions } from './landscape.ts';
import { memoCellHessian, memoCellLandscape } from './memo.ts';
import type { Mnist2Cell, Mnist2Results } from './results.ts';
import { cellName, degenerateReason } from './degenerate.ts';

/** Options of `mnist2Measurements`. */
export interface Mnist2MeasurementOptions {
  readonly hessian?: HessianOptions;
  readonly landscape?: LandscapeOptions;
  /** Cells with Fig. 3 Hessians: `fig3` (default: standard and adversarial cells) or `all` (random cells too). */
  readonly hessianCells?: 'fig3' | 'all';
  /** Cells with a 2-D landscape, by key (default none): 2-D costs points² evaluations (625 at the default 25). */
  readonly contours?: readonly string[];
  /** Called before each cell's measurement (progress for a terminal; never printed by the library). */
  readonly onProgress?: (message: string) => void;
}

/** The measurements and the settings they were taken with. */
export interface Mnist2Measurements {
  /** Deterministic description of every setting (seeds, grids, solvers, attacks), for provenance. */
  readonly settings: Readonly<Record<string, string>>;
  readonly hessians: readonly CellHessian[];
  readonly landscapes: readonly Landscape1D[];
  readonly contours: readonly Landscape2D[];
  /** Examples of the dataset the measurements used. */
  readonly examples: number;
  /** Cells that could not be measured (trained to w = 0), with why. */
  readonly degenerate: readonly { readonly key: string; readonly cell: string; readonly reason: string }[];
}

function wantsHessian(cell: Mnist2Cell, which: 'fig3' | 'all'): boolean {
  return which === 'all' || cell.training !== 'random';
}

/**
 * Measures every cell of `results` on `dataset` (the training split the cells were trained on): Fig. 3 Hessian
 * spectra (dense + Lanczos, robust and fixed-example), 1-D landscapes g(α) over seeded filter-normalised directions
 * with the attack re-run at every α (Eq. 5), and the requested 2-D landscapes; a cell trained to w = 0 is listed in
 * `degenerate` instead of measured. Per-cell results are memoised
 * (`memo.ts`), so the empirical claim checkers reuse them.
 */
export function mnist2Measurements(results: Mnist2Results, dataset: Dataset, options: Mnist2MeasurementOptions = {}): Mnist2Measurements {
  const which = options.hessianCells ?? 'fig3';
  const h = options.hessian ?? {};
  const l = options.landscape ?? {};
  const hessians: CellHessian[] = [];
  const landscapes: Landscape1D[] = [];
  const contours: Landscape2D[] = [];
  const degenerate: { key: string; cell: string; reason: string }[] = [];
  for (const cell of results.cells) {
    const reason = degenerateReason(cell);
    if (reason !== undefined) {
      degenerate.push({ key: cell.key, cell: cellName(cell), reason });
      continue;
    }
    if (wantsHessian(cell, which)) {
      options.onProgress?.(`hessian ${cell.norm} ${cell.training} ε=${cell.epsLabel}`);
      hessians.push(memoCellHessian(cell, dataset, h));
    }
    options.onProgress?.(`landscape ${cell.norm} ${cell.training} ε=${cell.epsLabel}`);
    landscapes.push(memoCellLandscape(cell, dataset, l));
    if (options.contours?.includes(cell.key) === true) {
      options.onProgress?.(`2-D landscape ${cell.norm} ${cell.training} ε=${cell.epsLabel}`);
      contours.push(cellLandscape2d(cell, dataset, l));
    }
  }
  return { settings: measurementSettings(options), hessians, landscapes, contours, examples: dataset.n, degenerate };
}

/** The settings of a measurement run as printable strings (defaults filled in). */
export function measurementSettings(options: Mnist2MeasurementOptions = {}): Record<string, string> {
  const h = options.hessian ?? {};
  const l = options.landscape ?? {};
  const attack = l.attack ?? { kind: 'exact' };
  const fixed = h.fixedExamples ?? 'exact';
  return {
    'hessian.topK': String(h.topK ?? 3),
    'hessian.robust': `L2: robustL2Loss (closed form, ball without pixel box); L∞: ${h.linfMaximizer ?? 'linf-box'}`,
    'hessian.fixedExamples': fixed === 'exact' ? 'exact maximiser at w*, held fixed' : `PGD ${fixed.steps} steps at w*, held fixed`,
    'hessian.dense': (h.dense ?? true) ? 'symmetricEigen (Householder + implicit QL)' : 'off',
    'hessian.lanczos': `block Lanczos on HVPs, seed ${h.lanczosSeed ?? 0}, tol ${h.lanczosTol ?? 1e-10}`,
    'hessian.directions': `${h.directions ?? 5} filter-normalised Gaussian directions, base seed ${h.directionSeed ?? 123}`,
    'landscape.mode': l.mode ?? 'filter',
    'landscape.grid': l.alphas !== undefined ? `${l.alphas.length} given α values` : `${l.points ?? 51} points on ${(l.mode ?? 'filter') === 'filter' ? '[−1, 1]' : '[0, 1]'}`,
    'landscape.directions': `${l.directions ?? 5} directions, base seed ${l.directionSeed ?? 123}`,
    'landscape.attack':
      attack.kind === 'exact'
        ? `exact maximiser re-solved at every α (L2: ${l.l2Maximizer ?? 'l2-ball'}; L∞: ${l.linfMaximizer ?? 'linf-box'})`
        : `PGD ${attack.steps} steps${attack.stepSize !== undefined ? ` × ${attack.stepSize}` : ' (paper step sizes)'} re-run at every α`,
    'landscape.noiseSeed': String(l.noiseSeed ?? 0),
    'loss': 'mean logistic loss over the training split; weight decay not included (it would add λ to every eigenvalue)',
  };
}
