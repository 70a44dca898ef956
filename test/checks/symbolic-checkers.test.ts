/**
 * The symbolic checkers decide both ways: each is run on a small hand-made claim that is right and on one that is
 * wrong, so none can pass vacuously.
 */
import { describe, expect, it } from 'vitest';
import { loadClaim } from '../../src/claims/load.ts';
import type { ClaimRecordInput } from '../../src/claims/schema.ts';
import type { Checker } from '../../src/claims/checker.ts';
import { checkers } from '../../checks/index.ts';
import { defaultEngines } from '../../src/engines/index.ts';
import { w, x, y, eta, N, ws } from '../../proofs/variables.ts';

const byKind = new Map(checkers.map((c) => [c.kind, c]));
const ctx = { seed: 7, engines: defaultEngines(), dims: [2, 3], points: [2] };

async function verdictOf(record: ClaimRecordInput) {
  const claim = loadClaim(record, byKind);
  const checker = byKind.get(claim.kind) as Checker<unknown>;
  return checker.check(claim, checker.params.parse(claim.params), ctx);
}

const LOSS = String.raw`\frac{1}{N}\sum_{n}\log\left(1+\exp\left(-y^{n}\bm{w}\cdot\bm{x}^{n}\right)\right)`;
const GRAD = String.raw`\frac{1}{N}\sum_{n}\frac{-y^{n}x_{i}^{n}}{1+\exp\left(y^{n}\bm{w}\cdot\bm{x}^{n}\right)}`;
const WRONG = String.raw`\frac{1}{N}\sum_{n}\frac{y^{n}x_{i}^{n}}{1+\exp\left(y^{n}\bm{w}\cdot\bm{x}^{n}\right)}`;

const gradientClaim = (printed: string): ClaimRecordInput => ({
  id: 'test-gradient',
  title: 't',
  statement: 't',
  location: { section: 'test' },
  kind: 'derivative',
  latex: [{ printed: LOSS, role: 'base' }, { printed, role: 'rhs' }],
  variables: [w, x, y, N],
  params: { wrt: ['w_{i}'], indices: ['i'], derived: GRAD, correction: GRAD },
});

describe('derivative checker', () => {
  it('confirms the logistic gradient and agrees with the finite-difference oracle', async () => {
    const v = await verdictOf(gradientClaim(GRAD));
    expect(v.status).toBe('confirmed');
    expect(v.engines?.find((e) => e.engine.startsWith('finite'))?.agrees).toBe(true);
  });

  it('refutes a sign error with a witness and confirms the correction', async () => {
    const v = await verdictOf(gradientClaim(WRONG));
    expect(v.status).toBe('refuted');
    if (v.status !== 'refuted') return;
    expect(Number(v.witness.paperValue)).toBeCloseTo(-Number(v.witness.ourValue), 10);
    expect(v.correction?.check).toBe('confirmed');
  });
});

describe('identity checker', () => {
  const projector = (vec: string): ClaimRecordInput => ({
    id: 'test-identity',
    title: 't',
    statement: 't',
    location: { section: 'test' },
    kind: 'identity',
    latex: [{ printed: String.raw`\sum_{j}\left(\delta_{ij}-\frac{w_{i}^{\ast}w_{j}^{\ast}}{\left\|\bm{w}^{\ast}\right\|^{2}}\right)${vec}`, role: 'lhs' }],
    variables: [w, ws],
    params: { indices: ['i'], rhsLiteral: '0' },
  });

  it('confirms (I − ŵ*ŵ*ᵀ) w* = 0 and refutes (I − ŵ*ŵ*ᵀ) w = 0 for an unrelated w', async () => {
    expect((await verdictOf(projector('w_{j}^{\\ast}'))).status).toBe('confirmed');
    expect((await verdictOf(projector('w_{j}'))).status).toBe('refuted');
  });
});

describe('condition handling', () => {
  it('reports holds-under with the forced consequences when a formula holds only under the optimality condition', async () => {
    const v = await verdictOf({
      id: 'test-condition',
      title: 't',
      statement: 't',
      location: { section: 'test' },
      kind: 'identity',
      latex: [{ printed: String.raw`\left\|\bm{x}^{n}\right\|`, role: 'lhs' }, { printed: String.raw`\left\|\bm{\eta}^{n}\right\|`, role: 'rhs' }],
      variables: [x, eta, ws, y],
      params: {
        readings: [
          { statement: 'x and η unrelated', substitutions: [] },
          { statement: 'x^n = y^n ‖η^n‖ w*/‖w*‖', substitutions: [{ target: 'x_{k}_{n}', expr: 'y_{n} * NORM(eta_{n}) * ws_{k} / NORM(ws)' }] },
        ],
      },
    });
    expect(v.status).toBe('holds-under');
  });
});
