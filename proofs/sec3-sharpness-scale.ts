/** After Eq. (11): the PSD projector makes (1/2N)Σ‖η^n‖/‖w*‖ the sharpness. */
import { claim } from '../src/claims/schema.ts';
import { N, eta, ws } from './variables.ts';

export const sec3SharpnessScale = claim({
  id: "sec3-sharpness-scale",
  title: "Top eigenvalue of the Eq. (9) Hessian",
  statement: "The Hessian of Eq. (9) is PSD with top eigenvalue (1/2N) Σ_n ‖η^n‖/‖w*‖ (multiplicity d − 1).",
  location: {
    section: "3.2",
    equation: "(9)–(11)",
  },
  kind: "projector-spectrum",
  category: 'derivation',
  quote: "is positive-semidefinite",
  latex: [
    {
      printed: String.raw`\frac{1}{2N}\sum_{n}\frac{\left\|{\bm{\eta}}^{n}\right\|}{\left\|{\bm{w}}^{\ast}\right\|}\left(\delta_{ij}-\frac{w_{i}^{\ast}w_{j}^{\ast}}{\left\|{\bm{w}}^{\ast}\right\|^{2}}\right)`,
      role: "matrix",
    },
    {
      printed: String.raw`\frac{1}{2N}\sum_{n}\frac{\left\|{\bm{\eta}}^{n}\right\|}{\left\|{\bm{w}}^{\ast}\right\|}`,
      role: "scale",
    },
  ],
  dependsOn: [
    "eq09-hessian-at-optimum",
    "eq11-eigenvalues",
  ],
  params: {
    scale: "scale",
  },
  variables: [ws, eta, N],
});
