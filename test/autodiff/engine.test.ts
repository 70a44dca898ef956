import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, type BackendInfo } from '../../src/autodiff/backend.ts';
import {
  fdHvp,
  fdHvpErrorBound,
  tfGradient,
  tfHessian,
  tfHvp,
  tfHvpOperator,
  tfValue,
  tfValueAndGradient,
  type TfLoss,
} from '../../src/autodiff/engine.ts';
import { tfLogisticLoss, tfRobustL2Loss, tfRobustLinfLoss, toTfData, type TfData } from '../../src/autodiff/losses.ts';
import type { Dataset } from '../../src/numeric/dataset.ts';
import { logisticLoss } from '../../src/numeric/logistic.ts';
import type { Loss } from '../../src/numeric/loss.ts';
import { robustL2Loss } from '../../src/numeric/robust-l2.ts';
import { robustLinfLoss } from '../../src/numeric/robust-linf.ts';
import { tolerance, withinTolerance } from '../../src/numeric/tolerances.ts';
import { makeRng } from '../../src/rng.ts';
import { assertProperty, instance, seedArb, trainedMnist2 } from '../numeric/helpers.ts';

let backend: BackendInfo;
beforeAll(async () => {
  backend = await initBackend();
  console.log(`[backend] ${backend.name} (${backend.package}@${backend.version})`);
});

type Kind = 'logistic' | 'robust-l2' | 'robust-linf';
const kinds: readonly Kind[] = ['logistic', 'robust-l2', 'robust-linf'];

/** The same loss in closed form (Float64) and in tfjs ops. */
function pair(kind: Kind, ds: Dataset, data: TfData, epsilon: number, bias: boolean): { closed: Loss; tfl: TfLoss } {
  switch (kind) {
    case 'logistic':
      return { closed: logisticLoss(ds, { bias }), tfl: tfLogisticLoss(data, { bias }) };
    case 'robust-l2':
      return { closed: robustL2Loss(ds, epsilon, { bias }), tfl: tfRobustL2Loss(data, epsilon, { bias }) };
    case 'robust-linf':
      return { closed: robustLinfLoss(ds, epsilon, { bias }), tfl: tfRobustLinfLoss(data, epsilon, { bias }) };
  }
}

/**
 * The known-bad formulation: log(1 + exp(u)) instead of softplus(u). Its gradient is right, its double-backprop
 * HVP is silently wrong in tfjs (docs/engines.md).
 */
function badLogistic(data: TfData): TfLoss {
  return (w) => {
    const u = tf.neg(tf.mul(data.y, tf.reshape(tf.matMul(data.X, tf.reshape(w, [data.d, 1])), [data.n])));
    return tf.mean(tf.log(tf.add(1, tf.exp(u)))) as tf.Scalar;
  };
}

function expectClose(
  label: string,
  a: Float64Array | number,
  b: Float64Array | number,
  order: 0 | 1 | 2,
  atol = 0,
): void {
  const base = tolerance('float32', order);
  const r = withinTolerance(a, b, { rtol: base.rtol, atol: Math.max(base.atol, atol) });
  if (!r.ok)
    throw new Error(
      `${label}: error ${r.absError.toExponential(2)} (relative ${r.relError.toExponential(2)}) > bound ${r.bound.toExponential(2)} (float32, order ${order}) on ${backend.name}`,
    );
}

const norm = (v: Float64Array): number => Math.hypot(...v);

/** The float32 rounding bound of the FD HVP at w, from the Float64 closed form (see `fdHvpErrorBound`). */
function fdBound(closed: Loss, w: Float64Array, v: Float64Array, h = 1e-3): number {
  const H = closed.hessian(w);
  let frob = 0;
  for (const x of H) frob += x * x;
  return fdHvpErrorBound({
    gradNorm: norm(closed.grad(w)),
    hessianNorm: Math.sqrt(frob),
    wNorm: norm(w),
    vNorm: norm(v),
    h,
  });
}

describe('autodiff engine vs Float64 closed forms (random data, w, ε, d)', () => {
  it('closed-form value and gradient = tfjs value and gradient', () => {
    assertProperty(
      'tf gradient',
      fc.property(seedArb, fc.constantFrom(...kinds), fc.boolean(), (seed, kind, bias) => {
        const { ds, w, epsilon } = instance(seed, { bias, minAbsW: 0.01 });
        const data = toTfData(ds);
        try {
          const { closed, tfl } = pair(kind, ds, data, epsilon, bias);
          expectClose('value', tfValue(tfl, w), closed.value(w), 0);
          expectClose('gradient', tfGradient(tfl, w), closed.grad(w), 1);
          const both = tfValueAndGradient(tfl, w);
          expectClose('valueAndGradient', both.grad, closed.grad(w), 1);
        } finally {
          data.dispose();
        }
      }),
      40,
    );
  });

  it('closed-form H·v = tfjs HVP (nested tf.grad) = finite-difference-of-gradients HVP', () => {
    assertProperty(
      'tf hvp',
      fc.property(seedArb, fc.constantFrom(...kinds), fc.boolean(), (seed, kind, bias) => {
        // L∞: keep the FD step (1e-3) away from the kinks of ‖w‖₁.
        const { ds, w, v, epsilon } = instance(seed, { bias, minAbsW: 0.01 });
        const data = toTfData(ds);
        try {
          const { closed, tfl } = pair(kind, ds, data, epsilon, bias);
          const ref = closed.hvp(w, v);
          expectClose('tfHvp', tfHvp(tfl, w, v), ref, 2);
          // FD in float32 is only as good as its rounding bound (large where the loss saturates).
          expectClose('fdHvp', fdHvp(tfl, w, v), ref, 2, fdBound(closed, w, v));
        } finally {
          data.dispose();
        }
      }),
      40,
    );
  });

  it('full Hessians agree: tfjs (by HVP columns) = closed form', () => {
    assertProperty(
      'tf hessian',
      fc.property(seedArb, fc.constantFrom(...kinds), fc.boolean(), (seed, kind, bias) => {
        const { ds, w, epsilon } = instance(seed, { bias, minAbsW: 0.01 });
        const data = toTfData(ds);
        try {
          const { closed, tfl } = pair(kind, ds, data, epsilon, bias);
          const H = tfHessian(tfl, w);
          expectClose('tfHessian', H, closed.hessian(w), 2);
          for (let i = 0; i < w.length; i++)
            for (let j = 0; j < i; j++) expect(H[i * w.length + j]).toBe(H[j * w.length + i]);
        } finally {
          data.dispose();
        }
      }),
      25,
    );
  });

  it('CATCHES the known-bad formulation log(1 + exp(u)): gradient passes, HVP fails against both the closed form and the FD path', () => {
    assertProperty(
      'bad formulation caught',
      fc.property(seedArb, (seed) => {
        // Arrange
        const { ds, w, v } = instance(seed);
        const data = toTfData(ds);
        try {
          const closed = logisticLoss(ds);
          const bad = badLogistic(data);
          // Act
          const grad = withinTolerance(tfGradient(bad, w), closed.grad(w), tolerance('float32', 1));
          const hvpVsClosed = withinTolerance(tfHvp(bad, w, v), closed.hvp(w, v), tolerance('float32', 2));
          const fdTol = { rtol: tolerance('float32', 2).rtol, atol: fdBound(closed, w, v) };
          const hvpVsFd = withinTolerance(tfHvp(bad, w, v), fdHvp(bad, w, v), fdTol);
          const fdVsClosed = withinTolerance(fdHvp(bad, w, v), closed.hvp(w, v), fdTol);
          // Assert: the first derivative cannot see the bug; both HVP comparisons flag it; FD is unaffected.
          expect(grad.ok).toBe(true);
          expect(hvpVsClosed.ok).toBe(false);
          expect(hvpVsClosed.relError).toBeGreaterThan(0.5);
          expect(hvpVsFd.ok).toBe(false);
          expect(fdVsClosed.ok).toBe(true);
        } finally {
          data.dispose();
        }
      }),
      30,
    );
  });

  it('leaks no tensors (tf.memory().numTensors before = after)', () => {
    // Arrange
    const { ds, w, v } = instance(5, { bias: true });
    const data = toTfData(ds);
    const tfl = tfRobustL2Loss(data, 0.3, { bias: true });
    const before = tf.memory().numTensors;
    // Act
    tfValue(tfl, w);
    tfGradient(tfl, w);
    tfValueAndGradient(tfl, w);
    tfHvp(tfl, w, v);
    fdHvp(tfl, w, v);
    tfHessian(tfl, w);
    const op = tfHvpOperator(tfl, w);
    op.apply(v);
    op.dispose();
    expect(() => tfHvp(tfl, w, new Float64Array(1))).toThrow(/tfHvp: v must have the length of w/);
    // Assert
    expect(tf.memory().numTensors).toBe(before);
    data.dispose();
  });

  it('rejects bad arguments, naming function and argument', () => {
    const { ds, w } = instance(6);
    const data = toTfData(ds);
    const tfl = tfLogisticLoss(data);
    expect(() => fdHvp(tfl, w, w, { h: 0 })).toThrow(/fdHvp: options.h must be a finite number > 0, got 0/);
    expect(Array.from(fdHvp(tfl, w, new Float64Array(w.length)))).toEqual(Array.from(new Float64Array(w.length)));
    const op = tfHvpOperator(tfl, w);
    op.dispose();
    expect(() => op.apply(w)).toThrow(/tfHvpOperator.apply/);
    data.dispose();
  });
});

describe('autodiff engine at weights of models really trained on MNIST2 (300 images, 785 parameters with bias)', () => {
  it('gradient, HVP (nested and FD) and full 785×785 Hessian agree with the closed forms', () => {
    for (const epsilon of [0, 0.5]) {
      // Arrange
      const model = trainedMnist2(300, epsilon);
      const data = toTfData(model.ds);
      const tfl = epsilon === 0 ? tfLogisticLoss(data, { bias: true }) : tfRobustL2Loss(data, epsilon, { bias: true });
      const rng = makeRng(epsilon === 0 ? 1 : 2);
      const v = Float64Array.from({ length: model.w.length }, () => rng.normal());
      try {
        // Act / Assert
        expectClose(`gradient ε=${epsilon}`, tfGradient(tfl, model.w), model.loss.grad(model.w), 1);
        const ref = model.loss.hvp(model.w, v);
        expectClose(`tfHvp ε=${epsilon}`, tfHvp(tfl, model.w, v), ref, 2);
        // At trained weights, rounding w ± h·u to float32 perturbs the step by ~ε₃₂|w_i| per entry (the second
        // term of fdHvpErrorBound); h = 1e-2 keeps the FD error near 1e-3 relative (h = 1e-3: ≈ 1.3e-2 measured).
        expectClose(
          `fdHvp ε=${epsilon}`,
          fdHvp(tfl, model.w, v, { h: 1e-2 }),
          ref,
          2,
          fdBound(model.loss, model.w, v, 1e-2),
        );
        if (epsilon > 0) expectClose(`tfHessian ε=${epsilon}`, tfHessian(tfl, model.w), model.loss.hessian(model.w), 2);
      } finally {
        data.dispose();
      }
    }
  });
});

describe('autodiff engine on the pure-JS cpu backend (the last fallback)', () => {
  it('gives the same gradients and HVPs as the closed forms', async () => {
    const cpu = await initBackend({ backend: 'cpu' });
    expect(cpu.name).toBe('cpu');
    assertProperty(
      'tf hvp on cpu',
      fc.property(seedArb, fc.constantFrom(...kinds), (seed, kind) => {
        const { ds, w, v, epsilon } = instance(seed, { minAbsW: 0.01 });
        const data = toTfData(ds);
        try {
          const { closed, tfl } = pair(kind, ds, data, epsilon, false);
          expectClose('gradient (cpu)', tfGradient(tfl, w), closed.grad(w), 1);
          expectClose('tfHvp (cpu)', tfHvp(tfl, w, v), closed.hvp(w, v), 2);
        } finally {
          data.dispose();
        }
      }),
      15,
    );
    backend = await initBackend();
  });
});
