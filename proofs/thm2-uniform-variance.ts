/** Theorem 2 (proof), section 3.2: the moments of the uniform noise η_i ~ U(−ε, ε). */
import { claim } from '../src/claims/schema.ts';

export const thm2UniformVariance = claim({
  id: 'thm2-uniform-variance',
  title: 'Uniform noise: lim (1/N) Σ η_i^n η_j^n = (ε²/3) δ_ij, zero mean, uncorrelated with x',
  statement:
    'For η_i ~ U(−ε, ε), x and η are uncorrelated and the mean of η is zero, lim (1/N) Σ_n η_i^n x_j^n = 0, and the variance of the noise is lim (1/N) Σ_n η_i^n η_j^n = (ε²/3) δ_ij.',
  location: { section: '3.2', equation: '(15)' },
  kind: 'noise-moment',
  category: 'derivation',
  latex: [
    {
      at: { anchor: 'The eigenvalues of the Hessian matrix of this model converge', item: -1 },
      role: 'distribution',
      parse: false,
      modelled: 'b6a73135ccfaae0d',
    },
    { at: { anchor: 'and the mean of', item: 2 }, role: 'uncorrelated', parse: false, modelled: '8e63281bd0ba9ae9' },
    {
      at: { anchor: 'and the variance of the noise is' },
      role: 'second-moment',
      parse: false,
      modelled: '65e2763ce5f10069',
    },
  ],
  quote:
    'the variance of the noise is limN1Nnηinηjn=ε23δijsubscript𝑁1𝑁subscript𝑛superscriptsubscript𝜂𝑖𝑛superscriptsubscript𝜂𝑗𝑛superscript𝜀23subscript𝛿𝑖𝑗\\lim_{N\\rightarrow\\infty}\\frac{1}{N}\\sum_{n}\\eta_{i}^{n}\\eta_{j}^{n}=\\frac{\\varepsilon^{2}}{3}\\delta_{ij}.',
  variables: [
    {
      symbol: '\\varepsilon',
      name: 'eps',
      domain: { type: 'interval', lo: 0, hi: 1, loOpen: true, hiOpen: false },
      description: 'noise radius ε ∈ (0, 1]',
    },
    {
      symbol: '\\eta_{i}',
      name: 'eta',
      domain: { type: 'interval', lo: -1, hi: 1, loOpen: false, hiOpen: false },
      description: 'noise component η_i ∈ [−ε, ε]',
    },
  ],
  assumptions: [
    'the components η_i are independent of each other and of the data x',
    'the limit is the almost-sure limit of the sample average (strong law of large numbers); the noise is not clipped to the pixel range',
  ],
  params: {
    coefficient: '1/3',
    epsValues: ['1/10', '3/10', '1', '16/255'],
    correction: { statement: 'lim (1/N) Σ_n η_i^n η_j^n = {{coefficient}}·ε² δ_ij for η_i ~ U(−ε, ε) independent' },
  },
});
