/**
 * A holds-under verdict whose assumption cannot hold at all is settled as refuted, with the witness it carried; one
 * whose assumption can hold, or is not shown unsatisfiable, is left as it is.
 */
import { describe, expect, it } from 'vitest';
import { settleVacuous } from '../../src/claims/vacuity.ts';
import type { Answer, Verdict } from '../../src/claims/verdict.ts';

const under = (satisfiable: Answer['status']): Verdict => ({
  claimId: 'c',
  seed: 1,
  checker: 't',
  status: 'holds-under',
  condition: {
    kind: 'assumption',
    assumption: { id: 'a', statement: 'x > 1 and x < 0', source: { kind: 'claimcheck', reason: 'r' } },
    check: {
      satisfiable: { status: satisfiable, summary: 'no x satisfies both' },
      forces: [],
      whereItMatters: { status: 'unknown', summary: '' },
    },
  },
  witness: { point: { x: '0.5' }, paperValue: 'p', ourValue: 'o' },
  underCondition: { summary: 'holds at built points' },
  evidence: { summary: 'fails without it' },
});

describe('settleVacuous', () => {
  it('refutes a claim that holds only under an unsatisfiable assumption, keeping its witness', () => {
    const v = settleVacuous(under('no'));
    expect(v.status).toBe('refuted');
    if (v.status !== 'refuted') return;
    expect(v.witness.point).toEqual({ x: '0.5' });
    expect(v.evidence.summary).toMatch(/cannot hold at all \(no x satisfies both\)/);
  });

  it('leaves holds-under as it is when the assumption can hold or is not shown unable to', () => {
    for (const s of ['yes', 'unknown', 'partly'] as const) expect(settleVacuous(under(s)).status).toBe('holds-under');
  });
});
