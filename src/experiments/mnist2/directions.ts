/**
 * Seeded random directions for loss landscapes and directional curvature: filter-normalised Gaussian directions
 * (the paper's Eq. 6; tomgoldstein/loss-landscape `--xnorm filter --xignore biasbn`) and the one-sided `random_line`
 * directions of marcellodebernardi/loss-landscapes.
 */
import { deriveSeed, makeRng } from '../../rng.ts';
import { ClaimcheckError } from '../../errors.ts';
import { filterNormalise } from '../../numeric/filter-norm.ts';
import type { DirectionMode } from './measurement-schemas.ts';
import { MAX_SEED } from '../../settings.ts';

/** One direction and the seed it was drawn from. */
export interface LandscapeDirection {
  readonly seed: number;
  readonly h: Float64Array;
}

/** Options of `landscapeDirections`. */
export interface DirectionOptions {
  readonly mode: DirectionMode;
  readonly count: number;
  /** Base seed; direction i is drawn from `makeRng(deriveSeed(seed, 'direction-' + i))`. */
  readonly seed: number;
  /** w ends with a bias entry. */
  readonly bias: boolean;
}

/**
 * `count` seeded directions around w (length d, or d + 1 with the bias last): filter-normalised Gaussian directions
 * of Eq. (6) with ‖h‖ = ‖w‖ over the weights and h_b = 0, or loss-landscapes' `random_line` directions. The same seed
 * gives the same directions up to the scale ‖w‖, so cells of a sweep are probed along the same Gaussian draws.
 */
export function landscapeDirections(w: Float64Array, options: DirectionOptions): LandscapeDirection[] {
  const fn = 'landscapeDirections';
  if (!Number.isInteger(options.count) || options.count < 1) {
    throw new ClaimcheckError('BAD_INPUT', `${fn}: count must be a positive integer, got ${options.count}`);
  }
  if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > MAX_SEED) {
    throw new ClaimcheckError('BAD_INPUT', `${fn}: seed must be an integer in [0, 2^32), got ${options.seed}`);
  }
  const dim = w.length;
  const out: LandscapeDirection[] = [];
  for (let i = 0; i < options.count; i++) {
    const seed = deriveSeed(options.seed, `direction-${i}`);
    const rng = makeRng(seed);
    const g = new Float64Array(dim);
    if (options.mode === 'filter') {
      for (let j = 0; j < dim; j++) g[j] = rng.normal();
      out.push({ seed, h: filterNormalise(g, w, { bias: options.bias, biasDirection: 'zero' }) });
    } else {
      for (let j = 0; j < dim; j++) g[j] = rng.next();
      // loss-landscapes' arithmetic: plain √Σx² norms, ε = 1e-10, the bias as a filter of its own, no checks.
      const h = filterNormalise(g, w, {
        bias: options.bias,
        biasDirection: 'rescaled',
        denominatorEpsilon: 1e-10,
        sum: 'plain',
        strict: false,
      });
      out.push({ seed, h });
    }
  }
  return out;
}
