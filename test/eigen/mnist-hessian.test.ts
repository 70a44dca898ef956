import { describe, expect, it } from 'vitest';
import { makeRng } from '../../src/rng.ts';
import { denseMatVec } from '../../src/eigen/dense-matvec.ts';
import { hutchinsonTrace } from '../../src/eigen/hutchinson.ts';
import { lanczos } from '../../src/eigen/lanczos.ts';
import { powerIteration } from '../../src/eigen/power-iteration.ts';
import { symmetricEigen } from '../../src/eigen/symmetric-eigen.ts';
import { trainedMnist2 } from '../numeric/helpers.ts';
import { spectrumError } from './helpers.ts';

// The L2-robust model (ε = 0.5, a value of the paper's L2 grid) trained on 300 MNIST2 images, with bias: 785×785.
const model = trainedMnist2(300, 0.5);
const n = model.w.length;
const H = model.loss.hessian(model.w);

describe('eigensolvers agree on the 785×785 Hessian of an L2-robust model trained on MNIST2', () => {
  it('dense, Lanczos (on H and matrix-free on HVPs) and power iteration give the same top eigenvalues', () => {
    // Act
    const dense = symmetricEigen(H, n);
    const onMatrix = lanczos(denseMatVec(H, n), n, { k: 3, rng: makeRng(1) });
    const matrixFree = lanczos((v) => model.loss.hvp(model.w, v), n, { k: 3, rng: makeRng(2) });
    const power = powerIteration(denseMatVec(H, n), n, { rng: makeRng(3), tol: 1e-10, maxIterations: 5000 });
    const top3 = Array.from(dense.values.subarray(0, 3));
    console.log(
      `[mnist2 hessian] top-3 dense ${top3.map((x) => x.toExponential(6)).join(', ')}; Lanczos ${onMatrix.matvecs} / ${matrixFree.matvecs} matvecs; power ${power.iterations} iterations`,
    );
    // Assert
    expect(dense.converged && onMatrix.converged && matrixFree.converged && power.converged).toBe(true);
    expect(spectrumError(onMatrix.values, top3) / top3[0]!).toBeLessThan(1e-9);
    expect(spectrumError(matrixFree.values, top3) / top3[0]!).toBeLessThan(1e-9);
    expect(Math.abs(power.values[0]! - top3[0]!) / top3[0]!).toBeLessThan(1e-8);
    // Convex loss: PSD up to rounding.
    expect(dense.values[n - 1]!).toBeGreaterThan(-1e-12 * top3[0]!);
  });

  it('Hutchinson’s trace estimate is within 4 standard errors of tr H = Σ λ_i', () => {
    const dense = symmetricEigen(H, n);
    let trace = 0;
    for (let i = 0; i < n; i++) trace += H[i * n + i]!;
    expect(Math.abs(dense.values.reduce((a, x) => a + x, 0) - trace)).toBeLessThan(1e-10 * trace);
    const est = hutchinsonTrace(denseMatVec(H, n), n, { rng: makeRng(4), samples: 300, tol: 0.01 });
    expect(Math.abs(est.value - trace)).toBeLessThan(4 * est.standardError);
  });

  it('agree when the top eigenvalue has multiplicity 3 (H with λ₁, λ₂ deflated onto λ₃)', () => {
    // Arrange: accurate top Ritz vectors, then A = H − (λ₁−λ₃)u₁u₁ᵀ − (λ₂−λ₃)u₂u₂ᵀ has λ₃ three times on top.
    const top = lanczos(denseMatVec(H, n), n, { k: 4, rng: makeRng(5), tol: 1e-13, vectors: true });
    const [l1, l2, l3, l4] = Array.from(top.values) as [number, number, number, number];
    const u = top.vectors!;
    const A = Float64Array.from(H);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        A[i * n + j]! -= (l1 - l3) * u[i]! * u[j]! + (l2 - l3) * u[n + i]! * u[n + j]!;
      }
    }
    // Act
    const dense = symmetricEigen(A, n);
    const lz = lanczos(denseMatVec(A, n), n, { k: 3, rng: makeRng(6) });
    const lz4 = lanczos(denseMatVec(A, n), n, { k: 4, rng: makeRng(7) });
    const power = powerIteration(denseMatVec(A, n), n, { rng: makeRng(8), tol: 1e-10, maxIterations: 5000 });
    // Assert
    const expected = [l3, l3, l3, l4];
    expect(spectrumError(dense.values, expected) / l3).toBeLessThan(1e-9);
    expect(spectrumError(lz.values, expected.slice(0, 3)) / l3).toBeLessThan(1e-9);
    expect(spectrumError(lz4.values, expected) / l3).toBeLessThan(1e-9);
    expect(Math.abs(power.values[0]! - l3) / l3).toBeLessThan(1e-8);
  });

  it('agree on the Eq. (9) matrix at the trained weights: c(I − ŵŵᵀ) on the 784 weights, eigenvalue c × 783', () => {
    const d = n - 1;
    const wNorm2 = model.w.subarray(0, d).reduce((a, x) => a + x * x, 0);
    const epsilon = 0.5;
    const c = epsilon / (2 * Math.sqrt(wNorm2)); // (1/2N) Σ ‖ηⁿ‖/‖w‖ with ‖ηⁿ‖ = ε
    const P = new Float64Array(d * d);
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) P[i * d + j] = c * ((i === j ? 1 : 0) - (model.w[i]! * model.w[j]!) / wNorm2);
    const dense = symmetricEigen(P, d);
    const lz = lanczos(denseMatVec(P, d), d, { k: 3, rng: makeRng(9) });
    const power = powerIteration(denseMatVec(P, d), d, { rng: makeRng(10) });
    expect(spectrumError(dense.values, [...Array(d - 1).fill(c), 0]) / c).toBeLessThan(1e-12);
    expect(spectrumError(lz.values, [c, c, c]) / c).toBeLessThan(1e-12);
    expect(Math.abs(power.values[0]! - c) / c).toBeLessThan(1e-12);
  });
});
