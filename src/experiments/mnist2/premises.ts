/**
 * The premises of the paper's theory measured on the MNIST2 training split: the L2 norm of every image (Theorem 1's
 * per-point stationarity forces ‖xⁿ‖ = ‖ηⁿ‖ ≤ ε) and Eq. (15)'s moments of the experiments' random noise (uniform in
 * the L∞ ball, x + η clipped to [0, 1]) at each ε.
 */
import type { Dataset } from '../../numeric/dataset.ts';
import { makeRng } from '../../rng.ts';
import type { NoiseMoments, TrainSplitPremises } from './measurement-schemas.ts';

/** ‖xⁿ‖₂ of every image of `ds`, in order. */
export function imageNorms(ds: Dataset): number[] {
  const d = ds.d;
  return Array.from({ length: ds.n }, (_, k) => Math.hypot(...ds.X.subarray(k * d, (k + 1) * d)));
}

/**
 * Eq. (15)'s moments of the clipped noise clip(x + η, 0, 1) − x, η uniform in [−ε, ε] per pixel, over every image and
 * coordinate pair of `ds`: (1/N)Σ_n η_i x_j (→ 0) and (1/N)Σ_n η_i η_j (→ ε²/3 δ_ij), pooled over i = j and over
 * i ≠ j; the cross moments scaled by √(E[η²]E[x²]) (a raw cosine). One generator seeded `seed` draws every ε in turn.
 */
export function noiseMoments(ds: Dataset, epsList: readonly number[], seed: number): NoiseMoments[] {
  const { X, n, d } = ds;
  const rng = makeRng(seed);
  return epsList.map((eps) => {
    let ee = 0; // Σ η_i²
    let ex = 0; // Σ η_i x_i
    let s = 0; // Σ η_i
    let eeOff = 0; // Σ_n (Σ_i η_i)² − Σ_i η_i²
    let exOff = 0; // Σ_n (Σ_i η_i)(Σ_j x_j) − Σ_i η_i x_i
    let xx = 0; // Σ x_i²
    for (let k = 0; k < n; k++) {
      let se = 0;
      let sx = 0;
      let ek = 0;
      let xk = 0;
      for (let i = k * d; i < (k + 1) * d; i++) {
        const x = X[i]!;
        const e = Math.min(1, Math.max(0, x + rng.uniform(-eps, eps))) - x;
        se += e;
        sx += x;
        ek += e * e;
        xk += e * x;
        xx += x * x;
      }
      s += se;
      ee += ek;
      ex += xk;
      eeOff += se * se - ek;
      exOff += se * sx - xk;
    }
    const diag = n * d;
    const off = n * d * (d - 1);
    const second = ee / diag;
    const scale = Math.sqrt(second * (xx / diag));
    return {
      eps,
      mean: s / diag,
      crossDiag: ex / diag / scale,
      crossOff: exOff / off / scale,
      secondRatio: second / ((eps * eps) / 3),
      offRatio: eeOff / off / ((eps * eps) / 3),
    };
  });
}

/** The premises on the training split `ds`, with the noise moments at each of `noiseEps` drawn with seed `noiseSeed`. */
export function trainSplitPremises(ds: Dataset, noiseEps: readonly number[], noiseSeed: number): TrainSplitPremises {
  return { images: ds.n, imageNorms: imageNorms(ds), noiseSeed, noiseMoments: noiseMoments(ds, noiseEps, noiseSeed) };
}
