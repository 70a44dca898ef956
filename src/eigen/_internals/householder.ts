/**
 * Householder reduction of a dense symmetric matrix to tridiagonal form, Qᵀ A Q = T, on a flat row-major
 * Float64Array. Only the lower triangle is read and updated (half the memory traffic of a full update), and the
 * rank-2 update of step k is fused with the symmetric matrix-vector product of step k + 1, so the trailing matrix
 * is swept once per step instead of twice.
 */

/** The tridiagonal T and the reflectors H_k = I − β_k v_k v_kᵀ (v_k in the upper part of row k of `a`). */
export interface Tridiagonal {
  /** Diagonal of T, length n. */
  readonly d: Float64Array;
  /** Off-diagonal of T: e[k] = T[k+1, k] for k < n − 1; e[n − 1] = 0. */
  readonly e: Float64Array;
  /** β_k per reflector (0 = identity). */
  readonly betas: Float64Array;
}

/** Builds the Householder vector of x = a[k+1.., k] (v[k+1] = 1) into `v`; returns β and ‖x‖ (GVL Alg. 5.1.1). */
function house(a: Float64Array, n: number, k: number, v: Float64Array): { beta: number; alpha: number } {
  // Scaled to avoid overflow/underflow in the sum of squares.
  let scale = 0;
  for (let i = k + 1; i < n; i++) scale = Math.max(scale, Math.abs(a[i * n + k]!));
  if (scale === 0) {
    for (let i = k + 1; i < n; i++) v[i] = 0;
    return { beta: 0, alpha: 0 };
  }
  const inv = 1 / scale;
  const x0 = a[(k + 1) * n + k]! * inv;
  let sigma = 0;
  for (let i = k + 2; i < n; i++) {
    const t = a[i * n + k]! * inv;
    v[i] = t;
    sigma += t * t;
  }
  v[k + 1] = 1;
  if (sigma === 0) {
    // Already zero below the subdiagonal: no reflection.
    for (let i = k + 2; i < n; i++) v[i] = 0;
    return { beta: 0, alpha: a[(k + 1) * n + k]! };
  }
  const mu = Math.sqrt(x0 * x0 + sigma);
  const v0 = x0 <= 0 ? x0 - mu : -sigma / (x0 + mu);
  const beta = (2 * v0 * v0) / (sigma + v0 * v0);
  const iv0 = 1 / v0;
  for (let i = k + 2; i < n; i++) v[i]! *= iv0;
  return { beta, alpha: mu * scale };
}

/**
 * Reduces the symmetric matrix `a` (n×n row-major; lower triangle used; overwritten) to tridiagonal form by n − 2
 * Householder reflections, storing v_k in a[k, k+1..n) (v_k[k+1] = 1) for the back-transformation.
 */
export function tridiagonalize(a: Float64Array, n: number): Tridiagonal {
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  const betas = new Float64Array(n);
  if (n === 1) {
    d[0] = a[0]!;
    return { d, e, betas };
  }
  const v = new Float64Array(n);
  const p = new Float64Array(n);
  const q = new Float64Array(n);
  const vNext = new Float64Array(n);
  const pNext = new Float64Array(n);

  // Step 0's reflector and its product p = A' v (unfused start).
  let k = 0;
  let { beta, alpha } = n > 2 ? house(a, n, 0, v) : { beta: 0, alpha: a[n]! };
  if (n > 2) {
    symv(a, n, 1, v, p);
  }
  while (k <= n - 3) {
    // Reflector k is in v (β = beta); p holds A'v over rows/cols k+1.. (not yet scaled by β).
    d[k] = a[k * n + k]!;
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
    // Update column k+1 of the trailing matrix (entries i ≥ k+1), so reflector k+1 can be formed first.
    for (let i = k1; i < n; i++) a[i * n + k1]! -= v[i]! * q[k1]! + q[i]! * v[k1]!;
    const more = k1 <= n - 3;
    let betaNext = 0;
    let alphaNext = 0;
    if (more) {
      ({ beta: betaNext, alpha: alphaNext } = house(a, n, k1, vNext));
      for (let j = k1 + 1; j < n; j++) pNext[j] = 0;
    }
    // Fused sweep: rank-2 update of rows i ≥ k+2 (cols k+2..i) and, with the updated entries, A''·vNext.
    // Four rows per pass share the loads of v, q, vNext and pNext.
    const start = k1 + 1;
    if (more) {
      let i = start;
      for (; i + 3 < n; i += 4) {
        const r0 = i * n;
        const r1 = r0 + n;
        const r2 = r1 + n;
        const r3 = r2 + n;
        const v0 = v[i]!,
          v1 = v[i + 1]!,
          v2 = v[i + 2]!,
          v3 = v[i + 3]!;
        const q0 = q[i]!,
          q1 = q[i + 1]!,
          q2 = q[i + 2]!,
          q3 = q[i + 3]!;
        const w0 = vNext[i]!,
          w1 = vNext[i + 1]!,
          w2 = vNext[i + 2]!,
          w3 = vNext[i + 3]!;
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let j = start; j < i; j++) {
          const vj = v[j]!;
          const qj = q[j]!;
          const xj = vNext[j]!;
          const a0 = a[r0 + j]! - v0 * qj - q0 * vj;
          const a1 = a[r1 + j]! - v1 * qj - q1 * vj;
          const a2 = a[r2 + j]! - v2 * qj - q2 * vj;
          const a3 = a[r3 + j]! - v3 * qj - q3 * vj;
          a[r0 + j] = a0;
          a[r1 + j] = a1;
          a[r2 + j] = a2;
          a[r3 + j] = a3;
          s0 += a0 * xj;
          s1 += a1 * xj;
          s2 += a2 * xj;
          s3 += a3 * xj;
          pNext[j]! += a0 * w0 + a1 * w1 + a2 * w2 + a3 * w3;
        }
        // The 4×4 diagonal block (lower part): a[i+t, i+u] for u ≤ t.
        const b00 = a[r0 + i]! - 2 * v0 * q0;
        const b10 = a[r1 + i]! - v1 * q0 - q1 * v0;
        const b11 = a[r1 + i + 1]! - 2 * v1 * q1;
        const b20 = a[r2 + i]! - v2 * q0 - q2 * v0;
        const b21 = a[r2 + i + 1]! - v2 * q1 - q2 * v1;
        const b22 = a[r2 + i + 2]! - 2 * v2 * q2;
        const b30 = a[r3 + i]! - v3 * q0 - q3 * v0;
        const b31 = a[r3 + i + 1]! - v3 * q1 - q3 * v1;
        const b32 = a[r3 + i + 2]! - v3 * q2 - q3 * v2;
        const b33 = a[r3 + i + 3]! - 2 * v3 * q3;
        a[r0 + i] = b00;
        a[r1 + i] = b10;
        a[r1 + i + 1] = b11;
        a[r2 + i] = b20;
        a[r2 + i + 1] = b21;
        a[r2 + i + 2] = b22;
        a[r3 + i] = b30;
        a[r3 + i + 1] = b31;
        a[r3 + i + 2] = b32;
        a[r3 + i + 3] = b33;
        pNext[i]! += s0 + b00 * w0 + b10 * w1 + b20 * w2 + b30 * w3;
        pNext[i + 1]! += s1 + b10 * w0 + b11 * w1 + b21 * w2 + b31 * w3;
        pNext[i + 2]! += s2 + b20 * w0 + b21 * w1 + b22 * w2 + b32 * w3;
        pNext[i + 3]! += s3 + b30 * w0 + b31 * w1 + b32 * w2 + b33 * w3;
      }
      for (; i < n; i++) {
        const row = i * n;
        const vi = v[i]!;
        const qi = q[i]!;
        const wi = vNext[i]!;
        let s = 0;
        for (let j = start; j < i; j++) {
          const aij = a[row + j]! - vi * q[j]! - qi * v[j]!;
          a[row + j] = aij;
          s += aij * vNext[j]!;
          pNext[j]! += aij * wi;
        }
        const aii = a[row + i]! - 2 * vi * qi;
        a[row + i] = aii;
        pNext[i]! += s + aii * wi;
      }
    } else {
      for (let i = start; i < n; i++) {
        const row = i * n;
        const vi = v[i]!;
        const qi = q[i]!;
        for (let j = start; j <= i; j++) a[row + j]! -= vi * q[j]! + qi * v[j]!;
      }
    }
    k = k1;
    if (more) {
      v.set(vNext);
      p.set(pNext);
      beta = betaNext;
      alpha = alphaNext;
    }
  }
  // The trailing 2×2 block.
  d[n - 2] = a[(n - 2) * n + (n - 2)]!;
  d[n - 1] = a[(n - 1) * n + (n - 1)]!;
  e[n - 2] = a[(n - 1) * n + (n - 2)]!;
  e[n - 1] = 0;
  return { d, e, betas };
}

/** p[k0..n) = A[k0.., k0..]·v using the lower triangle only. */
function symv(a: Float64Array, n: number, k0: number, v: Float64Array, p: Float64Array): void {
  for (let j = k0; j < n; j++) p[j] = 0;
  for (let i = k0; i < n; i++) {
    const row = i * n;
    const vi = v[i]!;
    let s = 0;
    for (let j = k0; j < i; j++) {
      const aij = a[row + j]!;
      s += aij * v[j]!;
      p[j]! += aij * vi;
    }
    p[i]! += s + a[row + i]! * vi;
  }
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
