/**
 * Extreme eigenvalues of a symmetric operator known only through matrix-vector products (e.g. Hessian-vector
 * products), by block Lanczos with full reorthogonalisation and Rayleigh–Ritz.
 */
import type { Rng } from '../rng.ts';
import { BadArgumentError, DimensionMismatchError } from '../numeric/errors.ts';
import { dot, norm2 } from '../numeric/vector.ts';
import { denseEigenInPlace } from './_internals/dense.ts';
import type { EigenResult, MatVec } from './types.ts';

/** Options of `lanczos`. */
export interface LanczosOptions {
  /** How many eigenvalues. Default 1. */
  readonly k?: number;
  /** Source of the random start block (seeded: same seed, same result). */
  readonly rng: Rng;
  /** `largest` (algebraically, the default) or `smallest`. */
  readonly which?: 'largest' | 'smallest';
  /**
   * Vectors per Krylov block. A block of b random vectors finds min(b, multiplicity) copies of a repeated
   * eigenvalue, so the default b = k returns a top eigenvalue of multiplicity ≥ k as k equal values. Default k.
   */
  readonly blockSize?: number;
  /** Cap on the Krylov basis size. Default min(n, max(300, 20·k)). */
  readonly maxDimension?: number;
  /** Converged when every wanted Ritz pair has ‖Ay − θy‖₂ ≤ tol·max|θ|. Default 1e-8. */
  readonly tol?: number;
  /** Also return the Ritz vectors. Default false. */
  readonly vectors?: boolean;
}

/** `EigenResult` plus the number of matrix-vector products used. */
export interface LanczosResult extends EigenResult {
  readonly matvecs: number;
}

/** Orthogonalises v against every vector of `basis` (two passes of classical Gram–Schmidt: "twice is enough"). */
function orthogonalize(v: Float64Array, basis: readonly Float64Array[]): void {
  for (let pass = 0; pass < 2; pass++) {
    for (const q of basis) {
      const c = dot(q, v);
      if (c === 0) continue;
      for (let i = 0; i < v.length; i++) v[i]! -= c * q[i]!;
    }
  }
}

/**
 * The k largest (or smallest) eigenvalues of the symmetric operator `matvec` on ℝⁿ by block Lanczos with full
 * reorthogonalisation: the Krylov basis Q is kept orthonormal against all previous vectors (twice), T = QᵀAQ is
 * formed from the stored products AQ, and Rayleigh–Ritz on T gives Ritz pairs whose residuals ‖Ay − θy‖ are
 * computed exactly from AQ (not from the recurrence). An invariant subspace (breakdown) is continued with a fresh
 * random vector orthogonal to Q, so exact multiplicities are found. `residual` is the largest Ritz residual of
 * the returned pairs.
 */
export function lanczos(matvec: MatVec, n: number, options: LanczosOptions): LanczosResult {
  const fn = 'lanczos';
  if (!Number.isInteger(n) || n < 1) throw new BadArgumentError(fn, 'n', 'a positive integer', String(n));
  const k = options.k ?? 1;
  if (!Number.isInteger(k) || k < 1 || k > n)
    throw new BadArgumentError(fn, 'options.k', `an integer in [1, n = ${n}]`, String(k));
  const which = options.which ?? 'largest';
  if (which !== 'largest' && which !== 'smallest')
    throw new BadArgumentError(fn, 'options.which', "'largest' or 'smallest'", String(which));
  const b0 = options.blockSize ?? k;
  if (!Number.isInteger(b0) || b0 < 1)
    throw new BadArgumentError(fn, 'options.blockSize', 'a positive integer', String(b0));
  const maxDim = Math.min(n, options.maxDimension ?? Math.max(300, 20 * k));
  if (!Number.isInteger(maxDim) || maxDim < k)
    throw new BadArgumentError(fn, 'options.maxDimension', `an integer ≥ k = ${k}`, String(options.maxDimension));
  const tol = options.tol ?? 1e-8;
  if (!(tol > 0)) throw new BadArgumentError(fn, 'options.tol', '> 0', String(tol));
  const rng = options.rng;

  const Q: Float64Array[] = [];
  const AQ: Float64Array[] = [];
  // T = QᵀAQ, stored with stride maxDim.
  const T = new Float64Array(maxDim * maxDim);
  let matvecs = 0;
  let blocks = 0;

  const randomOrthogonal = (): Float64Array | null => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const v = new Float64Array(n);
      for (let i = 0; i < n; i++) v[i] = rng.normal();
      orthogonalize(v, Q);
      const nv = norm2(v);
      if (nv > 1e-8) {
        for (let i = 0; i < n; i++) v[i]! /= nv;
        return v;
      }
    }
    return null;
  };

  /** Orthonormalises candidate vectors against Q and each other; rank-deficient ones become random directions. */
  const nextBlock = (candidates: Float64Array[], size: number): Float64Array[] => {
    const block: Float64Array[] = [];
    for (const c of candidates) {
      if (block.length >= size || Q.length + block.length >= n) break;
      const before = norm2(c);
      orthogonalize(c, Q);
      orthogonalize(c, block);
      const after = norm2(c);
      if (before > 0 && after > 1e-10 * before) {
        for (let i = 0; i < n; i++) c[i]! /= after;
        block.push(c);
      }
    }
    while (block.length < size && Q.length + block.length < n) {
      const saved = Q.length;
      Q.push(...block);
      const v = randomOrthogonal();
      Q.length = saved;
      if (v === null) break;
      block.push(v);
    }
    return block;
  };

  let block = nextBlock([], Math.min(b0, n));
  let lastCheck = 0;
  let best: { values: Float64Array; S: Float64Array; idx: number[]; m: number; resid: number[] } | null = null;
  let converged = false;

  while (block.length > 0) {
    blocks++;
    for (const q of block) {
      const aq = matvec(q);
      matvecs++;
      if (aq.length !== n) throw new DimensionMismatchError(fn, 'matvec(v)', `length ${n}`, `length ${aq.length}`);
      const j = Q.length;
      Q.push(q);
      AQ.push(aq);
      for (let i = 0; i <= j; i++) {
        const t = dot(Q[i]!, aq);
        T[i * maxDim + j] = t;
        T[j * maxDim + i] = t;
      }
    }
    const m = Q.length;
    const full = m >= maxDim || m >= n;
    if (m >= k && (full || m - lastCheck >= Math.max(b0, Math.ceil(0.1 * m)) || lastCheck === 0)) {
      lastCheck = m;
      // Rayleigh–Ritz on the symmetric part of T.
      const Tm = new Float64Array(m * m);
      for (let i = 0; i < m; i++) {
        for (let j = 0; j <= i; j++) Tm[i * m + j] = 0.5 * (T[i * maxDim + j]! + T[j * maxDim + i]!);
      }
      const { d, z } = denseEigenInPlace(Tm, m, true);
      const order = Array.from({ length: m }, (_, i) => i).sort((a, c) =>
        which === 'largest' ? d[c]! - d[a]! : d[a]! - d[c]!,
      );
      const idx = order.slice(0, k);
      let scale = 0;
      for (let i = 0; i < m; i++) scale = Math.max(scale, Math.abs(d[i]!));
      const resid = idx.map((col) => ritzResidual(Q, AQ, z!, m, col, d[col]!, n));
      best = { values: Float64Array.from(idx, (c) => d[c]!), S: z!, idx, m, resid };
      converged = resid.every((r) => r <= tol * Math.max(scale, Number.MIN_VALUE));
      if (converged || full) break;
    }
    if (m >= maxDim || m >= n) break;
    // Next block: the last block's products, orthogonalised against the whole basis.
    const size = Math.min(b0, maxDim - m, n - m);
    block = nextBlock(
      AQ.slice(m - block.length).map((v) => Float64Array.from(v)),
      size,
    );
  }
  if (best === null) {
    throw new BadArgumentError(fn, 'n', `large enough for k = ${k} Krylov vectors`, String(n));
  }
  const residual = Math.max(...best.resid);
  const result: LanczosResult = { values: best.values, iterations: blocks, converged, residual, matvecs };
  if (options.vectors !== true) return result;
  const vectors = new Float64Array(k * n);
  best.idx.forEach((col, r) => {
    const y = vectors.subarray(r * n, (r + 1) * n);
    for (let j = 0; j < best!.m; j++) {
      const s = best!.S[j * best!.m + col]!;
      const q = Q[j]!;
      for (let i = 0; i < n; i++) y[i]! += s * q[i]!;
    }
  });
  return { ...result, vectors };
}

/** ‖A y − θ y‖₂ for the Ritz vector y = Q s (s = column `col` of S, m×m row-major), using stored AQ. */
function ritzResidual(
  Q: readonly Float64Array[],
  AQ: readonly Float64Array[],
  S: Float64Array,
  m: number,
  col: number,
  theta: number,
  n: number,
): number {
  const r = new Float64Array(n);
  for (let j = 0; j < m; j++) {
    const s = S[j * m + col]!;
    if (s === 0) continue;
    const q = Q[j]!;
    const aq = AQ[j]!;
    for (let i = 0; i < n; i++) r[i]! += s * (aq[i]! - theta * q[i]!);
  }
  return norm2(r);
}
