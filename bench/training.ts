/**
 * Benchmark of one MNIST2 training cell against a PyTorch CPU implementation of the same training in the same run
 * (bench/peers/torch_cell.py): the same data (X and y exported here as raw little-endian Float64), the same loss
 * (mean logistic loss + (λ/2)‖w‖², λ = 1e-3), the same attack (L2 PGD-40, λ = 0.15ε, projection, pixel clip, from
 * η = 0, regenerated at every evaluation) and the same optimiser (the L-BFGS variant of src/numeric/lbfgs.ts that
 * training uses, written again with torch tensors since torch.optim.LBFGS cannot be configured to it), capped at the
 * number of evaluations ours took. Ours is `trainMnist2` called in this process (no cache). Two cells: standard
 * training (ε = 0) and the adversarial cell that dominates the sweep's time (L2 PGD ε = 0.80; L∞ PGD is solved in
 * closed form per sign pattern by ours, so its cells are cheaper and no PGD runs inside an evaluation). The peer runs
 * with 1 thread and with every core; the row shows the faster. Also the full-data gradient pass against a plain read
 * of X (as bench/mnist2.ts measures them). Prints figures and the goals table; asserts nothing.
 *
 *   npx tsx bench/training.ts     (≈ 5–10 min: the peer's PGD cell takes minutes per thread count)
 *   TRAINING_BENCH_CELLS='l2 standard ε=0.00' TRAINING_BENCH_THREADS=1 npx tsx bench/training.ts   (one cell, 1 thread)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadMnist2 } from '../src/experiments/mnist2/data.ts';
import { planMnist2Sweep } from '../src/experiments/mnist2/sweep.ts';
import { perturbedObjective, pgdOptions, trainMnist2 } from '../src/experiments/mnist2/train.ts';
import type { Dataset } from '../src/numeric/dataset.ts';
import { type BenchRow, formatTable, machineLine, medianMs, runPythonPeer, writeF64 } from './lib.ts';

/** The cells timed, by their sweep names (setting `full`). */
export const TRAINING_BENCH_CELLS: readonly string[] = ['l2 standard ε=0.00', 'l2 pgd ε=0.80'];

/** A cell whose first run takes under SHORT_MS is timed again SHORT_REPEATS times (median), on both sides. */
const SHORT_MS = 3000;
const SHORT_REPEATS = 7;

/** The stall rule of train.ts (`STALL_STEPS`, not exported): steps in a row without a decrease beyond rounding. */
const STALL_STEPS = 2;

/**
 * glibc malloc settings for the peer: 32 MB allocations from the heap (not mmap) and no trimming, so torch reuses the
 * pages of its n×d temporaries (30 MB: the PGD input gradient autograd allocates at every step) instead of returning
 * them to the system and faulting fresh ones in. On this machine a fresh 30 MB costs ~150 ms of page faults: without
 * these settings the peer's PGD evaluation took 3.4 s instead of 1.4 s (1 thread). Ours reuses one η buffer per cell.
 */
const PEER_MALLOC = { MALLOC_MMAP_THRESHOLD_: String(32 * 2 ** 20), MALLOC_TRIM_THRESHOLD_: String(2 ** 34) };

/** What torch_cell.py prints last. */
interface TorchCellResult {
  readonly seconds: number;
  readonly runs: readonly number[];
  readonly iterations: number;
  readonly evaluations: number;
  readonly finalLoss: number;
  readonly gradNorm: number;
  readonly stop: string;
  readonly weightNorm: number;
  readonly threads: number;
  readonly torch: string;
  readonly numpy: string;
  readonly phases: Readonly<Record<string, number>>;
}

type Log = (line: string) => void;

const fmtMs = (v: number): string => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v >= 100 ? 0 : 1)} ms`);

/**
 * One row per cell of `TRAINING_BENCH_CELLS` (or $TRAINING_BENCH_CELLS, comma-separated): ours (`trainMnist2` in this
 * process; when the first run takes under 3 s it counts as a warm-up and the median of 7 more is taken, and the peer
 * likewise takes the median of 7) against the PyTorch peer with 1 thread and with every core ($TRAINING_BENCH_THREADS,
 * comma-separated, replaces the list), capped at ours' evaluations; the row's peer is the faster thread count. `log`
 * hears the details (times, iterations, evaluations, final J of both sides and their relative difference).
 */
export async function trainingRows(log: Log = () => {}): Promise<BenchRow[]> {
  const names = process.env.TRAINING_BENCH_CELLS?.split(',').map((s) => s.trim()) ?? TRAINING_BENCH_CELLS;
  const data = loadMnist2();
  const ds = data.train;
  const planned = planMnist2Sweep({ setting: 'full' }, data);
  const threadCounts = process.env.TRAINING_BENCH_THREADS?.split(',').map((s) => Number(s.trim())) ?? [
    ...new Set([1, cpus().length]),
  ];
  if (!threadCounts.every((t) => Number.isInteger(t) && t >= 1)) {
    throw new Error(`TRAINING_BENCH_THREADS must list thread counts ≥ 1, got ${process.env.TRAINING_BENCH_THREADS}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'claimcheck-training-bench-'));
  const rows: BenchRow[] = [];
  try {
    writeF64(join(dir, 'X.f64'), ds.X);
    writeF64(join(dir, 'y.f64'), ds.y);
    log(`MNIST2 train: ${ds.n} images × ${ds.d} pixels, exported to ${dir}`);
    for (const name of names) {
      const cell = planned.find((c) => c.name === name);
      if (cell === undefined)
        throw new Error(`no cell named ${name} (known: ${planned.map((c) => c.name).join('; ')})`);
      const { config } = cell;
      // The sweep's default protocol is the reference (full-batch L-BFGS), the algorithm the peer implements.
      const optimiser = config.optimiser;
      if (optimiser.method !== 'lbfgs')
        throw new Error(`${name}: the peer implements the L-BFGS reference protocol only`);
      if (config.training !== 'standard' && !(config.training === 'pgd' && config.norm === 'l2')) {
        throw new Error(`${name}: the peer implements standard and L2 PGD cells only`);
      }
      if (config.trainAttack.randomStart !== 'none') throw new Error(`${name}: the peer starts PGD from η = 0`);
      // Ours: the cell's training, in this process, no cache. A warm-up run first when it is short.
      const first = performance.now();
      let trained = trainMnist2(ds, config);
      let oursMs = performance.now() - first;
      if (oursMs < SHORT_MS) {
        const timed = medianMs(SHORT_REPEATS, () => trainMnist2(ds, config));
        trained = timed.result;
        oursMs = timed.ms;
      }
      const o = trained.optimisation;
      const iterations = Number(o.iterations);
      const evaluations = Number(o.epochs);
      const oursLoss = Number(o.finalObjective);
      log(
        `${name}: ours ${fmtMs(oursMs)} — ${iterations} iterations, ${evaluations} evaluations (${fmtMs(oursMs / evaluations)} each), stop: ${o.stopReason}, J = ${oursLoss}, ‖∇J‖ = ${Number(o.finalGradNorm).toExponential(3)}`,
      );
      const pgd = config.training === 'pgd' ? pgdOptions(config.trainAttack, config.eps) : { steps: 0, stepSize: 0 };
      const cellFile = join(dir, `cell-${rows.length}.json`);
      writeFileSync(
        cellFile,
        JSON.stringify({
          n: ds.n,
          d: ds.d,
          files: { X: 'X.f64', y: 'y.f64' },
          name,
          training: config.training,
          norm: config.norm,
          eps: config.eps,
          steps: pgd.steps,
          stepSize: pgd.stepSize,
          bias: config.bias,
          weightDecay: optimiser.weightDecay,
          gradTol: optimiser.gradTol,
          maxIterations: optimiser.maxIterations,
          memory: optimiser.memory,
          stallSteps: STALL_STEPS,
          maxEvaluations: evaluations,
        }),
      );
      const peers: { threads: number; result: TorchCellResult }[] = [];
      let missing: string | undefined;
      for (const threads of threadCounts) {
        const r = runPythonPeer<TorchCellResult>(
          'torch_cell.py',
          [cellFile, '--threads', String(threads), '--repeat', String(oursMs < SHORT_MS ? SHORT_REPEATS : 1)],
          ['torch', 'numpy'],
          { OMP_NUM_THREADS: String(threads), MKL_NUM_THREADS: String(threads), ...PEER_MALLOC },
        );
        if ('missing' in r) {
          missing = r.missing;
          log(`${name}: torch peer (${threads} threads) not run: ${r.missing}`);
          break;
        }
        const p = r.result;
        peers.push({ threads, result: p });
        const rel = Math.abs(p.finalLoss - oursLoss) / Math.abs(oursLoss);
        log(
          `${name}: torch ${p.torch} (${r.python}), ${p.threads} thread${p.threads === 1 ? '' : 's'}: ${fmtMs(p.seconds * 1000)} — ${p.iterations} iterations, ${p.evaluations} evaluations (${fmtMs((p.seconds * 1000) / p.evaluations)} each), stop: ${p.stop}, J = ${p.finalLoss}, ‖∇J‖ = ${p.gradNorm.toExponential(3)}; |ΔJ|/J = ${rel.toExponential(2)}; ours/torch ${(oursMs / (p.seconds * 1000)).toFixed(2)}×`,
        );
        if (p.evaluations !== evaluations || p.iterations !== iterations) {
          // Same algorithm, so a difference comes from a decision at rounding level (e.g. the step an Armijo search
          // accepts once J no longer changes beyond rounding): the times per evaluation compare the same work.
          const perEval = oursMs / evaluations / ((p.seconds * 1000) / p.evaluations);
          log(
            `${name}: the peer did ${p.iterations} iterations / ${p.evaluations} evaluations, ours ${iterations} / ${evaluations}: per evaluation ours/torch ${perEval.toFixed(2)}×`,
          );
        }
      }
      if (oursMs < SHORT_MS && peers.length > 0) {
        // For comparison (not the row): torch.optim.LBFGS, what a PyTorch user would reach for, on the same budget.
        const r = runPythonPeer<TorchCellResult>(
          'torch_cell.py',
          [cellFile, '--threads', '1', '--repeat', String(SHORT_REPEATS), '--torch-optim'],
          ['torch', 'numpy'],
          { OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1', ...PEER_MALLOC },
        );
        if ('result' in r) {
          const p = r.result;
          log(
            `${name}: for comparison, torch.optim.LBFGS (strong Wolfe, history ${optimiser.memory}, tolerance_grad ${optimiser.gradTol} on max|g|), 1 thread: ${fmtMs(p.seconds * 1000)} — ${p.iterations} iterations, ${p.evaluations} evaluations, J = ${p.finalLoss}, ‖∇J‖ = ${p.gradNorm.toExponential(3)}`,
          );
        }
      }
      const best = peers.reduce<(typeof peers)[number] | undefined>(
        (a, b) => (a === undefined || b.result.seconds < a.result.seconds ? b : a),
        undefined,
      );
      const perThreads = peers.map((p) => `${p.result.threads} thr ${fmtMs(p.result.seconds * 1000)}`).join(', ');
      const note =
        `${ds.n} images × ${ds.d}; ours ${iterations} iterations / ${evaluations} evaluations` +
        (best !== undefined
          ? `, torch ${best.result.iterations} / ${best.result.evaluations}; torch ${perThreads}; final J relative difference ${(Math.abs(best.result.finalLoss - oursLoss) / Math.abs(oursLoss)).toExponential(1)}`
          : '');
      rows.push({
        task: `MNIST2 training cell, ${name}`,
        ours: { value: oursMs, unit: 'ms' },
        peer:
          best !== undefined
            ? {
                name: `PyTorch ${best.result.torch} CPU float64, ${best.result.threads} thread${best.result.threads === 1 ? '' : 's'}`,
                value: { value: best.result.seconds * 1000, unit: 'ms' },
              }
            : { name: 'PyTorch CPU', missing: missing ?? 'not run' },
        goal: { maxRatio: 1.0 },
        note,
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

/**
 * Ours' full-data gradient pass of the logistic loss (`perturbedObjective` without perturbation: sparse rows of X)
 * against a plain read of X once (a sum over its n×d Float64 entries), median of 9 after a warm-up, as bench/mnist2.ts
 * measures them. `ds`: the MNIST2 training split (loaded when absent).
 */
export function gradientPassRow(ds: Dataset = loadMnist2().train): BenchRow {
  const w = new Float64Array(ds.d);
  for (let j = 0; j < ds.d; j++) w[j] = 0.05 * Math.sin(0.37 * j);
  const read = medianMs(9, () => {
    let s = 0;
    for (let i = 0; i < ds.X.length; i++) s += ds.X[i]!;
    return s;
  });
  const clean = perturbedObjective(ds, () => null, 1e-3, false);
  const pass = medianMs(9, () => clean.valueAndGrad(w));
  return {
    task: 'MNIST2 full-data gradient pass (logistic loss)',
    ours: { value: pass.ms, unit: 'ms' },
    peer: { name: 'read X once', value: { value: read.ms, unit: 'ms' } },
    goal: { maxRatio: 1.3 },
    note: `${ds.n} images × ${ds.d} Float64; value and gradient from the sparse rows of X vs a plain sum over X`,
  };
}

async function main(): Promise<void> {
  console.log(`claimcheck training bench — ${machineLine()}`);
  const gradient = gradientPassRow();
  console.log(
    `full-data gradient pass ${fmtMs(gradient.ours.value)}; read X once ${gradient.peer !== undefined && 'value' in gradient.peer ? fmtMs(gradient.peer.value.value) : '—'}`,
  );
  const rows = [...(await trainingRows((line) => console.log(line))), gradient];
  console.log('');
  console.log(formatTable(rows));
  for (const row of rows) if (row.note !== undefined) console.log(`- ${row.task}: ${row.note}`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
