/**
 * ResNet18 for 32×32 inputs (He et al. 2016 as in kuangliu/pytorch-cifar and Rice et al.'s `ResNet18`: 3×3 stem,
 * stride 1, no max-pool; BasicBlocks [2, 2, 2, 2]; global average pool; linear) and PreActResNet18 (He et al. 2016b,
 * as Wu et al. / Rice et al. use it: 3×3 stem without BN; pre-activation blocks; final BN–ReLU before the pool), in
 * TensorFlow.js, written functionally so that the same forward runs on trained weights, on w + α·d for the loss
 * landscape, in train mode (batch statistics) or eval mode (running statistics).
 *
 * Layouts are TF.js's: conv filters `[kh, kw, in, out]`, dense `[in, out]`: output filters on the LAST axis.
 * Initialisation is PyTorch's default (conv and linear weights U(±1/√fan_in), linear bias U(±1/√fan_in), BN γ = 1,
 * β = 0, running mean 0, running variance 1), drawn from a seeded `Rng`. Batch norm is PyTorch's: ε = 1e-5,
 * momentum 0.1, running variance updated with the unbiased batch variance.
 */
import * as tf from '@tensorflow/tfjs';
import { makeRng, type Rng } from '../../rng.ts';
import { conv2d, type ConvGradient } from './conv.ts';

/** The two architectures: ResNet18 (the paper's Section 5.2) and PreActResNet18 (Wu et al., Appendix C for SVHN). */
export type Architecture = 'resnet18' | 'preact-resnet18';

/** Every architecture, in the order the CLI lists them. */
export const ARCHITECTURES: readonly Architecture[] = ['resnet18', 'preact-resnet18'];

/** What a model is: architecture, width multiplier (1 = 64-128-256-512 channels) and number of classes. */
export interface ModelSpec {
  readonly architecture: Architecture;
  /** Channels are round(64·width), round(128·width), …, at least 1. */
  readonly width: number;
  readonly numClasses: number;
}

/** The role of a parameter tensor; `conv` and `dense` carry filters on their last axis. */
export type ParamRole = 'conv' | 'dense' | 'bias' | 'bn-gamma' | 'bn-beta';

/** One trainable parameter tensor. */
export interface ParamInfo {
  readonly name: string;
  readonly shape: readonly number[];
  readonly role: ParamRole;
}

/** One batch-norm layer's running statistics (buffers, not parameters). */
export interface BufferInfo {
  readonly name: string;
  readonly channels: number;
}

/** Parameter tensors by name (trained variables, or w + α·d). */
export type ParamLookup = ReadonlyMap<string, tf.Tensor>;

/**
 * A model's mutable state: parameters and batch-norm running statistics as TF.js variables (with TF.js's unique
 * automatic variable names, so that several models can live in one process; look them up by parameter name here).
 */
export interface ResNetModel {
  readonly spec: ModelSpec;
  readonly paramInfos: readonly ParamInfo[];
  readonly bufferInfos: readonly BufferInfo[];
  /** Trainable parameters by name. */
  readonly params: Map<string, tf.Variable>;
  /** `<bn>.mean` and `<bn>.var` running statistics by name. */
  readonly buffers: Map<string, tf.Variable>;
  /** Frees every variable. */
  dispose(): void;
}

/** Receives each train-mode batch-norm layer's batch mean and biased variance (and the count they were taken over). */
export type BatchStatsSink = (bn: string, mean: tf.Tensor1D, variance: tf.Tensor1D, count: number) => void;

/** Options of `resnetForward`. */
export interface ForwardOptions {
  /** `train`: batch statistics (sent to `stats`); `eval`: running statistics. */
  readonly mode: 'train' | 'eval';
  readonly conv: ConvGradient;
  /** Whether gradients with respect to the conv filters will be asked for (custom conv gradient only). */
  readonly filterGrad: boolean;
  readonly stats?: BatchStatsSink;
}

/** Batch-norm ε (PyTorch's default). */
export const BN_EPSILON = 1e-5;
/** Batch-norm running-statistics momentum (PyTorch's default: running ← 0.9·running + 0.1·batch). */
export const BN_MOMENTUM = 0.1;

interface Block {
  readonly prefix: string;
  readonly inC: number;
  readonly outC: number;
  readonly stride: number;
  readonly shortcut: boolean;
}

/** Channel counts of the stem and the four stages for a width multiplier. */
export function stageChannels(width: number): readonly [number, number, number, number] {
  const c = (base: number): number => Math.max(1, Math.round(base * width));
  return [c(64), c(128), c(256), c(512)];
}

function blocks(spec: ModelSpec): Block[] {
  const ch = stageChannels(spec.width);
  const out: Block[] = [];
  let inC = ch[0];
  for (let s = 0; s < 4; s++) {
    for (let b = 0; b < 2; b++) {
      const stride = b === 0 && s > 0 ? 2 : 1;
      out.push({ prefix: `layer${s + 1}.${b}`, inC, outC: ch[s]!, stride, shortcut: stride !== 1 || inC !== ch[s] });
      inC = ch[s]!;
    }
  }
  return out;
}

/** The parameters and batch-norm layers of a spec, in a fixed order (the order of checkpoints and directions). */
export function modelLayout(spec: ModelSpec): { params: ParamInfo[]; buffers: BufferInfo[] } {
  if (!(spec.width > 0) || !Number.isFinite(spec.width)) {
    throw new RangeError(`modelLayout: width must be a positive number, got ${spec.width}`);
  }
  if (!Number.isInteger(spec.numClasses) || spec.numClasses < 2) {
    throw new RangeError(`modelLayout: numClasses must be an integer ≥ 2, got ${spec.numClasses}`);
  }
  const params: ParamInfo[] = [];
  const buffers: BufferInfo[] = [];
  const conv = (name: string, k: number, i: number, o: number): void => {
    params.push({ name, shape: [k, k, i, o], role: 'conv' });
  };
  const bn = (name: string, c: number): void => {
    params.push({ name: `${name}.gamma`, shape: [c], role: 'bn-gamma' });
    params.push({ name: `${name}.beta`, shape: [c], role: 'bn-beta' });
    buffers.push({ name, channels: c });
  };
  const ch = stageChannels(spec.width);
  const preact = spec.architecture === 'preact-resnet18';
  conv('conv1', 3, 3, ch[0]);
  if (!preact) bn('bn1', ch[0]);
  for (const b of blocks(spec)) {
    if (preact) {
      bn(`${b.prefix}.bn1`, b.inC);
      conv(`${b.prefix}.conv1`, 3, b.inC, b.outC);
      bn(`${b.prefix}.bn2`, b.outC);
      conv(`${b.prefix}.conv2`, 3, b.outC, b.outC);
      if (b.shortcut) conv(`${b.prefix}.shortcut.conv`, 1, b.inC, b.outC);
    } else {
      conv(`${b.prefix}.conv1`, 3, b.inC, b.outC);
      bn(`${b.prefix}.bn1`, b.outC);
      conv(`${b.prefix}.conv2`, 3, b.outC, b.outC);
      bn(`${b.prefix}.bn2`, b.outC);
      if (b.shortcut) {
        conv(`${b.prefix}.shortcut.conv`, 1, b.inC, b.outC);
        bn(`${b.prefix}.shortcut.bn`, b.outC);
      }
    }
  }
  if (preact) bn('bn', ch[3]);
  params.push({ name: 'linear.weight', shape: [ch[3], spec.numClasses], role: 'dense' });
  params.push({ name: 'linear.bias', shape: [spec.numClasses], role: 'bias' });
  return { params, buffers };
}

/** The number of scalar parameters of a spec. */
export function parameterCount(spec: ModelSpec): number {
  return modelLayout(spec).params.reduce((n, p) => n + p.shape.reduce((a, b) => a * b, 1), 0);
}

function initValues(info: ParamInfo, rng: Rng, fanIn: number): Float32Array {
  const size = info.shape.reduce((a, b) => a * b, 1);
  const out = new Float32Array(size);
  switch (info.role) {
    case 'bn-gamma':
      out.fill(1);
      return out;
    case 'bn-beta':
      return out;
    case 'conv':
    case 'dense':
    case 'bias': {
      // PyTorch: kaiming_uniform(a=√5) on weights, i.e. U(±1/√fan_in); linear bias U(±1/√fan_in) with the weight's fan_in.
      const bound = 1 / Math.sqrt(fanIn);
      for (let i = 0; i < size; i++) out[i] = rng.uniform(-bound, bound);
      return out;
    }
  }
}

/** A variable holding `initial`'s values; `initial` is disposed (the variable keeps the data). */
export function ownedVariable(initial: tf.Tensor, trainable: boolean): tf.Variable {
  const v = tf.variable(initial, trainable);
  initial.dispose();
  return v;
}

/** Creates a model with PyTorch's default initialisation drawn from `makeRng(seed)` (parameters in layout order). */
export function createResNet(spec: ModelSpec, seed: number): ResNetModel {
  const layout = modelLayout(spec);
  const rng = makeRng(seed);
  const dense = layout.params.find((p) => p.role === 'dense')!;
  const params = new Map<string, tf.Variable>();
  for (const info of layout.params) {
    const fanIn = info.role === 'conv' ? info.shape[0]! * info.shape[1]! * info.shape[2]! : dense.shape[0]!;
    const values = initValues(info, rng, fanIn);
    params.set(info.name, ownedVariable(tf.tensor(values, [...info.shape], 'float32'), true));
  }
  const buffers = new Map<string, tf.Variable>();
  for (const b of layout.buffers) {
    buffers.set(`${b.name}.mean`, ownedVariable(tf.zeros([b.channels]), false));
    buffers.set(`${b.name}.var`, ownedVariable(tf.ones([b.channels]), false));
  }
  return {
    spec,
    paramInfos: layout.params,
    bufferInfos: layout.buffers,
    params,
    buffers,
    dispose() {
      for (const v of params.values()) v.dispose();
      for (const v of buffers.values()) v.dispose();
    },
  };
}

/**
 * Updates running statistics from a train-mode forward's batch statistics (PyTorch: running ← (1 − m)·running +
 * m·batch, with the unbiased variance n/(n − 1)·var). Returns a sink for `ForwardOptions.stats`.
 */
export function runningStatsUpdater(model: ResNetModel, momentum = BN_MOMENTUM): BatchStatsSink {
  return (bn, mean, variance, count) => {
    const rm = model.buffers.get(`${bn}.mean`);
    const rv = model.buffers.get(`${bn}.var`);
    if (rm === undefined || rv === undefined)
      throw new RangeError(`runningStatsUpdater: no running statistics for batch norm "${bn}"`);
    const unbias = count > 1 ? count / (count - 1) : 1;
    const m = tf.tidy(() => rm.mul(1 - momentum).add(mean.mul(momentum)));
    const v = tf.tidy(() => rv.mul(1 - momentum).add(variance.mul(momentum * unbias)));
    rm.assign(m);
    rv.assign(v);
    m.dispose();
    v.dispose();
  };
}

function get(params: ParamLookup, name: string): tf.Tensor {
  const t = params.get(name);
  if (t === undefined) throw new RangeError(`resnetForward: missing parameter "${name}"`);
  return t;
}

/**
 * Logits of a ResNet18 / PreActResNet18 for a batch of already-normalised NHWC images `[N, 32, 32, 3]` (any H = W
 * divisible by 8 works): `params` are the weights to use, `buffers` the running statistics for eval mode.
 */
export function resnetForward(
  spec: ModelSpec,
  params: ParamLookup,
  buffers: ParamLookup,
  x: tf.Tensor4D,
  options: ForwardOptions,
): tf.Tensor2D {
  const conv = (name: string, input: tf.Tensor4D, stride: number, pad: number): tf.Tensor4D =>
    conv2d(input, get(params, name) as tf.Tensor4D, { stride, pad }, options.conv, options.filterGrad);
  const bn = (name: string, input: tf.Tensor4D): tf.Tensor4D => {
    const gamma = get(params, `${name}.gamma`);
    const beta = get(params, `${name}.beta`);
    let mean: tf.Tensor;
    let variance: tf.Tensor;
    if (options.mode === 'train') {
      const m = tf.moments(input, [0, 1, 2]);
      mean = m.mean;
      variance = m.variance;
      if (options.stats !== undefined) {
        const [n, h, w] = input.shape;
        options.stats(name, mean as tf.Tensor1D, variance as tf.Tensor1D, n * h * w);
      }
    } else {
      mean = get(buffers, `${name}.mean`);
      variance = get(buffers, `${name}.var`);
    }
    const scale = gamma.mul(tf.rsqrt(variance.add(BN_EPSILON)));
    const shift = beta.sub(mean.mul(scale));
    return input.mul(scale).add(shift);
  };
  const preact = spec.architecture === 'preact-resnet18';
  let out = conv('conv1', x, 1, 1);
  if (!preact) out = tf.relu(bn('bn1', out));
  for (const b of blocks(spec)) {
    if (preact) {
      const a = tf.relu(bn(`${b.prefix}.bn1`, out));
      const sc = b.shortcut ? conv(`${b.prefix}.shortcut.conv`, a, b.stride, 0) : out;
      let r = conv(`${b.prefix}.conv1`, a, b.stride, 1);
      r = conv(`${b.prefix}.conv2`, tf.relu(bn(`${b.prefix}.bn2`, r)), 1, 1);
      out = r.add(sc) as tf.Tensor4D;
    } else {
      let r = tf.relu(bn(`${b.prefix}.bn1`, conv(`${b.prefix}.conv1`, out, b.stride, 1)));
      r = bn(`${b.prefix}.bn2`, conv(`${b.prefix}.conv2`, r, 1, 1));
      const sc = b.shortcut ? bn(`${b.prefix}.shortcut.bn`, conv(`${b.prefix}.shortcut.conv`, out, b.stride, 0)) : out;
      out = tf.relu(r.add(sc)) as tf.Tensor4D;
    }
  }
  if (preact) out = tf.relu(bn('bn', out));
  const pooled = tf.mean(out, [1, 2]) as tf.Tensor2D;
  return tf.add(
    tf.matMul(pooled, get(params, 'linear.weight') as tf.Tensor2D),
    get(params, 'linear.bias'),
  ) as tf.Tensor2D;
}

/** Mean softmax cross-entropy of logits `[N, K]` against integer labels (`reduction: 'sum'` for the attack). */
export function crossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D, reduction: 'mean' | 'sum' = 'mean'): tf.Scalar {
  const logp = tf.logSoftmax(logits);
  const picked = tf.sum(tf.mul(logp, tf.oneHot(labels, logits.shape[1])), 1);
  return (reduction === 'mean' ? tf.neg(tf.mean(picked)) : tf.neg(tf.sum(picked))) as tf.Scalar;
}
