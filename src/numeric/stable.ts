/**
 * Numerically stable scalar building blocks of the logistic loss (paper Eq. 1): softplus, sigmoid, log-sigmoid and
 * σ'(x) = σ(x)σ(−x). None of them overflows, and none loses relative precision at large |x|.
 */

/**
 * softplus(x) = log(1 + eᵡ), the per-example logistic loss ℓ = softplus(−y w·x) of Eq. (1), computed as
 * max(x, 0) + log1p(e^−|x|) so that it never overflows and keeps full relative precision for x ≪ 0.
 */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/**
 * σ(x) = 1 / (1 + e^−x), the derivative of softplus; evaluated from e^−|x| so that it never overflows and keeps
 * full relative precision in both tails (σ(−800) = 0 only where it underflows, never NaN).
 */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const t = Math.exp(x);
  return t / (1 + t);
}

/** log σ(x) = −softplus(−x), stable for every x. */
export function logSigmoid(x: number): number {
  return -softplus(-x);
}

/**
 * σ'(x) = σ(x)σ(−x) = e^−|x| / (1 + e^−|x|)², the second derivative of softplus (the weight σ(1−σ) of the
 * logistic Hessian, paper Eq. 14), without cancellation in 1 − σ.
 */
export function sigmoidDerivative(x: number): number {
  const t = Math.exp(-Math.abs(x));
  const s = 1 + t;
  return t / (s * s);
}
