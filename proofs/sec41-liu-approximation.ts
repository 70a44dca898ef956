/** Section 4.1: the printed form of Liu et al.'s approximated loss. */
import { claim } from '../src/claims/schema.ts';
import { N, c, eps, eta, w, x, y } from './variables.ts';
import { EQ7_LINE2 } from './_data/formulas.ts';

export const sec41LiuApproximation = claim({
  id: "sec41-liu-approximation",
  title: "Liu et al.'s approximated loss",
  statement: "Liu et al. (2020) used the approximation L_η = (1/N) Σ_n y^n log(1 + exp(−y^n w·x^n + η^n)).",
  location: {
    section: "4.1",
  },
  kind: "liu-approximation",
  quote: "used an approximation of the loss function as",
  latex: [
    {
      printed: String.raw`\frac{1}{N}\sum_{n}y^{n}\log\left(1+\exp\left(-y^{n}{\bm{w}}\cdot{\bm{x}}^{n}+{\bm{\eta}}^{n}\right)\right)`,
      role: "liu",
    },
    {
      printed: EQ7_LINE2,
      role: "eq7",
    },
  ],
  dependsOn: [
    "sec41-robust-loss",
  ],
  params: {
    scalarReading: String.raw`\frac{1}{N}\sum_{n}y^{n}\log\left(1+\exp\left(-y^{n}\bm{w}\cdot\bm{x}^{n}+\varepsilon\left\|\bm{w}\right\|\right)\right)`,
    exact: String.raw`\frac{1}{N}\sum_{n}\log\left(1+\exp\left(-y^{n}\bm{w}\cdot\bm{x}^{n}+\varepsilon\left\|\bm{w}\right\|\right)\right)`,
  },
  variables: [w, x, y, eta, eps, N, c],
});
