/**
 * The shared text of what a verdict rests on: a reading the paper defines carries its words, the literal reading is
 * marked, an assumption's three answers come in order, and a failing assumption leads the one-line evidence.
 */
import { describe, expect, it } from 'vitest';
import { checkRows, conditionSource, readingRows, verdictLine } from '../../src/report/conditions.ts';
import type { AssumptionCheck, Verdict } from '../../src/claims/verdict.ts';

describe('report/conditions', () => {
  it('a reading the paper defines shows its words; the literal one is marked', () => {
    const rows = readingRows({
      convention: 'sharpness',
      question: '?',
      outcomes: [
        {
          id: 'normalised',
          statement: 'filter-normalised',
          literal: true,
          statedQuote: 'the definition of sharpness',
          outcome: 'fails',
          summary: 's1',
        },
        { id: 'eigenvalue', statement: 'λmax', literal: false, outcome: 'holds', summary: 's2' },
      ],
    });
    expect(rows).toEqual([
      ["filter-normalised (the paper's definition: “the definition of sharpness”)", 'yes', 'fails', 's1'],
      ['λmax', '', 'holds', 's2'],
    ]);
  });

  it("an assumption's answers in order, and its failure leads the evidence line", () => {
    const check: AssumptionCheck = {
      satisfiable: { status: 'yes', summary: 'built' },
      forces: [{ statement: 'x = 1', status: 'forced' }],
      whereItMatters: { status: 'no', summary: 'fails at optima' },
    };
    expect(checkRows(check).map((r) => r[0])).toEqual([
      'can it hold at all?',
      'what it forces',
      'does it hold where it matters?',
    ]);
    const v: Verdict = {
      claimId: 'c',
      seed: 1,
      checker: 't',
      status: 'holds-under',
      condition: {
        kind: 'assumption',
        assumption: { id: 'a', statement: 'a', source: { kind: 'claimcheck', reason: 'r' } },
        check,
      },
      witness: { point: {}, paperValue: 'p', ourValue: 'o' },
      underCondition: { summary: 'holds' },
      evidence: { summary: 'evidence' },
    };
    expect(verdictLine(v)).toBe('the assumption fails everywhere it was measured. evidence');
    if (v.status === 'holds-under') expect(conditionSource(v.condition)).toBe('supplied by claimcheck: r');
  });
});
