/**
 * The `identity` checker decides each reading and combines them by the readings rule: a projector identity is
 * confirmed or refuted, and a formula that is equal only under a second reading holds under that reading.
 */
import { describe, expect, it } from 'vitest';
import { eta, w, ws, x, y } from '../../proofs/variables.ts';
import { eq07CosTheta } from '../../proofs/eq07-cos-theta.ts';
import { recorded } from './verdict-classes.ts';
import { symbolicVerdict, testRecord } from './symbolic-helpers.ts';

const verdictOf = recorded('identity', symbolicVerdict);

const projector = (vec: string) =>
  testRecord('identity', {
    latex: [
      {
        printed: String.raw`\sum_{j}\left(\delta_{ij}-\frac{w_{i}^{\ast}w_{j}^{\ast}}{\left\|\bm{w}^{\ast}\right\|^{2}}\right)${vec}`,
        role: 'lhs',
      },
    ],
    variables: [w, ws],
    params: { indices: ['i'], rhsLiteral: '0' },
  });

describe('identity checker', () => {
  it('confirms (I − ŵ*ŵ*ᵀ) w* = 0 and refutes (I − ŵ*ŵ*ᵀ) w = 0 for an unrelated w', async () => {
    expect((await verdictOf(projector('w_{j}^{\\ast}'))).status).toBe('confirmed');
    const v = await verdictOf(projector('w_{j}'));
    expect(v.status).toBe('refuted');
    if (v.status === 'refuted') expect(v.witness.enclosure?.excludesZero).toBe(true);
  });

  it('holds under the reading that makes the sides equal, with every reading decided', async () => {
    const v = await verdictOf(
      testRecord('identity', {
        latex: [
          { printed: String.raw`\left\|\bm{x}^{n}\right\|`, role: 'lhs' },
          { printed: String.raw`\left\|\bm{\eta}^{n}\right\|`, role: 'rhs' },
        ],
        variables: [x, eta, ws, y],
        params: {
          readings: {
            convention: 'test-identity',
            question: 'how are x and η related?',
            readings: [
              { id: 'unrelated', statement: 'x and η unrelated', literal: true, substitutions: [] },
              {
                id: 'aligned',
                statement: 'x^n = y^n ‖η^n‖ w*/‖w*‖',
                substitutions: [{ target: 'x_{k}_{n}', expr: 'y_{n} * NORM(eta_{n}) * ws_{k} / NORM(ws)' }],
              },
            ],
          },
        },
      }),
    );
    expect(v.status).toBe('holds-under');
    if (v.status !== 'holds-under') return;
    expect(v.condition).toMatchObject({ kind: 'reading', convention: 'test-identity', reading: { id: 'aligned' } });
    expect(v.readings?.outcomes.map((o) => o.outcome)).toEqual(['fails', 'holds']);
  });

  it('Eq. (7) (regression): fails with θ measured from w, holds with θ measured from −w', async () => {
    const v = await verdictOf(eq07CosTheta);
    expect(v.status).toBe('holds-under');
    if (v.status === 'holds-under')
      expect(v.condition).toMatchObject({
        kind: 'reading',
        convention: 'theta',
        reading: { id: 'theta-from-minus-w' },
      });
  });
});
