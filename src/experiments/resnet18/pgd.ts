/**
 * L∞ projected gradient ascent on the inputs (PGD, Madry et al. 2018; the paper's Eq. (3)) in TensorFlow.js, in
 * [0, 1] pixel space BEFORE normalisation: δ₀ ~ U[−ε, ε] per pixel (random start, drawn from a seeded `Rng`),
 * δ ← clip(δ + λ·sign(∇ₓ loss), −ε, ε), then x + δ clipped to [0, 1] after every step (as Rice et al.'s and Wu et
 * al.'s `attack_pgd` and Madry et al.'s `LinfPGDAttack` do).
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../rng.ts';

/** The attack's settings, recorded with every result. */
export interface LinfPgdSettings {
  /** Radius in [0, 1] pixel units (k/255). */
  readonly eps: number;
  /** Step size λ in pixel units. */
  readonly stepSize: number;
  readonly steps: number;
  /** `uniform-box`: δ₀ ~ U[−ε, ε]^d, then clipped so that x + δ₀ ∈ [0, 1]; `none`: δ₀ = 0. */
  readonly randomStart: 'uniform-box' | 'none';
}

/**
 * Adversarial examples x + δ maximising `lossOf` over the L∞ ball of radius ε intersected with [0, 1]^d. `lossOf`
 * maps [0, 1] images to a scalar loss (normalisation and the model inside); only its gradient's sign is used.
 * Returns a new tensor; x is not disposed. ε = 0 returns a copy of x without drawing from `rng`.
 */
export function linfPgd(
  lossOf: (xAdv: tf.Tensor4D) => tf.Scalar,
  x: tf.Tensor4D,
  settings: LinfPgdSettings,
  rng: Rng,
): tf.Tensor4D {
  const { eps, stepSize, steps } = settings;
  if (!(eps >= 0) || !(stepSize >= 0) || !Number.isInteger(steps) || steps < 0) {
    throw new RangeError(
      `linfPgd: eps and stepSize must be ≥ 0 and steps an integer ≥ 0, got ${JSON.stringify(settings)}`,
    );
  }
  if (eps === 0) return x.clone();
  let adv: tf.Tensor4D;
  if (settings.randomStart === 'uniform-box') {
    const noise = new Float32Array(x.size);
    for (let i = 0; i < noise.length; i++) noise[i] = rng.uniform(-eps, eps);
    adv = tf.tidy(() => tf.clipByValue(tf.add(x, tf.tensor(noise, x.shape, 'float32')), 0, 1) as tf.Tensor4D);
  } else {
    adv = x.clone();
  }
  const grad = tf.grad((xa: tf.Tensor) => lossOf(xa as tf.Tensor4D));
  for (let i = 0; i < steps; i++) {
    const next = tf.tidy(() => {
      const g = grad(adv);
      const stepped = tf.add(adv, tf.mul(tf.sign(g), stepSize));
      const delta = tf.clipByValue(tf.sub(stepped, x), -eps, eps);
      return tf.clipByValue(tf.add(x, delta), 0, 1) as tf.Tensor4D;
    });
    adv.dispose();
    adv = next;
  }
  return adv;
}
