/** Appendix B, line 8: the Hessian at w* after the optimality condition removes the second term. */
import { claim } from '../src/claims/schema.ts';
import { N, c, eta, w, ws, x, y } from './variables.ts';
import { EQ7_LINE2, HESSIAN_AT_OPTIMUM_PARAMS } from './_data/formulas.ts';

export const appbL8 = claim({
  id: "appb-l8",
  title: "Appendix B Hessian at w*, line 8",
  statement: "Line 8 of Appendix B equals ∂²L_η/∂w_i∂w_j at w* under the optimality condition.",
  location: {
    section: "Appendix B",
    line: 8,
  },
  kind: "derivative",
  category: 'derivation',
  quote: 'eliminate the second terms. The first term is',
  latex: [
    {
      printed: EQ7_LINE2,
      role: "base",
    },
    {
      printed: String.raw`\frac{1}{N}\sum_{n}\frac{\frac{\left\|{\bm{\eta}}^{n}\right\|}{\left\|{\bm{w}}^{\ast}\right\|}\left(\delta_{ij}-\frac{w_{i}^{\ast}w_{j}^{\ast}}{\left\|{\bm{w}}^{\ast}\right\|^{2}}\right)}{\left(1+\exp\left(\text{$y^{n}$}\left\|{\bm{\eta}}^{n}\right\|\left(\frac{\left\|{\bm{w}}^{\ast}\right\|^{2}}{\left\|{\bm{w}}^{\ast}\right\|}-\left\|{\bm{w}}^{\ast}\right\|\right)\right)\right)}`,
      role: "rhs",
    },
  ],
  assumptions: [
    "the per-point optimality condition",
  ],
  dependsOn: [
    "appb-l7",
    "sec3-optimality-condition",
  ],
  params: HESSIAN_AT_OPTIMUM_PARAMS,
  variables: [w, x, y, eta, N, ws, c],
});
