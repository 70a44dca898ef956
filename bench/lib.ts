/**
 * What the benchmark scripts share: the median timer, the row of the goals table (ours, the peer a user would run
 * instead, the ratio and the goal), the table printer, the machine line, and the Python peers' runner (which finds an
 * interpreter that imports the peer's packages, and otherwise says which is missing).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, endianness, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readIdxImageSet } from '../src/data/idx.ts';
import { binaryDatasetFromImages, type Dataset } from '../src/numeric/dataset.ts';
import type { Loss } from '../src/numeric/loss.ts';
import { minimize } from '../src/numeric/minimize.ts';
import { logisticLoss } from '../src/numeric/logistic.ts';
import { perturbedObjective } from '../src/experiments/mnist2/train.ts';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const PEERS_DIR = resolve(BENCH_DIR, 'peers');

/** Median wall time (ms) of `runs` calls after one warm-up call, and the last result. */
export function medianMs<T>(runs: number, f: () => T): { ms: number; result: T } {
  let result = f();
  const ts: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    result = f();
    ts.push(performance.now() - t0);
  }
  ts.sort((a, b) => a - b);
  return { ms: ts[Math.floor(ts.length / 2)]!, result };
}

/** Writes `a` as raw little-endian Float64 for a peer to read (the platform's bytes on little-endian machines). */
export function writeF64(path: string, a: Float64Array): void {
  if (endianness() === 'LE') {
    writeFileSync(path, new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    return;
  }
  const view = new DataView(new ArrayBuffer(a.length * 8));
  for (let i = 0; i < a.length; i++) view.setFloat64(i * 8, a[i]!, true);
  writeFileSync(path, new Uint8Array(view.buffer));
}

/** A measured quantity: milliseconds or megabytes. */
export interface Quantity {
  readonly value: number;
  readonly unit: 'ms' | 'MB';
}

/**
 * A goal on one row. `maxRatio`: ours / peer must not exceed it (8× faster than the peer is `maxRatio: 1/8`).
 * `maxValue`: ours must stay strictly under it (in ours' unit), for goals with no peer.
 */
export type Goal = { readonly maxRatio: number } | { readonly maxValue: number };

export interface BenchRow {
  readonly task: string;
  readonly ours: Quantity;
  /** The tool a user would run instead, measured in the same run on the same work; or why it was not measured. */
  readonly peer?:
    | { readonly name: string; readonly value: Quantity }
    | { readonly name: string; readonly missing: string };
  readonly goal: Goal;
  /** What the row measured (data, sizes, iterations), printed under the table. */
  readonly note?: string;
}

export interface RowVerdict {
  readonly ratio: number | null;
  /** null: not decidable (the peer is missing). */
  readonly met: boolean | null;
}

export function judge(row: BenchRow): RowVerdict {
  const peer = row.peer !== undefined && 'value' in row.peer ? row.peer.value : undefined;
  const ratio = peer !== undefined ? row.ours.value / peer.value : null;
  if ('maxValue' in row.goal) return { ratio, met: row.ours.value < row.goal.maxValue };
  return { ratio, met: ratio === null ? null : ratio <= row.goal.maxRatio };
}

export function formatQuantity(q: Quantity): string {
  if (q.unit === 'MB') return `${q.value.toFixed(0)} MB`;
  if (q.value >= 10_000) return `${(q.value / 1000).toFixed(1)} s`;
  if (q.value >= 1000) return `${(q.value / 1000).toFixed(2)} s`;
  return q.value >= 100 ? `${q.value.toFixed(0)} ms` : `${q.value.toFixed(1)} ms`;
}

export function formatGoal(goal: Goal, unit: Quantity['unit']): string {
  if ('maxValue' in goal) return `< ${formatQuantity({ value: goal.maxValue, unit })}`;
  return goal.maxRatio < 1 ? `≥ ${(1 / goal.maxRatio).toFixed(0)}× faster` : `≤ ${goal.maxRatio}×`;
}

/** The goals table in Markdown (the README's "Benchmarks" section shows its latest print). */
export function formatTable(rows: readonly BenchRow[]): string {
  const lines = ['| task | ours | peer | ratio | goal | met |', '|---|---|---|---|---|---|'];
  for (const row of rows) {
    const { ratio, met } = judge(row);
    const peer =
      row.peer === undefined
        ? '—'
        : 'value' in row.peer
          ? `${formatQuantity(row.peer.value)} (${row.peer.name})`
          : `not run: ${row.peer.missing}`;
    const r = ratio === null ? '—' : `${ratio >= 0.1 ? ratio.toFixed(2) : ratio.toFixed(3)}×`;
    const m = met === null ? 'not measured' : met ? 'yes' : '**no**';
    lines.push(
      `| ${row.task} | ${formatQuantity(row.ours)} | ${peer} | ${r} | ${formatGoal(row.goal, row.ours.unit)} | ${m} |`,
    );
  }
  return lines.join('\n');
}

export function machineLine(): string {
  const cpu = cpus();
  return `${cpu.length} cores (${cpu[0]?.model.trim() ?? 'cpu'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, node ${process.version}, ${process.platform}-${process.arch}`;
}

/** The interpreters tried for a Python peer, in order: $CLAIMCHECK_PYTHON, python3 on PATH, /usr/bin/python3. */
function pythonCandidates(): string[] {
  const env = process.env.CLAIMCHECK_PYTHON;
  return [...(env ? [env] : []), 'python3', '/usr/bin/python3'];
}

/** The first interpreter that imports every module in `modules`, or a sentence saying none does. */
export function findPython(modules: readonly string[]): { python: string } | { missing: string } {
  const tried: string[] = [];
  for (const python of [...new Set(pythonCandidates())]) {
    const r = spawnSync(python, ['-c', modules.map((m) => `import ${m}`).join('; ')], { encoding: 'utf8' });
    if (r.status === 0) return { python };
    tried.push(`${python}: ${r.error ? 'not found' : (r.stderr.trim().split('\n').pop() ?? `exit ${r.status}`)}`);
  }
  return { missing: `no Python with ${modules.join(', ')} (${tried.join('; ')})` };
}

/**
 * Runs a peer script of bench/peers with the interpreter found for `modules` and parses the JSON it prints last.
 * `env` replaces variables for that command only (a value of undefined removes one).
 */
export function runPythonPeer<T>(
  script: string,
  args: readonly string[],
  modules: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): { python: string; result: T } | { missing: string } {
  const found = findPython(modules);
  if ('missing' in found) return found;
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete childEnv[k];
    else childEnv[k] = v;
  }
  const r = spawnSync(found.python, [resolve(PEERS_DIR, script), ...args], {
    encoding: 'utf8',
    env: childEnv,
    maxBuffer: 64 * 2 ** 20,
  });
  if (r.status !== 0) {
    return { missing: `${script} failed (exit ${r.status}): ${r.stderr.trim().split('\n').slice(-3).join(' / ')}` };
  }
  const last = r.stdout.trim().split('\n').pop() ?? '';
  return { python: found.python, result: JSON.parse(last) as T };
}

/** The shipped MNIST training subset (or $CLAIMCHECK_MNIST_DIR's files of the same names). */
export const MNIST_DIR = process.env.CLAIMCHECK_MNIST_DIR ?? resolve(BENCH_DIR, '../../shared/data/mnist');
export const MNIST_TRAIN_IMAGES = join(MNIST_DIR, 'train-images-idx3-ubyte.first22699.gz');
export const MNIST_TRAIN_LABELS = join(MNIST_DIR, 'train-labels-idx1-ubyte.first22699.gz');

/**
 * The benchmarks' model: Tables 1–4's standard cell, logistic regression with bias trained on every MNIST2 training
 * image with weight decay 1e-3 (full-batch L-BFGS, as the experiment trains it); `loss` is the logistic loss, whose
 * Hessian at w is Fig. 3's standard Hessian.
 */
export interface BenchModel {
  readonly ds: Dataset;
  readonly loss: Loss;
  readonly w: Float64Array;
  /** One line: data, size, training iterations and convergence. */
  readonly description: string;
}

export function benchModel(): BenchModel {
  const set = readIdxImageSet(MNIST_TRAIN_IMAGES, MNIST_TRAIN_LABELS);
  const ds = binaryDatasetFromImages(set.images, set.labels, set.rows * set.cols, { negative: 0, positive: 1 });
  const weightDecay = 1e-3;
  const objective = perturbedObjective(ds, () => null, weightDecay, true);
  const t0 = performance.now();
  const trained = minimize(objective, new Float64Array(objective.dim), {
    method: 'lbfgs',
    maxIterations: 500,
    gradTol: 1e-8,
  });
  const description =
    `logistic regression with bias (${objective.dim} parameters), weight decay ${weightDecay}, on ${ds.n} MNIST2 training images ` +
    `(${MNIST_TRAIN_IMAGES}), L-BFGS ${trained.iterations} iterations in ${(performance.now() - t0).toFixed(0)} ms, ` +
    `‖∇L‖ = ${trained.gradNorm.toExponential(2)}, converged ${trained.converged}`;
  return { ds, loss: logisticLoss(ds, { bias: true }), w: trained.w, description };
}
