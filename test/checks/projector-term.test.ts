/**
 * The `projector-term` checker: at per-point stationary weights the L2-robust loss has a top Hessian eigenvalue
 * ε/(2‖w‖) that grows with ε (confirmed), while the L∞-robust loss has a zero Hessian there (refuted): Theorem 1's
 * mechanism does not carry over to L∞.
 */
import { describe, expect, it } from 'vitest';
import { sec51LinfMechanism } from '../../proofs/sec51-linf-mechanism.ts';
import { recorded } from './verdict-classes.ts';
import { symbolicVerdict } from './symbolic-helpers.ts';

const verdictOf = recorded('projector-term', symbolicVerdict);

describe('projector-term checker', () => {
  it('refutes the mechanism for the L∞-robust loss: the Hessian vanishes at per-point stationary weights', async () => {
    const v = await verdictOf(sec51LinfMechanism);
    expect(v.status).toBe('refuted');
    if (v.status !== 'refuted') return;
    expect(v.witness.ourValue).toMatch(/^top eigenvalue 0 at ε = 0.05/);
    const mech = (v.evidence.details ?? [])
      .map((l) => /λmax\(H − H_fixed-example\) = ([-\d.e]+)/.exec(l)?.[1])
      .filter((x) => x !== undefined)
      .map(Number);
    for (const m of mech) expect(Math.abs(m)).toBeLessThan(1e-12);
  });

  it('confirms it for the L2-robust loss: ε/(2‖w‖), growing with ε', async () => {
    const v = await verdictOf(sec51LinfMechanism, {
      loss: 'log(1 + exp(-y_{n} * DOT(w, x_{n}) + eps * NORM(w)))',
      stationary: [{ target: 'x_{k}_{n}', expr: 'y_{n} * eps * w_{k} / NORM(w)' }],
      optima: 'l2',
    });
    expect(v.status).toBe('confirmed');
    // At real L2 optima the term the moving perturbation adds is positive; for L∞ it is round-off.
    const mech = (v.evidence.details ?? [])
      .map((l) => /λmax\(H − H_fixed-example\) = ([-\d.e]+)/.exec(l)?.[1])
      .filter((x) => x !== undefined)
      .map(Number);
    expect(mech.length).toBe(4);
    for (const m of mech) expect(m).toBeGreaterThan(1e-4);
  });
});
