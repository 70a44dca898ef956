/**
 * The tolerance table of the numeric core, in one place: keyed by dtype and derivative order, as JAX's
 * `check_grads` and tfjs's `TEST_EPSILON_FLOAT32` do. A claim may override an entry in its own record.
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
