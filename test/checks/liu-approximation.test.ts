/**
 * The `liu-approximation` checker reads the vector term of Section 4.1's printed loss as each listed scalar, in the
 * printed LaTeX itself: as printed (with the factor y^n) every reading differs from Eq. (7) at y cos θ = 1 (refuted,
 * correction confirmed); without the factor the norm-product reading is that loss (confirmed alone, holds-under with
 * a failing second reading).
 */
import { describe, expect, it } from 'vitest';
import { sec41LiuApproximation } from '../../proofs/sec41-liu-approximation.ts';
import { recorded } from './verdict-classes.ts';
import { onlyReadings } from './reading-helpers.ts';
import { symbolicVerdict } from './symbolic-helpers.ts';
import { printedFragments } from '../paper/shipped.ts';

const verdictOf = recorded('liu-approximation', symbolicVerdict);
const WITHOUT_Y = String.raw`\frac{1}{N}\sum_{n}\log\left(1+\exp\left(-y^{n}{\bm{w}}\cdot{\bm{x}}^{n}+{\bm{\eta}}^{n}\right)\right)`;
const withoutY = {
  ...sec41LiuApproximation,
  latex: printedFragments(sec41LiuApproximation).map((f) => (f.role === 'liu' ? { ...f, printed: WITHOUT_Y } : f)),
};

describe('liu-approximation checker', () => {
  it('refutes the printed form under every reading, with the correction confirmed and unboundedness shown', async () => {
    const v = await verdictOf(sec41LiuApproximation);
    expect(v.status).toBe('refuted');
    if (v.status !== 'refuted') return;
    expect(v.correction).toMatchObject({
      latex: (sec41LiuApproximation.params as { correction: { latex: string } }).correction.latex,
      check: 'confirmed',
    });
    expect(v.evidence.details?.join('\n')).toMatch(/decreasing without bound/);
  });

  it('without the factor y^n: holds under the norm-product reading, confirmed when it is the only one', async () => {
    const both = await verdictOf(withoutY);
    expect(both.status).toBe('holds-under');
    if (both.status === 'holds-under')
      expect(both.condition).toMatchObject({ kind: 'reading', reading: { id: 'norm-product' } });
    const one = await verdictOf(withoutY, onlyReadings(sec41LiuApproximation, 'norm-product'));
    expect(one.status).toBe('confirmed');
  });
});
