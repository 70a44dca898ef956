/** Eq. (6), section 2.4: filter-wise normalisation of the landscape direction h (Li et al. 2018). */
import { claim } from '../src/claims/schema.ts';
import { eps, w, x, y } from './variables.ts';

export const eq06FilterNormalisation = claim({
  id: 'eq06-filter-normalisation',
  title: 'Filter normalisation h^{(l,m)} ← h^{(l,m)}/‖h^{(l,m)}‖_F·‖w^{(l,m)}‖_F; Frobenius = L2 for w ∈ ℝ^{1×d}',
  statement:
    'Each filter of the Gaussian direction h is rescaled to the Frobenius norm of the corresponding weight filter; in logistic regression w ∈ ℝ^{1×d} is one filter and the Frobenius norm equals the L2 norm.',
  location: { section: '2.4', equation: '(6)' },
  kind: 'filter-normalisation',
  category: 'derivation',
  latex: [
    {
      at: {
        anchor: 'is sampled from a Gaussian distribution and filter-wise normalized by',
        equation: '(6)',
        blockRows: 1,
      },
      role: 'update',
      parse: false,
      modelled: '15a2e92580a63f43',
    },
    {
      at: { anchor: 'in logistic regression because', item: 2 },
      role: 'shape',
      parse: false,
      modelled: 'a967efb78c350798',
    },
  ],
  quote: 'We note that the Frobenius norm is equal to the L2subscript𝐿2L_{\\rm 2} norm in logistic regression because',
  variables: [
    x,
    y,
    w,
    eps,
    {
      symbol: '\\bm{h}',
      name: 'h',
      domain: { type: 'vector', lo: -4, hi: 4, minNorm: 0.1 },
      description: 'direction h ~ N(0, I) before normalisation',
    },
  ],
  assumptions: [
    'h is drawn from N(0, I) (so ‖h‖ > 0 almost surely)',
    'the curvature check uses the Hessian of the L2 robust loss (1/N)Σ softplus(−y w·x + ε‖w‖₂), ε ∈ {0, 0.5}',
  ],
  dependsOn: ['eq05-landscape-max-outside-sum'],
  params: { scale: 'weight-norm', curvaturePower: 2 },
});
