/**
 * The eigenvalue density of a symmetric operator known through matrix-vector products, by stochastic Lanczos
 * quadrature (SLQ; Golub & Meurant; Ghorbani et al. 2019, PyHessian's `density`): for each seeded random probe v,
 * m steps of Lanczos from v give a Gauss quadrature rule {θ_i, τ_i} for the spectral measure of v, and the average
 * over probes estimates the spectral measure (1/n) Σ_j δ(λ_j) of the whole operator.
 */
import type { Rng } from '../rng.ts';
import { BadArgumentError, DimensionMismatchError } from '../numeric/errors.ts';
import { lanczos } from './lanczos.ts';
import { averageMeasures, type SpectralMeasure } from './spectral-measure.ts';
import type { MatVec } from './types.ts';
import { fillRademacher } from './_internals/probes.ts';

/** Options of `slq`. */
export interface SlqOptions {
  /** Source of the probe vectors (seeded: the same seed gives the same density). */
  readonly rng: Rng;
  /** Probe vectors (independent Lanczos runs). Default 10. */
  readonly probes?: number;
  /** Lanczos steps per probe, m (the quadrature has m nodes). Default min(n, 80). */
  readonly steps?: number;
  /** `rademacher` (default, entries ±1 as PyHessian draws them) or `gaussian` probes, normalised to unit length. */
  readonly probe?: 'rademacher' | 'gaussian';
  /** A probe's top Ritz pair is converged when ‖Ay − θy‖₂ ≤ tol·max|θ|. Default 1e-6. */
  readonly tol?: number;
}

/** One probe's Lanczos run. */
export interface SlqProbe {
  /** The Gauss quadrature rule of the probe: Ritz values (ascending) and weights (summing to 1). */
  readonly rule: SpectralMeasure;
  /** Lanczos steps taken (< `steps` when the Krylov space of the probe became invariant: the rule is then exact). */
  readonly steps: number;
  readonly breakdown: boolean;
  /** ‖Ay − θy‖₂ of the largest Ritz pair. */
  readonly residual: number;
  readonly converged: boolean;
  /** Σ τ_i θ_i = vᵀAv/vᵀv: n times it is the probe's Hutchinson sample of tr A (for Rademacher probes). */
  readonly quadraticForm: number;
}

/** The estimate, per-probe detail and stopping information. */
export interface SlqResult {
  /** The estimated spectral measure: every probe's rule, averaged. */
  readonly measure: SpectralMeasure;
  readonly probes: readonly SlqProbe[];
  /** Lanczos steps per probe asked for (m). */
  readonly steps: number;
  /** Matrix-vector products in all. */
  readonly matvecs: number;
  /** Largest Ritz value over the probes (the estimate of λ_max). */
  readonly lambdaMax: number;
  /** tr A ≈ n · mean_p Σ τ θ, with the standard error of that mean over probes (NaN for one probe). */
  readonly trace: { readonly value: number; readonly standardError: number };
  /** Every probe's top Ritz pair met `tol` (or its Krylov space was invariant). */
  readonly converged: boolean;
  /** The largest top-Ritz residual over the probes, relative to max|θ|. */
  readonly residual: number;
}

/**
 * The spectral density of the symmetric operator `matvec` on ℝⁿ by stochastic Lanczos quadrature: `probes` seeded
 * Rademacher (or Gaussian) unit vectors, each the start of `steps` steps of Lanczos with full reorthogonalisation
 * (`lanczos` with `quadrature`, stopping early only at an invariant subspace), whose Gauss rules are averaged.
 * Each rule is exact for polynomials of degree ≤ 2m − 1 of the probe's spectral measure; the average's error is
 * the probes' Monte Carlo error (O(1/√(n·probes)) for smooth functionals). Broaden it with `broadenedDensity`.
 */
export function slq(matvec: MatVec, n: number, options: SlqOptions): SlqResult {
  const fn = 'slq';
  if (!Number.isInteger(n) || n < 1) throw new BadArgumentError(fn, 'n', 'a positive integer', String(n));
  const probes = options.probes ?? 10;
  if (!Number.isInteger(probes) || probes < 1)
    throw new BadArgumentError(fn, 'options.probes', 'a positive integer', String(probes));
  const steps = options.steps ?? Math.min(n, 80);
  if (!Number.isInteger(steps) || steps < 1 || steps > n)
    throw new BadArgumentError(fn, 'options.steps', `an integer in [1, n = ${n}]`, String(steps));
  const kind = options.probe ?? 'rademacher';
  if (kind !== 'rademacher' && kind !== 'gaussian')
    throw new BadArgumentError(fn, 'options.probe', "'rademacher' or 'gaussian'", String(kind));
  const tol = options.tol ?? 1e-6;
  if (!(tol > 0)) throw new BadArgumentError(fn, 'options.tol', '> 0', String(tol));
  const { rng } = options;
  const runs: SlqProbe[] = [];
  let matvecs = 0;
  let worst = 0;
  const checked: MatVec = (x) => {
    const y = matvec(x);
    if (y.length !== n) throw new DimensionMismatchError(fn, 'matvec(v)', `length ${n}`, `length ${y.length}`);
    return y;
  };
  for (let p = 0; p < probes; p++) {
    const v = new Float64Array(n);
    if (kind === 'rademacher') fillRademacher(v, rng);
    else for (let i = 0; i < n; i++) v[i] = rng.normal();
    const lz = lanczos(checked, n, {
      k: 1,
      rng,
      blockSize: 1,
      maxDimension: steps,
      tol,
      start: v,
      stopWhenConverged: false,
      onBreakdown: 'stop',
      quadrature: true,
    });
    const rule = lz.quadrature!;
    let q = 0;
    let scale = 0;
    for (let i = 0; i < rule.nodes.length; i++) {
      q += rule.weights[i]! * rule.nodes[i]!;
      scale = Math.max(scale, Math.abs(rule.nodes[i]!));
    }
    matvecs += lz.matvecs;
    const converged = lz.converged || lz.breakdown;
    worst = Math.max(worst, lz.residual / Math.max(scale, Number.MIN_VALUE));
    runs.push({
      rule,
      steps: lz.dimension,
      breakdown: lz.breakdown,
      residual: lz.residual,
      converged,
      quadraticForm: q,
    });
  }
  const samples = runs.map((r) => n * r.quadraticForm);
  const mean = samples.reduce((a, b) => a + b, 0) / probes;
  const variance = probes > 1 ? samples.reduce((a, b) => a + (b - mean) ** 2, 0) / (probes - 1) : NaN;
  let lambdaMax = -Infinity;
  for (const r of runs) lambdaMax = Math.max(lambdaMax, r.rule.nodes[r.rule.nodes.length - 1]!);
  return {
    measure: averageMeasures(runs.map((r) => r.rule)),
    probes: runs,
    steps,
    matvecs,
    lambdaMax,
    trace: { value: mean, standardError: Math.sqrt(variance / probes) },
    converged: runs.every((r) => r.converged),
    residual: worst,
  };
}
