/** Theorem 2 (proof), section 3.2: κ^n treated as small, finite and independent of η. */
import { claim } from '../src/claims/schema.ts';
import { KAPPA_INDEPENDENT_OF_NOISE } from './_data/assumptions.ts';
import { w, x, y } from './variables.ts';

export const thm2KappaIndependent = claim({
  id: 'thm2-kappa-independent',
  title: 'κ^n "sufficiently small but takes a finite value independent of η"',
  statement:
    'With κ^n ≡ g^n − 1 = exp(−y^n w·(x^n + η^n)), the proof of Theorem 2 considers κ^n sufficiently small but finite and independent of η, so that the expected Hessian term E[κ/(1+κ)² (x+η)(x+η)ᵀ] factorises as E[κ/(1+κ)²]·(xxᵀ + (ε²/3) I).',
  location: { section: '3.2', equation: '(15)' },
  kind: 'kappa-independence',
  category: 'derivation',
  latex: [
    { at: { anchor: 'where gn' }, role: 'definition', parse: false, modelled: '0f527074334739ba' },
    { at: { anchor: 'becomes zero as' }, role: 'definition', parse: false, modelled: '100607896697ffff' },
    {
      at: { anchor: 'where gn', equation: '(14)', blockRows: 1 },
      role: 'hessian',
      parse: false,
      modelled: 'f524f6338d4ee733',
    },
  ],
  quote:
    'Let us consider the case where κnsuperscript𝜅𝑛\\kappa^{n} is sufficiently small but takes a finite value independent of 𝜼𝜼{\\bm{\\eta}}.',
  variables: [
    {
      ...x,
      description:
        'data point x^n = x0 + t·w: x0 drawn from [−2, 2]^d, then moved along w so that y w·x^n = 4 (it may leave [−2, 2]^d)',
    },
    y,
    w,
    {
      symbol: '\\varepsilon',
      name: 'eps',
      domain: { type: 'interval', lo: 0, hi: 10, loOpen: true, hiOpen: false },
      description: 'noise radius ε = (ε‖w‖₁)/‖w‖₁ over the scanned scales',
    },
  ],
  assumptions: [
    'η has independent components η_i ~ U(−ε, ε), independent of x (thm2-uniform-variance)',
    'κ small: the points are taken with margin y w·x = 4 (κ = e^−4 without noise)',
    'the claim is read as: the factorisation holds to 5 % whenever ε‖w‖₁ ≤ 0.1',
  ],
  dependsOn: ['thm2-uniform-variance'],
  params: { assumption: KAPPA_INDEPENDENT_OF_NOISE, tolerance: 0.05 },
});
