/** Eq. (9): the Hessian of the robust loss at the optimal weight. */
import { claim } from '../src/claims/schema.ts';
import { N, c, eta, optimalityCondition, w, ws, x, y } from './variables.ts';

export const eq09HessianAtOptimum = claim({
  id: "eq09-hessian-at-optimum",
  title: "Hessian at the optimum",
  statement: "At w*, ∂²L_η/∂w_i∂w_j = (1/2N) Σ_n ‖η^n‖/‖w*‖ (δ_ij − w*_i w*_j/‖w*‖²).",
  location: {
    section: "3.2",
    equation: "(9)",
  },
  kind: "derivative",
  latex: [
    {
      printed: String.raw`\frac{1}{N}\!\sum_{n}\!\log\!\left(\!1\!+\!\exp\!\left(\!-y^{n}\!\bm{w}\!\cdot\!\bm{x}^{n}\!+\!y^{n}\!\left\|\!\bm{w}\!\right\|\left\|\!\bm{\eta}^{n}\!\right\|\!\cos\!\theta^{n}\!\right)\!\right)`,
      role: "base",
    },
    {
      printed: String.raw`\frac{1}{2N}\sum_{n}\frac{\left\|{\bm{\eta}}^{n}\right\|}{\left\|{\bm{w}}^{\ast}\right\|}\left(\delta_{ij}-\frac{w_{i}^{\ast}w_{j}^{\ast}}{\left\|{\bm{w}}^{\ast}\right\|^{2}}\right)`,
      role: "rhs",
    },
  ],
  assumptions: [
    "the per-point optimality condition stated before Eq. (9)",
  ],
  dependsOn: [
    "eq08-gradient",
    "sec3-optimality-condition",
    "appb-l9",
  ],
  params: {
    wrt: [
      "w_{i}",
      "w_{j}",
    ],
    indices: [
      "i",
      "j",
    ],
    baseSubstitutions: [
      {
        target: "c_{n}",
        expr: "y_{n}",
      },
    ],
    at: [
      {
        target: "w_{k}",
        expr: "ws_{k}",
      },
    ],
    condition: optimalityCondition,
    derived: String.raw`\frac{1}{N}\sum_{n}\left(\frac{\frac{\left\|\bm{\eta}^{n}\right\|}{\left\|\bm{w}\right\|}\left(\delta_{ij}-\frac{w_{i}w_{j}}{\left\|\bm{w}\right\|^{2}}\right)}{1+\exp\left(y^{n}\bm{w}\cdot\bm{x}^{n}-\left\|\bm{w}\right\|\left\|\bm{\eta}^{n}\right\|\right)}+\frac{\exp\left(y^{n}\bm{w}\cdot\bm{x}^{n}-\left\|\bm{w}\right\|\left\|\bm{\eta}^{n}\right\|\right)\left(y^{n}x_{i}^{n}-\frac{w_{i}}{\left\|\bm{w}\right\|}\left\|\bm{\eta}^{n}\right\|\right)\left(y^{n}x_{j}^{n}-\frac{w_{j}}{\left\|\bm{w}\right\|}\left\|\bm{\eta}^{n}\right\|\right)}{\left(1+\exp\left(y^{n}\bm{w}\cdot\bm{x}^{n}-\left\|\bm{w}\right\|\left\|\bm{\eta}^{n}\right\|\right)\right)^{2}}\right)`,
  },
  variables: [w, x, y, eta, N, ws, c],
});
