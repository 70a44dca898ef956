/**
 * Section 5.1 ("Eigenvalue of Hessian matrix", Fig. 3): "the eigenvalues are nearly linear with respect to epsilon",
 * re-measured: a least-squares line through each of the top three eigenvalues against ε, for both Hessians.
 */
import { claim } from '../src/claims/schema.ts';

/** λ1, λ2, λ3 against ε: R² and maximal relative deviation from the fitted line, within the thresholds below. */
export const fig3NearlyLinear = claim({
  id: 'fig3-nearly-linear',
  title: 'Fig. 3: eigenvalues nearly linear in ε',
  statement: 'The top three Hessian eigenvalues of the PGD-trained MNIST2 models are nearly linear in ε (L2 and L∞).',
  location: { section: '5.1', table: 'Figure 3' },
  kind: 'mnist2-sharpness',
  category: 'result',
  quote:
    'These figures show that the eigenvalues are nearly linear with respect to epsilon, as in our theoretical analysis.',
  assumptions: [
    '"nearly linear" is read as: the least-squares line through (ε, λ_k) has R² ≥ 0.95 and no point deviates from it by more than 10 % of the largest λ_k (params minR2, maxRelDeviation)',
    'decided for λ1, λ2 and λ3 of both the robust-loss Hessian and the fixed-example Hessian, on every adversarial ε of each norm with the standard model at ε = 0',
  ],
  dependsOn: ['fig3-eigen-grow-with-eps'],
  measurements: ['mnist2'],
  params: {
    form: 'eigen-linear',
    norms: ['l2', 'linf'],
    hessians: ['robust', 'fixed-example'],
    top: 3,
    minR2: {
      value: 0.95,
      band: 0.02,
      source: {
        kind: 'claimcheck',
        reason: '"nearly linear" gives no number; a line that explains 95 % of the variance of the eigenvalues over ε',
      },
    },
    maxRelDeviation: {
      value: 0.1,
      band: 0.02,
      source: {
        kind: 'claimcheck',
        reason: 'no eigenvalue more than 10 % of the largest one off the fitted line',
      },
    },
    minCells: 3,
    readings: [
      {
        id: 'every-eps',
        statement: "the top three eigenvalues over every ε of the paper's grids (L2 0 to 1, L∞ 0 to 76.5/255)",
      },
      {
        id: 'small-linf-eps',
        statement: 'the top three eigenvalues over the ε range of Fig. 2 and Table 4 (L∞ up to 16/255; L2 every ε)',
        eps: { linf: [0, 4 / 255, 8 / 255, 12 / 255, 16 / 255] },
      },
      {
        id: 'top-eigenvalue',
        statement: 'the top eigenvalue λ1 only (the one Theorem 1 and Eq. (9) are about), over every ε',
        top: 1,
      },
    ],
  },
});
