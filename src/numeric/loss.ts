/**
 * The shape every closed-form loss of the numeric core returns: value, gradient, Hessian and Hessian-vector product
 * of a twice-differentiable L: ℝ^dim → ℝ, all in Float64.
 */

/** A twice-differentiable loss with closed-form derivatives (Float64). */
export interface Loss {
  /** What this is, for reports, e.g. `robust-l2(eps=0.1)`. */
  readonly name: string;
  /** Number of parameters (d, or d + 1 with a bias). */
  readonly dim: number;
  /** L(w). */
  value(w: Float64Array): number;
  /** ∇L(w), length dim. */
  grad(w: Float64Array): Float64Array;
  /** L(w) and ∇L(w) in one pass over the data. */
  valueAndGrad(w: Float64Array): { value: number; grad: Float64Array };
  /** ∇²L(w), dim×dim row-major, exactly symmetric. */
  hessian(w: Float64Array): Float64Array;
  /** ∇²L(w)·v without forming ∇²L. */
  hvp(w: Float64Array, v: Float64Array): Float64Array;
  /**
   * L on the line through w along h: t ↦ L(w + t·h), for evaluating many t (landscapes). Building it passes over the
   * data once or twice (the margins of w and of h); each t then costs O(N) (plus O(nnz) for the box-clipped L∞
   * loss) instead of O(N·d). Equal to value(w + t·h) in real arithmetic; in Float64 the margin is formed as
   * (w·x) + t(h·x) rather than (w + th)·x, so the two agree to rounding (last bits), not bit for bit.
   */
  along(w: Float64Array, h: Float64Array): (t: number) => number;
}
