/**
 * Spectral measures of symmetric matrices: weighted point masses on the real line (the exact spectrum with weight 1/n
 * per eigenvalue, or the Gauss-quadrature nodes of stochastic Lanczos quadrature), their Gaussian-broadened density
 * on a grid (as PyHessian plots it), their moments, and two distances between measures (Kolmogorov and
 * Wasserstein-1) used to compare an estimated density with the exact spectrum.
 */
import { BadArgumentError } from '../numeric/errors.ts';

/** Point masses: `nodes` ascending, `weights` ≥ 0 of the same length (summing to 1 for a probability measure). */
export interface SpectralMeasure {
  readonly nodes: Float64Array;
  readonly weights: Float64Array;
}

function checkMeasure(fn: string, name: string, m: SpectralMeasure): void {
  if (m.nodes.length !== m.weights.length || m.nodes.length === 0)
    throw new BadArgumentError(
      fn,
      name,
      'nodes and weights of the same nonzero length',
      `${m.nodes.length} nodes, ${m.weights.length} weights`,
    );
  for (let i = 0; i < m.nodes.length; i++) {
    if (!Number.isFinite(m.nodes[i]!) || !(m.weights[i]! >= 0) || !Number.isFinite(m.weights[i]!))
      throw new BadArgumentError(
        fn,
        `${name}[${i}]`,
        'a finite node with a finite weight ≥ 0',
        `${m.nodes[i]} (weight ${m.weights[i]})`,
      );
    if (i > 0 && m.nodes[i]! < m.nodes[i - 1]!)
      throw new BadArgumentError(fn, `${name}.nodes`, 'ascending', `${m.nodes[i - 1]} before ${m.nodes[i]}`);
  }
}

/** The spectral measure of n eigenvalues (any order): each with weight 1/n. */
export function exactSpectralMeasure(eigenvalues: ArrayLike<number>): SpectralMeasure {
  const n = eigenvalues.length;
  if (n === 0) throw new BadArgumentError('exactSpectralMeasure', 'eigenvalues', 'at least one value', '0 values');
  const nodes = Float64Array.from(eigenvalues).sort();
  const measure = { nodes, weights: new Float64Array(n).fill(1 / n) };
  checkMeasure('exactSpectralMeasure', 'eigenvalues', measure);
  return measure;
}

/** The average of several measures (each with equal share), as one measure with ascending nodes. */
export function averageMeasures(parts: readonly SpectralMeasure[]): SpectralMeasure {
  const fn = 'averageMeasures';
  if (parts.length === 0) throw new BadArgumentError(fn, 'parts', 'at least one measure', '0 measures');
  parts.forEach((p, i) => checkMeasure(fn, `parts[${i}]`, p));
  const pairs: [number, number][] = [];
  for (const p of parts)
    for (let i = 0; i < p.nodes.length; i++) pairs.push([p.nodes[i]!, p.weights[i]! / parts.length]);
  pairs.sort((a, b) => a[0] - b[0]);
  return { nodes: Float64Array.from(pairs, (p) => p[0]), weights: Float64Array.from(pairs, (p) => p[1]) };
}

/**
 * The Gaussian-broadened density ρ(t) = Σ_i w_i φ_σ(t − θ_i) of a measure on `grid` (φ_σ the normal density with
 * standard deviation σ > 0): integrates to Σ w_i over the real line. PyHessian's `density_generate` with σ given.
 */
export function broadenedDensity(measure: SpectralMeasure, grid: readonly number[], sigma: number): Float64Array {
  const fn = 'broadenedDensity';
  checkMeasure(fn, 'measure', measure);
  if (!(sigma > 0) || !Number.isFinite(sigma)) throw new BadArgumentError(fn, 'sigma', 'finite and > 0', String(sigma));
  const out = new Float64Array(grid.length);
  const c = 1 / (sigma * Math.sqrt(2 * Math.PI));
  const cut = 40 * sigma;
  for (let g = 0; g < grid.length; g++) {
    const t = grid[g]!;
    if (!Number.isFinite(t)) throw new BadArgumentError(fn, `grid[${g}]`, 'finite', String(t));
    let s = 0;
    for (let i = 0; i < measure.nodes.length; i++) {
      const u = t - measure.nodes[i]!;
      if (Math.abs(u) > cut) continue;
      s += measure.weights[i]! * Math.exp(-0.5 * (u / sigma) ** 2);
    }
    out[g] = c * s;
  }
  return out;
}

/** The k-th moment Σ_i w_i θ_i^k (for the exact measure, (1/n) tr A^k). */
export function measureMoment(measure: SpectralMeasure, k: number): number {
  const fn = 'measureMoment';
  checkMeasure(fn, 'measure', measure);
  if (!Number.isInteger(k) || k < 0) throw new BadArgumentError(fn, 'k', 'an integer ≥ 0', String(k));
  let s = 0;
  for (let i = 0; i < measure.nodes.length; i++) s += measure.weights[i]! * measure.nodes[i]! ** k;
  return s;
}

/** The jumps of F_a − F_b in ascending order of position (F the cumulative distribution function of a measure). */
function cdfSteps(a: SpectralMeasure, b: SpectralMeasure): { x: number; delta: number }[] {
  const steps: { x: number; delta: number }[] = [];
  for (let i = 0; i < a.nodes.length; i++) steps.push({ x: a.nodes[i]!, delta: a.weights[i]! });
  for (let i = 0; i < b.nodes.length; i++) steps.push({ x: b.nodes[i]!, delta: -b.weights[i]! });
  return steps.sort((p, q) => p.x - q.x);
}

/** The standard normal distribution function Φ(x) (erfc by a Chebyshev fit, relative error < 1.2e-7). */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - 0.5 * erfc : 0.5 * erfc;
}

/**
 * sup_t |F_a(t) − F_b(t)|: the Kolmogorov distance between the cumulative distribution functions. With `sigma` > 0,
 * between the distributions broadened by N(0, σ²) (the CDFs of the densities `broadenedDensity` draws), evaluated at
 * every node and on a grid of step σ/8: two measures that differ by shifts much smaller than σ are then close, where
 * the plain distance jumps at every atom (a cluster of equal eigenvalues against nodes a rounding error away).
 */
export function kolmogorovDistance(a: SpectralMeasure, b: SpectralMeasure, sigma = 0): number {
  const fn = 'kolmogorovDistance';
  checkMeasure(fn, 'a', a);
  checkMeasure(fn, 'b', b);
  if (!(sigma >= 0) || !Number.isFinite(sigma))
    throw new BadArgumentError(fn, 'sigma', 'finite and ≥ 0', String(sigma));
  if (sigma === 0) {
    let diff = 0;
    let worst = 0;
    const steps = cdfSteps(a, b);
    for (let i = 0; i < steps.length; i++) {
      diff += steps[i]!.delta;
      // Masses at one position jump together: compare only after the last of them.
      if (i + 1 < steps.length && steps[i + 1]!.x === steps[i]!.x) continue;
      worst = Math.max(worst, Math.abs(diff));
    }
    return worst;
  }
  const lo = Math.min(a.nodes[0]!, b.nodes[0]!) - 6 * sigma;
  const hi = Math.max(a.nodes[a.nodes.length - 1]!, b.nodes[b.nodes.length - 1]!) + 6 * sigma;
  const points = [...a.nodes, ...b.nodes];
  for (let t = lo; t <= hi; t += sigma / 8) points.push(t);
  const cdf = (m: SpectralMeasure, t: number): number => {
    let s = 0;
    for (let i = 0; i < m.nodes.length; i++) s += m.weights[i]! * normalCdf((t - m.nodes[i]!) / sigma);
    return s;
  };
  let worst = 0;
  for (const t of points) worst = Math.max(worst, Math.abs(cdf(a, t) - cdf(b, t)));
  return worst;
}

/** ∫ |F_a(t) − F_b(t)| dt: the Wasserstein-1 (earth mover's) distance, in the units of the nodes. */
export function wasserstein1(a: SpectralMeasure, b: SpectralMeasure): number {
  checkMeasure('wasserstein1', 'a', a);
  checkMeasure('wasserstein1', 'b', b);
  const steps = cdfSteps(a, b);
  let diff = 0;
  let total = 0;
  for (let i = 0; i + 1 < steps.length; i++) {
    diff += steps[i]!.delta;
    total += Math.abs(diff) * (steps[i + 1]!.x - steps[i]!.x);
  }
  return total;
}
