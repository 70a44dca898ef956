/** Eq. (3), section 2.2: the PGD update with the sign step and the projection Π_ε. */
import { claim } from '../src/claims/schema.ts';
import { w, y } from './variables.ts';

export const eq03PgdStep = claim({
  id: 'eq03-pgd-step',
  title: 'PGD: x^n ← Π_ε(x^n + λ sign(∂ℓ/∂x^n))',
  statement:
    'PGD searches for the adversarial example of Eq. (2) by repeating x^n ← Π_ε(x^n + λ sign(∂ℓ(x^n, y^n, w)/∂x^n)), where λ is the step size and Π_ε the projection to the constrained space.',
  location: { section: '2.2', equation: '(3)' },
  kind: 'pgd-step',
  category: 'derivation',
  latex: [
    {
      at: { anchor: 'uses multi-step search as', equation: '(3)', blockRows: 1 },
      role: 'update',
      parse: false,
      modelled: 'd692029dcd06fc8a',
    },
  ],
  quote: 'where λ𝜆\\lambda is step size and ΠεsubscriptΠ𝜀\\Pi_{\\varepsilon} is projection to constrained space.',
  variables: [
    {
      symbol: '\\bm{x}^{n}',
      name: 'x',
      domain: { type: 'vector', lo: 0, hi: 1, minNorm: 0 },
      description: 'image x^n ∈ [0, 1]^d (pixel range, so clipping applies)',
    },
    y,
    w,
    {
      symbol: '\\varepsilon',
      name: 'eps',
      domain: { type: 'interval', lo: 0, hi: 1, loOpen: true, hiOpen: false },
      description: 'radius ε ∈ (0, 1]',
    },
    {
      symbol: '\\lambda',
      name: 'lambda',
      domain: { type: 'interval', lo: 0, hi: 1, loOpen: true, hiOpen: false },
      description: 'step size λ = factor·ε, factor ∈ (0, 1]',
    },
  ],
  assumptions: [
    'the linear logistic model of Eq. (1), whose input gradient −yσ(·)w has a fixed direction',
    'PGD starts from η = 0 (no random start) so that the step count to the boundary is ceil(ε/λ)',
  ],
  dependsOn: ['eq02-adversarial-example'],
  params: {
    step: 'sign',
    projectAround: 'original',
    readings: {
      convention: 'eq03-pgd-step',
      question: 'for which p of 𝔹_p does Eq. (3) reach the adversarial example of Eq. (2)?',
      readings: [
        { id: 'p-inf', statement: 'p = ∞ (the L∞ experiments)', norm: 'linf' },
        { id: 'p-2', statement: 'p = 2 (the L2 experiments, which the theory is about)', norm: 'l2' },
      ],
    },
    correction: {
      statement:
        'η^n ← Π_{‖η‖_p ≤ ε}(η^n + λ·s) with s = sign(∇ₓℓ) for p = ∞ and s = ∇ₓℓ/‖∇ₓℓ‖₂ for p = 2, keeping x^n fixed and x′ = x^n + η^n (Π_ε centred at the original x^n)',
    },
  },
});
