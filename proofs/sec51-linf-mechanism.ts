/**
 * §5.1 and Figs. 2, 3(b), 5, Table 3: the L∞ experiments are read "as in our theoretical analysis", whose mechanism
 * (Theorem 1, Eq. (9)) is the ε-growing projector term of the L2-robust Hessian. Does the L∞-robust loss have it?
 */
import { claim } from '../src/claims/schema.ts';
import { y } from './variables.ts';

/** The L∞-robust loss of one point on the orthant w > 0, where ‖w‖₁ = Σ w_i (every other orthant is a sign flip of x and w). */
const LINF_ROBUST_LOSS = 'log(1 + exp(-y_{n} * DOT(w, x_{n}) + eps * SUM(w)))';

export const sec51LinfMechanism = claim({
  id: 'sec51-linf-mechanism',
  title: "Theorem 1's mechanism in the L∞ experiments",
  statement:
    'The L∞ results (Figs. 2, 3(b), 5, Table 3) are "as in our theoretical analysis": the L∞-robust loss has the mechanism of Theorem 1, so at weights where every point is stationary its Hessian has a top eigenvalue that is positive and grows with ε.',
  location: { section: '5.1', table: 'Figure 3' },
  kind: 'projector-term',
  category: 'result',
  quote:
    'These figures show that the eigenvalues are nearly linear with respect to epsilon, as in our theoretical analysis.',
  transcribed: true,
  transcription: LINF_ROBUST_LOSS,
  variables: [
    {
      symbol: '\\bm{w}',
      name: 'w',
      domain: { type: 'vector', lo: 0.1, hi: 2, minNorm: 0.1 },
      description: 'weights on the orthant w > 0',
    },
    y,
  ],
  assumptions: [
    'the inner maximum of the L∞ ball for the linear model is softplus(−y w·x + ε‖w‖₁) (eq04-adversarial-training, L∞ form)',
    'Theorem 1 is proved for L2 only; the claim is that its mechanism carries over to the L∞ experiments the paper reads with it',
  ],
  dependsOn: ['eq04-adversarial-training', 'eq09-hessian-at-optimum'],
  params: {
    loss: LINF_ROBUST_LOSS,
    // x^n = y^n ε·sign(w) makes every point stationary: ∇ = σ(u)(−y^n x^n + ε sign(w)) = 0.
    stationary: [{ target: 'x_{k}_{n}', expr: 'y_{n} * eps' }],
    optima: 'linf',
  },
});
