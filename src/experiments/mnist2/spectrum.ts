/**
 * The whole spectrum of one MNIST2 cell's robust-loss Hessian at w* (Fig. 3's robust Hessian), as the Hessian tools
 * report it and checked against the exact answer: its eigenvalue density by stochastic Lanczos quadrature (PyHessian's
 * `density`) and its trace by Hutchinson's estimator (PyHessian's `trace`), both on Hessian-vector products with
 * seeded probes, beside the exact eigenvalues and trace of the dense Hessian (d ≈ 785, so the dense one is cheap).
 */
import { hutchinsonTrace } from '../../eigen/hutchinson.ts';
import { slq } from '../../eigen/slq.ts';
import {
  broadenedDensity,
  exactSpectralMeasure,
  kolmogorovDistance,
  wasserstein1,
} from '../../eigen/spectral-measure.ts';
import { symmetricEigen } from '../../eigen/symmetric-eigen.ts';
import { ClaimcheckError } from '../../errors.ts';
import type { Dataset } from '../../numeric/dataset.ts';
import { makeRng } from '../../rng.ts';
import { MAX_SEED } from '../../settings.ts';
import { degenerateReason } from './degenerate.ts';
import { cellHessianLoss, type HessianOptions } from './hessian.ts';
import { type CellSpectrum, cellRef, type SlqDensity } from './measurement-schemas.ts';
import type { Mnist2Cell } from './results.ts';
import { mnist2Series } from './series.ts';

/** Options of `cellSpectrum`. */
export interface SpectrumOptions {
  /** How Fig. 3's robust Hessian is built (L∞ maximiser, noise seed): the same Hessian as Fig. 3's. */
  readonly hessian?: HessianOptions;
  /** Seed of the SLQ probes (default 0), probes (default 20), Lanczos steps per probe (default 30), tolerance. */
  readonly slqSeed?: number;
  readonly slqProbes?: number;
  readonly slqSteps?: number;
  readonly slqTol?: number;
  /** σ of the Gaussian broadening over λ_max − λ_min of the exact spectrum (default 0.01). */
  readonly broadening?: number;
  /** Points of the density grid (default 400). */
  readonly gridPoints?: number;
  /** Seed of Hutchinson's Rademacher probes (default 0), their cap (default 200) and relative tolerance (0.02). */
  readonly hutchinsonSeed?: number;
  readonly hutchinsonProbes?: number;
  readonly hutchinsonTol?: number;
}

/** `options` with every default filled in. */
export function resolvedSpectrumOptions(options: SpectrumOptions = {}): Required<SpectrumOptions> {
  return {
    hessian: options.hessian ?? {},
    slqSeed: options.slqSeed ?? 0,
    slqProbes: options.slqProbes ?? 20,
    slqSteps: options.slqSteps ?? 30,
    slqTol: options.slqTol ?? 1e-6,
    broadening: options.broadening ?? 0.01,
    gridPoints: options.gridPoints ?? 400,
    hutchinsonSeed: options.hutchinsonSeed ?? 0,
    hutchinsonProbes: options.hutchinsonProbes ?? 200,
    hutchinsonTol: options.hutchinsonTol ?? 0.02,
  };
}

function checkOptions(o: Required<SpectrumOptions>): void {
  const bad = (name: string, want: string, got: unknown): never => {
    throw new ClaimcheckError('BAD_INPUT', `cellSpectrum: ${name} must be ${want}, got ${String(got)}`);
  };
  for (const [name, v] of [
    ['slqSeed', o.slqSeed],
    ['hutchinsonSeed', o.hutchinsonSeed],
  ] as const)
    if (!Number.isInteger(v) || v < 0 || v > MAX_SEED) bad(name, 'an integer in [0, 2^32)', v);
  if (!Number.isInteger(o.slqProbes) || o.slqProbes < 2) bad('slqProbes', 'an integer ≥ 2', o.slqProbes);
  if (!Number.isInteger(o.slqSteps) || o.slqSteps < 1) bad('slqSteps', 'a positive integer', o.slqSteps);
  if (!Number.isInteger(o.gridPoints) || o.gridPoints < 2) bad('gridPoints', 'an integer ≥ 2', o.gridPoints);
  if (!(o.broadening > 0 && o.broadening < 1)) bad('broadening', 'in (0, 1)', o.broadening);
  if (!Number.isInteger(o.hutchinsonProbes) || o.hutchinsonProbes < 2)
    bad('hutchinsonProbes', 'an integer ≥ 2', o.hutchinsonProbes);
}

/**
 * The robust-loss Hessian H of one cell at w*: exact eigenvalues and trace (dense H, Householder + QL), tr H by
 * Hutchinson on HVPs (Rademacher probes, stopped at `hutchinsonTol`·|estimate| or `hutchinsonProbes`), and with
 * `density` its eigenvalue density by SLQ on HVPs, broadened on a grid beside the exact spectrum's with the same σ,
 * with the distances between the two.
 */
export function cellSpectrum(cell: Mnist2Cell, ds: Dataset, options: SpectrumOptions, density: boolean): CellSpectrum {
  const t0 = performance.now();
  const o = resolvedSpectrumOptions(options);
  checkOptions(o);
  const reason = degenerateReason(cell);
  if (reason !== undefined) throw new ClaimcheckError('BAD_INPUT', `cellSpectrum: ${reason}`);
  const { loss, description, w } = cellHessianLoss(cell, ds, 'robust', o.hessian);
  const dim = w.length;
  const H = loss.hessian(w);
  const eig = symmetricEigen(H, dim);
  const lambdaMax = eig.values[0]!;
  const lambdaMin = eig.values[dim - 1]!;
  let trace = 0;
  let offDiagonal2 = 0;
  for (let i = 0; i < dim; i++) {
    trace += H[i * dim + i]!;
    for (let j = 0; j < dim; j++) if (j !== i) offDiagonal2 += H[i * dim + j]! ** 2;
  }
  let nearZero = 0;
  for (const v of eig.values) if (Math.abs(v) <= 1e-10 * Math.abs(lambdaMax)) nearZero++;
  const hvp = (v: Float64Array): Float64Array => loss.hvp(w, v);
  const hutch = hutchinsonTrace(hvp, dim, {
    rng: makeRng(o.hutchinsonSeed),
    samples: o.hutchinsonProbes,
    minSamples: Math.min(10, o.hutchinsonProbes),
    tol: o.hutchinsonTol,
  });
  const result: CellSpectrum = {
    ...cellRef(cell),
    which: 'robust',
    description,
    dim,
    examples: ds.n,
    exact: {
      algorithm: 'dense Hessian, symmetric eigensolver (Householder tridiagonalisation + implicit QL)',
      lambdaMin,
      lambdaMax,
      trace,
      nearZero,
      converged: eig.converged,
      residual: eig.residual,
    },
    hutchinson: {
      algorithm: "Hutchinson's estimator on Hessian-vector products, Rademacher probes",
      seed: o.hutchinsonSeed,
      value: hutch.value,
      standardError: hutch.standardError,
      probes: hutch.iterations,
      maxProbes: o.hutchinsonProbes,
      tol: o.hutchinsonTol,
      converged: hutch.converged,
      expectedStandardError: Math.sqrt((2 * offDiagonal2) / hutch.iterations),
      z: (hutch.value - trace) / hutch.standardError,
    },
    timingMs: 0,
  };
  const withDensity = density ? { ...result, density: slqDensity(hvp, dim, eig.values, o) } : result;
  return { ...withDensity, timingMs: performance.now() - t0 };
}

function slqDensity(
  hvp: (v: Float64Array) => Float64Array,
  dim: number,
  eigenvalues: Float64Array,
  o: Required<SpectrumOptions>,
): SlqDensity {
  const steps = Math.min(o.slqSteps, dim);
  const s = slq(hvp, dim, { rng: makeRng(o.slqSeed), probes: o.slqProbes, steps, tol: o.slqTol });
  const exact = exactSpectralMeasure(eigenvalues);
  const lambdaMax = eigenvalues[0]!;
  const lambdaMin = eigenvalues[dim - 1]!;
  const width = Math.max(lambdaMax - lambdaMin, Number.MIN_VALUE * 1e6);
  const sigma = o.broadening * width;
  const lo = Math.min(lambdaMin, s.measure.nodes[0]!) - 4 * sigma;
  const hi = Math.max(lambdaMax, s.lambdaMax) + 4 * sigma;
  const grid = Array.from({ length: o.gridPoints }, (_, i) => lo + ((hi - lo) * i) / (o.gridPoints - 1));
  let exactTrace = 0;
  for (const v of eigenvalues) exactTrace += v;
  return {
    algorithm: `stochastic Lanczos quadrature on Hessian-vector products (${steps} Lanczos steps per probe, full reorthogonalisation), Gaussian broadening`,
    probe: 'rademacher',
    probes: o.slqProbes,
    steps,
    seed: o.slqSeed,
    matvecs: s.matvecs,
    converged: s.converged,
    residual: s.residual,
    tol: o.slqTol,
    lambdaMax: s.lambdaMax,
    trace: s.trace.value,
    traceStandardError: s.trace.standardError,
    sigma,
    broadening: o.broadening,
    grid,
    density: Array.from(broadenedDensity(s.measure, grid, sigma)),
    exactDensity: Array.from(broadenedDensity(exact, grid, sigma)),
    agreement: {
      kolmogorov: kolmogorovDistance(s.measure, exact, sigma),
      wasserstein1: wasserstein1(s.measure, exact) / width,
      lambdaMax: Math.abs(s.lambdaMax - lambdaMax) / Math.max(Math.abs(lambdaMax), Number.MIN_VALUE),
      traceZ: (s.trace.value - exactTrace) / s.trace.standardError,
    },
  };
}

/** Up to three ε of a series: the smallest, the middle and the largest nonzero one. */
function spread3<C extends Pick<Mnist2Cell, 'eps'>>(series: readonly C[]): C[] {
  const nonzero = series.filter((c) => c.eps > 0);
  const picks = [nonzero[0], nonzero[Math.floor((nonzero.length - 1) / 2)], nonzero[nonzero.length - 1]];
  return [...new Set(picks.filter((c): c is C => c !== undefined))];
}

/**
 * The cells whose spectrum is measured, by key: the trace on every Fig. 3 cell (each norm's adversarial series with
 * its standard model), the density on the L2 standard model and the smallest, middle and largest L2 PGD ε, and the
 * same three L∞ PGD ε (the L∞ standard model too when the sweep has no L2 cells). Cells trained to w = 0 are left out.
 */
export function spectrumCells(cells: readonly Mnist2Cell[]): {
  readonly trace: readonly string[];
  readonly density: readonly string[];
} {
  const ok = (c: Mnist2Cell): boolean => degenerateReason(c) === undefined;
  const l2 = mnist2Series(cells, 'l2', 'adversarial').filter(ok);
  const linf = mnist2Series(cells, 'linf', 'adversarial').filter(ok);
  const trace = [...l2, ...linf].map((c) => c.key);
  const standard = (l2.length > 0 ? l2 : linf).find((c) => c.eps === 0);
  const density = [...(standard ? [standard] : []), ...spread3(l2), ...spread3(linf)].map((c) => c.key);
  return { trace: [...new Set(trace)], density: [...new Set(density)] };
}
