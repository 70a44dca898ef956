/** Eq. (7): the loss with the perturbation written through ‖w‖‖η^n‖cos θ^n. */
import { claim } from '../src/claims/schema.ts';
import { N, c, eta, w, x, y } from './variables.ts';
import { EQ7_LINE1, EQ7_LINE2 } from './_data/formulas.ts';

export const eq07CosTheta = claim({
  id: "eq07-cos-theta",
  title: "Loss written with cos θ",
  statement: "Σ log(1+exp(−y w·(x+η))) = Σ log(1+exp(−y w·x + y‖w‖‖η‖cos θ)).",
  location: {
    section: "3.2",
    equation: "(7)",
  },
  kind: "identity",
  latex: [
    {
      printed: EQ7_LINE1,
      role: "lhs",
    },
    {
      printed: EQ7_LINE2,
      role: "rhs",
    },
  ],
  assumptions: [
    "θ^n is \"the angle\" of η^n; the paper does not say with respect to what",
  ],
  dependsOn: [
    "eq01-logistic-loss",
  ],
  params: {
    readings: [
      {
        statement: "θ^n is the angle between w and η^n (cos θ^n = w·η^n/(‖w‖‖η^n‖))",
        substitutions: [
          {
            target: "c_{n}",
            expr: "DOT(w, eta_{n}) / (NORM(w) * NORM(eta_{n}))",
          },
        ],
      },
      {
        statement: "θ^n is the angle between −w and η^n (cos θ^n = −w·η^n/(‖w‖‖η^n‖))",
        substitutions: [
          {
            target: "c_{n}",
            expr: "-DOT(w, eta_{n}) / (NORM(w) * NORM(eta_{n}))",
          },
        ],
      },
    ],
  },
  variables: [w, x, y, eta, N, c],
});
