/**
 * Benchmark of the numeric core on MNIST2 (digits 0/1 of the shared training subset: 4,839 images): gradient and
 * Hessian-vector product times (Float64 closed form and TensorFlow.js), and the top-3 eigenvalues of the 785×785
 * Hessian (784 pixels + bias) by the dense solver and by Lanczos, with numpy's eigh on the same matrix in the same
 * run when python3 has numpy. Prints figures; asserts nothing.
 *
 *   npx tsx bench/numeric.ts            (CLAIMCHECK_BACKEND=cpu|wasm|… to force a tfjs backend)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initBackend } from '../src/autodiff/backend.ts';
import { fdHvp, tfGradient, tfHvpOperator } from '../src/autodiff/engine.ts';
import { tfRobustL2Loss, toTfData } from '../src/autodiff/losses.ts';
import { readIdxImageSet } from '../src/data/idx.ts';
import { makeRng } from '../src/rng.ts';
import { denseMatVec } from '../src/eigen/dense-matvec.ts';
import { lanczos } from '../src/eigen/lanczos.ts';
import { powerIteration } from '../src/eigen/power-iteration.ts';
import { symmetricEigen } from '../src/eigen/symmetric-eigen.ts';
import { binaryDatasetFromImages } from '../src/numeric/dataset.ts';
import { minimize } from '../src/numeric/minimize.ts';
import { robustL2Loss } from '../src/numeric/robust-l2.ts';

const here = dirname(fileURLToPath(import.meta.url));
const mnistDir = process.env.CLAIMCHECK_MNIST_DIR ?? resolve(here, '../../shared/data/mnist');
const imagesFile = join(mnistDir, 'train-images-idx3-ubyte.first22699.gz');
const labelsFile = join(mnistDir, 'train-labels-idx1-ubyte.first22699.gz');
const EPSILON = 0.5;

/** Median wall time (ms) of `runs` calls after one warm-up call, and the last result. */
function time<T>(runs: number, f: () => T): { ms: number; result: T } {
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

const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)).padStart(8) + ' ms';
const vals = (v: ArrayLike<number>): string => Array.from(v, (x) => x.toExponential(8)).join(', ');

async function main(): Promise<void> {
  const backend = await initBackend();
  console.log(
    `claimcheck numeric bench — node ${process.version}, tfjs backend ${backend.name} (${backend.package}@${backend.version})`,
  );

  const set = readIdxImageSet(imagesFile, labelsFile);
  const ds = binaryDatasetFromImages(set.images, set.labels, set.rows * set.cols, { negative: 0, positive: 1 });
  console.log(`MNIST2 train: ${ds.n} images (digits 0 → −1, 1 → +1) of ${ds.d} pixels from ${imagesFile}`);

  const loss = robustL2Loss(ds, EPSILON, { bias: true });
  const dim = loss.dim;
  const t0 = performance.now();
  const trained = minimize(loss, new Float64Array(dim).fill(1e-3), {
    method: 'lbfgs',
    maxIterations: 100,
    gradTol: 1e-8,
  });
  console.log(
    `model: L2-robust logistic regression, ε = ${EPSILON}, with bias (${dim} parameters), L-BFGS ${trained.iterations} iterations ` +
      `in ${(performance.now() - t0).toFixed(0)} ms: L = ${trained.value.toExponential(4)}, ‖∇L‖ = ${trained.gradNorm.toExponential(2)}, converged ${trained.converged}`,
  );
  const w = trained.w;
  const rng = makeRng(1);
  const v = Float64Array.from({ length: dim }, () => rng.normal());

  console.log('\n-- full-data derivatives (median of 15) --');
  console.log(`gradient, Float64 closed form        ${fmt(time(15, () => loss.grad(w)).ms)}`);
  const data = toTfData(ds);
  const tfl = tfRobustL2Loss(data, EPSILON, { bias: true });
  console.log(`gradient, tfjs ${backend.name.padEnd(22)} ${fmt(time(15, () => tfGradient(tfl, w)).ms)}`);
  console.log(`HVP, Float64 closed form             ${fmt(time(15, () => loss.hvp(w, v)).ms)}`);
  const op = tfHvpOperator(tfl, w);
  console.log(`HVP, tfjs nested tf.grad             ${fmt(time(15, () => op.apply(v)).ms)}`);
  console.log(`HVP, tfjs FD of gradients (h=1e-3)   ${fmt(time(15, () => fdHvp(tfl, w, v)).ms)}`);
  op.dispose();
  data.dispose();
  const hess = time(3, () => loss.hessian(w));
  const H = hess.result;
  console.log(`Hessian ${dim}×${dim}, Float64 closed form ${fmt(hess.ms)}`);

  console.log(`\n-- top-3 eigenvalues of the ${dim}×${dim} Hessian (median of 3) --`);
  const dense = time(3, () => symmetricEigen(H, dim));
  console.log(`dense (Householder + QL, values only)   ${fmt(dense.ms)}   ${vals(dense.result.values.subarray(0, 3))}`);
  const lzDense = time(3, () => lanczos(denseMatVec(H, dim), dim, { k: 3, rng: makeRng(2) }));
  console.log(
    `Lanczos on the formed H                 ${fmt(lzDense.ms)}   ${vals(lzDense.result.values)}  (${lzDense.result.matvecs} matvecs, converged ${lzDense.result.converged})`,
  );
  const lzFree = time(3, () => lanczos((x) => loss.hvp(w, x), dim, { k: 3, rng: makeRng(3) }));
  console.log(
    `Lanczos matrix-free on Float64 HVPs     ${fmt(lzFree.ms)}   ${vals(lzFree.result.values)}  (${lzFree.result.matvecs} HVPs, converged ${lzFree.result.converged})`,
  );
  const power = time(3, () => powerIteration(denseMatVec(H, dim), dim, { rng: makeRng(4), maxIterations: 5000 }));
  console.log(
    `power iteration on H (top-1)            ${fmt(power.ms)}   ${vals(power.result.values)}  (${power.result.iterations} iterations)`,
  );
  const withVectors = time(1, () => symmetricEigen(H, dim, { vectors: true }));
  console.log(
    `dense with all vectors                  ${fmt(withVectors.ms)}   residual ${withVectors.result.residual.toExponential(2)}`,
  );

  // A random symmetric matrix of the same size (docs/backends.md timed numpy on one): no deflation shortcuts.
  const rr = makeRng(5);
  const R = new Float64Array(dim * dim);
  for (let i = 0; i < dim; i++) for (let j = 0; j <= i; j++) R[i * dim + j] = R[j * dim + i] = rr.normal();
  const randValues = time(3, () => symmetricEigen(R, dim));
  const randVectors = time(1, () => symmetricEigen(R, dim, { vectors: true }));
  console.log(`\n-- random symmetric ${dim}×${dim} N(0, 1) --`);
  console.log(
    `dense values only                       ${fmt(randValues.ms)}   ${vals(randValues.result.values.subarray(0, 3))}`,
  );
  console.log(
    `dense with all vectors                  ${fmt(randVectors.ms)}   residual ${randVectors.result.residual.toExponential(2)}`,
  );

  const numpy = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' });
  if (numpy.status !== 0) {
    console.log('\nnumpy: not available (python3 -c "import numpy" failed); no ratio measured');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'claimcheck-bench-'));
  try {
    const files = [join(dir, 'H.f64'), join(dir, 'R.f64')];
    writeFileSync(files[0]!, Buffer.from(H.buffer, H.byteOffset, H.byteLength));
    writeFileSync(files[1]!, Buffer.from(R.buffer, R.byteOffset, R.byteLength));
    const script = `
import json, sys, time
import numpy as np
def med(f):
    f(); ts = []
    for _ in range(5):
        t = time.perf_counter(); r = f(); ts.append(time.perf_counter() - t)
    ts.sort(); return ts[2] * 1000, r
out = []
for path in sys.argv[1:]:
    A = np.fromfile(path, dtype='<f8').reshape(${dim}, ${dim})
    eigh_ms, (w, _) = med(lambda: np.linalg.eigh(A))
    eigvalsh_ms, _ = med(lambda: np.linalg.eigvalsh(A))
    out.append({"eigh_ms": eigh_ms, "eigvalsh_ms": eigvalsh_ms, "top3": sorted(w.tolist(), reverse=True)[:3]})
print(json.dumps({"version": np.__version__, "runs": out}))
`;
    type NumpyRun = { version: string; runs: { eigh_ms: number; eigvalsh_ms: number; top3: number[] }[] };
    const runNumpy = (env: NodeJS.ProcessEnv): NumpyRun | string => {
      const out = spawnSync('python3', ['-c', script, ...files], { encoding: 'utf8', env });
      return out.status === 0
        ? (JSON.parse(out.stdout) as NumpyRun)
        : (out.stderr.trim().split('\n').pop() ?? 'failed');
    };
    const np = runNumpy(process.env);
    if (typeof np === 'string') {
      console.log(`\nnumpy: failed (${np})`);
      return;
    }
    const one = '1';
    const np1 = runNumpy({ ...process.env, OPENBLAS_NUM_THREADS: one, OMP_NUM_THREADS: one, MKL_NUM_THREADS: one });
    const [npH, npR] = np.runs as [NumpyRun['runs'][0], NumpyRun['runs'][0]];
    const ref = npH.top3;
    const agree = Math.max(...ref.map((x, i) => Math.abs(x - dense.result.values[i]!) / Math.abs(ref[0]!)));
    console.log(`\n-- numpy ${np.version} on the same matrices (median of 5; default BLAS threads | 1 BLAS thread) --`);
    const pair = (a: number, b: number | undefined): string => `${fmt(a)} | ${b === undefined ? 'n/a' : fmt(b).trim()}`;
    const one1 = typeof np1 === 'string' ? undefined : np1.runs;
    console.log(
      `Hessian: eigh ${pair(npH.eigh_ms, one1?.[0]?.eigh_ms)};  eigvalsh ${pair(npH.eigvalsh_ms, one1?.[0]?.eigvalsh_ms)}`,
    );
    console.log(
      `random:  eigh ${pair(npR.eigh_ms, one1?.[1]?.eigh_ms)};  eigvalsh ${pair(npR.eigvalsh_ms, one1?.[1]?.eigvalsh_ms)}`,
    );
    console.log(`top-3 agreement, dense vs numpy on the Hessian: ${agree.toExponential(2)} (relative to λ₁)`);
    const ratio = (x: number, y: number): string => (x / y).toFixed(2);
    const npH1 = one1?.[0]?.eigh_ms ?? npH.eigh_ms;
    const npR1 = one1?.[1]?.eigh_ms ?? npR.eigh_ms;
    console.log('\nratios to numpy eigh on the same matrix (default threads | 1 thread):');
    console.log(
      `  Lanczos top-3 on the formed Hessian   ${ratio(lzDense.ms, npH.eigh_ms)} | ${ratio(lzDense.ms, npH1)}`,
    );
    console.log(`  Lanczos top-3 matrix-free (HVPs)      ${ratio(lzFree.ms, npH.eigh_ms)} | ${ratio(lzFree.ms, npH1)}`);
    console.log(`  dense values only, Hessian            ${ratio(dense.ms, npH.eigh_ms)} | ${ratio(dense.ms, npH1)}`);
    console.log(
      `  dense with vectors, Hessian           ${ratio(withVectors.ms, npH.eigh_ms)} | ${ratio(withVectors.ms, npH1)}`,
    );
    console.log(
      `  dense values only, random             ${ratio(randValues.ms, npR.eigh_ms)} | ${ratio(randValues.ms, npR1)}`,
    );
    console.log(
      `  dense with vectors, random            ${ratio(randVectors.ms, npR.eigh_ms)} | ${ratio(randVectors.ms, npR1)}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
