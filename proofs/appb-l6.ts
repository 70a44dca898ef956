/** Appendix B, line 6: the Hessian at w* after the optimality condition removes the second term. */
import { claim } from '../src/claims/schema.ts';
import { N, c, eta, optimalityCondition, w, ws, x, y } from './variables.ts';

export const appbL6 = claim({
  id: "appb-l6",
  title: "Appendix B Hessian at w*, line 6",
  statement: "Line 6 of Appendix B equals ∂²L_η/∂w_i∂w_j at w* under the optimality condition.",
  location: {
    section: "Appendix B",
    line: 6,
  },
  kind: "derivative",
  latex: [
    {
      printed: String.raw`\frac{1}{N}\!\sum_{n}\!\log\!\left(\!1\!+\!\exp\!\left(\!-y^{n}\!\bm{w}\!\cdot\!\bm{x}^{n}\!+\!y^{n}\!\left\|\!\bm{w}\!\right\|\left\|\!\bm{\eta}^{n}\!\right\|\!\cos\!\theta^{n}\!\right)\!\right)`,
      role: "base",
    },
    {
      printed: String.raw`\frac{1}{N}\sum_{n}\frac{\frac{\left\|{\bm{\eta}}^{n}\right\|}{\left\|{\bm{w}}^{\ast}\right\|}\left(\delta_{ij}-\frac{w_{i}^{\ast}w_{j}^{\ast}}{\left\|{\bm{w}}^{\ast}\right\|^{2}}\right)}{\left(1+\exp\left(\left(\sum_{i}\text{$y^{n}$}w_{i}^{\ast}x_{i}^{n}-\left\|{\bm{w}}^{\ast}\right\|\left\|{\bm{\eta}}^{n}\right\|\right)\right)\right)}`,
      role: "rhs",
    },
  ],
  assumptions: [
    "the per-point optimality condition",
  ],
  dependsOn: [
    "appb-l5",
    "sec3-optimality-condition",
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
