/**
 * Filter normalisation (Li et al. 2018; the paper's Eq. 6), the one implementation in the project: a direction h is
 * rescaled filter by filter to the norms of the weights' filters, h_f ← h_f·‖w_f‖₂/(‖h_f‖₂ + ε). For the linear model
 * w ∈ ℝ^{1×d} is a single filter (MNIST2's directions); a conv or dense kernel of a network has one filter per output
 * unit (ResNet18's landscapes). Also the curvature of the loss along a filter-normalised direction.
 */
import { BadArgumentError, DimensionMismatchError } from './errors.ts';
import { checkVector } from './_internals/linear.ts';
import { dot, norm2, norm2Scaled } from './vector.ts';

/** Options of `filterNormalise`, `filterNorms` and `filterNormalisedCurvature`. */
export interface FilterNormaliseOptions {
  /** The last entry of w and h is a bias (see `LinearModelOptions`); it is not part of any filter. */
  readonly bias?: boolean;
  /**
   * Direction for the bias slot: `zero` (loss-landscape `--xignore biasbn`, the default here), `weight` (the
   * loss-landscape default without `--xignore`: the direction's bias equals the weight's bias), or `rescaled` (the
   * bias as a filter of its own, h_b·|w_b|/(|h_b| + ε), as loss-landscapes' `random_line` does).
   */
  readonly biasDirection?: 'zero' | 'weight' | 'rescaled';
  /** ε, added to ‖h_f‖ in the denominator; loss-landscape adds 1e-10. Default 0, i.e. Eq. (6) exactly. */
  readonly denominatorEpsilon?: number;
  /**
   * Number of filters, interleaved along the last axis as TF.js lays out conv and dense kernels: entry i (bias
   * excluded) belongs to filter i mod `filters`. Default 1: every non-bias entry is one filter.
   */
  readonly filters?: number;
  /**
   * How each ‖·‖₂ is summed: `scaled` (the default; `norm2Scaled`, which cannot overflow or underflow; one filter
   * only) or `plain` (√Σx², as loss-landscape computes it; with several filters their sums run side by side in one
   * pass over the entries).
   */
  readonly sum?: 'scaled' | 'plain';
  /**
   * `true` (the default): h and w must be finite Float64Arrays, and a zero ‖h_f‖ + ε or a zero filter of w throws (Eq. 6
   * has no direction to scale). `false`: h and w may be Float32Arrays and nothing is checked beyond their lengths;
   * the arithmetic runs as loss-landscape's does (a zero filter of w gives a zero slice of h, NaN propagates).
   */
  readonly strict?: boolean;
}

function layout(
  fn: string,
  length: number,
  options: FilterNormaliseOptions,
): { d: number; filters: number; sum: 'scaled' | 'plain' } {
  const d = length - (options.bias === true ? 1 : 0);
  const filters = options.filters ?? 1;
  const sum = options.sum ?? 'scaled';
  if (!Number.isInteger(filters) || filters < 1)
    throw new BadArgumentError(fn, 'options.filters', 'a positive integer', String(filters));
  if (sum !== 'scaled' && sum !== 'plain')
    throw new BadArgumentError(fn, 'options.sum', "'scaled' or 'plain'", String(sum));
  if (sum === 'scaled' && filters !== 1)
    throw new BadArgumentError(fn, 'options.sum', "'plain' with several filters", `'scaled' with ${filters} filters`);
  if (d < filters)
    throw new BadArgumentError(
      fn,
      'w',
      filters === 1 ? 'at least one non-bias weight' : `at least ${filters} non-bias weights (one per filter)`,
      `length ${length}`,
    );
  if (d % filters !== 0)
    throw new BadArgumentError(
      fn,
      'w',
      `a non-bias length divisible by the ${filters} filters`,
      `${d} non-bias entries`,
    );
  return { d, filters, sum };
}

function norms(v: ArrayLike<number>, d: number, filters: number, sum: 'scaled' | 'plain'): Float64Array {
  if (filters === 1) return Float64Array.of(sum === 'scaled' ? norm2Scaled(v, d) : norm2(v, d));
  const out = new Float64Array(filters);
  for (let i = 0; i < d; i++) {
    const f = i % filters;
    out[f]! += v[i]! * v[i]!;
  }
  for (let f = 0; f < filters; f++) out[f] = Math.sqrt(out[f]!);
  return out;
}

/**
 * ‖v_f‖₂ of every filter f of v (the bias entry excluded), summed as `options.sum` says; see `FilterNormaliseOptions`
 * for the layout.
 */
export function filterNorms(v: ArrayLike<number>, options: FilterNormaliseOptions = {}): Float64Array {
  const { d, filters, sum } = layout('filterNorms', v.length, options);
  return norms(v, d, filters, sum);
}

/**
 * Filter-normalised direction of Eq. (6): h_f ← h_f·‖w_f‖₂/(‖h_f‖₂ + ε) for every filter f (all non-bias entries
 * when there is one filter), so that each filter of the returned direction has the norm of w's filter; the bias slot
 * as `biasDirection` says. Strict (the default): throws when some ‖h_f‖ + ε = 0 or ‖w_f‖ = 0 (no direction to scale).
 */
export function filterNormalise(
  h: Float64Array | Float32Array,
  w: Float64Array | Float32Array,
  options: FilterNormaliseOptions = {},
): Float64Array {
  const fn = 'filterNormalise';
  if (h.length !== w.length)
    throw new DimensionMismatchError(fn, 'h', `the length of w (${w.length})`, `length ${h.length}`);
  const strict = options.strict ?? true;
  if (strict) {
    checkVector(fn, 'w', w as Float64Array, w.length);
    checkVector(fn, 'h', h as Float64Array, w.length);
  }
  const { d, filters, sum } = layout(fn, w.length, options);
  const eps = options.denominatorEpsilon ?? 0;
  if (!(eps >= 0)) throw new BadArgumentError(fn, 'options.denominatorEpsilon', '≥ 0', String(eps));
  const hn = norms(h, d, filters, sum);
  const wn = norms(w, d, filters, sum);
  const scale = new Float64Array(filters);
  for (let f = 0; f < filters; f++) {
    if (strict && hn[f]! + eps === 0)
      throw new BadArgumentError(fn, 'h', 'a nonzero direction', filters === 1 ? '‖h‖ = 0' : `‖h‖ = 0 on filter ${f}`);
    if (strict && wn[f] === 0)
      throw new BadArgumentError(
        fn,
        'w',
        'nonzero (Eq. 6 scales h to ‖w‖)',
        filters === 1 ? '‖w‖ = 0' : `‖w‖ = 0 on filter ${f}`,
      );
    scale[f] = wn[f]! / (hn[f]! + eps);
  }
  const out = new Float64Array(w.length);
  if (filters === 1) {
    const c = scale[0]!;
    for (let j = 0; j < d; j++) out[j] = h[j]! * c;
  } else {
    for (let j = 0; j < d; j++) out[j] = h[j]! * scale[j % filters]!;
  }
  if (options.bias === true) {
    const direction = options.biasDirection ?? 'zero';
    if (direction === 'weight') out[d] = w[d]!;
    else if (direction === 'rescaled') out[d] = (h[d]! * Math.abs(w[d]!)) / (Math.abs(h[d]!) + eps);
    else if (direction !== 'zero')
      throw new BadArgumentError(fn, 'options.biasDirection', "'zero', 'weight' or 'rescaled'", String(direction));
  }
  return out;
}

/** What `filterNormalisedCurvature` returns. */
export interface FilterCurvature {
  /** hᵀ∇²L(w)h for the filter-normalised h: the second derivative of g(α) = L(w + αh) at α = 0 (Eq. 5). */
  readonly curvature: number;
  /** The filter-normalised direction h (‖h‖ = ‖w‖ over the filter). */
  readonly direction: Float64Array;
  /** ‖w‖₂ over the non-bias entries (all filters). */
  readonly weightNorm: number;
  /** The Rayleigh quotient hᵀHh / hᵀh (= curvature/‖w‖² without a bias): scale-free sharpness along h. */
  readonly rayleigh: number;
}

/**
 * Curvature along a filter-normalised direction (Eq. 6 then Eq. 5 at second order): normalises h to ‖h‖ = ‖w‖ and
 * returns hᵀ(∇²L)h computed with one Hessian-vector product `hvp(v) = ∇²L(w)v`.
 */
export function filterNormalisedCurvature(
  hvp: (v: Float64Array) => Float64Array,
  w: Float64Array,
  h: Float64Array,
  options: FilterNormaliseOptions = {},
): FilterCurvature {
  const direction = filterNormalise(h, w, options);
  const hv = hvp(direction);
  if (hv.length !== direction.length) {
    throw new DimensionMismatchError(
      'filterNormalisedCurvature',
      'hvp(h)',
      `length ${direction.length}`,
      `length ${hv.length}`,
    );
  }
  const curvature = dot(direction, hv);
  const hh = dot(direction, direction);
  const { d, sum } = layout('filterNormalisedCurvature', w.length, options);
  return {
    curvature,
    direction,
    weightNorm: sum === 'scaled' ? norm2Scaled(w, d) : norm2(w, d),
    rayleigh: curvature / hh,
  };
}
