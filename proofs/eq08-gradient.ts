/** Eq. (8): the gradient of the robust loss. */
import { claim } from '../src/claims/schema.ts';
import { N, c, eta, w, x, y } from './variables.ts';

export const eq08Gradient = claim({
  id: "eq08-gradient",
  title: "Gradient of the robust loss",
  statement: "∂L_η/∂w_i as printed in Eq. (8).",
  location: {
    section: "3.2",
    equation: "(8)",
  },
  kind: "derivative",
  latex: [
    {
      printed: String.raw`\frac{1}{N}\!\sum_{n}\!\log\!\left(\!1\!+\!\exp\!\left(\!-y^{n}\!\bm{w}\!\cdot\!\bm{x}^{n}\!+\!y^{n}\!\left\|\!\bm{w}\!\right\|\left\|\!\bm{\eta}^{n}\!\right\|\!\cos\!\theta^{n}\!\right)\!\right)`,
      role: "base",
    },
    {
      printed: String.raw`\!\frac{1}{N}\!\sum_{n}\!\frac{\!\left(\!-y^{n}\!x_{i}^{n}\!+\!\frac{w_{i}}{\left\|\bm{w}\right\|}\!\left\|\!\bm{\eta}^{n}\!\right\|\!\right)\!\exp\!\left(\!-y^{n}\!\bm{w}\!\cdot\!\bm{x}^{n}\!+\left\|\bm{w}\right\|\left\|\bm{\eta}^{n}\!\right\|\!\right)}{\left(1+\exp\left(y^{n}\bm{w}\cdot\bm{x}^{n}-\left\|\bm{w}\right\|\left\|\bm{\eta}^{n}\right\|\right)\right)}`,
      role: "rhs",
    },
  ],
  assumptions: [
    "y^n cos θ^n = 1 (Lemma 1), ‖η^n‖ independent of w",
  ],
  dependsOn: [
    "sec41-robust-loss",
  ],
  params: {
    wrt: [
      "w_{i}",
    ],
    indices: [
      "i",
    ],
    baseSubstitutions: [
      {
        target: "c_{n}",
        expr: "y_{n}",
      },
    ],
    derived: String.raw`\frac{1}{N}\sum_{n}\frac{-y^{n}x_{i}^{n}+\frac{w_{i}}{\left\|\bm{w}\right\|}\left\|\bm{\eta}^{n}\right\|}{1+\exp\left(y^{n}\bm{w}\cdot\bm{x}^{n}-\left\|\bm{w}\right\|\left\|\bm{\eta}^{n}\right\|\right)}`,
    correction: String.raw`\frac{1}{N}\sum_{n}\frac{-y^{n}x_{i}^{n}+\frac{w_{i}}{\left\|\bm{w}\right\|}\left\|\bm{\eta}^{n}\right\|}{1+\exp\left(y^{n}\bm{w}\cdot\bm{x}^{n}-\left\|\bm{w}\right\|\left\|\bm{\eta}^{n}\right\|\right)}`,
  },
  variables: [w, x, y, eta, N, c],
});
