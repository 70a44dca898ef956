/**
 * 2-D convolution (NHWC input, filters `[kh, kw, in, out]` with the output filters on the LAST axis, as TF.js) with
 * symmetric zero padding `pad` (PyTorch's `padding=`), and a choice of gradient:
 *
 * - `builtin`: `tf.conv2d` and TF.js's own gradient kernels (`Conv2DBackpropInput`, `Conv2DBackpropFilter`).
 * - `custom`: both gradients written as forward convolutions, for the wasm backend, which has no
 *   `Conv2DBackpropFilter` and a slow `Conv2DBackpropInput` (shared docs/backends.md):
 *   input gradient = 'valid' convolution of the zero-dilated, padded dy with the spatially flipped, in/out-swapped
 *   filter; filter gradient = 'valid' convolution of the padded x with dy, batch and channels swapped (x as
 *   `[in, H, W, N]`, dy as the filter `[Ho, Wo, N, out]`), dilated by the stride.
 * - `hybrid`: TF.js's input gradient (`Conv2DBackpropInput`) with the custom filter gradient, for the pure-JS cpu
 *   backend, whose `Conv2DBackpropFilter` is slow and whose input-gradient kernel beats the dilated convolution.
 *
 * With `filterGrad: false` (PGD, where only ∂/∂x is wanted) the custom op closes over the filter and never computes
 * its gradient.
 */
import * as tf from '@tensorflow/tfjs';

/** How a convolution's gradient is computed. */
export type ConvGradient = 'builtin' | 'custom' | 'hybrid';

/** A convolution's geometry: stride and symmetric zero padding (PyTorch's `stride=`, `padding=`). */
export interface ConvGeometry {
  readonly stride: number;
  readonly pad: number;
}

/**
 * The convolution gradient that suits a TF.js backend: `builtin` on `tensorflow` (tfjs-node, tfjs-node-gpu:
 * libtensorflow's kernels), `custom` on wasm (no `Conv2DBackpropFilter` kernel, a slow `Conv2DBackpropInput`),
 * `hybrid` on the pure-JS `cpu` backend (its `Conv2DBackpropFilter` made a ResNet18 training gradient about 5× slower
 * than the custom one here, while its `Conv2DBackpropInput` is faster than the dilated convolution at stride 2).
 */
export function convGradientFor(backendName: string): ConvGradient {
  return backendName === 'tensorflow' ? 'builtin' : backendName === 'cpu' ? 'hybrid' : 'custom';
}

/** ∂/∂x of Σ dy·conv(x, w) with TF.js's `Conv2DBackpropInput` kernel (`conv2dTranspose`), for the geometry of `forward`. */
export function convInputGradBuiltin(
  dy: tf.Tensor4D,
  w: tf.Tensor4D,
  xShape: readonly number[],
  g: ConvGeometry,
): tf.Tensor4D {
  const [n, h, wd, c] = xShape as [number, number, number, number];
  const [k, kw] = w.shape;
  if (g.pad === 0) return tf.conv2dTranspose(dy, w, [n, h, wd, c], g.stride, 'valid');
  if (g.stride === 1 && k === kw && 2 * g.pad === k - 1) return tf.conv2dTranspose(dy, w, [n, h, wd, c], 1, 'same');
  const padded = tf.conv2dTranspose(dy, w, [n, h + 2 * g.pad, wd + 2 * g.pad, c], g.stride, 'valid');
  return padded.slice([0, g.pad, g.pad, 0], [n, h, wd, c]);
}

function explicitPad(pad: number): [[number, number], [number, number], [number, number], [number, number]] {
  return [
    [0, 0],
    [pad, pad],
    [pad, pad],
    [0, 0],
  ];
}

/**
 * The forward convolution with only 'valid' / 'same' padding modes, whose gradient kernels every backend has
 * (tfjs-node's `Conv2DBackpropFilter` and `Conv2DBackpropInput` refuse explicit padding): symmetric padding p is TF's
 * 'same' when the stride is 1 and p = (k − 1)/2; otherwise x is zero-padded first (tf.pad, whose gradient is a slice)
 * and convolved 'valid'. PyTorch's `padding=1` with stride 2 is not TF's 'same' (which pads 0 before, 1 after).
 */
function forward(x: tf.Tensor4D, w: tf.Tensor4D, g: ConvGeometry): tf.Tensor4D {
  if (g.pad === 0) return tf.conv2d(x, w, g.stride, 'valid');
  const [k, kw] = w.shape;
  if (g.stride === 1 && k === kw && 2 * g.pad === k - 1) return tf.conv2d(x, w, 1, 'same');
  return tf.conv2d(tf.pad(x, explicitPad(g.pad)), w, g.stride, 'valid');
}

/** ∂/∂x of Σ dy·conv(x, w) as a forward convolution (see the module comment). */
export function convInputGrad(
  dy: tf.Tensor4D,
  w: tf.Tensor4D,
  xShape: readonly number[],
  g: ConvGeometry,
): tf.Tensor4D {
  const [n, h, wd] = xShape as [number, number, number, number];
  const [k, kw] = w.shape;
  const [, ho, wo, o] = dy.shape;
  const s = g.stride;
  let d: tf.Tensor4D = dy;
  if (s > 1) {
    d = dy
      .reshape([n, ho, 1, wo, 1, o])
      .pad([
        [0, 0],
        [0, 0],
        [0, s - 1],
        [0, 0],
        [0, s - 1],
        [0, 0],
      ])
      .reshape([n, ho * s, wo * s, o])
      .slice([0, 0, 0, 0], [n, s * (ho - 1) + 1, s * (wo - 1) + 1, o]) as tf.Tensor4D;
  }
  const top = k - 1 - g.pad;
  const left = kw - 1 - g.pad;
  const bottom = h + k - 1 - top - (s * (ho - 1) + 1);
  const right = wd + kw - 1 - left - (s * (wo - 1) + 1);
  if (top < 0 || left < 0 || bottom < 0 || right < 0) {
    throw new RangeError(
      `convInputGrad: padding ${g.pad} larger than kernel ${k} − 1 is not supported, got geometry ${JSON.stringify(g)}`,
    );
  }
  const padded: tf.Tensor4D = d.pad([
    [0, 0],
    [top, bottom],
    [left, right],
    [0, 0],
  ]);
  const flipped = tf.reverse(w, [0, 1]).transpose([0, 1, 3, 2]) as tf.Tensor4D;
  return tf.conv2d(padded, flipped, 1, 'valid');
}

/** ∂/∂w of Σ dy·conv(x, w) as a forward convolution (see the module comment); shape `[kh, kw, in, out]`. */
export function convFilterGrad(
  x: tf.Tensor4D,
  dy: tf.Tensor4D,
  wShape: readonly number[],
  g: ConvGeometry,
): tf.Tensor4D {
  const [k, kw, c, o] = wShape as [number, number, number, number];
  const xp = g.pad > 0 ? x.pad(explicitPad(g.pad)) : x;
  const xt = xp.transpose([3, 1, 2, 0]) as tf.Tensor4D;
  const f = dy.transpose([1, 2, 0, 3]) as tf.Tensor4D;
  const r = tf.conv2d(xt, f, 1, 'valid', 'NHWC', g.stride);
  return r.slice([0, 0, 0, 0], [c, k, kw, o]).transpose([1, 2, 0, 3]);
}

/**
 * conv2d(x, w) with stride and symmetric padding; `gradient` picks TF.js's gradient kernels, the custom ones or the
 * hybrid; `filterGrad: false` (custom and hybrid) treats w as a constant.
 */
export function conv2d(
  x: tf.Tensor4D,
  w: tf.Tensor4D,
  g: ConvGeometry,
  gradient: ConvGradient,
  filterGrad = true,
): tf.Tensor4D {
  if (gradient === 'builtin' || (gradient === 'hybrid' && !filterGrad)) return forward(x, w, g);
  const inputGrad = gradient === 'hybrid' ? convInputGradBuiltin : convInputGrad;
  if (!filterGrad) {
    const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
      const xx = args[0] as tf.Tensor4D;
      (args[1] as tf.GradSaveFunc)([]);
      return {
        value: forward(xx, w, g),
        gradFunc: (dy: tf.Tensor) => convInputGrad(dy as tf.Tensor4D, w, xx.shape, g),
      };
    });
    return op(x) as tf.Tensor4D;
  }
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const xx = args[0] as tf.Tensor4D;
    const ww = args[1] as tf.Tensor4D;
    (args[2] as tf.GradSaveFunc)([xx, ww]);
    return {
      value: forward(xx, ww, g),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sx, sw] = saved as [tf.Tensor4D, tf.Tensor4D];
        const d = dy as tf.Tensor4D;
        return [inputGrad(d, sw, sx.shape, g), convFilterGrad(sx, d, sw.shape, g)];
      },
    };
  });
  return op(x, w) as tf.Tensor4D;
}
