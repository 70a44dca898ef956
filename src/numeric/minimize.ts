/**
 * Float64 minimisation of smooth objectives on small and medium problems: damped Newton with a backtracking line
 * search, and L-BFGS (src/numeric/lbfgs.ts) with a strong Wolfe line search. Used to find true optima of small
 * synthetic problems to gradient norms near machine precision.
 */
import { BadArgumentError, DimensionMismatchError } from './errors.ts';
import { lbfgs, roundingLevel, type LbfgsResult, type LbfgsStop, type ValueAndGrad } from './lbfgs.ts';
import { axpy, dot, norm2 } from './vector.ts';

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
export function minimize(
  objective: MinimizeObjective,
  w0: Float64Array,
  options: MinimizeOptions = {},
): MinimizeResult {
  const fn = 'minimize';
  if (!(w0 instanceof Float64Array) || w0.length === 0) {
    throw new BadArgumentError(fn, 'w0', 'a non-empty Float64Array', String(w0));
  }
  const method = options.method ?? (objective.hessian !== undefined ? 'newton' : 'lbfgs');
  if (method !== 'newton' && method !== 'lbfgs')
    throw new BadArgumentError(fn, 'options.method', "'newton' or 'lbfgs'", String(method));
  if (method === 'newton' && objective.hessian === undefined) {
    throw new BadArgumentError(
      fn,
      'objective.hessian',
      "present for method 'newton'",
      'undefined',
      "use method 'lbfgs'",
    );
  }
  const gradTol = options.gradTol ?? 1e-9;
  if (!(gradTol >= 0)) throw new BadArgumentError(fn, 'options.gradTol', '≥ 0', String(gradTol));
  const maxIterations = options.maxIterations ?? (method === 'newton' ? 200 : 2000);
  const valueAndGrad = (w: Float64Array): { value: number; grad: Float64Array } => {
    const r =
      objective.valueAndGrad !== undefined
        ? objective.valueAndGrad(w)
        : { value: objective.value(w), grad: objective.grad(w) };
    if (r.grad.length !== w.length)
      throw new DimensionMismatchError(fn, 'objective.grad(w)', `length ${w.length}`, `length ${r.grad.length}`);
    return r;
  };
  if (method === 'newton')
    return newton(objective, valueAndGrad, Float64Array.from(w0), gradTol, maxIterations, options.onIteration);
  const memory = options.memory ?? 10;
  if (!Number.isInteger(memory) || memory < 1)
    throw new BadArgumentError(fn, 'options.memory', 'a positive integer', String(memory));
  const r = lbfgs(valueAndGrad, w0, {
    gradTol,
    maxIterations,
    memory,
    lineSearch: 'strong-wolfe',
    curvaturePairs: 'screen-on-store',
    ...(options.onIteration !== undefined ? { onIteration: options.onIteration } : {}),
  });
  return {
    w: r.x,
    iterations: r.iterations,
    converged: r.converged,
    gradNorm: r.gradNorm,
    value: r.value,
    method: 'lbfgs',
    message: LBFGS_MESSAGE[r.stop](r, gradTol, maxIterations),
  };
}

/** The stop reasons of `lbfgs` in `minimize`'s words. */
const LBFGS_MESSAGE: Record<LbfgsStop, (r: LbfgsResult, gradTol: number, maxIterations: number) => string> = {
  converged: (r, gradTol) => `gradient norm ${r.gradNorm.toExponential(2)} ≤ ${gradTol}`,
  'non-finite': (r) => `non-finite value ${r.value} or gradient norm ${r.gradNorm}`,
  'iteration-cap': (_r, _gradTol, maxIterations) => `iteration cap ${maxIterations} reached`,
  'line-search': () => 'line search failed',
  stalled: () => 'stalled',
  caller: () => 'stopped by the onIteration callback',
};

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
  let gn = norm2(g);
  let it = 0;
  const done = (converged: boolean, message: string): MinimizeResult => ({
    w,
    iterations: it,
    converged,
    gradNorm: gn,
    value: f,
    method: 'newton',
    message,
  });
  while (true) {
    if (!Number.isFinite(f) || !Number.isFinite(gn)) return done(false, `non-finite value ${f} or gradient norm ${gn}`);
    if (gn <= gradTol) return done(true, `gradient norm ${gn.toExponential(2)} ≤ ${gradTol}`);
    if (it >= maxIterations) return done(false, `iteration cap ${maxIterations} reached`);
    const H = objective.hessian!(w);
    if (H.length !== n * n)
      throw new DimensionMismatchError('minimize', 'objective.hessian(w)', `length ${n * n}`, `length ${H.length}`);
    let diagMax = 0;
    for (let i = 0; i < n; i++) diagMax = Math.max(diagMax, Math.abs(H[i * n + i]!));
    const minusG = g.map((x) => -x);
    let lambda = 0;
    let p: Float64Array | null = null;
    for (let attempt = 0; attempt < 80; attempt++) {
      p = choleskySolve(H, n, lambda, minusG);
      if (p !== null && dot(p, g) < 0) break;
      p = null;
      lambda = lambda === 0 ? Math.max(1e-12 * diagMax, 1e-300) : lambda * 4;
    }
    if (p === null) return done(false, 'no descent direction: the damped Hessian could not be factorised');
    const slope = dot(g, p);
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
        } else if (Math.abs(trial.value - f) <= roundingLevel(f) && norm2(trial.grad) < gn) {
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
    gn = norm2(g);
    it++;
    onIteration?.({ iteration: it, value: f, gradNorm: gn, step: t });
  }
}
