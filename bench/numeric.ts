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
import { makeRng } from '../src/decide/rng.ts';
import { denseMatVec } from '../src/eigen/dense-matvec.ts';
import { lanczos } from '../src/eigen/lanczos.ts';
import { powerIteration } from '../src/eigen/power-iteration.ts';
import { symmetricEigen } from '../src/eigen/symmetric-eigen.ts';
import { binaryDatasetFromImages } from '../src/numeric/dataset.ts';
import { minimize } from '../src/numeric/optimize.ts';
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
  console.log(`claimcheck numeric bench — node ${process.version}, tfjs backend ${backend.name} (${backend.package}@${backend.version})`);

  const set = readIdxImageSet(imagesFile, labelsFile);
  const ds = binaryDatasetFromImages(set.images, set.labels, set.rows * set.cols, { negative: 0, positive: 1 });
  console.log(`MNIST2 train: ${ds.n} images (digits 0 → −1, 1 → +1) of ${ds.d} pixels from ${imagesFile}`);

  const loss = robustL2Loss(ds, EPSILON, { bias: true });
  const dim = loss.dim;
  const t0 = performance.now();
  const trained = minimize(loss, new Float64Array(dim).fill(1e-3), { method: 'lbfgs', maxIterations: 100, gradTol: 1e-8 });
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
  console.log(`power iteration on H (top-1)            ${fmt(power.ms)}   ${vals(power.result.values)}  (${power.result.iterations} iterations)`);
  const withVectors = time(1, () => symmetricEigen(H, dim, { vectors: true }));
  console.log(`dense with all vectors                  ${fmt(withVectors.ms)}   residual ${withVectors.result.residual.toExponential(2)}`);

  const numpy = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' });
  if (numpy.status !== 0) {
    console.log('\nnumpy: not available (python3 -c "import numpy" failed); no ratio measured');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'claimcheck-bench-'));
  try {
    const file = join(dir, 'H.f64');
    writeFileSync(file, Buffer.from(H.buffer, H.byteOffset, H.byteLength));
    const script = `
import json, sys, time
import numpy as np
A = np.fromfile(sys.argv[1], dtype='<f8').reshape(${dim}, ${dim})
def med(f):
    f(); ts = []
    for _ in range(3):
        t = time.perf_counter(); r = f(); ts.append(time.perf_counter() - t)
    ts.sort(); return ts[1] * 1000, r
eigh_ms, (w, _) = med(lambda: np.linalg.eigh(A))
eigvalsh_ms, w2 = med(lambda: np.linalg.eigvalsh(A))
print(json.dumps({"version": np.__version__, "eigh_ms": eigh_ms, "eigvalsh_ms": eigvalsh_ms, "top3": sorted(w.tolist(), reverse=True)[:3]}))
`;
    type NumpyRun = { version: string; eigh_ms: number; eigvalsh_ms: number; top3: number[] };
    const runNumpy = (env: NodeJS.ProcessEnv): NumpyRun | string => {
      const out = spawnSync('python3', ['-c', script, file], { encoding: 'utf8', env });
      return out.status === 0 ? (JSON.parse(out.stdout) as NumpyRun) : (out.stderr.trim().split('\n').pop() ?? 'failed');
    };
    const np = runNumpy(process.env);
    if (typeof np === 'string') {
      console.log(`\nnumpy: failed (${np})`);
      return;
    }
    const one = '1';
    const np1 = runNumpy({ ...process.env, OPENBLAS_NUM_THREADS: one, OMP_NUM_THREADS: one, MKL_NUM_THREADS: one });
    const ref = np.top3;
    const agree = Math.max(...ref.map((x, i) => Math.abs(x - dense.result.values[i]!) / Math.abs(ref[0]!)));
    console.log(`\n-- numpy ${np.version} on the same matrix (median of 3) --`);
    console.log(`numpy eigh (values + vectors)           ${fmt(np.eigh_ms)}   ${vals(ref)}`);
    console.log(`numpy eigvalsh (values only)            ${fmt(np.eigvalsh_ms)}`);
    if (typeof np1 !== 'string') {
      console.log(`numpy eigh, 1 BLAS thread               ${fmt(np1.eigh_ms)}`);
      console.log(`numpy eigvalsh, 1 BLAS thread           ${fmt(np1.eigvalsh_ms)}`);
    }
    console.log(`top-3 agreement dense vs numpy: ${agree.toExponential(2)} (relative to λ₁)`);
    console.log(`ratio Lanczos (formed H) / numpy eigh:  ${(lzDense.ms / np.eigh_ms).toFixed(3)}`);
    console.log(`ratio Lanczos (HVPs)     / numpy eigh:  ${(lzFree.ms / np.eigh_ms).toFixed(3)}`);
    console.log(`ratio dense values-only  / numpy eigh:  ${(dense.ms / np.eigh_ms).toFixed(3)}`);
    console.log(`ratio dense values-only  / numpy eigvalsh: ${(dense.ms / np.eigvalsh_ms).toFixed(3)}`);
    console.log(`ratio dense with vectors / numpy eigh:  ${(withVectors.ms / np.eigh_ms).toFixed(3)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
