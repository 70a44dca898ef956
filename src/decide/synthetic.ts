/**
 * Real optima of small synthetic problems (Float64), to measure what an assumption of the paper forces or whether
 * its conclusion holds where the assumption does not. Every synthetic data set a claim measures is a problem of the
 * one shared set defined here (`sharedProblems`, `separableProblem`, `onRayProblem`), and every entry names the
 * problems it used (`problemName`, `problemSetLine`): seeded Gaussian two-class data in ℝ^3 that is not robustly
 * separable, the L2-robust loss and the uniform-noise loss minimised by damped Newton to ‖∇L‖ ≤ 1e-10, and the
 * Hessian spectrum at the optimum (Jacobi rotations on the d×d matrix). Comparisons across models are made at matched
 * ε and at matched training loss (`matchNoiseLevel`, `matchPenalty`).
 */
import { deriveSeed, makeRng } from '../rng.ts';
import { makeDataset, type Dataset } from '../numeric/dataset.ts';
import { robustL2Loss } from '../numeric/robust-l2.ts';
import { randomNoiseLoss, sampleUniformNoise } from '../numeric/random-noise.ts';
import { uniformBoxExpectations } from '../noise/quadrature.ts';
import { minimize, type MinimizeObjective, type MinimizeResult } from '../numeric/minimize.ts';
import type { Loss } from '../numeric/loss.ts';

/**
 * The ε grid of the seeded synthetic problems whose real optima test the paper's assumptions (all below the ε at which
 * the synthetic data stop being robustly learnable and w* collapses to 0).
 */
export const SYNTHETIC_EPS_GRID: readonly number[] = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5];

/**
 * The shared synthetic problem set, defined once: `count` seeded data sets of N points in ℝ^d, x^n = y^n·s·μ + σ·z^n
 * (z^n ~ N(0, I) from the data seed, y^n = +1, −1 alternating), with class-mean scale s = 1 (the classes overlap, so
 * the data are not robustly separable and every robust optimum is finite), or s = `separable` for the companion of
 * problem 1 on which Theorem 2's premise (every κ^n → 0) can be approached. The uniform noise of the random-noise
 * models is drawn once per problem, η_i^n = ε·u_i^n with u_i^n ~ U(−1, 1) from the data seed + 1, so the noise level
 * scales one draw (the models at different ε differ only in ε). Problem 1's data seed is derived from the run seed
 * only, so every claim of a run measures the same problems.
 */
export const SYNTHETIC_SET = {
  count: 8,
  n: 60,
  d: 3,
  mu: [0.6, 0.3, 0.1] as readonly number[],
  sigma: 0.6,
  separable: 4,
  /** The points of the constructed data on one ray (`onRayProblem`). */
  onRayN: 6,
} as const;

/** The generator of the shared set in words, for the evidence of every entry that uses it. */
export const SYNTHETIC_GENERATOR = `x^n = y^n·s·μ + ${SYNTHETIC_SET.sigma}·z^n, z^n ~ N(0, I) seeded by the data seed, μ = (${SYNTHETIC_SET.mu.join(', ')}), y^n = +1, −1 alternating, s = 1 (the classes overlap); uniform noise η_i^n = ε·u_i^n, u_i^n ~ U(−1, 1) drawn once from the data seed + 1`;

/** One problem of the shared set. */
export interface SyntheticProblem {
  /** 1-based position in the shared set. */
  readonly index: number;
  /** The size of the shared set. */
  readonly count: number;
  /** The data seed (the noise draws use seed + 1). */
  readonly seed: number;
  readonly n: number;
  readonly d: number;
  /** The class-mean scale s: 1, or `SYNTHETIC_SET.separable` for the separable companion of problem 1. */
  readonly separation: number;
}

/** The shared synthetic problems of a run: problem 1 first, then `count − 1` more, all derived from the run seed. */
export function sharedProblems(runSeed: number, count: number = SYNTHETIC_SET.count): SyntheticProblem[] {
  const seeds = [
    deriveSeed(runSeed, 'synthetic-optima'),
    ...Array.from({ length: count - 1 }, (_, i) => deriveSeed(runSeed, `synthetic-optima/${i + 2}`)),
  ];
  return seeds.map((seed, i) => ({
    index: i + 1,
    count,
    seed,
    n: SYNTHETIC_SET.n,
    d: SYNTHETIC_SET.d,
    separation: 1,
  }));
}

/** Problem 1 of the shared set: the one problem a measurement on a single data set uses. */
export function sharedProblem(runSeed: number): SyntheticProblem {
  return sharedProblems(runSeed)[0]!;
}

/** The separable companion of problem 1: the same draws with the class means scaled by `SYNTHETIC_SET.separable`. */
export function separableProblem(runSeed: number): SyntheticProblem {
  return { ...sharedProblem(runSeed), separation: SYNTHETIC_SET.separable };
}

/** The data of a problem of the shared set. */
export function problemData(p: SyntheticProblem): Dataset {
  return syntheticDataset(p.seed, p.n, p.d, p.separation);
}

/** The uniform noise of a problem at level ε: the one draw u of the data seed + 1, scaled by ε. */
export function problemNoise(p: SyntheticProblem, eps: number): Float64Array {
  return sampleUniformNoise(makeRng(p.seed + 1), problemData(p), eps, { norm: 'linf' });
}

/** A problem in a few words: its place in the shared set, N, d and data seed. */
export function problemName(p: SyntheticProblem): string {
  const which =
    p.separation === 1
      ? `shared synthetic problem ${p.index}/${p.count}`
      : `separable companion of shared synthetic problem ${p.index}/${p.count} (class means ×${p.separation})`;
  return `${which} (N = ${p.n}, d = ${p.d}, data seed ${p.seed})`;
}

/** The line of evidence that names the problems an entry used and how they are generated. */
export function problemSetLine(ps: readonly SyntheticProblem[]): string {
  return `synthetic problems used: ${ps.map(problemName).join('; ')}; generator (src/decide/synthetic.ts, SYNTHETIC_SET): ${SYNTHETIC_GENERATOR}`;
}

/** The constructed data on one ray of a run (`onRayDataset`): its seed is derived from the run seed only. */
export function onRayProblem(runSeed: number): { readonly seed: number; readonly n: number; readonly d: number } {
  return { seed: deriveSeed(runSeed, 'synthetic-on-ray'), n: SYNTHETIC_SET.onRayN, d: SYNTHETIC_SET.d };
}

/** The constructed on-ray data in a few words. */
export function onRayName(seed: number): string {
  return `constructed on-ray data (N = ${SYNTHETIC_SET.onRayN}, d = ${SYNTHETIC_SET.d}, seed ${seed}: x^n = y^n·ε·u, u a seeded unit vector)`;
}

/** Eigenvalues (descending) of a small symmetric matrix by cyclic Jacobi rotations. */
export function smallSymmetricEigenvalues(a: Float64Array, d: number): number[] {
  const m = Float64Array.from(a);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < d; p++) for (let q = p + 1; q < d; q++) off += m[p * d + q]! ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < d; p++) {
      for (let q = p + 1; q < d; q++) {
        const apq = m[p * d + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (m[q * d + q]! - m[p * d + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < d; k++) {
          const akp = m[k * d + p]!;
          const akq = m[k * d + q]!;
          m[k * d + p] = c * akp - s * akq;
          m[k * d + q] = s * akp + c * akq;
        }
        for (let k = 0; k < d; k++) {
          const apk = m[p * d + k]!;
          const aqk = m[q * d + k]!;
          m[p * d + k] = c * apk - s * aqk;
          m[q * d + k] = s * apk + c * aqk;
        }
      }
    }
  }
  return Array.from({ length: d }, (_, i) => m[i * d + i]!).sort((x, y) => y - x);
}

/** The generator of `SYNTHETIC_SET` (consumers take a problem from `problemData`). */
function syntheticDataset(seed: number, n: number, d: number, separation: number): Dataset {
  const rng = makeRng(seed);
  const mu = SYNTHETIC_SET.mu.slice(0, d).map((m) => m * separation);
  const X = new Float64Array(n * d);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % 2 === 0 ? 1 : -1;
    for (let k = 0; k < d; k++) X[i * d + k] = y[i]! * (mu[k] ?? 0) + SYNTHETIC_SET.sigma * rng.normal();
  }
  return makeDataset(X, y, n, d);
}

/**
 * Data on which the per-point optimality condition of Theorem 1 holds at every ε-scaled weight on one ray: x^n =
 * y^n·ε·u for a seeded unit vector u, so w*_i/‖w*‖ = y^n x_i^n/‖η^n‖ (‖η^n‖ = ε) for every n at every w* = t·u, t > 0.
 */
export function onRayDataset(
  seed: number,
  eps: number,
  n = 6,
  d = 3,
): { readonly ds: Dataset; readonly u: Float64Array } {
  const rng = makeRng(seed);
  const g = Float64Array.from({ length: d }, () => rng.normal());
  const norm = Math.hypot(...g);
  const u = g.map((v) => v / norm);
  const X = new Float64Array(n * d);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % 2 === 0 ? 1 : -1;
    for (let k = 0; k < d; k++) X[i * d + k] = y[i]! * eps * u[k]!;
  }
  return { ds: makeDataset(X, y, n, d), u };
}

/** Largest per-point gradient norm ‖∇_w ℓ(x^n + η^n, y^n, w)‖ of the L2-robust loss at w (0 when every point is stationary). */
export function maxPerPointGradient(ds: Dataset, eps: number, w: Float64Array): number {
  let max = 0;
  for (let i = 0; i < ds.n; i++) {
    const one = makeDataset(ds.X.subarray(i * ds.d, (i + 1) * ds.d), ds.y.subarray(i, i + 1), 1, ds.d);
    max = Math.max(max, Math.hypot(...robustL2Loss(one, eps).grad(w)));
  }
  return max;
}

/**
 * The optimum of the L2-robust loss on `ds` at ε: damped Newton to ‖∇L‖ ≤ 1e-10, then L-BFGS from the same start when
 * Newton does not converge (on data whose optima form a ray the Hessian is singular along it).
 */
export function robustOptimum(ds: Dataset, eps: number): MinimizeResult {
  const loss = robustL2Loss(ds, eps);
  const w0 = new Float64Array(ds.d).fill(0.1);
  const newton = minimize(loss, w0, { method: 'newton', gradTol: 1e-10 });
  return newton.converged ? newton : minimize(loss, w0, { method: 'lbfgs', gradTol: 1e-10 });
}

export interface OptimumRow {
  readonly eps: number;
  readonly n: number;
  readonly d: number;
  readonly seed: number;
  /** The optimum w* of the L2-robust loss. */
  readonly w: readonly number[];
  readonly wNorm: number;
  readonly gradNorm: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** The training loss of the adversarial model: the L2-robust loss at ε at its optimum. */
  readonly loss: number;
  /** Top eigenvalue of the robust-loss Hessian at the optimum. */
  readonly lambdaMax: number;
  readonly eigenvalues: readonly number[];
  /** Largest per-point gradient norm at the optimum (0 if the per-point condition held). */
  readonly maxPointGrad: number;
  /** Top eigenvalue of the Hessian of the uniform-noise model (η_i ~ U(−ε, ε), fixed draws) at its optimum. */
  readonly randomLambdaMax: number;
  /** The optimum of the uniform-noise loss. */
  readonly randomW: readonly number[];
  readonly randomWNorm: number;
  /** The training loss of the uniform-noise model: its loss on x + η at its optimum. */
  readonly randomLoss: number;
}

const sweeps = new Map<string, OptimumRow[]>();

const problemKey = (p: SyntheticProblem): string => `${p.seed}:${p.n}:${p.d}:${p.separation}`;

/**
 * Minimises the L2-robust and the uniform-noise losses of a shared problem at each ε and measures the Hessians at the
 * optima (computed once per process for a given grid and problem, since every claim that needs these optima gets the
 * same ones).
 */
export function robustOptimumSweep(epsGrid: readonly number[], problem: SyntheticProblem): OptimumRow[] {
  const key = `${problemKey(problem)}:${epsGrid.join(',')}`;
  let rows = sweeps.get(key);
  if (!rows) {
    rows = computeSweep(epsGrid, problem);
    sweeps.set(key, rows);
  }
  return rows;
}

function computeSweep(epsGrid: readonly number[], problem: SyntheticProblem): OptimumRow[] {
  const ds = problemData(problem);
  const { n, d } = ds;
  return epsGrid.map((eps) => {
    const loss = robustL2Loss(ds, eps);
    const w0 = new Float64Array(d).fill(0.1);
    const opt = minimize(loss, w0, { method: 'newton', gradTol: 1e-10 });
    const eig = smallSymmetricEigenvalues(loss.hessian(opt.w), d);
    const maxPointGrad = maxPerPointGradient(ds, eps, opt.w);
    const random = uniformNoiseOptimum(problem, eps);
    return {
      eps,
      n,
      d,
      seed: problem.seed,
      w: [...opt.w],
      wNorm: Math.hypot(...opt.w),
      gradNorm: opt.gradNorm,
      iterations: opt.iterations,
      converged: opt.converged,
      loss: loss.value(opt.w),
      lambdaMax: eig[0]!,
      eigenvalues: eig,
      maxPointGrad,
      randomLambdaMax: random.lambdaMax,
      randomW: random.w,
      randomWNorm: random.wNorm,
      randomLoss: random.loss,
    };
  });
}

/** A trained model of a comparison: its weight, training loss and top Hessian eigenvalue of its training loss. */
export interface TrainedModel {
  readonly w: readonly number[];
  readonly wNorm: number;
  /** Its training loss (the loss it was trained on, without any penalty). */
  readonly loss: number;
  /** Top eigenvalue of the Hessian of its training loss at w. */
  readonly lambdaMax: number;
  readonly gradNorm: number;
  readonly converged: boolean;
}

function trained(loss: Loss, opt: MinimizeResult, d: number): TrainedModel {
  return {
    w: [...opt.w],
    wNorm: Math.hypot(...opt.w),
    loss: loss.value(opt.w),
    lambdaMax: smallSymmetricEigenvalues(loss.hessian(opt.w), d)[0]!,
    gradNorm: opt.gradNorm,
    converged: opt.converged,
  };
}

function solveUniformNoise(problem: SyntheticProblem, eps: number): TrainedModel {
  const ds = problemData(problem);
  const rloss = randomNoiseLoss(ds, problemNoise(problem, eps));
  const ropt = minimize(rloss, new Float64Array(ds.d).fill(0.1), { method: 'newton', gradTol: 1e-10 });
  return trained(rloss, ropt, ds.d);
}

const noiseOptima = new Map<string, TrainedModel>();

/** The optimum of the uniform-noise loss of a problem at noise level ε (its fixed draws scaled by ε), cached. */
export function uniformNoiseOptimum(problem: SyntheticProblem, eps: number): TrainedModel {
  const key = `${problemKey(problem)}:${eps}`;
  let m = noiseOptima.get(key);
  if (!m) {
    m = solveUniformNoise(problem, eps);
    noiseOptima.set(key, m);
  }
  return m;
}

/**
 * A model matched to a target training loss: the knob's value (a noise level, or a penalty), the model there, and
 * |loss − target|; or why none was found.
 */
export type LossMatch =
  | {
      readonly matched: true;
      readonly target: number;
      /** The noise level ε' (`matchNoiseLevel`) or the penalty μ (`matchPenalty`). */
      readonly level: number;
      readonly model: TrainedModel;
      readonly residual: number;
    }
  | {
      readonly matched: false;
      readonly target: number;
      readonly reason: string;
      /** No level of the knob reaches the target (no such model exists), rather than an optimiser that failed. */
      readonly unreachable: boolean;
    };

/** Bisection stops when |loss − target| is at most this, or after `MATCH_MAX_STEPS` steps. */
export const MATCH_LOSS_TOLERANCE = 1e-10;
const MATCH_MAX_STEPS = 200;

/** Bisection on a knob between lo (loss below target) and hi (loss at or above it); returns the closer end. */
function bisect(
  solve: (level: number) => TrainedModel,
  target: number,
  lo: number,
  hi: number,
  atLo: TrainedModel,
  atHi: TrainedModel,
): LossMatch {
  let a = { level: lo, m: atLo };
  let b = { level: hi, m: atHi };
  for (let k = 0; k < MATCH_MAX_STEPS; k++) {
    if (Math.abs(b.m.loss - target) <= MATCH_LOSS_TOLERANCE || Math.abs(a.m.loss - target) <= MATCH_LOSS_TOLERANCE)
      break;
    const mid = (a.level + b.level) / 2;
    if (mid === a.level || mid === b.level) break;
    const m = solve(mid);
    if (!m.converged)
      return { matched: false, target, reason: `the optimiser did not converge at ${mid}`, unreachable: false };
    if (m.loss < target) a = { level: mid, m };
    else b = { level: mid, m };
  }
  const best = Math.abs(a.m.loss - target) <= Math.abs(b.m.loss - target) ? a : b;
  return { matched: true, target, level: best.level, model: best.m, residual: Math.abs(best.m.loss - target) };
}

/**
 * The noise levels scanned for `matchNoiseLevel`: 0, then 0.01·√2^k up to about 1000. The uniform-noise training
 * loss is not monotone in ε' (one draw can help the fit at small ε'), so the match is searched on this scan first.
 */
export const NOISE_LEVEL_SCAN: readonly number[] = [0, ...Array.from({ length: 34 }, (_, k) => 0.01 * Math.SQRT2 ** k)];

/**
 * The uniform-noise model of `problem` whose training loss (its loss on x + η at its optimum) equals `target`: the
 * smallest scanned noise level ε' (`NOISE_LEVEL_SCAN`) at which the loss reaches the target, then bisection on ε'
 * between it and the scanned level before it, with a real optimum at every step. Unmatched when no scanned level
 * reaches the target (the loss tends to that of fitting the noise draws alone as ε' grows, below log 2).
 */
export function matchNoiseLevel(problem: SyntheticProblem, target: number): LossMatch {
  let prev: { level: number; m: TrainedModel } | undefined;
  let top = -Infinity;
  for (const level of NOISE_LEVEL_SCAN) {
    const m = uniformNoiseOptimum(problem, level);
    if (!m.converged) {
      prev = undefined;
      continue;
    }
    top = Math.max(top, m.loss);
    if (m.loss >= target) {
      if (!prev) return { matched: true, target, level, model: m, residual: Math.abs(m.loss - target) };
      return bisect((e) => solveUniformNoise(problem, e), target, prev.level, level, prev.m, m);
    }
    prev = { level, m };
  }
  return {
    matched: false,
    target,
    reason: `no uniform-noise level ε' ≤ ${formatLevel(NOISE_LEVEL_SCAN[NOISE_LEVEL_SCAN.length - 1]!)} reaches training loss ${target.toFixed(6)} (the largest reached is ${top.toFixed(6)})`,
    unreachable: true,
  };
}

function formatLevel(x: number): string {
  return Number(x.toPrecision(4)).toString();
}

/** The L2-robust loss at ε plus (μ/2)‖w‖², for the regularisation path of `matchPenalty`. */
function penalised(loss: Loss, mu: number): MinimizeObjective {
  return {
    value: (w) => loss.value(w) + (mu / 2) * w.reduce((a, v) => a + v * v, 0),
    grad: (w) => loss.grad(w).map((g, i) => g + mu * w[i]!),
    hessian: (w) => {
      const h = loss.hessian(w);
      for (let i = 0; i < w.length; i++) h[i * w.length + i] = h[i * w.length + i]! + mu;
      return h;
    },
  };
}

function solvePenalised(problem: SyntheticProblem, eps: number, mu: number): TrainedModel {
  const ds = problemData(problem);
  const loss = robustL2Loss(ds, eps);
  const opt = minimize(penalised(loss, mu), new Float64Array(ds.d).fill(0.1), { method: 'newton', gradTol: 1e-10 });
  return trained(loss, opt, ds.d);
}

/**
 * The adversarial model of `problem` at ε whose training loss (the L2-robust loss at ε, without the penalty) equals
 * `target` (above its minimum): the optimum of the robust loss plus (μ/2)‖w‖², with μ found by doubling from 1e-3 and
 * then bisection. The regularisation path is the real-optimum counterpart of stopping training early; along it the
 * robust loss is nondecreasing in μ (for μ₁ < μ₂ optimality gives (μ₂ − μ₁)(‖w₂‖² − ‖w₁‖²) ≤ 0, hence L(w₁) ≤ L(w₂))
 * and continuous (the penalised loss is strictly convex), so the bisection finds the one level. Its sharpness is the
 * Hessian of the robust loss alone.
 */
export function matchPenalty(problem: SyntheticProblem, eps: number, target: number): LossMatch {
  const free = solvePenalised(problem, eps, 0);
  if (!free.converged)
    return { matched: false, target, reason: `the optimum at ε = ${eps} did not converge`, unreachable: false };
  if (free.loss >= target)
    return { matched: true, target, level: 0, model: free, residual: Math.abs(free.loss - target) };
  let lo = 0;
  let atLo = free;
  let hi = 1e-3;
  for (let k = 0; k < 60; k++) {
    const m = solvePenalised(problem, eps, hi);
    if (!m.converged)
      return { matched: false, target, reason: `the optimiser did not converge at μ = ${hi}`, unreachable: false };
    if (m.loss >= target) return bisect((mu) => solvePenalised(problem, eps, mu), target, lo, hi, atLo, m);
    lo = hi;
    atLo = m;
    hi *= 2;
  }
  return {
    matched: false,
    target,
    reason: `no penalty μ ≤ ${hi} brings the robust loss at ε = ${eps} to ${target}`,
    unreachable: true,
  };
}

export interface Theorem2Evidence {
  /** Along w = t·w₀ on separable noisy data: t, loss, λmax, smallest κ^n = exp(−y^n w·(x^n + η^n)). */
  readonly path: readonly {
    readonly t: number;
    readonly loss: number;
    readonly lambdaMax: number;
    readonly minKappa: number;
  }[];
  /**
   * Slightly away from the per-point minimum (w = t·w₀ on the same data, κ^n small but finite): for each t and ε,
   * λmax of the expected Hessian E_η[H(w)] over η_i ~ U(−ε, ε), by tensor Gauss–Legendre quadrature, with the change
   * in λmax when the rule is halved (its error estimate).
   */
  readonly nearMinimum: readonly {
    readonly t: number;
    readonly rows: readonly { readonly eps: number; readonly lambdaMax: number; readonly error: number }[];
  }[];
  /** Gauss–Legendre nodes per noise coordinate. */
  readonly nodes: number;
}

/**
 * The expected Hessian of the uniform-noise loss at `w`: (1/N) Σ_n E_η[σ'(y^n w·(x^n + η)) (x^n + η)(x^n + η)ᵀ] for
 * η_i ~ U(−ε, ε) independently, by the tensor `nodes`-point Gauss–Legendre rule (the integrand is analytic, so the
 * error falls exponentially with `nodes`). Row-major d×d.
 */
export function expectedUniformNoiseHessian(
  ds: Dataset,
  w: ArrayLike<number>,
  eps: number,
  nodes: number,
): Float64Array {
  const { n, d } = ds;
  const total = new Float64Array(d * d);
  const z = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const x = ds.X.subarray(i * d, (i + 1) * d);
    const y = ds.y[i]!;
    const e = uniformBoxExpectations(
      (eta, out) => {
        let m = 0;
        for (let k = 0; k < d; k++) {
          z[k] = x[k]! + eta[k]!;
          m += w[k]! * z[k]!;
        }
        const s = 1 / (1 + Math.exp(-y * m));
        const c = s * (1 - s);
        for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) out[a * d + b] = c * z[a]! * z[b]!;
      },
      d * d,
      d,
      eps,
      nodes,
    );
    for (let k = 0; k < d * d; k++) total[k] = total[k]! + e[k]! / n;
  }
  return total;
}

/**
 * Measures Theorem 2's two statements on a problem of the shared set (its separable companion, so that every κ^n can
 * approach 0), with the problem's uniform noise at the largest ε.
 */
export function theorem2Evidence(epsGrid: readonly number[], problem: SyntheticProblem, nodes = 12): Theorem2Evidence {
  const sep = problemData(problem);
  const eps = epsGrid[epsGrid.length - 1]!;
  const eta = problemNoise(problem, eps);
  const noisy = randomNoiseLoss(sep, eta);
  const d = sep.d;
  const w0 = new Float64Array(d);
  for (let i = 0; i < sep.n; i++)
    for (let k = 0; k < d; k++) w0[k] += (sep.y[i]! * (sep.X[i * d + k]! + eta[i * d + k]!)) / sep.n;
  const path = [1, 2, 4, 8, 16, 32].map((t) => {
    const w = w0.map((v) => v * t);
    let minKappa = Infinity;
    for (let i = 0; i < sep.n; i++) {
      let m = 0;
      for (let k = 0; k < d; k++) m += w[k]! * (sep.X[i * d + k]! + eta[i * d + k]!);
      minKappa = Math.min(minKappa, Math.exp(-sep.y[i]! * m));
    }
    return { t, loss: noisy.value(w), lambdaMax: smallSymmetricEigenvalues(noisy.hessian(w), d)[0]!, minKappa };
  });
  const nearMinimum = [2, 4, 8].map((t) => {
    const w = w0.map((v) => v * t);
    return {
      t,
      rows: epsGrid.map((e) => {
        const lambdaMax = smallSymmetricEigenvalues(expectedUniformNoiseHessian(sep, w, e, nodes), d)[0]!;
        const coarse = smallSymmetricEigenvalues(expectedUniformNoiseHessian(sep, w, e, Math.max(1, nodes / 2)), d)[0]!;
        return { eps: e, lambdaMax, error: Math.abs(lambdaMax - coarse) };
      }),
    };
  });
  return { path, nearMinimum, nodes };
}
