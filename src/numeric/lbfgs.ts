/**
 * L-BFGS in Float64 for smooth objectives, optionally with lower bounds x_i ≥ 0 on some coordinates: the one
 * implementation behind `minimize` (src/numeric/minimize.ts) and MNIST2 training (src/experiments/mnist2/train.ts).
 *
 * With bounds it is the two-metric projection scheme of Kim, Sra and Dhillon (2010, "Tackling box-constrained
 * optimization via a new projected quasi-Newton approach"): coordinates at their bound with a positive gradient are
 * held fixed, the two-loop recursion gives the direction of the others, and the line search runs along the projected
 * path P(x + t·d). The callers differ in three choices, which are options (each caller keeps its own, so its results
 * are bit for bit what they were):
 *
 * - `lineSearch`: `strong-wolfe` (Nocedal & Wright Alg. 3.5/3.6, unbounded only) or `projected-armijo` (Armijo
 *   backtracking along the projected path);
 * - `curvaturePairs`: when a pair (s, y) with too little curvature sᵀy is dropped: `screen-on-store` or
 *   `screen-on-use` (see `LbfgsOptions`);
 * - `stallSteps`: whether a run that no longer decreases the value beyond rounding ends early.
 *
 * Every run stops when the (projected) gradient norm ‖x − P(x − ∇f(x))‖₂ (‖∇f‖₂ without bounds) is ≤ gradTol, at
 * the iteration cap, on a non-finite value, when the line search finds no acceptable step even after the history is
 * dropped, on a stall, or when the caller's `onIteration` asks it to (early stopping); `stop` says which (never hidden).
 */
import { BadArgumentError, DimensionMismatchError } from './errors.ts';
import { axpy, dot, norm2 } from './vector.ts';

/** The value and gradient of the objective at x. */
export type ValueAndGrad = (x: Float64Array) => { value: number; grad: Float64Array };

/** Options of `lbfgs`. */
export interface LbfgsOptions {
  /** Converged when the (projected) gradient norm is ≤ gradTol (≥ 0). */
  readonly gradTol: number;
  /** Iteration cap (an integer ≥ 0). */
  readonly maxIterations: number;
  /** History length: how many (s, y) pairs are kept (an integer ≥ 1). */
  readonly memory: number;
  /** `bounded[i] = 1`: x_i ≥ 0 (x0 is projected first); null or absent: no bounds. */
  readonly bounded?: Uint8Array | null;
  /**
   * `strong-wolfe`: the strong Wolfe conditions (c₁ = 1e-4, c₂ = 0.9; up to 30 expansions t ← 2t and 40 zoom steps
   * by safeguarded quadratic interpolation; a point the objective throws at or gives a non-finite value counts as
   * outside the domain), with a step also accepted when the value is unchanged to rounding and the gradient is smaller.
   * `projected-armijo`: t = 1, ½, ¼, … (20 halvings, 10 after a history reset) along P(x + t·d) until
   * f ≤ f(x) + 1e-4·∇f(x)ᵀ(P(x + t·d) − x), or the value is unchanged to rounding and the projected gradient smaller.
   */
  readonly lineSearch: 'strong-wolfe' | 'projected-armijo';
  /**
   * When pairs with too little curvature are dropped, and the arithmetic that goes with it:
   * - `screen-on-store`: a pair enters the history only if sᵀy > 1e-12·‖s‖₂‖y‖₂ (and > 0), with ρ = 1/sᵀy; the history
   *   is the last `memory` accepted pairs; the initial scaling is γ = sᵀy/yᵀy of the newest; a recursion direction that
   *   is not one of descent (rounding only) is replaced by −∇f/max(‖∇f‖, 1).
   * - `screen-on-use`: every step's pair enters the history (the last `memory` steps); at each iteration the recursion
   *   runs over the free coordinates F and skips pairs with (sᵀy)_F ≤ 1e-12·√((sᵀs)_F (yᵀy)_F), since bounds change
   *   which coordinates are free; γ = 1/(ρ·(yᵀy)_F) of the newest pair used; a direction that is not one of descent
   *   is replaced by the steepest-descent direction of the first iteration, −∇f·(1/max(‖∇f‖, 1)).
   */
  readonly curvaturePairs: 'screen-on-store' | 'screen-on-use';
  /** Stop (not converged) after this many consecutive steps that lower the value by no more than rounding. Default: never. */
  readonly stallSteps?: number;
  /**
   * Called after every accepted step, with the new iterate `x` (lbfgs's own array, also the one returned if the run
   * ends here, and never written to again by lbfgs, so it may be kept: read it, never mutate it). Returning `'stop'`
   * ends the run there with stop `caller`.
   */
  readonly onIteration?: (info: {
    iteration: number;
    value: number;
    gradNorm: number;
    step: number;
    x: Float64Array;
  }) => void | 'stop';
}

/** Why `lbfgs` stopped (`caller`: `onIteration` returned `'stop'`). */
export type LbfgsStop = 'converged' | 'non-finite' | 'iteration-cap' | 'line-search' | 'stalled' | 'caller';

/** How `lbfgs` ended: never a bare vector. */
export interface LbfgsResult {
  readonly x: Float64Array;
  readonly value: number;
  /** ‖x − P(x − ∇f(x))‖₂ at the returned point (‖∇f‖₂ without bounds). */
  readonly gradNorm: number;
  readonly iterations: number;
  /** Number of objective evaluations. */
  readonly evaluations: number;
  /** True only when stop is `converged` (gradNorm ≤ gradTol). */
  readonly converged: boolean;
  readonly stop: LbfgsStop;
}

const EPS = 2.220446049250313e-16;

/** A change of f smaller than this is rounding. */
export function roundingLevel(f: number): number {
  return 16 * EPS * Math.max(Math.abs(f), 1e-300);
}

/** ‖x − P(x − g)‖₂, P the projection onto the bounds (‖g‖₂ without bounds). */
export function projectedGradNorm(x: Float64Array, g: Float64Array, bounded: Uint8Array | null): number {
  if (bounded === null) return norm2(g);
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const step = bounded[i] === 1 ? x[i]! - Math.max(0, x[i]! - g[i]!) : g[i]!;
    s += step * step;
  }
  return Math.sqrt(s);
}

interface Step {
  readonly x: Float64Array;
  readonly value: number;
  readonly grad: Float64Array;
  /** The (projected) gradient norm at x. */
  readonly gradNorm: number;
  readonly t: number;
}

/** Minimises f from x0 (projected onto the bounds first) by L-BFGS; see the module comment and `LbfgsOptions`. */
export function lbfgs(f: ValueAndGrad, x0: Float64Array, options: LbfgsOptions): LbfgsResult {
  const fn = 'lbfgs';
  const { gradTol, maxIterations, memory, lineSearch, curvaturePairs } = options;
  const bounded = options.bounded ?? null;
  const stallSteps = options.stallSteps ?? Number.POSITIVE_INFINITY;
  const m = x0.length;
  if (bounded !== null && bounded.length !== m)
    throw new DimensionMismatchError(fn, 'options.bounded', `length ${m}`, `length ${bounded.length}`);
  if (!(gradTol >= 0)) throw new BadArgumentError(fn, 'options.gradTol', '≥ 0', String(gradTol));
  if (!Number.isInteger(maxIterations) || maxIterations < 0)
    throw new BadArgumentError(fn, 'options.maxIterations', 'an integer ≥ 0', String(maxIterations));
  if (!Number.isInteger(memory) || memory < 1)
    throw new BadArgumentError(fn, 'options.memory', 'a positive integer', String(memory));
  if (lineSearch !== 'strong-wolfe' && lineSearch !== 'projected-armijo') {
    throw new BadArgumentError(fn, 'options.lineSearch', "'strong-wolfe' or 'projected-armijo'", String(lineSearch));
  }
  if (lineSearch === 'strong-wolfe' && bounded !== null) {
    throw new BadArgumentError(fn, 'options.lineSearch', "'projected-armijo' when there are bounds", "'strong-wolfe'");
  }
  if (curvaturePairs !== 'screen-on-store' && curvaturePairs !== 'screen-on-use') {
    throw new BadArgumentError(
      fn,
      'options.curvaturePairs',
      "'screen-on-store' or 'screen-on-use'",
      String(curvaturePairs),
    );
  }
  if (!(stallSteps >= 1)) throw new BadArgumentError(fn, 'options.stallSteps', '≥ 1', String(stallSteps));

  const project = (v: Float64Array): Float64Array => {
    if (bounded !== null) for (let i = 0; i < m; i++) if (bounded[i] === 1 && v[i]! < 0) v[i] = 0;
    return v;
  };
  let evaluations = 0;
  const evaluate: ValueAndGrad = (v) => {
    evaluations++;
    const r = f(v);
    if (r.grad.length !== m)
      throw new DimensionMismatchError(fn, 'the gradient', `length ${m}`, `length ${r.grad.length}`);
    return r;
  };
  let x = project(Float64Array.from(x0));
  let { value, grad } = evaluate(x);
  let gn = projectedGradNorm(x, grad, bounded);
  // The history: S, Y and (screen-on-store) ρ = 1/sᵀy of each pair.
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const RHO: number[] = [];
  const clearHistory = (): void => {
    S.length = 0;
    Y.length = 0;
    RHO.length = 0;
  };
  let iterations = 0;
  let flat = 0;
  const done = (stop: LbfgsStop): LbfgsResult => ({
    x,
    value,
    gradNorm: gn,
    iterations,
    evaluations,
    converged: stop === 'converged',
    stop,
  });
  for (;;) {
    if (!Number.isFinite(value) || !Number.isFinite(gn)) return done('non-finite');
    if (gn <= gradTol) return done('converged');
    if (iterations >= maxIterations) return done('iteration-cap');
    // Free coordinates (null: all): all but those at a bound with a positive gradient.
    let free: Uint8Array | null = null;
    if (bounded !== null) {
      free = new Uint8Array(m).fill(1);
      for (let i = 0; i < m; i++) if (bounded[i] === 1 && x[i]! <= 0 && grad[i]! > 0) free[i] = 0;
    }
    const direction = (useHistory: boolean): Float64Array =>
      twoLoop(grad, gn, free, useHistory ? S : [], Y, RHO, curvaturePairs);
    let d = direction(true);
    if (!(dot(d, grad) < 0)) {
      clearHistory();
      if (curvaturePairs === 'screen-on-store') {
        const c = Math.max(gn, 1);
        for (let i = 0; i < m; i++) d[i] = -grad[i]! / c;
      } else {
        d = direction(false);
      }
    }
    const search = (dir: Float64Array, retry: boolean): Step | null =>
      lineSearch === 'strong-wolfe'
        ? wolfeSearch(evaluate, x, value, grad, dir, dot(grad, dir))
        : projectedArmijo(evaluate, project, bounded, x, value, grad, gn, dir, retry ? 10 : 20);
    let step = search(d, false);
    if (step === null && S.length > 0) {
      // Retry once along the scaled steepest-descent direction, without the history.
      clearHistory();
      step = search(direction(false), true);
    }
    if (step === null) return done('line-search');
    const s = new Float64Array(m);
    const yv = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      s[i] = step.x[i]! - x[i]!;
      yv[i] = step.grad[i]! - grad[i]!;
    }
    flat = value - step.value <= roundingLevel(value) ? flat + 1 : 0;
    if (curvaturePairs === 'screen-on-store') {
      const sy = dot(s, yv);
      if (sy > 1e-12 * norm2(s) * norm2(yv) && sy > 0) {
        S.push(s);
        Y.push(yv);
        RHO.push(1 / sy);
      }
    } else {
      S.push(s);
      Y.push(yv);
    }
    if (S.length > memory) {
      S.shift();
      Y.shift();
      RHO.shift();
    }
    x = step.x;
    value = step.value;
    grad = step.grad;
    gn = step.gradNorm;
    iterations++;
    if (options.onIteration?.({ iteration: iterations, value, gradNorm: gn, step: step.t, x }) === 'stop') {
      return done('caller');
    }
    if (flat >= stallSteps && gn > gradTol) return done('stalled');
  }
}

/**
 * The two-loop recursion, restricted to the free coordinates (`free` null: all), from the pairs of S, Y that
 * `curvaturePairs` admits: −H·g with the initial scaling γI, or −g·(1/max(‖g‖, 1)) when no pair is used.
 */
function twoLoop(
  g: Float64Array,
  gn: number,
  free: Uint8Array | null,
  S: readonly Float64Array[],
  Y: readonly Float64Array[],
  RHO: readonly number[],
  curvaturePairs: LbfgsOptions['curvaturePairs'],
): Float64Array {
  const m = g.length;
  const fdot =
    free === null
      ? dot
      : (a: Float64Array, b: Float64Array): number => {
          let acc = 0;
          for (let i = 0; i < m; i++) if (free[i] === 1) acc += a[i]! * b[i]!;
          return acc;
        };
  const q = new Float64Array(m);
  for (let i = 0; i < m; i++) q[i] = free === null || free[i] === 1 ? g[i]! : 0;
  // The pairs used (indices into S, Y) and their ρ.
  const pairs: number[] = [];
  const rho: number[] = [];
  for (let h = 0; h < S.length; h++) {
    if (curvaturePairs === 'screen-on-store') {
      pairs.push(h);
      rho.push(RHO[h]!);
    } else {
      const sy = fdot(S[h]!, Y[h]!);
      if (sy > 1e-12 * Math.sqrt(fdot(S[h]!, S[h]!) * fdot(Y[h]!, Y[h]!))) {
        pairs.push(h);
        rho.push(1 / sy);
      }
    }
  }
  if (pairs.length > 0) {
    const alpha = new Array<number>(pairs.length);
    for (let p = pairs.length - 1; p >= 0; p--) {
      const h = pairs[p]!;
      const a = rho[p]! * fdot(S[h]!, q);
      alpha[p] = a;
      const yh = Y[h]!;
      for (let i = 0; i < m; i++) if (free === null || free[i] === 1) q[i]! -= a * yh[i]!;
    }
    const last = pairs[pairs.length - 1]!;
    const gamma =
      curvaturePairs === 'screen-on-store'
        ? fdot(S[last]!, Y[last]!) / fdot(Y[last]!, Y[last]!)
        : 1 / (rho[pairs.length - 1]! * fdot(Y[last]!, Y[last]!));
    for (let i = 0; i < m; i++) q[i]! *= gamma;
    for (let p = 0; p < pairs.length; p++) {
      const h = pairs[p]!;
      const b = rho[p]! * fdot(Y[h]!, q);
      const sh = S[h]!;
      for (let i = 0; i < m; i++) if (free === null || free[i] === 1) q[i]! += (alpha[p]! - b) * sh[i]!;
    }
  } else {
    const c = 1 / Math.max(gn, 1);
    for (let i = 0; i < m; i++) q[i]! *= c;
  }
  for (let i = 0; i < m; i++) q[i] = free === null || free[i] === 1 ? -q[i]! : 0;
  return q;
}

/**
 * Armijo backtracking along the projected path P(x + t·d), t = 1, ½, … (`halvings` tries): accepts when the slope
 * ∇f(x)ᵀ(P(x + t·d) − x) is negative and f decreases by 1e-4 of it, or f is unchanged to rounding and the projected
 * gradient norm decreases. Null when no try is accepted.
 */
function projectedArmijo(
  evaluate: ValueAndGrad,
  project: (v: Float64Array) => Float64Array,
  bounded: Uint8Array | null,
  x: Float64Array,
  value: number,
  grad: Float64Array,
  gn: number,
  d: Float64Array,
  halvings: number,
): Step | null {
  const m = x.length;
  let t = 1;
  for (let ls = 0; ls < halvings; ls++) {
    const trial = new Float64Array(m);
    for (let i = 0; i < m; i++) trial[i] = x[i]! + t * d[i]!;
    project(trial);
    let slope = 0;
    for (let i = 0; i < m; i++) slope += grad[i]! * (trial[i]! - x[i]!);
    const r = evaluate(trial);
    if (Number.isFinite(r.value)) {
      const trialGn = projectedGradNorm(trial, r.grad, bounded);
      const armijo = r.value <= value + 1e-4 * slope;
      const atRounding = Math.abs(r.value - value) <= roundingLevel(value) && trialGn < gn;
      if (slope < 0 && (armijo || atRounding)) return { x: trial, value: r.value, grad: r.grad, gradNorm: trialGn, t };
    }
    t *= 0.5;
  }
  return null;
}

/** Strong Wolfe line search (Nocedal & Wright Alg. 3.5/3.6) with an approximate-Wolfe acceptance at rounding level. */
function wolfeSearch(
  evaluate: ValueAndGrad,
  w: Float64Array,
  f0: number,
  g0: Float64Array,
  p: Float64Array,
  slope0: number,
): Step | null {
  const c1 = 1e-4;
  const c2 = 0.9;
  const slack = roundingLevel(f0);
  const g0n = norm2(g0);
  const evalAt = (
    t: number,
  ): { w: Float64Array; value: number; grad: Float64Array; slope: number; t: number } | null => {
    const wt = axpy(w, t, p);
    let r: { value: number; grad: Float64Array };
    try {
      r = evaluate(wt);
    } catch {
      return null;
    }
    if (!Number.isFinite(r.value)) return null;
    return { w: wt, value: r.value, grad: r.grad, slope: dot(r.grad, p), t };
  };
  const sufficient = (pt: { value: number; slope: number; t: number; grad: Float64Array }): boolean =>
    pt.value <= f0 + c1 * pt.t * slope0 ||
    (pt.value <= f0 + slack && (pt.slope <= (2 * c1 - 1) * slope0 || norm2(pt.grad) < g0n));
  const curvatureOk = (pt: { slope: number }): boolean => Math.abs(pt.slope) <= -c2 * slope0;
  type Point = NonNullable<ReturnType<typeof evalAt>>;
  const accept = (pt: Point | null): Step | null =>
    pt === null ? null : { x: pt.w, value: pt.value, grad: pt.grad, gradNorm: norm2(pt.grad), t: pt.t };

  let tPrev = 0;
  let prev: { value: number; slope: number } = { value: f0, slope: slope0 };
  let t = 1;
  const zoom = (
    lo: { t: number; value: number; slope: number },
    hi: { t: number; value: number; slope: number },
  ): Point | null => {
    let best: Point | null = null;
    for (let i = 0; i < 40; i++) {
      // Quadratic interpolation from lo's value and slope and hi's value, safeguarded to the middle 80 %.
      const dt = hi.t - lo.t;
      const denom = 2 * (hi.value - lo.value - lo.slope * dt);
      let tt = denom !== 0 ? lo.t - (lo.slope * dt * dt) / denom : lo.t + 0.5 * dt;
      const a = Math.min(lo.t, hi.t);
      const b = Math.max(lo.t, hi.t);
      if (!(tt > a + 0.1 * (b - a) && tt < b - 0.1 * (b - a))) tt = 0.5 * (a + b);
      const pt = evalAt(tt);
      if (pt === null) {
        hi = { t: tt, value: Number.POSITIVE_INFINITY, slope: 0 };
        continue;
      }
      if (!sufficient(pt) || pt.value > lo.value + slack) {
        hi = pt;
      } else {
        best = pt;
        if (curvatureOk(pt)) return pt;
        if (pt.slope * (hi.t - lo.t) >= 0) hi = lo;
        lo = pt;
      }
      if (Math.abs(hi.t - lo.t) <= 1e-16 * Math.max(1, Math.abs(lo.t))) break;
    }
    if (best === null && lo.t > 0) return evalAt(lo.t);
    return best;
  };
  for (let i = 0; i < 30; i++) {
    const pt = evalAt(t);
    if (pt === null) {
      // Outside the domain (non-finite): shrink.
      t = 0.5 * (tPrev + t);
      continue;
    }
    if (!sufficient(pt) || (i > 0 && pt.value > prev.value + slack)) {
      return accept(zoom({ t: tPrev, ...prev }, pt));
    }
    if (curvatureOk(pt)) return accept(pt);
    if (pt.slope >= 0) return accept(zoom(pt, { t: tPrev, ...prev }));
    tPrev = t;
    prev = pt;
    t *= 2;
  }
  return null;
}
