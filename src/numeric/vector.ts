/**
 * Vector helpers in Float64, the one home for them in the project: dot products, the L1, L2 and L∞ norms, the norm
 * of a constraint ball (`BallNorm`, the project's one name for 'l2' | 'linf') and a + s·b. Every sum runs left to
 * right over the indices (no unrolling, no compensation), so a caller gets the same bits as the loop it replaces.
 * `norm2Scaled` is the one variant: the L2 norm rescaled by the largest entry, which cannot overflow or underflow.
 */
import { DimensionMismatchError } from './errors.ts';

/** The norm of a constraint ball (an attack's, a noise distribution's, an ε-grid's): L2 or L∞. */
export type BallNorm = 'l2' | 'linf';

function sameLength(fn: string, a: ArrayLike<number>, b: ArrayLike<number>): void {
  if (a.length !== b.length)
    throw new DimensionMismatchError(fn, 'a and b', 'the same length', `${a.length} and ${b.length}`);
}

/** a·b = Σᵢ aᵢbᵢ, summed left to right. Throws `DIMENSION_MISMATCH` unless a and b have the same length. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  sameLength('dot', a, b);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** ‖v‖₂ of the first `len` entries (default all): √(Σᵢ vᵢ²), summed left to right (√(v·v) exactly). */
export function norm2(v: ArrayLike<number>, len: number = v.length): number {
  let s = 0;
  for (let i = 0; i < len; i++) s += v[i]! * v[i]!;
  return Math.sqrt(s);
}

/**
 * ‖v‖₂ of the first `len` entries (default all), rescaled by the largest magnitude m: m·√(Σᵢ (vᵢ/m)²), so entries
 * near the Float64 range do not overflow or underflow when squared. Not bit-equal to `norm2` (it divides first); 0 for
 * a zero vector, and m itself when m is not finite (∞, or NaN when an entry is NaN).
 */
export function norm2Scaled(v: ArrayLike<number>, len: number = v.length): number {
  let scale = 0;
  for (let i = 0; i < len; i++) scale = Math.max(scale, Math.abs(v[i]!));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let s = 0;
  for (let i = 0; i < len; i++) {
    const t = v[i]! / scale;
    s += t * t;
  }
  return scale * Math.sqrt(s);
}

/** ‖v‖₁ = Σᵢ |vᵢ|, summed left to right. */
export function norm1(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += Math.abs(v[i]!);
  return s;
}

/** ‖v‖∞ = maxᵢ |vᵢ| (0 for an empty vector). */
export function normInf(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s = Math.max(s, Math.abs(v[i]!));
  return s;
}

/** ‖v‖ in the norm of a constraint ball: `norm2` for L2, `normInf` for L∞. */
export function ballNorm(v: ArrayLike<number>, norm: BallNorm): number {
  return norm === 'l2' ? norm2(v) : normInf(v);
}

/** a + s·b as a new Float64Array. Throws `DIMENSION_MISMATCH` unless a and b have the same length. */
export function axpy(a: ArrayLike<number>, s: number, b: ArrayLike<number>): Float64Array {
  sameLength('axpy', a, b);
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! + s * b[i]!;
  return out;
}
