/**
 * Projected L-BFGS for smooth objectives with optional lower bounds z_i ≥ 0 on some coordinates: the two-metric
 * projection scheme of Kim, Sra and Dhillon (2010, "Tackling box-constrained optimization via a new projected
 * quasi-Newton approach"): coordinates at their bound with a positive gradient are held fixed, the L-BFGS two-loop
 * recursion gives the direction of the others, and an Armijo backtracking line search runs along the projected path.
 * Without bounds it is plain L-BFGS with Armijo backtracking. Stops when the projected-gradient norm
 * ‖z − P(z − ∇f(z))‖₂ is ≤ gradTol, at the iteration cap, or when no decrease can be found (reported, never hidden).
 */
import { ClaimcheckError } from '../../errors.ts';

/** Options of `projectedLbfgs`. */
export interface ProjectedLbfgsOptions {
  /** `bounded[i] = 1`: z_i ≥ 0; null: no bounds. */
  readonly bounded: Uint8Array | null;
  readonly gradTol: number;
  readonly maxIterations: number;
  /** L-BFGS history length. */
  readonly memory: number;
}

/** How `projectedLbfgs` ended: never a bare vector. */
export interface ProjectedLbfgsResult {
  readonly z: Float64Array;
  readonly value: number;
  /** ‖z − P(z − ∇f(z))‖₂ at the returned point (‖∇f‖₂ without bounds). */
  readonly projectedGradNorm: number;
  readonly iterations: number;
  /** Number of objective evaluations (each a full pass over the data). */
  readonly evaluations: number;
  readonly converged: boolean;
  readonly message: string;
}

const EPS = 2.220446049250313e-16;

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function projectedGradNorm(z: Float64Array, g: Float64Array, bounded: Uint8Array | null): number {
  let s = 0;
  for (let i = 0; i < z.length; i++) {
    const step = bounded !== null && bounded[i] === 1 ? z[i]! - Math.max(0, z[i]! - g[i]!) : g[i]!;
    s += step * step;
  }
  return Math.sqrt(s);
}

/**
 * Minimises f over {z : z_i ≥ 0 where bounded} from z0 (projected onto the bounds first) by projected L-BFGS
 * (two-metric projection, Armijo backtracking along P(z + t·d)); see the module comment.
 */
export function projectedLbfgs(
  f: (z: Float64Array) => { value: number; grad: Float64Array },
  z0: Float64Array,
  options: ProjectedLbfgsOptions,
): ProjectedLbfgsResult {
  const fn = 'projectedLbfgs';
  const { bounded, gradTol, maxIterations, memory } = options;
  const m = z0.length;
  if (bounded !== null && bounded.length !== m) throw new ClaimcheckError('BAD_INPUT', `${fn}: bounded must have length ${m}, got ${bounded.length}`);
  if (!(gradTol >= 0)) throw new ClaimcheckError('BAD_INPUT', `${fn}: gradTol must be >= 0, got ${gradTol}`);
  if (!Number.isInteger(maxIterations) || maxIterations < 0) throw new ClaimcheckError('BAD_INPUT', `${fn}: maxIterations must be an integer >= 0, got ${maxIterations}`);
  if (!Number.isInteger(memory) || memory < 1) throw new ClaimcheckError('BAD_INPUT', `${fn}: memory must be an integer >= 1, got ${memory}`);
  const project = (v: Float64Array): Float64Array => {
    if (bounded !== null) for (let i = 0; i < m; i++) if (bounded[i] === 1 && v[i]! < 0) v[i] = 0;
    return v;
  };
  let evaluations = 0;
  const evaluate = (v: Float64Array): { value: number; grad: Float64Array } => {
    evaluations++;
    const r = f(v);
    if (r.grad.length !== m) throw new ClaimcheckError('BAD_INPUT', `${fn}: f returned a gradient of length ${r.grad.length}, expected ${m}`);
    return r;
  };
  let z = project(Float64Array.from(z0));
  let { value, grad } = evaluate(z);
  let pgn = projectedGradNorm(z, grad, bounded);
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  let iterations = 0;
  let flat = 0;
  const done = (converged: boolean, message: string): ProjectedLbfgsResult => ({
    z, value, projectedGradNorm: pgn, iterations, evaluations, converged, message,
  });
  for (;;) {
    if (!Number.isFinite(value) || !Number.isFinite(pgn)) return done(false, `non-finite value ${value} or gradient norm ${pgn}`);
    if (pgn <= gradTol) return done(true, `projected gradient norm ${pgn.toExponential(2)} ≤ ${gradTol}`);
    if (iterations >= maxIterations) return done(false, `iteration cap ${maxIterations} reached (projected gradient norm ${pgn.toExponential(2)})`);
    // Free coordinates: all but those at a bound with a positive gradient.
    const free = new Uint8Array(m).fill(1);
    if (bounded !== null) for (let i = 0; i < m; i++) if (bounded[i] === 1 && z[i]! <= 0 && grad[i]! > 0) free[i] = 0;
    const direction = (useHistory: boolean): Float64Array => {
      const q = new Float64Array(m);
      for (let i = 0; i < m; i++) q[i] = free[i] === 1 ? grad[i]! : 0;
      // The two-loop recursion restricted to the free coordinates (pairs whose restricted s·y is not positive are
      // skipped), so curvature seen on coordinates held at a bound does not leak into the free ones.
      const fdot = (a: Float64Array, b: Float64Array): number => {
        let acc = 0;
        for (let i = 0; i < m; i++) if (free[i] === 1) acc += a[i]! * b[i]!;
        return acc;
      };
      const pairs: number[] = [];
      const rho: number[] = [];
      if (useHistory) {
        for (let h = 0; h < S.length; h++) {
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
          for (let i = 0; i < m; i++) if (free[i] === 1) q[i]! -= a * yh[i]!;
        }
        const last = pairs[pairs.length - 1]!;
        const gamma = 1 / (rho[pairs.length - 1]! * fdot(Y[last]!, Y[last]!));
        for (let i = 0; i < m; i++) q[i]! *= gamma;
        for (let p = 0; p < pairs.length; p++) {
          const h = pairs[p]!;
          const b = rho[p]! * fdot(Y[h]!, q);
          const sh = S[h]!;
          for (let i = 0; i < m; i++) if (free[i] === 1) q[i]! += (alpha[p]! - b) * sh[i]!;
        }
      } else {
        const c = 1 / Math.max(pgn, 1);
        for (let i = 0; i < m; i++) q[i]! *= c;
      }
      for (let i = 0; i < m; i++) q[i] = free[i] === 1 ? -q[i]! : 0;
      return q;
    };
    let d = direction(true);
    if (!(dot(d, grad) < 0)) {
      S.length = 0;
      Y.length = 0;
      d = direction(false);
    }
    let accepted: { z: Float64Array; value: number; grad: Float64Array; pgn: number } | null = null;
    for (let attempt = 0; attempt < 2 && accepted === null; attempt++) {
      let t = 1;
      // 20 halvings along the quasi-Newton direction (t ≥ 2⁻²⁰), 10 along the scaled gradient after a reset.
      for (let ls = 0; ls < (attempt === 0 ? 20 : 10); ls++) {
        const trial = new Float64Array(m);
        for (let i = 0; i < m; i++) trial[i] = z[i]! + t * d[i]!;
        project(trial);
        let slope = 0;
        for (let i = 0; i < m; i++) slope += grad[i]! * (trial[i]! - z[i]!);
        const r = evaluate(trial);
        if (Number.isFinite(r.value)) {
          const trialPgn = projectedGradNorm(trial, r.grad, bounded);
          const armijo = r.value <= value + 1e-4 * slope;
          const atRounding = Math.abs(r.value - value) <= 16 * EPS * Math.max(Math.abs(value), 1e-300) && trialPgn < pgn;
          if (slope < 0 && (armijo || atRounding)) {
            accepted = { z: trial, value: r.value, grad: r.grad, pgn: trialPgn };
            break;
          }
        }
        t *= 0.5;
      }
      if (accepted === null) {
        if (S.length === 0) break;
        S.length = 0;
        Y.length = 0;
        d = direction(false);
      }
    }
    if (accepted === null) return done(false, `line search found no decrease (projected gradient norm ${pgn.toExponential(2)})`);
    const s = new Float64Array(m);
    const yv = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      s[i] = accepted.z[i]! - z[i]!;
      yv[i] = accepted.grad[i]! - grad[i]!;
    }
    // Stagnation: the value no longer decreases beyond rounding (e.g. a PGD objective whose held-fixed gradient is
    // not exactly its derivative). Two such steps in a row end the run.
    flat = value - accepted.value <= 16 * EPS * Math.max(Math.abs(value), 1e-300) ? flat + 1 : 0;
    S.push(s);
    Y.push(yv);
    if (S.length > memory) {
      S.shift();
      Y.shift();
    }
    z = accepted.z;
    value = accepted.value;
    grad = accepted.grad;
    pgn = accepted.pgn;
    iterations++;
    if (flat >= 2 && pgn > gradTol) return done(false, `stalled: the value did not decrease beyond rounding in 2 iterations (projected gradient norm ${pgn.toExponential(2)})`);
  }
}
