/**
 * The linear logistic model of the paper's Eq. (1) in Float64: ℓ(x, y, w) = log(1 + exp(−y w·x)), written as a
 * numerically stable softplus, with its gradient in the data x. The vector norms the attacks use are in
 * src/numeric/vector.ts.
 */
import { ClaimcheckError } from '../errors.ts';

/** A label of the binary task, y ∈ {−1, 1}. */
export type Label = -1 | 1;

/** Throws `BAD_INPUT` naming `fn` and `arg` unless `a` and `b` have the same length. */
export function assertSameLength(fn: string, arg: string, a: ArrayLike<number>, b: ArrayLike<number>): void {
  if (a.length !== b.length) {
    throw new ClaimcheckError(
      'BAD_INPUT',
      `${fn}: ${arg} must have the same length as the weights (${b.length}), got length ${a.length}`,
      'pass vectors of one dimension d',
    );
  }
}

/** Throws `BAD_INPUT` naming `fn` unless `eps` is a finite number ≥ 0. */
export function assertRadius(fn: string, eps: number): void {
  if (!Number.isFinite(eps) || eps < 0) {
    throw new ClaimcheckError('BAD_INPUT', `${fn}: eps must be a finite number >= 0, got ${eps}`);
  }
}

/** Throws `BAD_INPUT` naming `fn` unless `y` is −1 or 1. */
export function assertLabel(fn: string, y: number): asserts y is Label {
  if (y !== 1 && y !== -1) {
    throw new ClaimcheckError('BAD_INPUT', `${fn}: y must be -1 or 1, got ${y}`);
  }
}

/** Stable softplus and sigmoid: the numeric core's (one implementation for the project). */
import { softplus, sigmoid } from '../numeric/stable.ts';
export { softplus, sigmoid };

/** sign(t) ∈ {−1, 0, 1} (0 at 0, as `torch.sign` does). */
export function sign(t: number): number {
  return t > 0 ? 1 : t < 0 ? -1 : 0;
}

/** The margin argument of Eq. (1) at x + η: u = −y w·(x + η), so that ℓ = softplus(u). */
export function lossArgument(x: ArrayLike<number>, y: Label, w: ArrayLike<number>, eta?: ArrayLike<number>): number {
  assertSameLength('lossArgument', 'x', x, w);
  let s = 0;
  if (eta === undefined) {
    for (let i = 0; i < w.length; i++) s += w[i]! * x[i]!;
  } else {
    assertSameLength('lossArgument', 'eta', eta, w);
    for (let i = 0; i < w.length; i++) s += w[i]! * (x[i]! + eta[i]!);
  }
  return -y * s;
}

/** ℓ(x + η, y, w) = log(1 + exp(−y w·(x + η))) of Eq. (1), evaluated as a stable softplus. */
export function logisticLoss(x: ArrayLike<number>, y: Label, w: ArrayLike<number>, eta?: ArrayLike<number>): number {
  return softplus(lossArgument(x, y, w, eta));
}

/** ∂ℓ/∂x of Eq. (1) at x: −y σ(−y w·x) w (never zero when w ≠ 0, so no interior point of a ball maximises ℓ). */
export function lossGradX(x: ArrayLike<number>, y: Label, w: ArrayLike<number>): Float64Array {
  const s = -y * sigmoid(lossArgument(x, y, w));
  const g = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) g[i] = s * w[i]!;
  return g;
}
