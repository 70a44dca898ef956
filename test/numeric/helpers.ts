/**
 * Shared test helpers of the numeric core: seeded fast-check runs that print their seed, random datasets, and a
 * small logistic-regression model really trained on MNIST2 (digits 0 and 1 from shared/data/mnist).
 */
import fc from 'fast-check';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deriveSeed, makeRng, type Rng } from '../../src/rng.ts';
import { readIdxImageSet } from '../../src/data/idx.ts';
import { binaryDatasetFromImages, makeDataset, type Dataset } from '../../src/numeric/dataset.ts';
import { logisticLoss } from '../../src/numeric/logistic.ts';
import type { Loss } from '../../src/numeric/loss.ts';
import { minimize } from '../../src/numeric/minimize.ts';
import { robustL2Loss } from '../../src/numeric/robust-l2.ts';

/** Base seed of every property in these tests; override with CLAIMCHECK_TEST_SEED to explore, print to replay. */
export const BASE_SEED = Number(process.env.CLAIMCHECK_TEST_SEED ?? 20210415);

/**
 * Runs a fast-check property with a seed derived from the base seed and the label, printing the seed and run
 * count so that a failure can be replayed with `fc.assert(prop, { seed, numRuns })` (fast-check also prints the
 * counterexample path on failure).
 */
export function assertProperty<Ts>(label: string, property: fc.IProperty<Ts>, numRuns: number): void {
  const seed = deriveSeed(BASE_SEED, label);
  console.log(`[fast-check] ${label}: seed=${seed} numRuns=${numRuns}`);
  fc.assert(property, { seed, numRuns });
}

/** A problem instance drawn from an integer seed: keeps fast-check shrinking simple and every draw replayable. */
export interface Instance {
  readonly ds: Dataset;
  readonly w: Float64Array;
  readonly v: Float64Array;
  readonly epsilon: number;
  readonly rng: Rng;
}

/** Options of `instance`. */
export interface InstanceOptions {
  readonly maxN?: number;
  readonly maxD?: number;
  /** Features in [0, 1] (pixels) instead of [−1, 1]. */
  readonly unitBox?: boolean;
  /** Parameter count includes a bias. */
  readonly bias?: boolean;
  /** Lower bound on every |w_i| (keeps the L∞ loss away from its kinks). */
  readonly minAbsW?: number;
}

/** A random dataset (n, d, X, y), weights w, direction v and ε from one seed. */
export function instance(seed: number, options: InstanceOptions = {}): Instance {
  const rng = makeRng(seed);
  const n = rng.int(1, options.maxN ?? 40);
  const d = rng.int(1, options.maxD ?? 12);
  const X = Array.from({ length: n * d }, () => (options.unitBox === true ? rng.next() : rng.uniform(-1, 1)));
  const y = Array.from({ length: n }, () => (rng.next() < 0.5 ? -1 : 1));
  const dim = d + (options.bias === true ? 1 : 0);
  const minAbs = options.minAbsW ?? 0;
  const w = Float64Array.from({ length: dim }, () => {
    const g = rng.normal();
    return Math.sign(g || 1) * (minAbs + Math.abs(g));
  });
  const v = Float64Array.from({ length: dim }, () => rng.normal());
  return { ds: makeDataset(X, y, n, d), w, v, epsilon: rng.uniform(0.001, 1.5), rng };
}

/** fast-check arbitrary of instance seeds. */
export const seedArb = fc.integer({ min: 0, max: 0x7fffffff });

/** Central finite-difference gradient of f in Float64 (step h). */
export function fdGradient(f: (w: Float64Array) => number, w: Float64Array, h = 1e-6): Float64Array {
  const g = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) {
    const wp = Float64Array.from(w);
    const wm = Float64Array.from(w);
    wp[i]! += h;
    wm[i]! -= h;
    g[i] = (f(wp) - f(wm)) / (2 * h);
  }
  return g;
}

/** H·v by an explicit dense product. */
export function matVec(H: Float64Array, v: Float64Array): Float64Array {
  const n = v.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += H[i * n + j]! * v[j]!;
    out[i] = s;
  }
  return out;
}

/** max_i |a_i − b_i| / max(1, max_i |b_i|). */
export function maxRelDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0;
  let den = 1;
  for (let i = 0; i < a.length; i++) {
    num = Math.max(num, Math.abs(a[i]! - b[i]!));
    den = Math.max(den, Math.abs(b[i]!));
  }
  return num / den;
}

const here = dirname(fileURLToPath(import.meta.url));
/** The shared MNIST files (outside the repository). */
export const MNIST_DIR = resolve(here, '../../../shared/data/mnist');
export const MNIST_TRAIN_IMAGES = resolve(MNIST_DIR, 'train-images-idx3-ubyte.first22699.gz');
export const MNIST_TRAIN_LABELS = resolve(MNIST_DIR, 'train-labels-idx1-ubyte.first22699.gz');

let mnistCache: Dataset | undefined;

/** MNIST2 train (digits 0 → −1, 1 → +1, pixels in [0, 1]) from the shared subset: 4,839 images. */
export function mnist2(): Dataset {
  if (mnistCache === undefined) {
    if (!existsSync(MNIST_TRAIN_IMAGES)) throw new Error(`mnist2: ${MNIST_TRAIN_IMAGES} is missing`);
    const set = readIdxImageSet(MNIST_TRAIN_IMAGES, MNIST_TRAIN_LABELS);
    mnistCache = binaryDatasetFromImages(set.images, set.labels, set.rows * set.cols, { negative: 0, positive: 1 });
  }
  return mnistCache;
}

/** The first `count` examples of a dataset. */
export function headOf(ds: Dataset, count: number): Dataset {
  const n = Math.min(count, ds.n);
  return { X: ds.X.slice(0, n * ds.d), y: ds.y.slice(0, n), n, d: ds.d };
}

/** A model trained on MNIST2: the data, the loss it was trained on and the weights reached. */
export interface TrainedModel {
  readonly ds: Dataset;
  readonly loss: Loss;
  readonly w: Float64Array;
  readonly iterations: number;
}

const trainedCache = new Map<string, TrainedModel>();

/**
 * Logistic regression with bias (785 parameters) trained by 40 L-BFGS steps on the first `images` MNIST2 images,
 * on the plain logistic loss (ε = 0) or the L2-robust loss (ε > 0).
 */
export function trainedMnist2(images: number, epsilon: number): TrainedModel {
  const key = `${images}/${epsilon}`;
  const hit = trainedCache.get(key);
  if (hit !== undefined) return hit;
  const ds = headOf(mnist2(), images);
  const loss = epsilon === 0 ? logisticLoss(ds, { bias: true }) : robustL2Loss(ds, epsilon, { bias: true });
  const w0 = new Float64Array(ds.d + 1).fill(1e-3);
  const r = minimize(loss, w0, { method: 'lbfgs', maxIterations: 40, gradTol: 1e-9 });
  const model = { ds, loss, w: r.w, iterations: r.iterations };
  trainedCache.set(key, model);
  return model;
}

/**
 * Law: a closed-form `Loss` is self-consistent at w: ∇L matches central differences of L, ∇²L matches central
 * differences of ∇L, ∇²L is exactly symmetric, and hvp(w, v) = ∇²L(w)·v. Returns the worst errors.
 */
export function closedFormErrors(
  loss: Loss,
  w: Float64Array,
  v: Float64Array,
): { grad: number; hessian: number; symmetry: number; hvp: number } {
  const g = loss.grad(w);
  const H = loss.hessian(w);
  const n = w.length;
  const gradErr = maxRelDiff(
    fdGradient((x) => loss.value(x), w),
    g,
  );
  const Hfd = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const h = 1e-6;
    const wp = Float64Array.from(w);
    const wm = Float64Array.from(w);
    wp[i]! += h;
    wm[i]! -= h;
    const gp = loss.grad(wp);
    const gm = loss.grad(wm);
    for (let j = 0; j < n; j++) Hfd[j * n + i] = (gp[j]! - gm[j]!) / (2 * h);
  }
  let symmetry = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) symmetry = Math.max(symmetry, Math.abs(H[i * n + j]! - H[j * n + i]!));
  return { grad: gradErr, hessian: maxRelDiff(Hfd, H), symmetry, hvp: maxRelDiff(loss.hvp(w, v), matVec(H, v)) };
}

/**
 * The worst relative gap, over t in `ts`, between a loss's line form `along(w, h)(t)` and `value(w + t·h)`: the two
 * are equal in real arithmetic and differ only in how the margin is rounded.
 */
export function alongGap(loss: Loss, w: Float64Array, h: Float64Array, ts: readonly number[]): number {
  const line = loss.along(w, h);
  let worst = 0;
  for (const t of ts) {
    const v = Float64Array.from(w, (wi, i) => wi + t * h[i]!);
    const direct = loss.value(v);
    worst = Math.max(worst, Math.abs(line(t) - direct) / Math.max(Math.abs(direct), 1e-300));
  }
  return worst;
}

/** The t grid of the line-form tests: both signs, 0, and large steps that flip many weights' signs. */
export const ALONG_TS = [-3, -1, -0.37, 0, 0.02, 0.5, 1, 2.5] as const;
