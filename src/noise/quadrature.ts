/**
 * Gauss–Legendre quadrature: the n-node rule on [−1, 1] is exact for polynomials of degree ≤ 2n − 1 and converges
 * exponentially for analytic integrands; the tensor-product rule gives expectations under U([−ε, ε]^d).
 */
import { ClaimcheckError } from '../errors.ts';

/** Nodes and weights of a quadrature rule. */
export interface QuadratureRule {
  readonly nodes: Float64Array;
  readonly weights: Float64Array;
}

const cache = new Map<number, QuadratureRule>();

/** The n-node Gauss–Legendre rule on [−1, 1] (Newton iteration on P_n from Chebyshev guesses; weights 2/((1−t²)P_n'²)). */
export function gaussLegendre(n: number): QuadratureRule {
  if (!Number.isInteger(n) || n < 1 || n > 512) {
    throw new ClaimcheckError('BAD_INPUT', `gaussLegendre: n must be an integer in [1, 512], got ${n}`);
  }
  const hit = cache.get(n);
  if (hit) return hit;
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  // P_n(t) and P_n'(t) by the three-term recurrence.
  const legendre = (t: number): { p: number; dp: number } => {
    let p0 = 1;
    let p1 = t;
    for (let k = 2; k <= n; k++) {
      const p2 = ((2 * k - 1) * t * p1 - (k - 1) * p0) / k;
      p0 = p1;
      p1 = p2;
    }
    return { p: p1, dp: n === 1 ? 1 : (n * (t * p1 - p0)) / (t * t - 1) };
  };
  for (let i = 0; i < Math.floor(n / 2); i++) {
    let t = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    for (let it = 0; it < 100; it++) {
      const { p, dp } = legendre(t);
      const dt = p / dp;
      t -= dt;
      if (Math.abs(dt) < 1e-16) break;
    }
    const { dp } = legendre(t);
    const wgt = 2 / ((1 - t * t) * dp * dp);
    nodes[i] = -t;
    nodes[n - 1 - i] = t;
    weights[i] = wgt;
    weights[n - 1 - i] = wgt;
  }
  if (n % 2 === 1) {
    const mid = (n - 1) / 2;
    nodes[mid] = 0;
    const { dp } = legendre(0);
    weights[mid] = 2 / (dp * dp);
  }
  const rule = { nodes, weights };
  cache.set(n, rule);
  return rule;
}

/**
 * E[f(η)] for η ~ U([−ε, ε]^d) by the tensor-product n-node Gauss–Legendre rule (n^d evaluations). `f` receives a
 * reused buffer and must not keep it. Exact when f is a polynomial of degree ≤ 2n − 1 in each coordinate.
 */
export function uniformBoxExpectation(f: (eta: Float64Array) => number, d: number, eps: number, n: number): number {
  if (!Number.isInteger(d) || d < 1 || n ** d > 5e6) {
    throw new ClaimcheckError(
      'BAD_INPUT',
      `uniformBoxExpectation: need d >= 1 and n^d <= 5e6, got d = ${d}, n = ${n}`,
      'use Monte Carlo in high dimension',
    );
  }
  const { nodes, weights } = gaussLegendre(n);
  const eta = new Float64Array(d);
  const idx = new Int32Array(d);
  let total = 0;
  for (;;) {
    let wgt = 1;
    for (let i = 0; i < d; i++) {
      eta[i] = eps * nodes[idx[i]!]!;
      wgt *= weights[idx[i]!]! / 2;
    }
    total += wgt * f(eta);
    let i = 0;
    while (i < d && ++idx[i]! === n) idx[i++] = 0;
    if (i === d) break;
  }
  return total;
}

/**
 * E[f(η)] for a vector-valued f (m outputs) and η ~ U([−ε, ε]^d), by the tensor-product n-node Gauss–Legendre rule.
 * `f` writes its m outputs into `out` (a reused buffer) for the given η (also reused).
 */
export function uniformBoxExpectations(
  f: (eta: Float64Array, out: Float64Array) => void,
  m: number,
  d: number,
  eps: number,
  n: number,
): Float64Array {
  if (!Number.isInteger(d) || d < 1 || n ** d > 5e6) {
    throw new ClaimcheckError(
      'BAD_INPUT',
      `uniformBoxExpectations: need d >= 1 and n^d <= 5e6, got d = ${d}, n = ${n}`,
      'use Monte Carlo in high dimension',
    );
  }
  const { nodes, weights } = gaussLegendre(n);
  const eta = new Float64Array(d);
  const idx = new Int32Array(d);
  const out = new Float64Array(m);
  const total = new Float64Array(m);
  for (;;) {
    let wgt = 1;
    for (let i = 0; i < d; i++) {
      eta[i] = eps * nodes[idx[i]!]!;
      wgt *= weights[idx[i]!]! / 2;
    }
    out.fill(0);
    f(eta, out);
    for (let k = 0; k < m; k++) total[k] = total[k]! + wgt * out[k]!;
    let i = 0;
    while (i < d && ++idx[i]! === n) idx[i++] = 0;
    if (i === d) break;
  }
  return total;
}
