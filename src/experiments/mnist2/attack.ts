/**
 * PGD (the paper's Eq. 3) and the exact inner maximisers of Eq. (2) for the linear logistic model, batched over a
 * whole `Dataset` in Float64. For ℓ(x + η) = softplus(−y(w·(x + η) + b)) the input gradient is ∇ₓℓ = −y σ(u) w, so
 * every PGD step of an example moves along the fixed direction −y w (sign(−y w) for the L∞ sign step, −y w/‖w‖₂ for
 * the L2 step g/‖g‖₂) as long as σ(u) > 0. That lets the K steps be simulated without K passes over all 784 pixels:
 *
 * - L∞ (sign step, Π = clip to [−ε, ε] ∩ [−x, 1 − x]): each coordinate moves monotonically, so after K steps
 *   η_i = clip(η⁰_i + Kλ sign(−y w_i), L_i, H_i) exactly (u only grows, so an example either stalls at step 0 or never);
 * - L2 (step g/‖g‖₂, then Π onto the ε-ball, then clip to the pixel box, as attack libraries do) from η⁰ = 0: the
 *   coordinates whose box bound is 0 stay 0, those whose bound is ≥ ε are never clipped and stay proportional to ĉ
 *   (one shared scalar), and only the few coordinates whose bound is below ε are iterated one by one.
 *
 * Both equal the step-by-step iteration of `pgd` (src/attack/pgd.ts) up to rounding (tested). The L2 attack with a
 * random start runs the plain per-coordinate iteration.
 */
import { makeRng, deriveSeed } from '../../rng.ts';
import { ClaimcheckError } from '../../errors.ts';
import { sampleL2UniformRadius, sampleLinfBox } from '../../noise/sample.ts';
import type { Dataset } from '../../numeric/dataset.ts';
import { sigmoid } from '../../numeric/stable.ts';
import { norm2, type BallNorm } from '../../numeric/vector.ts';

/** Options of `linearPgd`. */
export interface LinearPgdOptions {
  readonly norm: BallNorm;
  readonly eps: number;
  readonly steps: number;
  /** λ: the paper's MNIST2 settings are 0.15ε (L2) and 0.01 (L∞). */
  readonly stepSize: number;
  /** Model has a bias (w has d + 1 entries, the last is b; it shifts margins, never the perturbation). */
  readonly bias: boolean;
  /** Random starts η⁰ (n×d, already clipped to the pixel box), e.g. from `pgdRandomStarts`; null: η⁰ = 0. */
  readonly starts: Float64Array | null;
  /** Buffer for η (n×d); allocated when absent. */
  readonly out?: Float64Array;
}

/** What `linearPgd` and `exactPerturbation` return. */
export interface BatchPerturbation {
  /** η, n×d row-major (x + η stays in [0, 1]). */
  readonly eta: Float64Array;
  /** w·ηᵏ for every example k (bias excluded). */
  readonly wEta: Float64Array;
  /** Examples whose input gradient underflowed (σ(u) = 0 in Float64), so PGD could not move them. */
  readonly stalled: number;
}

function check(fn: string, ds: Dataset, w: Float64Array, bias: boolean, eps: number): void {
  const dim = ds.d + (bias ? 1 : 0);
  if (w.length !== dim) {
    throw new ClaimcheckError(
      'BAD_INPUT',
      `${fn}: w must have length ${dim} (d = ${ds.d}${bias ? ' plus the bias' : ''}), got ${w.length}`,
    );
  }
  if (!Number.isFinite(eps) || eps < 0)
    throw new ClaimcheckError('BAD_INPUT', `${fn}: eps must be a finite number >= 0, got ${eps}`);
}

/** w·x_k + b for every example k (dense rows). */
function cleanScores(ds: Dataset, w: Float64Array, bias: boolean): Float64Array {
  const { X, n, d } = ds;
  const b = bias ? w[d]! : 0;
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const off = k * d;
    let s = b;
    for (let j = 0; j < d; j++) {
      const x = X[off + j]!;
      if (x !== 0) s += x * w[j]!;
    }
    out[k] = s;
  }
  return out;
}

/**
 * Seeded PGD random starts for every example (n×d), clipped to the pixel box as `pgd` does (`feasible`): example k
 * draws from `makeRng(deriveSeed(seed, String(k)))` — `linf-box` (η_i ~ U(−ε, ε)) for L∞, `l2-uniform-radius`
 * (radius ~ U(0, ε) times a uniform direction) for L2 — so `pgd(…, { randomStart: { seed: deriveSeed(seed, String(k)) } })`
 * replays example k alone.
 */
export function pgdRandomStarts(ds: Dataset, norm: BallNorm, eps: number, seed: number): Float64Array {
  const { X, n, d } = ds;
  const out = new Float64Array(n * d);
  for (let k = 0; k < n; k++) {
    const rng = makeRng(deriveSeed(seed, String(k)));
    const start = norm === 'linf' ? sampleLinfBox(rng, d, eps) : sampleL2UniformRadius(rng, d, eps);
    const off = k * d;
    for (let j = 0; j < d; j++) {
      const x = X[off + j]!;
      out[off + j] = Math.min(1 - x, Math.max(-x, start[j]!));
    }
  }
  return out;
}

/**
 * PGD on every example of `ds` against the linear logistic model with weights `w` (the paper's Eq. 3 with the
 * projection around the original x, pixel clipping to [0, 1] after each step): L∞ with sign steps, L2 with steps
 * λ g/‖g‖₂ followed by the projection onto the ε-ball and then the clip. Returns η, w·η and the number of examples
 * whose gradient underflowed. Equal to running `pgd` per example, up to rounding (see the module comment).
 */
export function linearPgd(ds: Dataset, w: Float64Array, options: LinearPgdOptions): BatchPerturbation {
  const fn = 'linearPgd';
  const { norm, eps, steps, stepSize, bias, starts } = options;
  check(fn, ds, w, bias, eps);
  if (!Number.isInteger(steps) || steps < 0)
    throw new ClaimcheckError('BAD_INPUT', `${fn}: steps must be an integer >= 0, got ${steps}`);
  if (!Number.isFinite(stepSize) || stepSize < 0)
    throw new ClaimcheckError('BAD_INPUT', `${fn}: stepSize must be a finite number >= 0, got ${stepSize}`);
  const { n, d } = ds;
  if (starts !== null && starts.length !== n * d) {
    throw new ClaimcheckError('BAD_INPUT', `${fn}: starts must have length n·d = ${n * d}, got ${starts.length}`);
  }
  const eta = options.out ?? new Float64Array(n * d);
  if (eta.length !== n * d)
    throw new ClaimcheckError('BAD_INPUT', `${fn}: out must have length n·d = ${n * d}, got ${eta.length}`);
  const scores = cleanScores(ds, w, bias);
  const wEta = new Float64Array(n);
  let stalled = 0;
  if (norm === 'linf') {
    stalled = linfPgd(ds, w, eps, steps * stepSize, starts, scores, eta, wEta);
  } else if (starts === null) {
    stalled = l2PgdFromZero(ds, w, eps, steps, stepSize, scores, eta, wEta);
  } else {
    stalled = l2PgdIterated(ds, w, eps, steps, stepSize, starts, scores, eta, wEta);
  }
  return { eta, wEta, stalled };
}

function linfPgd(
  ds: Dataset,
  w: Float64Array,
  eps: number,
  travel: number,
  starts: Float64Array | null,
  scores: Float64Array,
  eta: Float64Array,
  wEta: Float64Array,
): number {
  const { X, y, n, d } = ds;
  let stalled = 0;
  for (let k = 0; k < n; k++) {
    const off = k * d;
    const yk = y[k]!;
    let we0 = 0;
    if (starts !== null) for (let j = 0; j < d; j++) we0 += w[j]! * starts[off + j]!;
    const moving = sigmoid(-yk * (scores[k]! + we0)) > 0;
    if (!moving) stalled++;
    let we = 0;
    for (let j = 0; j < d; j++) {
      const e0 = starts === null ? 0 : starts[off + j]!;
      const c = -yk * w[j]!;
      let v = e0;
      if (moving && c !== 0) {
        const x = X[off + j]!;
        v = c > 0 ? Math.min(Math.min(eps, 1 - x), e0 + travel) : Math.max(Math.max(-eps, -x), e0 - travel);
      }
      eta[off + j] = v;
      we += w[j]! * v;
    }
    wEta[k] = we;
  }
  return stalled;
}

function l2PgdFromZero(
  ds: Dataset,
  w: Float64Array,
  eps: number,
  steps: number,
  lambda: number,
  scores: Float64Array,
  eta: Float64Array,
  wEta: Float64Array,
): number {
  const { X, y, n, d } = ds;
  const wn = norm2(w, d);
  const cIdx = new Int32Array(d);
  const cEta = new Float64Array(d);
  const cDir = new Float64Array(d);
  const cLo = new Float64Array(d);
  const cHi = new Float64Array(d);
  const free = new Uint8Array(d);
  let stalled = 0;
  for (let k = 0; k < n; k++) {
    const off = k * d;
    const yk = y[k]!;
    eta.fill(0, off, off + d);
    if (wn === 0 || eps === 0 || steps === 0) {
      wEta[k] = 0;
      continue;
    }
    // Classify coordinates: pinned (box bound 0 in the direction of motion), free (bound ≥ ε: never clipped),
    // clipped-capable (0 < |bound| < ε: iterated one by one).
    let sP = 0;
    let sF = 0;
    let wF = 0;
    let nc = 0;
    for (let j = 0; j < d; j++) {
      const c = (-yk * w[j]!) / wn;
      free[j] = 0;
      if (c === 0) continue;
      const x = X[off + j]!;
      const bound = c > 0 ? 1 - x : -x;
      if (bound === 0) {
        sP += c * c;
      } else if (Math.abs(bound) >= eps) {
        sF += c * c;
        wF += w[j]! * c;
        free[j] = 1;
      } else {
        cIdx[nc] = j;
        cDir[nc] = c;
        cEta[nc] = 0;
        cLo[nc] = -x;
        cHi[nc] = 1 - x;
        nc++;
      }
    }
    // Promote clippable coordinates that can never reach their bound: the free coordinates stay a·ĉ with
    // a‖ĉ_F‖ ≤ ‖η‖ ≤ ε, so a ≤ ε/‖ĉ_F‖, and a coordinate with |bound| > a_max·|ĉ_j| is never clipped either.
    for (let round = 0; round < 4 && sF > 0 && nc > 0; round++) {
      const aMax = (eps / Math.sqrt(sF)) * (1 + 1e-9);
      let kept = 0;
      let promoted = 0;
      for (let p = 0; p < nc; p++) {
        const c = cDir[p]!;
        const bound = c > 0 ? cHi[p]! : cLo[p]!;
        if (Math.abs(bound) > aMax * Math.abs(c)) {
          const j = cIdx[p]!;
          sF += c * c;
          wF += w[j]! * c;
          free[j] = 1;
          promoted++;
        } else {
          cIdx[kept] = cIdx[p]!;
          cDir[kept] = c;
          cLo[kept] = cLo[p]!;
          cHi[kept] = cHi[p]!;
          kept++;
        }
      }
      nc = kept;
      if (promoted === 0) break;
    }
    let a = 0;
    let wC = 0;
    let everStalled = false;
    for (let s = 0; s < steps; s++) {
      const moving = sigmoid(-yk * (scores[k]! + a * wF + wC)) > 0;
      if (!moving) everStalled = true;
      const step = moving ? lambda : 0;
      let zz = (a + step) * (a + step) * sF + step * step * sP;
      for (let p = 0; p < nc; p++) {
        const z = cEta[p]! + step * cDir[p]!;
        zz += z * z;
      }
      const zn = Math.sqrt(zz);
      const scale = zn > eps ? eps / zn : 1;
      a = scale * (a + step);
      wC = 0;
      for (let p = 0; p < nc; p++) {
        const v = Math.min(cHi[p]!, Math.max(cLo[p]!, scale * (cEta[p]! + step * cDir[p]!)));
        cEta[p] = v;
        wC += w[cIdx[p]!]! * v;
      }
    }
    if (everStalled) stalled++;
    let we = 0;
    for (let j = 0; j < d; j++) {
      if (free[j] === 1) {
        const v = (a * (-yk * w[j]!)) / wn;
        eta[off + j] = v;
        we += w[j]! * v;
      }
    }
    for (let p = 0; p < nc; p++) {
      eta[off + cIdx[p]!] = cEta[p]!;
      we += w[cIdx[p]!]! * cEta[p]!;
    }
    wEta[k] = we;
  }
  return stalled;
}

function l2PgdIterated(
  ds: Dataset,
  w: Float64Array,
  eps: number,
  steps: number,
  lambda: number,
  starts: Float64Array,
  scores: Float64Array,
  eta: Float64Array,
  wEta: Float64Array,
): number {
  const { X, y, n, d } = ds;
  const wn = norm2(w, d);
  let stalled = 0;
  for (let k = 0; k < n; k++) {
    const off = k * d;
    const yk = y[k]!;
    let we = 0;
    for (let j = 0; j < d; j++) {
      eta[off + j] = starts[off + j]!;
      we += w[j]! * starts[off + j]!;
    }
    let everStalled = false;
    for (let s = 0; s < steps; s++) {
      const moving = wn > 0 && sigmoid(-yk * (scores[k]! + we)) > 0;
      if (!moving) everStalled = true;
      const step = moving ? lambda / wn : 0;
      let zz = 0;
      for (let j = 0; j < d; j++) {
        const z = eta[off + j]! + step * (-yk * w[j]!);
        eta[off + j] = z;
        zz += z * z;
      }
      const zn = Math.sqrt(zz);
      const scale = zn > eps ? eps / zn : 1;
      we = 0;
      for (let j = 0; j < d; j++) {
        const x = X[off + j]!;
        const v = Math.min(1 - x, Math.max(-x, eta[off + j]! * scale));
        eta[off + j] = v;
        we += w[j]! * v;
      }
    }
    if (everStalled && wn > 0) stalled++;
    wEta[k] = we;
  }
  return stalled;
}

/** The root t of ‖clip(t·c)‖₂ = ε by sorting the breakpoints t_j (the fallback of the monotone iteration). */
function l2BoxRootBySorting(order: number[], tj: Float64Array, bj: Float64Array, w: Float64Array, eps: number): number {
  order.sort((p, q) => tj[p]! - tj[q]!);
  let cc = 0;
  for (const j of order) cc += w[j]! * w[j]!;
  let clipped = 0;
  for (const j of order) {
    const tEnd = tj[j]!;
    if (tEnd * tEnd * cc + clipped >= eps * eps) return Math.sqrt((eps * eps - clipped) / cc);
    cc -= w[j]! * w[j]!;
    clipped += bj[j]! * bj[j]!;
  }
  return Infinity;
}

/** Which exact inner maximiser `exactPerturbation` computes. */
export type ExactMaximizer =
  /** η = −y ε w/‖w‖₂ (the L2 ball without the pixel box: the closed form behind Eq. 4, p = 2). */
  | 'l2-ball'
  /** argmax over the L2 ball ∩ pixel box: η(t) = clip(t·(−y w), −x, 1 − x) with ‖η(t)‖₂ = ε (KKT; exact breakpoints). */
  | 'l2-ball-box'
  /** η_i = clip(−y ε sign(w_i), −x_i, 1 − x_i) (L∞ ball ∩ pixel box, per coordinate). */
  | 'linf-box';

/**
 * The exact maximiser of ℓ(x + η) over the constraint set, for every example of `ds` at weights `w` (the inner max of
 * Eq. 2 for the linear model; references of the PGD audit and the perturbations of the `exact` training mode). The
 * `l2-ball-box` maximiser solves ‖η(t)‖₂ = ε exactly by a monotone active-set iteration on the breakpoints
 * t_i = bound_i/c_i (sorting them as a fallback); the bisection of `l2ClippedKkt` in src/attack is the reference.
 */
export function exactPerturbation(
  ds: Dataset,
  w: Float64Array,
  kind: ExactMaximizer,
  eps: number,
  bias: boolean,
  out?: Float64Array,
): BatchPerturbation {
  const fn = 'exactPerturbation';
  check(fn, ds, w, bias, eps);
  const { X, y, n, d } = ds;
  const eta = out ?? new Float64Array(n * d);
  const wEta = new Float64Array(n);
  const wn = norm2(w, d);
  const order: number[] = [];
  const tj = new Float64Array(d);
  const bj = new Float64Array(d);
  for (let k = 0; k < n; k++) {
    const off = k * d;
    const yk = y[k]!;
    let we = 0;
    if (kind === 'linf-box') {
      for (let j = 0; j < d; j++) {
        const c = -yk * w[j]!;
        const x = X[off + j]!;
        const v = c > 0 ? Math.min(eps, 1 - x) : c < 0 ? Math.max(-eps, -x) : 0;
        eta[off + j] = v;
        we += w[j]! * v;
      }
    } else if (kind === 'l2-ball') {
      for (let j = 0; j < d; j++) {
        const v = wn > 0 ? (-yk * eps * w[j]!) / wn : 0;
        eta[off + j] = v;
        we += w[j]! * v;
      }
    } else {
      // η(t)_j = clip(t c_j, lo_j, hi_j): linear in t up to t_j = bound_j / c_j, constant after. ‖η(t)‖² is
      // nondecreasing; from t₀ = ε/‖c‖ the iteration t ← √((ε² − Σ_{clipped at t} b²) / Σ_{free at t} c²) increases
      // monotonically to the root and stops when the clipped set no longer grows (then t solves ‖η(t)‖ = ε exactly).
      order.length = 0;
      let corner = 0;
      let cc = 0;
      for (let j = 0; j < d; j++) {
        const c = -yk * w[j]!;
        const x = X[off + j]!;
        const bound = c > 0 ? 1 - x : c < 0 ? -x : 0;
        bj[j] = bound;
        corner += bound * bound;
        if (c !== 0 && bound !== 0) {
          tj[j] = bound / c;
          order.push(j);
          cc += c * c;
        }
      }
      let t = Infinity;
      if (corner > eps * eps) {
        t = eps / Math.sqrt(cc);
        let clippedCount = -1;
        let solved = false;
        for (let it = 0; it < 64; it++) {
          let free = 0;
          let clipped = 0;
          let count = 0;
          for (const j of order) {
            if (t >= tj[j]!) {
              clipped += bj[j]! * bj[j]!;
              count++;
            } else {
              free += w[j]! * w[j]!;
            }
          }
          if (count === clippedCount || free === 0) {
            solved = free > 0;
            break;
          }
          clippedCount = count;
          t = Math.sqrt(Math.max(0, eps * eps - clipped) / free);
        }
        if (!solved) t = l2BoxRootBySorting(order, tj, bj, w, eps);
      }
      for (let j = 0; j < d; j++) {
        const c = -yk * w[j]!;
        const v = t === Infinity ? bj[j]! : c > 0 ? Math.min(bj[j]!, t * c) : c < 0 ? Math.max(bj[j]!, t * c) : 0;
        eta[off + j] = v;
        we += w[j]! * v;
      }
    }
    wEta[k] = we;
  }
  return { eta, wEta, stalled: 0 };
}
