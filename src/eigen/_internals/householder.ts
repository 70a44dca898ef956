/**
 * Householder reduction of a dense symmetric matrix to tridiagonal form, Qᵀ A Q = T, on a flat row-major
 * Float64Array. Only the lower triangle is read and updated (half the memory traffic of a full update), and the
 * rank-2 update of step k is fused with the symmetric matrix-vector product of step k + 1, so the trailing matrix
 * is swept once per step instead of twice.
 */
import { jsSweep } from './sweep-js.ts';
import { keepsWorkspace, wasmWorkspace, type Workspace } from './sweep-wasm.ts';

/** The tridiagonal T and the reflectors H_k = I − β_k v_k v_kᵀ (v_k in the upper part of row k of `a`). */
export interface Tridiagonal {
  /** Diagonal of T, length n. */
  readonly d: Float64Array;
  /** Off-diagonal of T: e[k] = T[k+1, k] for k < n − 1; e[n − 1] = 0. */
  readonly e: Float64Array;
  /** β_k per reflector (0 = identity). */
  readonly betas: Float64Array;
}

/**
 * Builds the Householder vector of x[k+1..n) (a column below the diagonal, contiguous) into `v` (v[k+1] = 1);
 * returns β and ‖x‖ (GVL Alg. 5.1.1).
 */
function house(x: Float64Array, n: number, k: number, v: Float64Array): { beta: number; alpha: number } {
  // Scaled to avoid overflow/underflow in the sum of squares.
  let scale = 0;
  for (let i = k + 1; i < n; i++) scale = Math.max(scale, Math.abs(x[i]!));
  if (scale === 0) {
    for (let i = k + 1; i < n; i++) v[i] = 0;
    return { beta: 0, alpha: 0 };
  }
  const inv = 1 / scale;
  const x0 = x[k + 1]! * inv;
  let sigma = 0;
  for (let i = k + 2; i < n; i++) {
    const t = x[i]! * inv;
    v[i] = t;
    sigma += t * t;
  }
  v[k + 1] = 1;
  if (sigma === 0) {
    // Already zero below the subdiagonal: no reflection.
    for (let i = k + 2; i < n; i++) v[i] = 0;
    return { beta: 0, alpha: x[k + 1]! };
  }
  const mu = Math.sqrt(x0 * x0 + sigma);
  const v0 = x0 <= 0 ? x0 - mu : -sigma / (x0 + mu);
  const beta = (2 * v0 * v0) / (sigma + v0 * v0);
  const iv0 = 1 / v0;
  for (let i = k + 2; i < n; i++) v[i]! *= iv0;
  return { beta, alpha: mu * scale };
}

/** Which implementation runs the fused sweep (the O(n³) part): 'auto' is WebAssembly SIMD where available. */
export type SweepKernel = 'auto' | 'wasm' | 'js';

/** The smallest n for which 'auto' uses the WebAssembly kernel (measured crossover: between 8 and 12, copy included). */
const WASM_MIN_N = 16;

function jsWorkspace(a: Float64Array, n: number): Workspace {
  const v = new Float64Array(n);
  const q = new Float64Array(n);
  const vNext = new Float64Array(n);
  const pNext = new Float64Array(n);
  const col = new Float64Array(n);
  return { a, v, q, vNext, pNext, col, sweep: (start) => jsSweep(a, n, start, v, q, vNext, pNext, col) };
}

/**
 * A matrix to fill for `tridiagonalize(a, n)` to reduce in place (no copy), when the WebAssembly kernel will run for
 * n; a plain Float64Array otherwise. Valid until the next call of this or of `tridiagonalize`.
 */
export function tridiagonalScratch(n: number): Float64Array {
  if (n >= WASM_MIN_N && keepsWorkspace(n)) {
    const ws = wasmWorkspace(n);
    if (ws !== null) return ws.a;
  }
  return new Float64Array(n * n);
}

/**
 * Reduces the symmetric matrix `a` (n×n row-major; lower triangle used; overwritten) to tridiagonal form by n − 2
 * Householder reflections, storing v_k in a[k, k+1..n) (v_k[k+1] = 1) for the back-transformation.
 *
 * Step k: q_k from p_k = A_k v_k; the rank-2 update A_{k+1} = A_k − v_k q_kᵀ − q_k v_kᵀ of column k + 1 first (kept
 * contiguous in `col`), so that reflector k + 1 can be formed; then one fused sweep over the trailing lower triangle
 * updates it and accumulates p_{k+1} = A_{k+1} v_{k+1}, and hands over column k + 2 (for the next step) in `col`.
 * The sweep (the O(n³) part) runs in `kernel`: both kernels do the same operations except for the summation order
 * of the row sums of the symmetric product (see sweep-wasm.ts).
 */
export function tridiagonalize(input: Float64Array, n: number, kernel: SweepKernel = 'auto'): Tridiagonal {
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  const betas = new Float64Array(n);
  d[0] = input[0]!;
  if (n === 1) return { d, e, betas };
  if (n === 2) {
    d[1] = input[3]!;
    e[0] = input[2]!;
    return { d, e, betas };
  }
  const wasm = kernel === 'wasm' || (kernel === 'auto' && n >= WASM_MIN_N) ? wasmWorkspace(n) : null;
  if (kernel === 'wasm' && wasm === null) throw new Error('tridiagonalize: no WebAssembly SIMD in this engine');
  const inPlace = wasm !== null && wasm.a.buffer === input.buffer && wasm.a.byteOffset === input.byteOffset;
  if (wasm !== null && !inPlace) wasm.a.set(input);
  const ws = wasm ?? jsWorkspace(input, n);
  const { a, v, q, vNext, pNext, col } = ws;
  const p = new Float64Array(n);

  // Reflector 0 from column 0, and p_0 = A v_0 by a sweep with v = q = 0 (no update), which also hands over column 1.
  for (let i = 1; i < n; i++) col[i] = a[i * n]!;
  let { beta, alpha } = house(col, n, 0, vNext);
  v.fill(0);
  q.fill(0);
  pNext.fill(0);
  ws.sweep(1);
  for (let k = 0; k <= n - 3; k++) {
    v.set(vNext);
    p.set(pNext);
    // Reflector k is in v (β = beta); p holds A_k v over rows/cols k+1.. (not yet scaled by β).
    e[k] = alpha;
    betas[k] = beta;
    for (let j = k + 1; j < n; j++) a[k * n + j] = v[j]!;
    if (beta === 0) {
      for (let j = k + 1; j < n; j++) q[j] = 0;
    } else {
      let pv = 0;
      for (let j = k + 1; j < n; j++) {
        p[j]! *= beta;
        pv += p[j]! * v[j]!;
      }
      const K = 0.5 * beta * pv;
      for (let j = k + 1; j < n; j++) q[j] = p[j]! - K * v[j]!;
    }
    const k1 = k + 1;
    // Column k+1 of the trailing matrix (entries i ≥ k+1), so reflector k+1 can be formed first.
    for (let i = k1; i < n; i++) col[i]! -= v[i]! * q[k1]! + q[i]! * v[k1]!;
    d[k1] = col[k1]!;
    if (k1 <= n - 3) {
      ({ beta, alpha } = house(col, n, k1, vNext));
      for (let j = k1 + 1; j < n; j++) pNext[j] = 0;
      ws.sweep(k1 + 1);
    } else {
      // The trailing 2×2 block.
      const i = n - 1;
      e[k1] = col[i]!;
      d[i] = a[i * n + i]! - (v[i]! * q[i]! + q[i]! * v[i]!);
      a[i * n + i] = d[i]!;
    }
  }
  e[n - 1] = 0;
  if (wasm !== null && !inPlace) input.set(wasm.a);
  return { d, e, betas };
}

/**
 * Q = H_0 H_1 ⋯ H_{n−3} as an n×n row-major matrix, accumulated backwards (M ← H_k M for k = n−3 … 0) from the
 * reflectors that `tridiagonalize` left in `a`; only the non-trivial trailing block is touched, row-contiguously.
 */
export function accumulateQ(a: Float64Array, n: number, betas: Float64Array): Float64Array {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) m[i * n + i] = 1;
  const t = new Float64Array(n);
  for (let k = n - 3; k >= 0; k--) {
    const beta = betas[k]!;
    if (beta === 0) continue;
    const vOff = k * n;
    const c0 = k + 1;
    // t = vᵀ M[k+1.., k+1..], four rows per pass over t.
    for (let j = c0; j < n; j++) t[j] = 0;
    let i = c0;
    for (; i + 3 < n; i += 4) {
      const v0 = a[vOff + i]!;
      const v1 = a[vOff + i + 1]!;
      const v2 = a[vOff + i + 2]!;
      const v3 = a[vOff + i + 3]!;
      const r0 = i * n;
      const r1 = r0 + n;
      const r2 = r1 + n;
      const r3 = r2 + n;
      for (let j = c0; j < n; j++) t[j]! += v0 * m[r0 + j]! + v1 * m[r1 + j]! + v2 * m[r2 + j]! + v3 * m[r3 + j]!;
    }
    for (; i < n; i++) {
      const vi = a[vOff + i]!;
      const row = i * n;
      for (let j = c0; j < n; j++) t[j]! += vi * m[row + j]!;
    }
    // M[k+1.., k+1..] −= β v tᵀ, four rows per pass over t.
    let r = c0;
    for (; r + 3 < n; r += 4) {
      const b0 = beta * a[vOff + r]!;
      const b1 = beta * a[vOff + r + 1]!;
      const b2 = beta * a[vOff + r + 2]!;
      const b3 = beta * a[vOff + r + 3]!;
      const r0 = r * n;
      const r1 = r0 + n;
      const r2 = r1 + n;
      const r3 = r2 + n;
      for (let j = c0; j < n; j++) {
        const tj = t[j]!;
        m[r0 + j]! -= b0 * tj;
        m[r1 + j]! -= b1 * tj;
        m[r2 + j]! -= b2 * tj;
        m[r3 + j]! -= b3 * tj;
      }
    }
    for (; r < n; r++) {
      const bvi = beta * a[vOff + r]!;
      const row = r * n;
      for (let j = c0; j < n; j++) m[row + j]! -= bvi * t[j]!;
    }
  }
  return m;
}
