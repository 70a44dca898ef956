/**
 * Figs. 1, 2 and 5: weight loss landscapes g(α) = max_η (1/N) Σ ℓ(x + η, y, w* + αh) of one MNIST2 cell along seeded
 * random directions h (the paper's Eq. 5 with the maximum inside, the attack re-run at every α; Eq. 6 filter
 * normalisation), their spread over directions, two sharpness measures, and a 2-D mode for contour plots.
 */
import { ClaimcheckError } from '../../errors.ts';
import type { Dataset } from '../../numeric/dataset.ts';
import { landscapeDirections } from './directions.ts';
import { spread } from './hessian.ts';
import { cellWeights, landscapeObjective, type ObjectiveOptions, shifted } from './landscape-objective.ts';
import {
  cellRef,
  type DirectionLandscape,
  type DirectionMode,
  type Landscape1D,
  type Landscape2D,
} from './measurement-schemas.ts';
import type { Mnist2Cell } from './results.ts';

/** Options of `cellLandscape` and `cellLandscape2d` (plus how g is evaluated, see `ObjectiveOptions`). */
export interface LandscapeOptions extends ObjectiveOptions {
  /** `filter` (default): α ∈ [−1, 1], filter-normalised Gaussian h. `random_line`: α ∈ [0, 1], loss-landscapes' U[0, 1) h. */
  readonly mode?: DirectionMode;
  /** Grid points along α (default 51, loss-landscape's `--x=-1:1:51`); ignored when `alphas` is given. */
  readonly points?: number;
  /** Explicit α grid (must contain 0 for `filter`). */
  readonly alphas?: readonly number[];
  /** Number of directions (default 5) and their base seed (default 123, loss-landscape's). */
  readonly directions?: number;
  readonly directionSeed?: number;
}

/** `points` evenly spaced values from lo to hi inclusive, each rounded to 12 decimals so 0 is exactly 0. */
export function linspace(lo: number, hi: number, points: number): number[] {
  if (!Number.isInteger(points) || points < 2)
    throw new ClaimcheckError('BAD_INPUT', `linspace: points must be an integer ≥ 2, got ${points}`);
  return Array.from({ length: points }, (_, i) => {
    const v = Number((lo + ((hi - lo) * i) / (points - 1)).toFixed(12));
    return v === 0 ? 0 : v;
  });
}

function grid(options: LandscapeOptions, mode: DirectionMode): number[] {
  if (options.alphas !== undefined) {
    const a = [...options.alphas];
    if (a.length < 2 || a.some((v, i) => !Number.isFinite(v) || (i > 0 && !(v > a[i - 1]!)))) {
      throw new ClaimcheckError(
        'BAD_INPUT',
        `cellLandscape: alphas must be at least 2 finite, strictly increasing values`,
      );
    }
    return a;
  }
  const points = options.points ?? 51;
  return mode === 'filter' ? linspace(-1, 1, points) : linspace(0, 1, points);
}

/**
 * The 1-D landscape of one cell (Eq. 5, max inside: the inner maximiser re-solved at every α): g(α) on the α grid
 * along `directions` seeded directions, its pointwise mean/min/max, and per direction the curvature hᵀ∇²g h at
 * α = 0 and the rise of g from α = 0 to the grid's ends.
 */
export function cellLandscape(cell: Mnist2Cell, ds: Dataset, options: LandscapeOptions = {}): Landscape1D {
  const t0 = performance.now();
  const mode = options.mode ?? 'filter';
  const alphas = grid(options, mode);
  const w = cellWeights(cell, ds);
  const objective = landscapeObjective(cell, ds, options);
  const directionSeed = options.directionSeed ?? 123;
  const dirs = landscapeDirections(w, { mode, count: options.directions ?? 5, seed: directionSeed, bias: cell.bias });
  const center = objective.value(w);
  let curvatureMethod = '';
  const directions: DirectionLandscape[] = dirs.map(({ seed, h }) => {
    const line = objective.along(w, h);
    const values = alphas.map((a) => (a === 0 ? center : line(a)));
    const c = objective.curvature(w, h);
    curvatureMethod = c.method;
    const ends = mode === 'filter' ? (values[0]! + values[values.length - 1]!) / 2 : values[values.length - 1]!;
    return { seed, values, curvature: c.value, rise: ends - center };
  });
  const at = (i: number): number[] => directions.map((d) => d.values[i]!);
  return {
    ...cellRef(cell),
    mode,
    objective: objective.description,
    attack: objective.attack,
    curvatureMethod,
    directionSeed,
    alphas,
    center,
    directions,
    mean: alphas.map((_, i) => at(i).reduce((a, b) => a + b, 0) / directions.length),
    min: alphas.map((_, i) => Math.min(...at(i))),
    max: alphas.map((_, i) => Math.max(...at(i))),
    rise: spread(directions.map((d) => d.rise)),
    curvature: spread(directions.map((d) => d.curvature)),
    timingMs: performance.now() - t0,
  };
}

/**
 * The 2-D landscape of one cell (Eq. 5 with two filter-normalised directions, the inner maximiser re-solved at every
 * grid point): g(w* + αh₁ + βh₂) for α, β on `points` values in [−1, 1] (default 25), for contour plots.
 */
export function cellLandscape2d(cell: Mnist2Cell, ds: Dataset, options: LandscapeOptions = {}): Landscape2D {
  const t0 = performance.now();
  const axis = options.alphas !== undefined ? grid(options, 'filter') : linspace(-1, 1, options.points ?? 25);
  const w = cellWeights(cell, ds);
  const objective = landscapeObjective(cell, ds, options);
  const [d1, d2] = landscapeDirections(w, {
    mode: 'filter',
    count: 2,
    seed: options.directionSeed ?? 123,
    bias: cell.bias,
  }) as [{ seed: number; h: Float64Array }, { seed: number; h: Float64Array }];
  const z = axis.map((b) =>
    axis.map((a) =>
      objective.value(
        shifted(w, [
          [a, d1.h],
          [b, d2.h],
        ]),
      ),
    ),
  );
  return {
    ...cellRef(cell),
    objective: objective.description,
    attack: objective.attack,
    seeds: [d1.seed, d2.seed],
    alphas: axis,
    betas: axis,
    z,
    center: objective.value(w),
    timingMs: performance.now() - t0,
  };
}
