/**
 * Every MNIST2 measurement of the paper's §5.1 for a sweep's results, taken once by the experiment's provider: Fig. 3's
 * Hessian spectra (both Hessians, dense and Lanczos), the 1-D landscapes of Figs. 1, 2 and 5 for every cell, optional
 * 2-D landscapes, and the premises of the theory on the training split, with their settings. Every random draw
 * (directions, Lanczos start, noise) is seeded from the sweep's run seed (`--seed`).
 */
import type { Dataset } from '../../numeric/dataset.ts';
import { deriveSeed } from '../../rng.ts';
import { cellName, degenerateReason } from './degenerate.ts';
import { cellHessian, type HessianOptions } from './hessian.ts';
import { cellLandscape, cellLandscape2d, type LandscapeOptions } from './landscape.ts';
import type {
  CellHessian,
  Landscape1D,
  Landscape2D,
  Mnist2Measured,
  Mnist2Measurements,
} from './measurement-schemas.ts';
import { trainSplitPremises } from './premises.ts';
import type { Mnist2Cell, Mnist2Results } from './results.ts';

/** Options of `mnist2Measurements`; every seed left out is derived from the results' run seed (`measurementSeeds`). */
export interface Mnist2MeasurementOptions {
  readonly hessian?: HessianOptions;
  readonly landscape?: LandscapeOptions;
  /** Cells with Fig. 3 Hessians: `fig3` (default: standard and adversarial cells) or `all` (random cells too). */
  readonly hessianCells?: 'fig3' | 'all';
  /** Cells with a 2-D landscape, by key (default none): 2-D costs points² evaluations (625 at the default 25). */
  readonly contours?: readonly string[];
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
} {
  return {
    directionSeed: deriveSeed(runSeed, 'mnist2/directions'),
    lanczosSeed: deriveSeed(runSeed, 'mnist2/lanczos'),
    noiseSeed: deriveSeed(runSeed, 'mnist2/noise'),
    premiseNoiseSeed: deriveSeed(runSeed, 'mnist2/premise-noise'),
  };
}

/** `options` with every setting filled in: the defaults `cellHessian` and `cellLandscape` apply, seeds from `runSeed`. */
export function resolvedMeasurementOptions(
  runSeed: number,
  options: Mnist2MeasurementOptions = {},
): Required<Omit<Mnist2MeasurementOptions, 'onProgress'>> & { readonly hessian: Required<HessianOptions> } {
  const seeds = measurementSeeds(runSeed);
  const h = options.hessian ?? {};
  const l = options.landscape ?? {};
  return {
    hessian: {
      topK: h.topK ?? 3,
      linfMaximizer: h.linfMaximizer ?? 'linf-box',
      fixedExamples: h.fixedExamples ?? 'exact',
      lanczosSeed: h.lanczosSeed ?? seeds.lanczosSeed,
      lanczosTol: h.lanczosTol ?? 1e-10,
      dense: h.dense ?? true,
      directions: h.directions ?? 5,
      directionSeed: h.directionSeed ?? seeds.directionSeed,
      noiseSeed: h.noiseSeed ?? seeds.noiseSeed,
    },
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
    contours: options.contours ?? [],
    premiseNoiseSeed: options.premiseNoiseSeed ?? seeds.premiseNoiseSeed,
  };
}

function wantsHessian(cell: Mnist2Cell, which: 'fig3' | 'all'): boolean {
  return which === 'all' || cell.training !== 'random';
}

/**
 * Measures every cell of `results` on `dataset` (the training split the cells were trained on): Fig. 3 Hessian
 * spectra (dense + Lanczos, robust and fixed-example), 1-D landscapes g(α) over seeded filter-normalised directions
 * with the attack re-run at every α (Eq. 5), the requested 2-D landscapes, and the premises on the training split
 * (image norms; Eq. (15)'s noise moments at every L∞ random-noise ε); a cell trained to w = 0 is listed in
 * `degenerate` instead of measured.
 */
export function mnist2Measurements(
  results: Mnist2Results,
  dataset: Dataset,
  options: Mnist2MeasurementOptions = {},
): Mnist2Measurements {
  const o = resolvedMeasurementOptions(results.seed, options);
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
    if (wantsHessian(cell, o.hessianCells)) {
      options.onProgress?.(`hessian ${cell.norm} ${cell.training} ε=${cell.epsLabel}`);
      hessians.push(cellHessian(cell, dataset, o.hessian));
    }
    options.onProgress?.(`landscape ${cell.norm} ${cell.training} ε=${cell.epsLabel}`);
    landscapes.push(cellLandscape(cell, dataset, o.landscape));
    if (o.contours.includes(cell.key)) {
      options.onProgress?.(`2-D landscape ${cell.norm} ${cell.training} ε=${cell.epsLabel}`);
      contours.push(cellLandscape2d(cell, dataset, o.landscape));
    }
  }
  const noiseEps = [
    ...new Set(
      results.cells.filter((c) => c.norm === 'linf' && c.training === 'random' && c.eps > 0).map((c) => c.eps),
    ),
  ];
  options.onProgress?.('premises on the training split');
  const premises = trainSplitPremises(dataset, noiseEps, o.premiseNoiseSeed);
  return {
    settings: measurementSettings(o),
    hessians,
    landscapes,
    contours,
    premises,
    examples: dataset.n,
    degenerate,
  };
}

/** The sweep's results with every measurement taken on them: what the `mnist2` experiment provides. */
export function mnist2Measured(
  results: Mnist2Results,
  dataset: Dataset,
  options: Mnist2MeasurementOptions = {},
): Mnist2Measured {
  return { results, measurements: mnist2Measurements(results, dataset, options) };
}

/** The settings of a measurement run as printable strings. */
function measurementSettings(o: ReturnType<typeof resolvedMeasurementOptions>): Record<string, string> {
  const h = o.hessian;
  const l = o.landscape;
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
    loss: 'mean logistic loss over the training split; weight decay not included (it would add λ to every eigenvalue)',
  };
}
