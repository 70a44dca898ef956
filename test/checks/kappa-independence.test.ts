/**
 * Proves the `kappa-independence` checker on Theorem 2's "κ^n … independent of η": the factorisation
 * E[κ/(1+κ)²(x+η)(x+η)ᵀ] ≈ E[κ/(1+κ)²](xxᵀ + ε²/3 I) holds only for ε‖w‖₁ ≪ 1 (error growing with ε‖w‖₁, quadrature
 * converged), with a large-error witness and the assumption checked at real optima; a tolerance the regime misses
 * refutes it, one every scale meets confirms it.
 */
import { describe, expect, it } from 'vitest';
import { kappaIndependence } from '../../checks/kappa-independence.ts';
import { thm2KappaIndependent } from '../../proofs/thm2-kappa-independent.ts';
import { verdictOf as runVerdict } from './meaning-helpers.ts';
import { recorded } from './verdict-classes.ts';

const verdictOf = recorded('kappa-independence', runVerdict);

describe('kappa-independence (Theorem 2)', () => {
  it('holds under ε‖w‖₁ ≪ 1, the error growing with ε‖w‖₁', async () => {
    const v = await verdictOf(kappaIndependence, thm2KappaIndependent, { mcSamples: 5000, quadratureNodes: 16 });
    expect(v.status).toBe('holds-under');
    if (v.status !== 'holds-under') return;
    expect(v.condition.kind).toBe('assumption');
    if (v.condition.kind === 'assumption') {
      expect(v.condition.assumption).toMatchObject({ id: 'kappa-independent-of-noise', source: { kind: 'paper' } });
      expect(v.condition.check.whereItMatters.status).toBe('no');
    }
    const data = v.evidence.data as { byScale: { scale: number; maxRel: number }[]; quadratureAccuracy: number };
    const rels = data.byScale.map((b) => b.maxRel);
    for (let i = 1; i < rels.length; i++) expect(rels[i]!).toBeGreaterThan(rels[i - 1]!);
    expect(data.byScale.find((b) => b.scale === 0.1)!.maxRel).toBeLessThan(0.01);
    expect(data.byScale.find((b) => b.scale === 3)!.maxRel).toBeGreaterThan(0.2);
    expect(data.quadratureAccuracy).toBeLessThan(1e-6);
    expect(v.witness?.point['eps*||w||_1']).toBe('3');
  });

  it('refutes the factorisation at a tolerance (1e-7) that even ε‖w‖₁ ≤ 0.1 misses', async () => {
    const v = await verdictOf(kappaIndependence, thm2KappaIndependent, {
      tolerance: 1e-7,
      mcDims: [],
      quadratureNodes: 16,
    });
    expect(v.status).toBe('refuted');
  });

  it('confirms it at a tolerance (10) every scale meets', async () => {
    const v = await verdictOf(kappaIndependence, thm2KappaIndependent, {
      tolerance: 10,
      mcDims: [],
      quadratureNodes: 16,
    });
    expect(v.status).toBe('confirmed');
  });
});
