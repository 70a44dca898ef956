/**
 * Test helpers for the attack module: seeded fast-check runs (the seed is derived from a label, so a failure replays)
 * and arbitraries for attack instances (x, y, w, ε).
 */
import fc from 'fast-check';
import { deriveSeed } from '../../src/rng.ts';
import type { Label } from '../../src/attack/linear-model.ts';

/** Base seed of the properties in test/attack and test/noise. */
export const ATTACK_TEST_SEED = 20210;

/** Runs a property with a seed derived from the label (fast-check prints seed and path on failure). */
export function assertSeeded<Ts>(label: string, property: fc.IProperty<Ts>, numRuns = 100): void {
  fc.assert(property, { seed: deriveSeed(ATTACK_TEST_SEED, label), numRuns });
}

/**
 * A coordinate in [−2, 2]; magnitudes below 1e-6 become exactly 0 (subnormal weights make ∂ℓ/∂x_i underflow to 0
 * while sign(w_i) ≠ 0, a Float64 artefact rather than a property of the attack).
 */
const coord = fc
  .double({ min: -2, max: 2, noNaN: true, noDefaultInfinity: true })
  .map((v) => (Math.abs(v) < 1e-6 ? 0 : v));

/** An attack instance: x ∈ [−2, 2]^d, y = ±1, w ∈ [−2, 2]^d with ‖w‖ ≥ 0.1, ε ∈ [0.01, 2]. */
export function instance(
  dMin = 1,
  dMax = 6,
): fc.Arbitrary<{ x: Float64Array; y: Label; w: Float64Array; eps: number }> {
  return fc.integer({ min: dMin, max: dMax }).chain((d) =>
    fc.record({
      x: fc.array(coord, { minLength: d, maxLength: d }).map((a) => Float64Array.from(a)),
      y: fc.constantFrom<Label>(-1, 1),
      w: fc
        .array(coord, { minLength: d, maxLength: d })
        .filter((a) => Math.hypot(...a) >= 0.1)
        .map((a) => Float64Array.from(a)),
      eps: fc.double({ min: 0.01, max: 2, noNaN: true }),
    }),
  );
}

/** An instance with x ∈ [0, 1]^d (pixel range) for the clipped attacks. */
export function pixelInstance(
  dMin = 1,
  dMax = 6,
): fc.Arbitrary<{ x: Float64Array; y: Label; w: Float64Array; eps: number }> {
  return instance(dMin, dMax).map((p) => ({ ...p, x: Float64Array.from(p.x, (v) => (v + 2) / 4) }));
}
