/**
 * Projected gradient ascent on the data (PGD, the paper's Eq. (3)) in Float64, with every setting recorded: the ball
 * Π_ε projects onto, the step (sign, as Eq. (3) writes it, or g/‖g‖₂), the step rule, the random start and its seed,
 * pixel clipping. The iterate is kept as a perturbation η of the ORIGINAL x, so Π_ε projects around x^n even though
 * Eq. (3) writes the update as overwriting x^n.
 */
import { makeRng } from '../rng.ts';
import { ClaimcheckError } from '../errors.ts';
import { sampleL2Ball, sampleL2Sphere, sampleL2UniformRadius, sampleLinfBox } from '../noise/sample.ts';
import { assertLabel, assertRadius, logisticLoss, lossGradX, sign, type Label } from './linear-model.ts';
import { norm2, type BallNorm } from '../numeric/vector.ts';
import { clipToBox, perturbationBox, projectBall, projectL2Box, projectLinfBox } from './project.ts';

/** A differentiable loss of the (perturbed) input that an attack ascends. */
export interface AttackObjective {
  readonly dim: number;
  loss(xAdv: Float64Array): number;
  gradX(xAdv: Float64Array): Float64Array;
}

/** The linear logistic loss ℓ(x', y, w) of Eq. (1) as an attack objective. */
export function linearLogisticObjective(y: Label, w: ArrayLike<number>): AttackObjective {
  assertLabel('linearLogisticObjective', y);
  const wc = Float64Array.from(w);
  return {
    dim: wc.length,
    loss: (xAdv) => logisticLoss(xAdv, y, wc),
    gradX: (xAdv) => lossGradX(xAdv, y, wc),
  };
}

/** How the step size λ is set. */
export type StepRule =
  /** λ fixed (the paper's L∞ PGD on MNIST2: 0.01). */
  | { readonly kind: 'fixed'; readonly size: number }
  /** λ = factor·ε (the paper's L2 PGD on MNIST2: 0.15ε). */
  | { readonly kind: 'relative'; readonly factor: number }
  /** λ = factor·ε/steps (MadryLab robustness: factor 2.5). */
  | { readonly kind: 'madry'; readonly factor: number };

/** The distribution of the random start (conventions differ by tool; the one used is recorded). */
export type RandomStartKind = 'linf-box' | 'l2-uniform-radius' | 'l2-sphere' | 'l2-uniform-ball';

/** Options of `pgd`. */
export interface PgdOptions {
  /** The ball Π_ε projects onto. */
  readonly norm: BallNorm;
  readonly eps: number;
  readonly steps: number;
  /** `sign`: λ·sign(g) as Eq. (3) writes it; `l2`: λ·g/‖g‖₂. */
  readonly step: 'sign' | 'l2';
  readonly stepRule: StepRule;
  /** Random start drawn from `makeRng(seed)`; default kind: `linf-box` for L∞, `l2-uniform-radius` for L2. */
  readonly randomStart?: { readonly seed: number; readonly kind?: RandomStartKind };
  /**
   * Pixel range of x + η. `sequential` (default): project to the ball, then clamp (what attack libraries do; exact
   * for L∞); `exact`: Euclidean projection onto ball ∩ box.
   */
  readonly clip?: { readonly lo: number; readonly hi: number; readonly mode?: 'sequential' | 'exact' };
  /**
   * `original` (default, correct): Π_ε projects onto the ball around the original x. `iterate`: the literal reading
   * of Eq. (3) in which x^n is overwritten and Π_ε projects around the current iterate (the constraint is then lost).
   */
  readonly projectAround?: 'original' | 'iterate';
  /** Keep η after every step in `iterates` (default false). */
  readonly recordIterates?: boolean;
}

/** Every setting of a PGD run, as reports print them. */
export interface PgdSettings {
  readonly norm: BallNorm;
  readonly eps: number;
  readonly steps: number;
  readonly step: 'sign' | 'l2';
  readonly stepRule: StepRule;
  readonly stepSize: number;
  readonly randomStart: { readonly kind: 'none' } | { readonly kind: RandomStartKind; readonly seed: number };
  readonly clip: { readonly lo: number; readonly hi: number; readonly mode: 'sequential' | 'exact' } | null;
  readonly projectAround: 'original' | 'iterate';
  /**
   * steps × λ ≥ ε: false means the ball's boundary cannot be reached from η = 0 without a random start (exact for
   * the L∞ sign step and the L2 step g/‖g‖₂, conservative for the sign step in an L2 ball, which moves λ√d per step).
   */
  readonly boundaryReachable: boolean;
}

/** The outcome of a PGD run. */
export interface PgdResult {
  /** Final perturbation η (x' = x + η). */
  readonly eta: Float64Array;
  readonly xAdv: Float64Array;
  readonly loss: number;
  /** Loss at the start (index 0) and after each step. */
  readonly lossHistory: readonly number[];
  /** η at the start (index 0) and after each step, when `recordIterates` was set. */
  readonly iterates: readonly Float64Array[] | undefined;
  readonly settings: PgdSettings;
}

/** The step size λ that a step rule gives for radius ε and a number of steps. */
export function resolveStepSize(rule: StepRule, eps: number, steps: number): number {
  const size =
    rule.kind === 'fixed' ? rule.size : rule.kind === 'relative' ? rule.factor * eps : (rule.factor * eps) / steps;
  if (!Number.isFinite(size) || size < 0) {
    throw new ClaimcheckError(
      'BAD_INPUT',
      `resolveStepSize: step rule ${JSON.stringify(rule)} gives step size ${size}`,
      'use a finite step >= 0',
    );
  }
  return size;
}

function drawStart(kind: RandomStartKind, seed: number, d: number, eps: number): Float64Array {
  const rng = makeRng(seed);
  switch (kind) {
    case 'linf-box':
      return sampleLinfBox(rng, d, eps);
    case 'l2-uniform-radius':
      return sampleL2UniformRadius(rng, d, eps);
    case 'l2-sphere':
      return sampleL2Sphere(rng, d, eps);
    case 'l2-uniform-ball':
      return sampleL2Ball(rng, d, eps);
  }
}

/**
 * PGD on x: η ← Π_ε(η + λ·step(∇ₓℓ(x + η))), with η starting at 0 or at a seeded random start (Madry et al. 2018;
 * the paper's Eq. (3) with the sign step). Returns the final perturbation, the loss history and the recorded settings.
 */
export function pgd(objective: AttackObjective, x: ArrayLike<number>, options: PgdOptions): PgdResult {
  const d = objective.dim;
  if (x.length !== d) {
    throw new ClaimcheckError('BAD_INPUT', `pgd: x must have length ${d} (the objective's dimension), got ${x.length}`);
  }
  assertRadius('pgd', options.eps);
  if (!Number.isInteger(options.steps) || options.steps < 0) {
    throw new ClaimcheckError('BAD_INPUT', `pgd: steps must be an integer >= 0, got ${options.steps}`);
  }
  const { norm, eps, steps } = options;
  const stepSize = resolveStepSize(options.stepRule, eps, steps);
  const projectAround = options.projectAround ?? 'original';
  const clip = options.clip
    ? { lo: options.clip.lo, hi: options.clip.hi, mode: options.clip.mode ?? 'sequential' }
    : null;
  const box = clip ? perturbationBox(x, clip) : null;
  const x0 = Float64Array.from(x);

  const feasible = (eta: Float64Array): Float64Array => {
    if (!box || !clip) return eta;
    return clipToBox(eta, box.lo, box.hi);
  };
  const projectTotal = (z: Float64Array): Float64Array => {
    if (!box || !clip) return projectBall(z, eps, norm);
    if (norm === 'linf') return projectLinfBox(z, eps, box.lo, box.hi);
    if (clip.mode === 'exact') return projectL2Box(z, eps, box.lo, box.hi).value;
    return clipToBox(projectBall(z, eps, norm), box.lo, box.hi);
  };

  let eta: Float64Array = new Float64Array(d);
  let randomStart: PgdSettings['randomStart'] = { kind: 'none' };
  if (options.randomStart) {
    const kind = options.randomStart.kind ?? (norm === 'linf' ? 'linf-box' : 'l2-uniform-radius');
    eta = feasible(drawStart(kind, options.randomStart.seed, d, eps));
    randomStart = { kind, seed: options.randomStart.seed };
  }
  const at = (e: Float64Array): Float64Array => {
    const xa = new Float64Array(d);
    for (let i = 0; i < d; i++) xa[i] = x0[i]! + e[i]!;
    return xa;
  };
  const lossHistory: number[] = [objective.loss(at(eta))];
  const iterates: Float64Array[] | undefined = options.recordIterates ? [Float64Array.from(eta)] : undefined;

  for (let k = 0; k < steps; k++) {
    const g = objective.gradX(at(eta));
    const dir = new Float64Array(d);
    if (options.step === 'sign') {
      for (let i = 0; i < d; i++) dir[i] = sign(g[i]!);
    } else {
      const gn = norm2(g);
      if (gn > 0) for (let i = 0; i < d; i++) dir[i] = g[i]! / gn;
    }
    if (projectAround === 'original') {
      const z = new Float64Array(d);
      for (let i = 0; i < d; i++) z[i] = eta[i]! + stepSize * dir[i]!;
      eta = projectTotal(z);
    } else {
      const delta = projectBall(
        dir.map((v) => stepSize * v),
        eps,
        norm,
      );
      const z = new Float64Array(d);
      for (let i = 0; i < d; i++) z[i] = eta[i]! + delta[i]!;
      eta = feasible(z);
    }
    lossHistory.push(objective.loss(at(eta)));
    iterates?.push(Float64Array.from(eta));
  }

  return {
    eta,
    xAdv: at(eta),
    loss: lossHistory[lossHistory.length - 1]!,
    lossHistory,
    iterates,
    settings: {
      norm,
      eps,
      steps,
      step: options.step,
      stepRule: options.stepRule,
      stepSize,
      randomStart,
      clip,
      projectAround,
      boundaryReachable: steps * stepSize >= eps,
    },
  };
}
