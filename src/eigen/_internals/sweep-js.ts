/** The fused sweep of `tridiagonalize` in plain JS (the fallback where WebAssembly SIMD is unavailable). */

/**
 * The fused sweep of step k (start = k + 2): rank-2 update a[i, j] −= v_i q_j + q_i v_j of rows i ≥ start (cols
 * start..i) and, with the updated entries, pNext += A''·vNext over that symmetric block (read from its lower
 * triangle); col[i] = a[i, start] after the update. Four rows per pass share the loads of v, q, vNext and pNext.
 */
export function jsSweep(
  a: Float64Array,
  n: number,
  start: number,
  v: Float64Array,
  q: Float64Array,
  vNext: Float64Array,
  pNext: Float64Array,
  col: Float64Array,
): void {
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
    col[i] = a[r0 + start]!;
    col[i + 1] = a[r1 + start]!;
    col[i + 2] = a[r2 + start]!;
    col[i + 3] = a[r3 + start]!;
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
    col[i] = a[row + start]!;
  }
}
