/**
 * Implicit QL with Wilkinson-type shifts on a symmetric tridiagonal matrix (EISPACK tql1/tql2 as in JAMA). The
 * plane rotations of one QL sweep are recorded and then applied row by row to the accumulated basis (as LAPACK's
 * dlasr does), so each row segment is read and written once per sweep with the running entry kept in a register.
 */

const EPS = 2.220446049250313e-16;

function hypot(a: number, b: number): number {
  const x = Math.abs(a);
  const y = Math.abs(b);
  if (x > y) {
    const r = y / x;
    return x * Math.sqrt(1 + r * r);
  }
  if (y > 0) {
    const r = x / y;
    return y * Math.sqrt(1 + r * r);
  }
  return 0;
}

/** Outcome of `tridiagonalQl`. */
export interface QlOutcome {
  /** QL sweeps over all eigenvalues. */
  readonly iterations: number;
  /** False when some eigenvalue needed more than the per-value sweep cap. */
  readonly converged: boolean;
  /** Every off-diagonal entry that was set to zero was at most this (absolute): a bound on the eigenvalue error. */
  readonly deflationBound: number;
}

/**
 * Eigenvalues (in place, in `d`, unsorted) of the symmetric tridiagonal matrix with diagonal d[0..n) and
 * off-diagonal e[0..n-1) (e[i] = T[i+1, i]; e[n-1] is workspace). When `z` (any number of rows of length n,
 * row-major) is given, it is multiplied on the right by the eigenvector matrix of T: starting from the identity,
 * column i of z ends as the eigenvector of d[i]; starting from Q, as Q times it.
 */
export function tridiagonalQl(
  d: Float64Array,
  e: Float64Array,
  z: Float64Array | null,
  maxSweepsPerValue = 60,
): QlOutcome {
  const n = d.length;
  const rows = z === null ? 0 : z.length / n;
  const cs = new Float64Array(n);
  const sn = new Float64Array(n);
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  let iterations = 0;
  let converged = true;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]!) + Math.abs(e[l]!));
    let m = l;
    while (m < n - 1) {
      if (Math.abs(e[m]!) <= EPS * tst1) break;
      m++;
    }
    if (m > l) {
      let sweeps = 0;
      do {
        sweeps++;
        iterations++;
        if (sweeps > maxSweepsPerValue) {
          converged = false;
          break;
        }
        let g = d[l]!;
        let p = (d[l + 1]! - g) / (2 * e[l]!);
        let r = hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l]! / (p + r);
        d[l + 1] = e[l]! * (p + r);
        const dl1 = d[l + 1]!;
        let h = g - d[l]!;
        for (let i = l + 2; i < n; i++) d[i]! -= h;
        f += h;
        p = d[m]!;
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1]!;
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i]!;
          h = c * p;
          r = hypot(p, e[i]!);
          e[i + 1] = s * r;
          s = e[i]! / r;
          c = p / r;
          p = c * d[i]! - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]!);
          cs[i] = c;
          sn[i] = s;
        }
        if (z !== null) {
          // Four rows per pass share the loads of the rotation coefficients.
          let k = 0;
          for (; k + 3 < rows; k += 4) {
            const r0 = k * n;
            const r1 = r0 + n;
            const r2 = r1 + n;
            const r3 = r2 + n;
            let x0 = z[r0 + m]!;
            let x1 = z[r1 + m]!;
            let x2 = z[r2 + m]!;
            let x3 = z[r3 + m]!;
            for (let i = m - 1; i >= l; i--) {
              const ci = cs[i]!;
              const si = sn[i]!;
              const z0 = z[r0 + i]!;
              const z1 = z[r1 + i]!;
              const z2 = z[r2 + i]!;
              const z3 = z[r3 + i]!;
              z[r0 + i + 1] = si * z0 + ci * x0;
              z[r1 + i + 1] = si * z1 + ci * x1;
              z[r2 + i + 1] = si * z2 + ci * x2;
              z[r3 + i + 1] = si * z3 + ci * x3;
              x0 = ci * z0 - si * x0;
              x1 = ci * z1 - si * x1;
              x2 = ci * z2 - si * x2;
              x3 = ci * z3 - si * x3;
            }
            z[r0 + l] = x0;
            z[r1 + l] = x1;
            z[r2 + l] = x2;
            z[r3 + l] = x3;
          }
          for (; k < rows; k++) {
            const row = k * n;
            let x = z[row + m]!;
            for (let i = m - 1; i >= l; i--) {
              const zi = z[row + i]!;
              const ci = cs[i]!;
              const si = sn[i]!;
              z[row + i + 1] = si * zi + ci * x;
              x = ci * zi - si * x;
            }
            z[row + l] = x;
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]!) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]!) > EPS * tst1);
    }
    d[l] = d[l]! + f;
    e[l] = 0;
  }
  return { iterations, converged, deflationBound: EPS * tst1 };
}
