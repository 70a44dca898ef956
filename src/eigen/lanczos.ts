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
  /**
   * The first Krylov vector (normalised; not modified). The rest of the first block, if any, is random. Default:
   * the whole first block random. The Gauss quadrature of `quadrature` is for this vector's spectral measure.
   */
  readonly start?: Float64Array;
  /**
   * `true` (default): stop as soon as the wanted Ritz pairs meet `tol`. `false`: build the Krylov basis to
   * `maxDimension` (or to an invariant subspace with `onBreakdown: 'stop'`) whatever the residuals, as stochastic
   * Lanczos quadrature needs; `converged` still reports the test.
   */
  readonly stopWhenConverged?: boolean;
  /**
   * At an invariant subspace of the Krylov basis: `restart` (default) continues with a fresh random vector
   * orthogonal to it (exact multiplicities are found); `stop` ends there (the quadrature of `start` is then exact).
   */
  readonly onBreakdown?: 'restart' | 'stop';
  /** Also return every Ritz value of the final basis with its Gauss-quadrature weight (see `quadrature`). Default false. */
  readonly quadrature?: boolean;
}

/**
 * The Gauss quadrature rule of the Krylov basis: every Ritz value θ_i of T = QᵀAQ (ascending) with the weight
 * τ_i = (e₁ᵀs_i)², the squared first component of its eigenvector s_i. With q₁ = start/‖start‖, Σ τ_i f(θ_i)
 * approximates q₁ᵀf(A)q₁ and is exact for polynomials f of degree ≤ 2m − 1 (m = basis size); Σ τ_i = 1.
 */
export interface LanczosQuadrature {
  readonly nodes: Float64Array;
  readonly weights: Float64Array;
}

/** `EigenResult` plus the number of matrix-vector products used (and the quadrature rule, when asked). */
export interface LanczosResult extends EigenResult {
  readonly matvecs: number;
  /** Size of the final Krylov basis. */
  readonly dimension: number;
  /** Whether the basis became invariant (a breakdown) before `maxDimension`. */
  readonly breakdown: boolean;
  readonly quadrature?: LanczosQuadrature;
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
  const start = options.start;
  if (start !== undefined) {
    if (start.length !== n)
      throw new DimensionMismatchError(fn, 'options.start', `length ${n}`, `length ${start.length}`);
    const ns = norm2(start);
    if (!(ns > 0 && Number.isFinite(ns)))
      throw new BadArgumentError(fn, 'options.start', 'a finite nonzero vector', `norm ${ns}`);
  }
  const stopWhenConverged = options.stopWhenConverged ?? true;
  const onBreakdown = options.onBreakdown ?? 'restart';
  if (onBreakdown !== 'restart' && onBreakdown !== 'stop')
    throw new BadArgumentError(fn, 'options.onBreakdown', "'restart' or 'stop'", String(onBreakdown));
  let breakdown = false;

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
      } else if (Q.length > 0) breakdown = true;
    }
    if (breakdown && onBreakdown === 'stop') return block;
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

  let block = nextBlock(start === undefined ? [] : [Float64Array.from(start)], Math.min(b0, n));
  let lastCheck = 0;
  interface RitzState {
    readonly values: Float64Array;
    readonly d: Float64Array;
    readonly S: Float64Array;
    readonly idx: number[];
    readonly m: number;
    readonly resid: number[];
  }
  // Assigned in `rayleighRitz`; the cast keeps TypeScript from narrowing it to null here.
  let best = null as RitzState | null;
  let converged = false;

  /** Rayleigh–Ritz on the symmetric part of T for the basis of size m; sets `best` and `converged`. */
  const rayleighRitz = (m: number): void => {
    lastCheck = m;
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
    best = { values: Float64Array.from(idx, (c) => d[c]!), d, S: z!, idx, m, resid };
    converged = resid.every((r) => r <= tol * Math.max(scale, Number.MIN_VALUE));
  };

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
    // Without early stopping only the final basis is decomposed.
    const due = full || (stopWhenConverged && (m - lastCheck >= Math.max(b0, Math.ceil(0.1 * m)) || lastCheck === 0));
    if (m >= k && due) {
      rayleighRitz(m);
      if ((converged && stopWhenConverged) || full) break;
    }
    if (m >= maxDim || m >= n) break;
    // Next block: the last block's products, orthogonalised against the whole basis.
    const size = Math.min(b0, maxDim - m, n - m);
    block = nextBlock(
      AQ.slice(m - block.length).map((v) => Float64Array.from(v)),
      size,
    );
  }
  // The loop also ends without a final check when the basis stops growing (a breakdown with `stop`).
  if (Q.length >= k && lastCheck !== Q.length) rayleighRitz(Q.length);
  if (best === null) {
    throw new BadArgumentError(fn, 'n', `large enough for k = ${k} Krylov vectors`, String(n));
  }
  const final: RitzState = best;
  const residual = Math.max(...final.resid);
  let result: LanczosResult = {
    values: final.values,
    iterations: blocks,
    converged,
    residual,
    matvecs,
    dimension: final.m,
    breakdown,
  };
  if (options.quadrature === true) result = { ...result, quadrature: gaussQuadrature(final.d, final.S, final.m) };
  if (options.vectors !== true) return result;
  const vectors = new Float64Array(k * n);
  final.idx.forEach((col, r) => {
    const y = vectors.subarray(r * n, (r + 1) * n);
    for (let j = 0; j < final.m; j++) {
      const s = final.S[j * final.m + col]!;
      const q = Q[j]!;
      for (let i = 0; i < n; i++) y[i]! += s * q[i]!;
    }
  });
  return { ...result, vectors };
}

/** Every Ritz value (ascending) with its weight (first component of its eigenvector of T, squared). */
function gaussQuadrature(d: Float64Array, S: Float64Array, m: number): LanczosQuadrature {
  const order = Array.from({ length: m }, (_, i) => i).sort((a, c) => d[a]! - d[c]!);
  return {
    nodes: Float64Array.from(order, (c) => d[c]!),
    weights: Float64Array.from(order, (c) => S[c]! * S[c]!),
  };
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
