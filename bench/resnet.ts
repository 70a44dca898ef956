/**
 * Benchmark of one L∞-PGD-7 adversarial training step of ResNet18 (the `full` setting's step: 7 attack steps in train
 * mode, then a forward/backward and an SGD-momentum update) on the current TensorFlow.js backend: images per second,
 * with the backend, device and versions. Prints figures; asserts nothing.
 *
 *   npx tsx bench/resnet.ts [--backend auto|tfjs-node-gpu|tfjs-node|wasm|cpu] [--width 1] [--batch N] [--reps N]
 *                           [--arch resnet18|preact-resnet18] [--eval]
 *
 * Defaults: width 1 (the real ResNet18), batch 128 and 5 timed steps on tfjs-node(-gpu), batch 8 and 2 timed steps
 * on wasm and cpu (a full-width step there takes seconds to minutes). The project's GPU goal — within 3× of PyTorch's
 * images/s for the same step on the same GPU — can only be measured where a GPU is lent: run this there next to the
 * PyTorch step (Rice et al.'s / Wu et al.'s `attack_pgd` + `opt.step()` at batch 128).
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend, type BackendChoice } from '../src/autodiff/backend.ts';
import { makeRng } from '../src/rng.ts';
import { convGradientFor } from '../src/experiments/resnet18/conv.ts';
import {
  createResNet,
  crossEntropy,
  parameterCount,
  resnetForward,
  runningStatsUpdater,
  type Architecture,
} from '../src/experiments/resnet18/model.ts';
import { normaliseInput } from '../src/experiments/resnet18/normalise.ts';
import { MADRY_STANDARDISATION } from '../src/experiments/resnet18/normalisation.ts';
import { createMomentum, sgdMomentumStep } from '../src/experiments/resnet18/sgd-momentum.ts';
import { linfPgd } from '../src/experiments/resnet18/pgd.ts';
import { runtimeRecord } from '../src/experiments/resnet18/runtime.ts';
import { cellConfig } from '../src/experiments/resnet18/config.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const SEED = 20210;

async function main(): Promise<void> {
  const info = await initBackend({ backend: (arg('backend') ?? 'auto') as BackendChoice | 'auto' });
  const runtime = runtimeRecord(info);
  const native = info.name === 'tensorflow';
  const width = Number(arg('width') ?? 1);
  const batchSize = Number(arg('batch') ?? (native ? 128 : 8));
  const reps = Number(arg('reps') ?? (native ? 5 : 2));
  const architecture = (arg('arch') ?? 'resnet18') as Architecture;
  const spec = { architecture, width, numClasses: 10 };
  const conv = convGradientFor(info.name);
  const cfg = cellConfig('full', 'cifar10', 8, SEED, spec);
  console.log(
    `claimcheck resnet bench — ${architecture} width ${width} (${parameterCount(spec).toLocaleString('en')} parameters), batch ${batchSize}, ` +
      `PGD-${cfg.training.attack.steps} step ${cfg.training.attack.stepSize * 255}/255 at ε = 8/255, seed ${SEED}`,
  );
  console.log(
    `backend ${runtime.backend} (${runtime.backendPackage}@${runtime.backendVersion}, ${runtime.convGradient} conv gradient); device ${runtime.device}; ` +
      `tfjs ${runtime.tfjs}, node ${runtime.node}; skipped: ${info.skipped.map((s) => `${s.package} (${s.error})`).join('; ') || 'none'}`,
  );
  const model = createResNet(spec, SEED);
  const momentum = createMomentum(model);
  const sink = runningStatsUpdater(model);
  const rng = makeRng(SEED);
  const x = tf.tensor4d(
    Float32Array.from({ length: batchSize * 3072 }, () => rng.next()),
    [batchSize, 32, 32, 3],
  );
  const y = tf.tensor1d(
    Int32Array.from({ length: batchSize }, () => rng.int(0, 9)),
    'int32',
  );
  const vars = [...model.params.values()];
  const paramOfVar = new Map([...model.params].map(([n, v]) => [v.name, n] as const));
  const forward = (xa: tf.Tensor4D, filterGrad: boolean): tf.Tensor2D =>
    resnetForward(spec, model.params, model.buffers, normaliseInput(xa, MADRY_STANDARDISATION), {
      mode: 'train',
      conv,
      filterGrad,
      stats: sink,
    });
  const step = (): { attackMs: number; updateMs: number } => {
    const t0 = performance.now();
    const adv = linfPgd(
      (xa) => crossEntropy(forward(xa, false), y, 'sum'),
      x,
      { ...cfg.training.attack, eps: 8 / 255 },
      rng,
    );
    adv.dataSync();
    const t1 = performance.now();
    const { value, grads } = tf.variableGrads(() => crossEntropy(forward(adv, true), y), vars);
    const byParam: Record<string, tf.Tensor> = {};
    for (const [vn, g] of Object.entries(grads)) byParam[paramOfVar.get(vn)!] = g;
    sgdMomentumStep(model, momentum, byParam, cfg.training.optimiser, 0.1);
    value.dataSync();
    model.params.get('linear.bias')!.dataSync();
    tf.dispose([adv, value, ...Object.values(grads)]);
    return { attackMs: t1 - t0, updateMs: performance.now() - t1 };
  };
  const warm = step();
  console.log(`warm-up step: ${((warm.attackMs + warm.updateMs) / 1000).toFixed(2)} s`);
  let attack = 0;
  let update = 0;
  for (let r = 0; r < reps; r++) {
    const t = step();
    attack += t.attackMs;
    update += t.updateMs;
  }
  const seconds = (attack + update) / 1000;
  console.log(
    `PGD-7 training step: ${((batchSize * reps) / seconds).toFixed(2)} images/s (${(seconds / reps).toFixed(3)} s per step of ${batchSize}: ` +
      `attack ${(attack / reps / 1000).toFixed(3)} s, update ${(update / reps / 1000).toFixed(3)} s; mean of ${reps} timed steps after one warm-up)`,
  );
  if (process.argv.includes('--eval')) {
    const t0 = performance.now();
    const adv = linfPgd(
      (xa) =>
        crossEntropy(
          resnetForward(spec, model.params, model.buffers, normaliseInput(xa, MADRY_STANDARDISATION), {
            mode: 'eval',
            conv,
            filterGrad: false,
          }),
          y,
          'sum',
        ),
      x,
      { ...cfg.evaluation.attack, eps: 8 / 255 },
      rng,
    );
    adv.dataSync();
    adv.dispose();
    console.log(
      `PGD-20 evaluation attack: ${(batchSize / ((performance.now() - t0) / 1000)).toFixed(2)} images/s (one batch)`,
    );
  }
  if (!native) {
    console.log(
      'GPU goal (within 3× of PyTorch images/s on the same GPU): not measurable here — no GPU; run this bench where one is lent.',
    );
  }
  tf.dispose([x, y]);
  model.dispose();
  for (const v of momentum.values()) v.dispose();
}

await main();
