/** Appendix B, line 1 of the Hessian derivation (general w). */
import { claim } from '../src/claims/schema.ts';
import { N, c, eta, w, x, y } from './variables.ts';
import { APPB_LINE1_ROWS, EQ7_LINE2, HESSIAN_PARAMS } from './_data/formulas.ts';

export const appbL1 = claim({
  id: "appb-l1",
  title: "Appendix B Hessian, line 1",
  statement: "Line 1 of Appendix B equals ∂²L_η/∂w_i∂w_j of the robust loss.",
  location: {
    section: "Appendix B",
    line: 1,
  },
  kind: "derivative",
  category: 'derivation',
  quote: 'The Hessian matrix of loss along weight',
  latex: [
    {
      printed: EQ7_LINE2,
      role: "base",
    },
    ...APPB_LINE1_ROWS.map((printed) => ({ printed, role: "rhs" })),
  ],
  dependsOn: [
    "eq08-gradient",
  ],
  params: HESSIAN_PARAMS,
  variables: [w, x, y, eta, N, c],
});
