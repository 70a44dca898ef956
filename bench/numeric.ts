/**
 * Benchmark of the numeric core on MNIST2 (digits 0/1 of the shared training subset: 4,839 images): gradient,
 * Hessian-vector product and Hessian times, Float64 closed form against TensorFlow.js, at the weights of the
 * L2-robust model (ε = 0.5, with bias) trained here. Prints figures; asserts nothing. The eigenvalue
 * benchmark is bench/eigen.ts.
 *
 *   npx tsx bench/numeric.ts            (CLAIMCHECK_BACKEND=cpu|wasm|… to force a tfjs backend)
 */
import { initBackend } from '../src/autodiff/backend.ts';
import { fdHvp, tfGradient, tfHvpOperator } from '../src/autodiff/engine.ts';
import { tfRobustL2Loss, toTfData } from '../src/autodiff/losses.ts';
import { readIdxImageSet } from '../src/data/idx.ts';
import { makeRng } from '../src/rng.ts';
import { binaryDatasetFromImages } from '../src/numeric/dataset.ts';
import { minimize } from '../src/numeric/minimize.ts';
import { robustL2Loss } from '../src/numeric/robust-l2.ts';
import { MNIST_TRAIN_IMAGES as imagesFile, MNIST_TRAIN_LABELS as labelsFile, medianMs } from './lib.ts';

const EPSILON = 0.5;

const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)).padStart(8) + ' ms';

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
  console.log(`gradient, Float64 closed form        ${fmt(medianMs(15, () => loss.grad(w)).ms)}`);
  const data = toTfData(ds);
  const tfl = tfRobustL2Loss(data, EPSILON, { bias: true });
  console.log(`gradient, tfjs ${backend.name.padEnd(22)} ${fmt(medianMs(15, () => tfGradient(tfl, w)).ms)}`);
  console.log(`HVP, Float64 closed form             ${fmt(medianMs(15, () => loss.hvp(w, v)).ms)}`);
  const op = tfHvpOperator(tfl, w);
  console.log(`HVP, tfjs nested tf.grad             ${fmt(medianMs(15, () => op.apply(v)).ms)}`);
  console.log(`HVP, tfjs FD of gradients (h=1e-3)   ${fmt(medianMs(15, () => fdHvp(tfl, w, v)).ms)}`);
  op.dispose();
  data.dispose();
  const hess = medianMs(3, () => loss.hessian(w));
  console.log(`Hessian ${dim}×${dim}, Float64 closed form ${fmt(hess.ms)}`);
  console.log('\n(eigenvalues of this Hessian against numpy: npx tsx bench/eigen.ts)');
}

await main();
