/**
 * Benchmark of the MNIST2 sweep (src/experiments/mnist2) on the shipped data: the wall time of the whole `full` sweep
 * of the Tables 1–4 cells (no cache), per cell, and for comparison the time of one full-data gradient pass of the
 * logistic loss, one pass with a dense perturbation, one PGD-40 and one PGD-100 pass, and a plain read of X once.
 * Prints figures; asserts nothing. Fig. 3 (Hessian eigenvalues) is measured elsewhere and not timed here.
 *
 *   npx tsx bench/mnist2.ts            (MNIST2_BENCH_SETTING=ci for a quick run)
 */
import { cpus } from 'node:os';
import { linearPgd } from '../src/experiments/mnist2/attack.ts';
import { loadMnist2 } from '../src/experiments/mnist2/data.ts';
import { runMnist2Sweep } from '../src/experiments/mnist2/sweep.ts';
import { perturbedObjective } from '../src/experiments/mnist2/train.ts';
import { medianMs } from './lib.ts';

/** Median wall time (ms) of `runs` calls after one warm-up call. */
const time = (runs: number, f: () => unknown): number => medianMs(runs, f).ms;

const ms = (v: number): string => `${(v >= 100 ? v.toFixed(0) : v.toFixed(1)).padStart(8)} ms`;

async function main(): Promise<void> {
  const setting = process.env.MNIST2_BENCH_SETTING === 'ci' ? 'ci' : 'full';
  console.log(
    `claimcheck mnist2 bench — node ${process.version}, ${cpus().length} cpus (${cpus()[0]?.model ?? '?'}), setting ${setting}`,
  );
  const t0 = performance.now();
  const data = loadMnist2();
  console.log(
    `load MNIST2 (gunzip, validate, sha256): ${ms(performance.now() - t0)} — ${data.train.n} train / ${data.test.n} test images`,
  );
  const ds = data.train;
  const w = new Float64Array(ds.d);
  for (let j = 0; j < ds.d; j++) w[j] = 0.05 * Math.sin(0.37 * j);

  let sink = 0;
  const read = time(9, () => {
    let s = 0;
    for (let i = 0; i < ds.X.length; i++) s += ds.X[i]!;
    sink += s;
  });
  const clean = perturbedObjective(ds, () => null, 1e-3, false);
  const gradPass = time(9, () => clean.valueAndGrad(w));
  const eta = new Float64Array(ds.n * ds.d).fill(0.01);
  const dense = perturbedObjective(
    ds,
    (v) => {
      const wEta = new Float64Array(ds.n);
      let s = 0;
      for (let j = 0; j < ds.d; j++) s += v[j]!;
      wEta.fill(0.01 * s);
      return { eta, wEta, stalled: 0 };
    },
    1e-3,
    false,
  );
  const densePass = time(9, () => dense.valueAndGrad(w));
  const pgd40 = time(3, () =>
    linearPgd(ds, w, { norm: 'l2', eps: 1, steps: 40, stepSize: 0.15, bias: false, starts: null }),
  );
  const pgd100 = time(3, () =>
    linearPgd(ds, w, { norm: 'l2', eps: 1, steps: 100, stepSize: 0.15, bias: false, starts: null }),
  );
  const linf40 = time(5, () =>
    linearPgd(ds, w, { norm: 'linf', eps: 0.3, steps: 40, stepSize: 0.01, bias: false, starts: null }),
  );
  console.log(`read X once (plain pass over ${ds.n}×${ds.d} Float64):  ${ms(read)}`);
  console.log(`full-data gradient pass, logistic loss (sparse X):     ${ms(gradPass)}`);
  console.log(`full-data gradient pass, dense perturbation η:          ${ms(densePass)}`);
  console.log(`L2 PGD-40, ε = 1, all training images (batched):        ${ms(pgd40)}`);
  console.log(`L2 PGD-100, ε = 1, all training images (batched):       ${ms(pgd100)}`);
  console.log(`L∞ PGD-40, ε = 0.3, all training images (batched):      ${ms(linf40)}`);

  const start = performance.now();
  let last = start;
  const results = await runMnist2Sweep({
    setting,
    cacheDir: null,
    onProgress: (e) => {
      if (!e.done) return;
      const now = performance.now();
      console.log(`  ${String(e.index + 1).padStart(2)}/${e.total} ${e.cell.padEnd(22)} ${ms(now - last)}`);
      last = now;
    },
  });
  const total = performance.now() - start;
  console.log(
    `${setting} sweep of Tables 1–4 (${results.cells.length} cells, ${results.data.trainCount} train / ${results.data.testCount} test images): ${(total / 1000).toFixed(1)} s`,
  );
  if (sink === 42) console.log('');
}

await main();
