/** Remark after Theorem 2, section 3.2: Gaussian and L2-constrained random noise. */
import { claim } from '../src/claims/schema.ts';

export const thm2GaussianRemark = claim({
  id: 'thm2-gaussian-remark',
  title: 'Gaussian noise η ∼ N(0, σI): "the same conclusion holds when the noise is L2 norm constrained"',
  statement:
    'Theorem 2 holds for any random noise with zero mean whose variance increases with its norm; for example, for Gaussian noise η ∼ N(0, σI) the same conclusion holds when the noise is L2-norm constrained.',
  location: { section: '3.2' },
  kind: 'gaussian-remark',
  category: 'result',
  latex: [
    { at: { anchor: 'considering Gaussian noise' }, role: 'distribution', parse: false, modelled: 'fc96f7d355195d71' },
  ],
  quote:
    'For example, considering Gaussian noise 𝜼N(0,σI)similar-to𝜼𝑁0𝜎𝐼\\bm{\\eta}\\sim N\\left(0,\\sigma I\\right), the same conclusion holds when the noise is L2subscript𝐿2L_{{\\rm 2}} norm constrained.',
  variables: [
    {
      symbol: '\\sigma',
      name: 'sigma',
      domain: { type: 'interval', lo: 0, hi: 1, loOpen: true, hiOpen: false },
      description: 'Gaussian scale σ > 0 (σI read as the covariance)',
    },
    {
      symbol: '\\varepsilon',
      name: 'eps',
      domain: { type: 'interval', lo: 0, hi: 1, loOpen: true, hiOpen: false },
      description: 'L2 radius ε of the uniform-in-ball noise (section 5: up to 1)',
    },
    {
      symbol: 'd',
      name: 'd',
      domain: { type: 'integer', min: 1, max: 784 },
      description: 'input dimension d (MNIST: 784)',
    },
  ],
  assumptions: [
    'the two ingredients of the argument: zero mean, and a second moment that grows with the noise scale',
    'section 5: "For random noise, we used uniformly distributed noise that is constrained in the L2 or L∞ norm" — read as uniform in the closed ball',
  ],
  dependsOn: ['thm2-uniform-variance'],
  params: {
    sigmaReading: 'variance',
    l2Dims: [2, 3, 784],
    l2Eps: '1',
    readings: {
      convention: 'thm2-gaussian-remark',
      question: 'which noise is "L2 norm constrained" in the Gaussian example?',
      readings: [
        {
          id: 'gaussian-constrained',
          statement: 'the Gaussian N(0, σI) itself is the L2-norm-constrained noise',
          noise: 'gaussian-constrained',
        },
        {
          id: 'truncated-gaussian',
          statement: 'a Gaussian N(0, σI) restricted to an L2 ball',
          noise: 'truncated-gaussian',
        },
        {
          id: 'two-examples',
          statement:
            'two examples: Gaussian noise N(0, σI), and noise constrained in the L2 norm (uniform in the closed L2 ball)',
          noise: 'two-examples',
        },
      ],
    },
  },
});
