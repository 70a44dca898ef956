/** LaTeX fragments and parameters shared by several claim records (printed fragments are verbatim substrings of the paper text). */
import { optimalityCondition } from '../variables.ts';

/** Eq. (7), first line, as printed: the loss of perturbed data, (1/N) Σ log(1 + exp(−y w·(x + η))). */
export const EQ7_LINE1 = String.raw`\frac{1}{N}\!\sum_{n}\!\log\!\left(\!1\!+\!\exp\!\left(\!-y^{n}\!\bm{w}\!\cdot\!\left(\!\bm{x}^{n}\!+\!\bm{\eta}^{n}\!\right)\right)\right)`;

/** Eq. (7), second line, as printed: the same loss written with ‖w‖‖η^n‖ cos θ^n. */
export const EQ7_LINE2 = String.raw`\frac{1}{N}\!\sum_{n}\!\log\!\left(\!1\!+\!\exp\!\left(\!-y^{n}\!\bm{w}\!\cdot\!\bm{x}^{n}\!+\!y^{n}\!\left\|\!\bm{w}\!\right\|\left\|\!\bm{\eta}^{n}\!\right\|\!\cos\!\theta^{n}\!\right)\!\right)`;

/** The per-point loss differentiated in Appendix A (proof of Lemma 1), as printed. */
export const LEMMA1_LOSS = String.raw`\log\left(1+\exp\left(-y^{n}\bm{w}\cdot\bm{x}^{n}+y^{n}\left\|\bm{w}\right\|\left\|\bm{\eta}^{n}\right\|\cos\theta^{n}\right)\right)`;

/** Our derived gradient of the robust loss (the corrected Eq. (8)); not printed in the paper, zero-tested before use. */
export const ROBUST_GRADIENT = String.raw`\frac{1}{N}\sum_{n}\frac{-y^{n}x_{i}^{n}+\frac{w_{i}}{\left\|\bm{w}\right\|}\left\|\bm{\eta}^{n}\right\|}{1+\exp\left(y^{n}\bm{w}\cdot\bm{x}^{n}-\left\|\bm{w}\right\|\left\|\bm{\eta}^{n}\right\|\right)}`;

/** Our derived Hessian of the robust loss (compact form of Appendix B, last line); zero-tested before use. */
export const ROBUST_HESSIAN = String.raw`\frac{1}{N}\sum_{n}\left(\frac{\frac{\left\|\bm{\eta}^{n}\right\|}{\left\|\bm{w}\right\|}\left(\delta_{ij}-\frac{w_{i}w_{j}}{\left\|\bm{w}\right\|^{2}}\right)}{1+\exp\left(y^{n}\bm{w}\cdot\bm{x}^{n}-\left\|\bm{w}\right\|\left\|\bm{\eta}^{n}\right\|\right)}+\frac{\exp\left(y^{n}\bm{w}\cdot\bm{x}^{n}-\left\|\bm{w}\right\|\left\|\bm{\eta}^{n}\right\|\right)\left(y^{n}x_{i}^{n}-\frac{w_{i}}{\left\|\bm{w}\right\|}\left\|\bm{\eta}^{n}\right\|\right)\left(y^{n}x_{j}^{n}-\frac{w_{j}}{\left\|\bm{w}\right\|}\left\|\bm{\eta}^{n}\right\|\right)}{\left(1+\exp\left(y^{n}\bm{w}\cdot\bm{x}^{n}-\left\|\bm{w}\right\|\left\|\bm{\eta}^{n}\right\|\right)\right)^{2}}\right)`;

/** g^n of Eq. (13), as printed after it. */
export const G_DEFINITION = String.raw`1+\exp\left(-y^{n}\bm{w}\cdot\left(\bm{x}^{n}+\bm{\eta}^{n}\right)\right)`;

/** Parameters of the Appendix B lines at a general w: ∂²/∂w_i∂w_j of Eq. (7) at y cos θ = 1. */
export const HESSIAN_PARAMS = {
  wrt: ['w_{i}', 'w_{j}'],
  indices: ['i', 'j'],
  baseSubstitutions: [{ target: 'c_{n}', expr: 'y_{n}' }],
  derived: ROBUST_HESSIAN,
};

/** Parameters of Eq. (9) and the Appendix B lines at w*: the same Hessian at w = w*, under the optimality condition. */
export const HESSIAN_AT_OPTIMUM_PARAMS = {
  ...HESSIAN_PARAMS,
  at: [{ target: 'w_{k}', expr: 'ws_{k}' }],
  condition: optimalityCondition,
};

export { SYNTHETIC_EPS_GRID } from '../../src/decide/synthetic.ts';

/** Appendix B, first line of the Hessian derivation, as printed (three rows). */
export const APPB_LINE1_ROWS = [
  String.raw`\frac{1}{N}\sum_{n}\left(\frac{\frac{\partial}{\partial\omega_{j}}\left(-\text{$y^{n}$}x_{i}^{n}+\frac{w_{i}}{\left\|{\bm{w}}\right\|}\left\|{\bm{\eta}}^{n}\right\|\right)}{\left(1+\exp\left(\sum_{i}\text{$y^{n}$}w_{i}x_{i}^{n}-\left\|{\bm{w}}\right\|\left\|{\bm{\eta}}^{n}\right\|\right)\right)}\right.`,
  String.raw`+\left(-\text{$y^{n}$}x_{i}^{n}+\frac{w_{i}}{\left\|{\bm{w}}\right\|}\left\|{\bm{\eta}}^{n}\right\|\right)`,
  String.raw`\left.\frac{\partial}{\partial\omega_{j}}\frac{1}{\left(1+\exp\left(\sum_{i}\text{$y^{n}$}w_{i}x_{i}^{n}-\left\|{\bm{w}}\right\|\left\|{\bm{\eta}}^{n}\right\|\right)\right)}\right)`,
] as const;
