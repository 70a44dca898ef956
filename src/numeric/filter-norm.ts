/**
 * Filter normalisation (Li et al. 2018; the paper's Eq. 6) for the linear model, where w ∈ ℝ^{1×d} is a single
 * filter, and the curvature of the loss along a filter-normalised direction.
 */
import { BadArgumentError, DimensionMismatchError } from './errors.ts';
import { checkVector, norm2 } from './_internals/linear.ts';

/** Options of `filterNormalize` and `filterNormalizedCurvature`. */
export interface FilterNormalizeOptions {
  /** The last entry of w and h is a bias (see `LinearModelOptions`); it is not part of the filter. */
  readonly bias?: boolean;
  /**
   * Direction for the bias slot: `zero` (loss-landscape `--xignore biasbn`, the default here) or `weight` (the
   * loss-landscape default without `--xignore`: the direction's bias equals the weight's bias).
   */
  readonly biasDirection?: 'zero' | 'weight';
  /** Added to ‖h‖ in the denominator; loss-landscape adds 1e-10. Default 0, i.e. Eq. (6) exactly. */
  readonly denominatorEpsilon?: number;
}

/**
 * Filter-normalised direction of Eq. (6): h ← h·‖w‖₂/‖h‖₂ over the filter (all non-bias entries), so that the
 * returned direction has the norm of w. Throws when ‖h‖ = 0 or ‖w‖ = 0 (no direction to scale).
 */
export function filterNormalize(h: Float64Array, w: Float64Array, options: FilterNormalizeOptions = {}): Float64Array {
  const fn = 'filterNormalize';
  if (h.length !== w.length) throw new DimensionMismatchError(fn, 'h', `the length of w (${w.length})`, `length ${h.length}`);
  checkVector(fn, 'w', w, w.length);
  checkVector(fn, 'h', h, w.length);
  const bias = options.bias === true;
  const d = w.length - (bias ? 1 : 0);
  if (d < 1) throw new BadArgumentError(fn, 'w', 'at least one non-bias weight', `length ${w.length}`);
  const eps = options.denominatorEpsilon ?? 0;
  if (!(eps >= 0)) throw new BadArgumentError(fn, 'options.denominatorEpsilon', '≥ 0', String(eps));
  const hn = norm2(h, d);
  const wn = norm2(w, d);
  if (hn + eps === 0) throw new BadArgumentError(fn, 'h', 'a nonzero direction', '‖h‖ = 0');
  if (wn === 0) throw new BadArgumentError(fn, 'w', 'nonzero (Eq. 6 scales h to ‖w‖)', '‖w‖ = 0');
  const out = new Float64Array(w.length);
  const c = wn / (hn + eps);
  for (let j = 0; j < d; j++) out[j] = h[j]! * c;
  if (bias) out[d] = options.biasDirection === 'weight' ? w[d]! : 0;
  return out;
}

/** What `filterNormalizedCurvature` returns. */
export interface FilterCurvature {
  /** hᵀ∇²L(w)h for the filter-normalised h: the second derivative of g(α) = L(w + αh) at α = 0 (Eq. 5). */
  readonly curvature: number;
  /** The filter-normalised direction h (‖h‖ = ‖w‖ over the filter). */
  readonly direction: Float64Array;
  /** ‖w‖₂ over the filter. */
  readonly weightNorm: number;
  /** The Rayleigh quotient hᵀHh / hᵀh (= curvature/‖w‖² without a bias): scale-free sharpness along h. */
  readonly rayleigh: number;
}

/**
 * Curvature along a filter-normalised direction (Eq. 6 then Eq. 5 at second order): normalises h to ‖h‖ = ‖w‖ and
 * returns hᵀ(∇²L)h computed with one Hessian-vector product `hvp(v) = ∇²L(w)v`.
 */
export function filterNormalizedCurvature(
  hvp: (v: Float64Array) => Float64Array,
  w: Float64Array,
  h: Float64Array,
  options: FilterNormalizeOptions = {},
): FilterCurvature {
  const direction = filterNormalize(h, w, options);
  const hv = hvp(direction);
  if (hv.length !== direction.length) {
    throw new DimensionMismatchError('filterNormalizedCurvature', 'hvp(h)', `length ${direction.length}`, `length ${hv.length}`);
  }
  let curvature = 0;
  let hh = 0;
  for (let j = 0; j < direction.length; j++) {
    curvature += direction[j]! * hv[j]!;
    hh += direction[j]! * direction[j]!;
  }
  const d = w.length - (options.bias === true ? 1 : 0);
  return { curvature, direction, weightNorm: norm2(w, d), rayleigh: curvature / hh };
}
