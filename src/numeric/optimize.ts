/**
 * Float64 minimisation of smooth objectives on small and medium problems: damped Newton with a backtracking line
 * search, and L-BFGS with a (strong) Wolfe line search. Used to find true optima of small synthetic problems to
 * gradient norms near machine precision.
 */
import { BadArgumentError, DimensionMismatchError } from './errors.ts';

/** What `minimize` needs: the value and gradient, and the Hessian (dim×dim row-major) for Newton. */
export interface MinimizeObjective {
  value(w: Float64Array): number;
  grad(w: Float64Array): Float64Array;
  /** Optional: both in one call (used when present, saves a pass over the data). */
  valueAndGrad?(w: Float64Array): { value: number; grad: Float64Array };
  /** Required by `method: 'newton'`. */
  hessian?(w: Float64Array): Float64Array;
}

/** Options of `minimize`. */
export interface MinimizeOptions {
  /** `newton` (damped Newton, needs `hessian`) or `lbfgs`. Default: `newton` when a Hessian is given, else `lbfgs`. */
  readonly method?: 'newton' | 'lbfgs';
  /** Converged when ‖∇L(w)‖₂ ≤ gradTol. Default 1e-9. */
  readonly gradTol?: number;
  /** Iteration cap. Default 200 for Newton, 2000 for L-BFGS. */
  readonly maxIterations?: number;
  /** L-BFGS history length. Default 10. */
  readonly memory?: number;
  /** Called after every accepted step. */
  readonly onIteration?: (info: { iteration: number; value: number; gradNorm: number; step: number }) => void;
}

/** Result of `minimize`; `converged` is true only when ‖∇L‖₂ ≤ gradTol was reached. */
export interface MinimizeResult {
  readonly w: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
  readonly gradNorm: number;
  readonly value: number;
  readonly method: 'newton' | 'lbfgs';
  /** Why it stopped, e.g. `gradient norm 3.1e-12 ≤ 1e-10` or `line search failed`. */
  readonly message: string;
}

const EPS = 2.220446049250313e-16;

function norm(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  return Math.sqrt(s);
}

function dotv(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function axpy(w: Float64Array, t: number, p: Float64Array): Float64Array {
  const out = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) out[i] = w[i]! + t * p[i]!;
  return out;
}

/** Solves (H + λI) p = b by Cholesky; null when H + λI is not numerically positive definite. */
function choleskySolve(H: Float64Array, n: number, lambda: number, b: Float64Array): Float64Array | null {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = 0; j <= i; j++) {
      const rj = j * n;
      let s = H[ri + j]! + (i === j ? lambda : 0);
      for (let k = 0; k < j; k++) s -= L[ri + k]! * L[rj + k]!;
      if (i === j) {
        if (!(s > 0)) return null;
        L[ri + i] = Math.sqrt(s);
      } else {
        L[ri + j] = s / L[rj + j]!;
      }
    }
  }
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= L[i * n + k]! * z[k]!;
    z[i] = s / L[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = z[i]!;
    for (let k = i + 1; k < n; k++) s -= L[k * n + i]! * x[k]!;
    x[i] = s / L[i * n + i]!;
  }
  for (let i = 0; i < n; i++) if (!Number.isFinite(x[i]!)) return null;
  return x;
}

/**
 * Minimises a smooth objective from w0 by damped Newton (Levenberg-style damping λI added until the Cholesky
 * factorisation succeeds, then an Armijo backtracking line search) or by L-BFGS (two-loop recursion, strong Wolfe
 * line search). Near the optimum, where value differences fall below rounding, a step is also accepted when the
 * value is unchanged to rounding and the gradient norm decreases, so gradient norms near 1e-12 are reachable.
 */
export function minimize(objective: MinimizeObjective, w0: Float64Array, options: MinimizeOptions = {}): MinimizeResult {
  const fn = 'minimize';
  if (!(w0 instanceof Float64Array) || w0.length === 0) {
    throw new BadArgumentError(fn, 'w0', 'a non-empty Float64Array', String(w0));
  }
  const method = options.method ?? (objective.hessian !== undefined ? 'newton' : 'lbfgs');
  if (method !== 'newton' && method !== 'lbfgs') throw new BadArgumentError(fn, 'options.method', "'newton' or 'lbfgs'", String(method));
  if (method === 'newton' && objective.hessian === undefined) {
    throw new BadArgumentError(fn, 'objective.hessian', "present for method 'newton'", 'undefined', "use method 'lbfgs'");
  }
  const gradTol = options.gradTol ?? 1e-9;
  if (!(gradTol >= 0)) throw new BadArgumentError(fn, 'options.gradTol', '≥ 0', String(gradTol));
  const maxIterations = options.maxIterations ?? (method === 'newton' ? 200 : 2000);
  const valueAndGrad = (w: Float64Array): { value: number; grad: Float64Array } => {
    const r = objective.valueAndGrad !== undefined ? objective.valueAndGrad(w) : { value: objective.value(w), grad: objective.grad(w) };
    if (r.grad.length !== w.length) throw new DimensionMismatchError(fn, 'objective.grad(w)', `length ${w.length}`, `length ${r.grad.length}`);
    return r;
  };
  return method === 'newton'
    ? newton(objective, valueAndGrad, Float64Array.from(w0), gradTol, maxIterations, options.onIteration)
    : lbfgs(valueAndGrad, Float64Array.from(w0), gradTol, maxIterations, options.memory ?? 10, options.onIteration);
}

type ValueAndGrad = (w: Float64Array) => { value: number; grad: Float64Array };

function roundingLevel(f: number): number {
  return 16 * EPS * Math.max(Math.abs(f), 1e-300);
}

function newton(
  objective: MinimizeObjective,
  valueAndGrad: ValueAndGrad,
  w: Float64Array,
  gradTol: number,
  maxIterations: number,
  onIteration: MinimizeOptions['onIteration'],
): MinimizeResult {
  const n = w.length;
  let { value: f, grad: g } = valueAndGrad(w);
  let gn = norm(g);
  let it = 0;
  const done = (converged: boolean, message: string): MinimizeResult => ({
    w, iterations: it, converged, gradNorm: gn, value: f, method: 'newton', message,
  });
  while (true) {
    if (!Number.isFinite(f) || !Number.isFinite(gn)) return done(false, `non-finite value ${f} or gradient norm ${gn}`);
    if (gn <= gradTol) return done(true, `gradient norm ${gn.toExponential(2)} ≤ ${gradTol}`);
    if (it >= maxIterations) return done(false, `iteration cap ${maxIterations} reached`);
    const H = objective.hessian!(w);
    if (H.length !== n * n) throw new DimensionMismatchError('minimize', 'objective.hessian(w)', `length ${n * n}`, `length ${H.length}`);
    let diagMax = 0;
    for (let i = 0; i < n; i++) diagMax = Math.max(diagMax, Math.abs(H[i * n + i]!));
    const minusG = g.map((x) => -x);
    let lambda = 0;
    let p: Float64Array | null = null;
    for (let attempt = 0; attempt < 80; attempt++) {
      p = choleskySolve(H, n, lambda, minusG);
      if (p !== null && dotv(p, g) < 0) break;
      p = null;
      lambda = lambda === 0 ? Math.max(1e-12 * diagMax, 1e-300) : lambda * 4;
    }
    if (p === null) return done(false, 'no descent direction: the damped Hessian could not be factorised');
    const slope = dotv(g, p);
    let t = 1;
    let accepted = false;
    let next: { value: number; grad: Float64Array } | null = null;
    let wNext = w;
    for (let ls = 0; ls < 60; ls++) {
      wNext = axpy(w, t, p);
      let trial: { value: number; grad: Float64Array } | null = null;
      try {
        trial = valueAndGrad(wNext);
      } catch (e) {
        if (ls === 59) throw e;
      }
      if (trial !== null && Number.isFinite(trial.value)) {
        if (trial.value <= f + 1e-4 * t * slope) {
          accepted = true;
        } else if (Math.abs(trial.value - f) <= roundingLevel(f) && norm(trial.grad) < gn) {
          accepted = true;
        }
        if (accepted) {
          next = trial;
          break;
        }
      }
      t *= 0.5;
    }
    if (!accepted || next === null) return done(false, 'line search failed (no decrease along the Newton direction)');
    w = wNext;
    f = next.value;
    g = next.grad;
    gn = norm(g);
    it++;
    onIteration?.({ iteration: it, value: f, gradNorm: gn, step: t });
  }
}

function lbfgs(
  valueAndGrad: ValueAndGrad,
  w: Float64Array,
  gradTol: number,
  maxIterations: number,
  memory: number,
  onIteration: MinimizeOptions['onIteration'],
): MinimizeResult {
  if (!Number.isInteger(memory) || memory < 1) throw new BadArgumentError('minimize', 'options.memory', 'a positive integer', String(memory));
  const n = w.length;
  let { value: f, grad: g } = valueAndGrad(w);
  let gn = norm(g);
  let it = 0;
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const RHO: number[] = [];
  const done = (converged: boolean, message: string): MinimizeResult => ({
    w, iterations: it, converged, gradNorm: gn, value: f, method: 'lbfgs', message,
  });
  let resetOnce = false;
  while (true) {
    if (!Number.isFinite(f) || !Number.isFinite(gn)) return done(false, `non-finite value ${f} or gradient norm ${gn}`);
    if (gn <= gradTol) return done(true, `gradient norm ${gn.toExponential(2)} ≤ ${gradTol}`);
    if (it >= maxIterations) return done(false, `iteration cap ${maxIterations} reached`);
    // Two-loop recursion: p = −H_k g.
    const q = Float64Array.from(g);
    const alpha = new Array<number>(S.length);
    for (let i = S.length - 1; i >= 0; i--) {
      const a = RHO[i]! * dotv(S[i]!, q);
      alpha[i] = a;
      const yi = Y[i]!;
      for (let j = 0; j < n; j++) q[j]! -= a * yi[j]!;
    }
    if (S.length > 0) {
      const last = S.length - 1;
      const gamma = dotv(S[last]!, Y[last]!) / dotv(Y[last]!, Y[last]!);
      for (let j = 0; j < n; j++) q[j]! *= gamma;
    } else {
      const c = 1 / Math.max(gn, 1);
      for (let j = 0; j < n; j++) q[j]! *= c;
    }
    for (let i = 0; i < S.length; i++) {
      const b = RHO[i]! * dotv(Y[i]!, q);
      const si = S[i]!;
      for (let j = 0; j < n; j++) q[j]! += (alpha[i]! - b) * si[j]!;
    }
    const p = q.map((x) => -x);
    let slope = dotv(g, p);
    if (!(slope < 0)) {
      S.length = 0;
      Y.length = 0;
      RHO.length = 0;
      for (let j = 0; j < n; j++) p[j] = -g[j]! / Math.max(gn, 1);
      slope = dotv(g, p);
    }
    const ls = wolfeSearch(valueAndGrad, w, f, g, p, slope);
    if (ls === null) {
      if (S.length > 0 && !resetOnce) {
        S.length = 0;
        Y.length = 0;
        RHO.length = 0;
        resetOnce = true;
        continue;
      }
      return done(false, 'line search failed');
    }
    resetOnce = false;
    const s = new Float64Array(n);
    const yv = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      s[j] = ls.w[j]! - w[j]!;
      yv[j] = ls.grad[j]! - g[j]!;
    }
    const sy = dotv(s, yv);
    if (sy > 1e-12 * norm(s) * norm(yv) && sy > 0) {
      S.push(s);
      Y.push(yv);
      RHO.push(1 / sy);
      if (S.length > memory) {
        S.shift();
        Y.shift();
        RHO.shift();
      }
    }
    w = ls.w;
    f = ls.value;
    g = ls.grad;
    gn = norm(g);
    it++;
    onIteration?.({ iteration: it, value: f, gradNorm: gn, step: ls.t });
  }
}

/** Strong Wolfe line search (Nocedal & Wright Alg. 3.5/3.6) with an approximate-Wolfe acceptance at rounding level. */
function wolfeSearch(
  valueAndGrad: ValueAndGrad,
  w: Float64Array,
  f0: number,
  g0: Float64Array,
  p: Float64Array,
  slope0: number,
): { w: Float64Array; value: number; grad: Float64Array; t: number } | null {
  const c1 = 1e-4;
  const c2 = 0.9;
  const slack = roundingLevel(f0);
  const g0n = norm(g0);
  const evalAt = (t: number): { w: Float64Array; value: number; grad: Float64Array; slope: number; t: number } | null => {
    const wt = axpy(w, t, p);
    let r: { value: number; grad: Float64Array };
    try {
      r = valueAndGrad(wt);
    } catch {
      return null;
    }
    if (!Number.isFinite(r.value)) return null;
    return { w: wt, value: r.value, grad: r.grad, slope: dotv(r.grad, p), t };
  };
  const sufficient = (pt: { value: number; slope: number; t: number; grad: Float64Array }): boolean =>
    pt.value <= f0 + c1 * pt.t * slope0 ||
    (pt.value <= f0 + slack && (pt.slope <= (2 * c1 - 1) * slope0 || norm(pt.grad) < g0n));
  const curvatureOk = (pt: { slope: number }): boolean => Math.abs(pt.slope) <= -c2 * slope0;

  let tPrev = 0;
  let prev: { value: number; slope: number } = { value: f0, slope: slope0 };
  let t = 1;
  type Point = NonNullable<ReturnType<typeof evalAt>>;
  const zoom = (lo: { t: number; value: number; slope: number }, hi: { t: number; value: number; slope: number }): Point | null => {
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
      return zoom({ t: tPrev, ...prev }, pt);
    }
    if (curvatureOk(pt)) return pt;
    if (pt.slope >= 0) return zoom(pt, { t: tPrev, ...prev });
    tPrev = t;
    prev = pt;
    t *= 2;
  }
  return null;
}
