/**
 * Fig. 3 for one MNIST2 cell: the top eigenvalues of two different Hessians at the final weights w*, each by the
 * exact dense solver and by Lanczos on Hessian-vector products, with Eq. (9)'s prediction and the curvature along
 * filter-normalised directions.
 *
 * - The robust-loss Hessian: ∇² of L(w) = (1/N) Σ max_η ℓ(x + η, y, w), the maximiser moving with w. L2: the closed
 *   form `robustL2Loss` (ball without pixel box), whose Hessian carries the projector term of Eq. (9). L∞: the
 *   box-clipped exact maximiser (`linf-box`, default) or the plain ball (`linf-ball`, ε‖w‖₁); either way the maximiser
 *   is locally constant where every w_i ≠ 0, so by Danskin's theorem this Hessian equals the fixed-example one.
 * - The fixed-example Hessian: adversarial examples z = x + η generated once at w* and held fixed,
 *   (1/N) Σ σ(1 − σ) z zᵀ: what PyHessian with a fixed batch and Liu et al.'s `calc_hessian.py` compute.
 */
import { makeRng } from '../../rng.ts';
import { noiseDrawSeed } from './degenerate.ts';
import { lanczos } from '../../eigen/lanczos.ts';
import { symmetricEigen } from '../../eigen/symmetric-eigen.ts';
import { ClaimcheckError } from '../../errors.ts';
import type { Dataset } from '../../numeric/dataset.ts';
import { fixedExampleLoss } from '../../numeric/fixed-example.ts';
import { logisticLoss } from '../../numeric/logistic.ts';
import type { Loss } from '../../numeric/loss.ts';
import { randomNoiseLoss, sampleUniformNoise } from '../../numeric/random-noise.ts';
import { l2AdversarialPerturbation, robustL2Loss } from '../../numeric/robust-l2.ts';
import { linfBoxPerturbation } from '../../numeric/robust-linf.ts';
import { linearPgd } from './attack.ts';
import { landscapeDirections } from './directions.ts';
import {
  cellWeights,
  isAdversarial,
  linfBallFixedLoss,
  paperStepSize,
  type LinfMaximizer,
} from './landscape-objective.ts';
import {
  type CellHessian,
  cellRef,
  type HessianReport,
  type SpectrumEstimate,
  type Spread,
} from './measurement-schemas.ts';
import type { Mnist2Cell } from './results.ts';
import { norm2 } from '../../numeric/vector.ts';

/** How the fixed adversarial examples are generated at w*: the exact maximiser (default) or the paper's eval PGD. */
export type FixedExampleAttack = 'exact' | { readonly kind: 'pgd'; readonly steps: number; readonly stepSize?: number };

/** Options of `cellHessian`. */
export interface HessianOptions {
  /** How many top eigenvalues (default 3, as Fig. 3 plots). */
  readonly topK?: number;
  /** L∞ robust loss: `linf-box` (default) or `linf-ball`. */
  readonly linfMaximizer?: LinfMaximizer;
  /** Fixed examples: `exact` (default: the same maximiser as the robust loss, at w*) or PGD from η⁰ = 0. */
  readonly fixedExamples?: FixedExampleAttack;
  /** Seed of Lanczos's random start block (default 0). */
  readonly lanczosSeed?: number;
  /** Lanczos residual tolerance relative to |θ| (default 1e-10). */
  readonly lanczosTol?: number;
  /** Also run the exact dense solver (default true; O(d³), about 1 s for d = 785). */
  readonly dense?: boolean;
  /** Filter-normalised directions for hᵀHh (default 5) and their base seed (default 123, loss-landscape's). */
  readonly directions?: number;
  readonly directionSeed?: number;
  /** Seed of the noise of random-noise cells (default 0), as in `landscapeObjective`. */
  readonly noiseSeed?: number;
}

/** Mean, sample standard deviation (n − 1; 0 for one value), min and max. */
export function spread(values: readonly number[]): Spread {
  const n = values.length;
  if (n === 0) return { mean: NaN, std: NaN, min: NaN, max: NaN };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const v = n > 1 ? values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1) : 0;
  return { mean, std: Math.sqrt(v), min: Math.min(...values), max: Math.max(...values) };
}

function etaNorms(eta: Float64Array, n: number, d: number): number {
  let s = 0;
  for (let k = 0; k < n; k++) {
    let q = 0;
    for (let j = 0; j < d; j++) q += eta[k * d + j]! ** 2;
    s += Math.sqrt(q);
  }
  return s / n;
}

interface Subject {
  readonly robust: { readonly loss: Loss; readonly description: string };
  readonly fixed: { readonly loss: Loss; readonly description: string };
  readonly eta: Float64Array | null;
  readonly fixedExamples: string;
}

function subjects(cell: Mnist2Cell, ds: Dataset, w: Float64Array, options: HessianOptions): Subject {
  const lm = { bias: cell.bias };
  const eps = cell.eps;
  if (cell.training === 'random' && eps > 0) {
    const seed = noiseDrawSeed(options.noiseSeed ?? 0, cell);
    const eta = sampleUniformNoise(makeRng(seed), ds, eps, { norm: cell.norm, clipToUnitBox: true });
    const loss = randomNoiseLoss(ds, eta, lm);
    const description = `random-noise loss on x + η, η uniform in the ε-ball, clipped to [0, 1], one draw (seed ${seed}); not a max, so both Hessians coincide`;
    return {
      robust: { loss, description },
      fixed: { loss, description },
      eta,
      fixedExamples: `uniform noise, seed ${seed}`,
    };
  }
  if (!isAdversarial(cell)) {
    const loss = logisticLoss(ds, lm);
    const description = 'clean logistic loss (ε = 0): both Hessians coincide';
    return { robust: { loss, description }, fixed: { loss, description }, eta: null, fixedExamples: 'none (ε = 0)' };
  }
  const fixedSpec = options.fixedExamples ?? 'exact';
  const linfMax = options.linfMaximizer ?? 'linf-box';
  let robust: Subject['robust'];
  let exactEta: () => Float64Array;
  if (cell.norm === 'l2') {
    robust = {
      loss: robustL2Loss(ds, eps, lm),
      description: `L2 robust loss mean softplus(−y(w·x + b) + ε‖w‖₂), ε = ${cell.epsLabel} (maximiser −yεw/‖w‖ moves with w; Eq. 9's object)`,
    };
    exactEta = () => l2AdversarialPerturbation(ds, w, eps, lm);
  } else if (linfMax === 'linf-box') {
    const eta = linfBoxPerturbation(ds, w, eps, lm);
    robust = {
      loss: fixedExampleLoss(ds, eta, lm),
      description: `box-clipped L∞ robust loss, ε = ${cell.epsLabel} (maximiser clip(−yε sign w, −x, 1 − x) is locally constant: Hessian by Danskin)`,
    };
    exactEta = () => eta;
  } else {
    robust = {
      loss: linfBallFixedLoss(ds, w, eps, cell.bias),
      description: `L∞ robust loss mean softplus(−y(w·x + b) + ε‖w‖₁), ε = ${cell.epsLabel} (∇²‖w‖₁ = 0 off the kinks)`,
    };
    exactEta = () => {
      const { y, n, d } = ds;
      const e = new Float64Array(n * d);
      for (let k = 0; k < n; k++) for (let j = 0; j < d; j++) e[k * d + j] = -y[k]! * eps * Math.sign(w[j]!);
      return e;
    };
  }
  let eta: Float64Array;
  let fixedExamples: string;
  if (fixedSpec === 'exact') {
    eta = exactEta();
    fixedExamples = `exact maximiser at w* (${cell.norm === 'l2' ? 'l2-ball' : linfMax}), then held fixed`;
  } else {
    const stepSize = fixedSpec.stepSize ?? paperStepSize(cell.norm, eps);
    eta = linearPgd(ds, w, {
      norm: cell.norm,
      eps,
      steps: fixedSpec.steps,
      stepSize,
      bias: cell.bias,
      starts: null,
    }).eta;
    fixedExamples = `PGD ${fixedSpec.steps} × ${stepSize} at w* from η⁰ = 0, pixels clipped to [0, 1], then held fixed`;
  }
  return {
    robust,
    fixed: {
      loss: fixedExampleLoss(ds, eta, lm),
      description: `fixed-example Hessian (1/N) Σ σ(1−σ) z zᵀ, z = x + η, η: ${fixedExamples}`,
    },
    eta,
    fixedExamples,
  };
}

/**
 * The loss whose Hessian at w* Fig. 3 calls `which` for this cell (robust-loss or fixed-example, built exactly as
 * `cellHessian` builds it), with its description and the cell's weights w*.
 */
export function cellHessianLoss(
  cell: Mnist2Cell,
  ds: Dataset,
  which: HessianReport['which'],
  options: HessianOptions = {},
): { readonly loss: Loss; readonly description: string; readonly w: Float64Array } {
  const w = cellWeights(cell, ds);
  const s = subjects(cell, ds, w, options);
  const subject = which === 'robust' ? s.robust : s.fixed;
  return { loss: subject.loss, description: subject.description, w };
}

function report(
  which: HessianReport['which'],
  subject: { readonly loss: Loss; readonly description: string },
  w: Float64Array,
  options: Required<
    Pick<HessianOptions, 'topK' | 'lanczosSeed' | 'lanczosTol' | 'dense' | 'directions' | 'directionSeed'>
  >,
  bias: boolean,
  timing: { dense: number; lanczos: number },
): { report: HessianReport; H: Float64Array | null } {
  const { loss } = subject;
  const dim = w.length;
  let dense: SpectrumEstimate | null = null;
  let H: Float64Array | null = null;
  if (options.dense) {
    const t0 = performance.now();
    H = loss.hessian(w);
    const e = symmetricEigen(H, dim);
    dense = {
      algorithm: 'dense symmetric eigensolver (Householder tridiagonalisation + implicit QL)',
      values: Array.from(e.values.subarray(0, options.topK)),
      iterations: e.iterations,
      converged: e.converged,
      residual: e.residual,
    };
    timing.dense += performance.now() - t0;
  }
  const t1 = performance.now();
  const lz = lanczos((v) => loss.hvp(w, v), dim, {
    k: options.topK,
    rng: makeRng(options.lanczosSeed),
    tol: options.lanczosTol,
  });
  timing.lanczos += performance.now() - t1;
  const lanczosEstimate: SpectrumEstimate = {
    algorithm: 'block Lanczos on Hessian-vector products, full reorthogonalisation, Rayleigh–Ritz',
    values: Array.from(lz.values),
    iterations: lz.iterations,
    converged: lz.converged,
    residual: lz.residual,
    matvecs: lz.matvecs,
    seed: options.lanczosSeed,
  };
  let agreement: number | null = null;
  if (dense !== null) {
    let worst = 0;
    for (let k = 0; k < options.topK; k++)
      worst = Math.max(worst, Math.abs(dense.values[k]! - lanczosEstimate.values[k]!));
    agreement = worst / Math.max(Math.abs(dense.values[0]!), Number.MIN_VALUE);
  }
  const dirs = landscapeDirections(w, { mode: 'filter', count: options.directions, seed: options.directionSeed, bias });
  const values: number[] = [];
  const rayleigh: number[] = [];
  for (const { h } of dirs) {
    const hv = loss.hvp(w, h);
    let q = 0;
    let hh = 0;
    for (let i = 0; i < dim; i++) {
      q += h[i]! * hv[i]!;
      hh += h[i]! * h[i]!;
    }
    values.push(q);
    rayleigh.push(q / hh);
  }
  return {
    report: {
      which,
      description: subject.description,
      dense,
      lanczos: lanczosEstimate,
      agreement,
      curvature: {
        directionSeed: options.directionSeed,
        seeds: dirs.map((d) => d.seed),
        values,
        rayleigh,
        spread: spread(values),
      },
    },
    H,
  };
}

/**
 * Fig. 3 for one cell at its final weights w*: top-k eigenvalues of the robust-loss Hessian and of the fixed-example
 * Hessian, each by the dense solver (Householder + QL) and by block Lanczos on HVPs, with their agreement;
 * ‖w*‖, Eq. (9)'s ε/(2‖w*‖) and c = (1/2N) Σ ‖ηⁿ‖/‖w*‖; hᵀHh along seeded filter-normalised Gaussian directions.
 */
export function cellHessian(cell: Mnist2Cell, ds: Dataset, options: HessianOptions = {}): CellHessian {
  const t0 = performance.now();
  const w = cellWeights(cell, ds);
  const topK = options.topK ?? 3;
  if (!Number.isInteger(topK) || topK < 1 || topK > w.length) {
    throw new ClaimcheckError('BAD_INPUT', `cellHessian: topK must be an integer in [1, ${w.length}], got ${topK}`);
  }
  const opts = {
    topK,
    lanczosSeed: options.lanczosSeed ?? 0,
    lanczosTol: options.lanczosTol ?? 1e-10,
    dense: options.dense ?? true,
    directions: options.directions ?? 5,
    directionSeed: options.directionSeed ?? 123,
  };
  const wn = norm2(w, ds.d);
  let zeroWeights = 0;
  for (let j = 0; j < ds.d; j++) if (w[j] === 0) zeroWeights++;
  const subject = subjects(cell, ds, w, options);
  const timing = { dense: 0, lanczos: 0 };
  const robust = report('robust', subject.robust, w, opts, cell.bias, timing);
  const fixed = report('fixed-example', subject.fixed, w, opts, cell.bias, timing);
  let robustVsFixed: number | null = null;
  if (robust.H !== null && fixed.H !== null) {
    let num = 0;
    let den = 0;
    for (let i = 0; i < robust.H.length; i++) {
      num += (robust.H[i]! - fixed.H[i]!) ** 2;
      den += robust.H[i]! ** 2;
    }
    robustVsFixed = Math.sqrt(num) / Math.max(Math.sqrt(den), Number.MIN_VALUE);
  }
  const meanEtaNorm = subject.eta === null ? 0 : etaNorms(subject.eta, ds.n, ds.d);
  return {
    ...cellRef(cell),
    dim: w.length,
    examples: ds.n,
    weightNorm: wn,
    zeroWeights,
    eq9: {
      prediction: cell.norm === 'l2' && cell.training !== 'random' ? cell.eps / (2 * wn) : null,
      c: meanEtaNorm / (2 * wn),
      meanEtaNorm,
    },
    robust: robust.report,
    fixed: fixed.report,
    robustVsFixed,
    fixedExamples: subject.fixedExamples,
    timingMs: { dense: timing.dense, lanczos: timing.lanczos, total: performance.now() - t0 },
  };
}
