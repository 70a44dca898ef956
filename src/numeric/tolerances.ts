/**
 * The tolerance table of the numeric core, in one place: keyed by dtype and derivative order, as JAX's
 * `check_grads` and tfjs's `TEST_EPSILON_FLOAT32` do, plus the rows of the stochastic spectral estimators (SLQ,
 * Hutchinson) against the exact dense answer. A claim may override an entry in its own record.
 *
 * Two quantities a, b agree when ‖a − b‖₂ ≤ atol + rtol·‖b‖₂ (b is the reference).
 */

/** Floating-point type of the computation being checked. */
export type Dtype = 'float32' | 'float64';

/** Derivative order: 0 value, 1 gradient, 2 Hessian or Hessian-vector product. */
export type DerivativeOrder = 0 | 1 | 2;

/** A relative and an absolute tolerance. */
export interface Tolerance {
  readonly rtol: number;
  readonly atol: number;
}

/**
 * The table. float64 entries bound disagreement between two exact Float64 formulas (rounding only); float32 entries
 * bound a tfjs (float32) result against the Float64 closed form, including nested-`tf.grad` Hessian-vector products
 * and the central finite-difference HVP with h = 1e-3 (measured: relative error ≈ 3e-5 on a well-conditioned
 * problem, up to ≈ 1e-3 at trained weights where gradients are small).
 */
export const TOLERANCES: Readonly<Record<Dtype, Readonly<Record<DerivativeOrder, Tolerance>>>> = {
  float64: {
    0: { rtol: 1e-12, atol: 1e-14 },
    1: { rtol: 1e-10, atol: 1e-13 },
    2: { rtol: 1e-8, atol: 1e-12 },
  },
  float32: {
    0: { rtol: 1e-5, atol: 1e-6 },
    1: { rtol: 2e-4, atol: 1e-6 },
    2: { rtol: 1e-2, atol: 1e-5 },
  },
};

/**
 * The estimator rows of the table: how close the stochastic spectral estimators of `src/eigen` must come to the exact
 * dense answer. A quadrature rule is deterministic (rounding only). An SLQ density's distances are Monte Carlo errors
 * of its p probes on an n×n operator, so they are bounds times 1/√(n·p), for σ = 1 % of λmax − λmin and ≥ 20
 * Lanczos steps: on 50 seeded runs with a known 200×200 spectrum (bulk and outliers, 10 and 20 probes) the largest
 * were 1.47/√(np) (Kolmogorov) and 0.30/√(np) (Wasserstein-1); on MNIST2 Hessians (d = 784–785, 300 images,
 * 20 probes) 0.2/√(np) and 0.04/√(np). A trace estimate is held to a number of its own standard errors.
 */
export const ESTIMATOR_TOLERANCES = {
  /** A Gauss rule of m Lanczos steps reproduces vᵀAᵏv/vᵀv for k ≤ 2m − 1: error ≤ rtol·‖A‖₂ᵏ. */
  quadratureRtol: 1e-9,
  slq: {
    /** sup |F_SLQ − F_exact| of the distributions broadened by the density's σ, times √(n·probes). */
    kolmogorov: 2.5,
    /** Wasserstein-1 distance between the SLQ measure and the exact spectrum over λmax − λmin, times √(n·probes). */
    wasserstein1: 0.5,
    /** |λmax(SLQ) − λmax| / |λmax|: the top Ritz value of a converged probe. */
    lambdaMax: 1e-9,
  },
  /** A trace estimate (Hutchinson, SLQ) within this many of its standard errors of the exact trace. */
  traceSigmas: 4,
} as const;

/** The SLQ distance tolerances for p probes on an n×n operator (the table's bounds over √(n·p)). */
export function slqTolerance(
  n: number,
  probes: number,
): { kolmogorov: number; wasserstein1: number; lambdaMax: number } {
  const scale = 1 / Math.sqrt(n * probes);
  const t = ESTIMATOR_TOLERANCES.slq;
  return { kolmogorov: t.kolmogorov * scale, wasserstein1: t.wasserstein1 * scale, lambdaMax: t.lambdaMax };
}

/** The tolerance for comparing a `dtype` result of derivative order `order` against a Float64 reference. */
export function tolerance(dtype: Dtype, order: DerivativeOrder): Tolerance {
  const row = TOLERANCES[dtype];
  if (row === undefined) throw new RangeError(`tolerance: dtype must be 'float32' or 'float64', got ${String(dtype)}`);
  const t = row[order];
  if (t === undefined) throw new RangeError(`tolerance: order must be 0, 1 or 2, got ${String(order)}`);
  return t;
}

/** ‖a − b‖₂ / max(‖b‖₂, tiny): the relative error of `a` against the reference `b` (scalars or vectors). */
export function relativeError(a: ArrayLike<number> | number, b: ArrayLike<number> | number): number {
  const av = typeof a === 'number' ? [a] : a;
  const bv = typeof b === 'number' ? [b] : b;
  if (av.length !== bv.length) throw new RangeError(`relativeError: lengths differ, got ${av.length} and ${bv.length}`);
  let num = 0;
  let den = 0;
  for (let i = 0; i < av.length; i++) {
    const diff = av[i]! - bv[i]!;
    num += diff * diff;
    den += bv[i]! * bv[i]!;
  }
  return Math.sqrt(num) / Math.max(Math.sqrt(den), Number.MIN_VALUE);
}

/** Whether ‖a − b‖₂ ≤ atol + rtol·‖b‖₂ (b the reference), with the measured error for reports. */
export function withinTolerance(
  a: ArrayLike<number> | number,
  b: ArrayLike<number> | number,
  tol: Tolerance,
): { ok: boolean; absError: number; relError: number; bound: number } {
  const av = typeof a === 'number' ? [a] : a;
  const bv = typeof b === 'number' ? [b] : b;
  if (av.length !== bv.length)
    throw new RangeError(`withinTolerance: lengths differ, got ${av.length} and ${bv.length}`);
  let num = 0;
  let den = 0;
  for (let i = 0; i < av.length; i++) {
    const diff = av[i]! - bv[i]!;
    num += diff * diff;
    den += bv[i]! * bv[i]!;
  }
  const absError = Math.sqrt(num);
  const bound = tol.atol + tol.rtol * Math.sqrt(den);
  return {
    ok: absError <= bound && Number.isFinite(absError),
    absError,
    relError: absError / Math.max(Math.sqrt(den), Number.MIN_VALUE),
    bound,
  };
}
