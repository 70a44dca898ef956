/**
 * Propagation over a constructed dependency graph: what each claim needs (own and inherited), conflicting readings of
 * a shared convention, and errors that cancel (a claim that holds although two claims it builds on directly fail
 * under the same reading).
 */
import { describe, expect, it } from 'vitest';
import { propagate, sharedConventions, type PropagationInput } from '../../src/claims/propagate.ts';
import type { ReadingOutcome, Verdict } from '../../src/claims/verdict.ts';

const base = (id: string) => ({ claimId: id, seed: 1, checker: 't', evidence: { summary: '' } });
const w = { point: {}, paperValue: 'p', ourValue: 'o' };
const outcome = (id: string, result: 'holds' | 'fails'): ReadingOutcome => ({
  id,
  statement: id,
  literal: false,
  outcome: result,
  summary: '',
  ...(result === 'fails' ? { witness: w } : {}),
});
const theta = (a: 'holds' | 'fails', b: 'holds' | 'fails') => ({
  convention: 'theta',
  question: 'θ?',
  outcomes: [outcome('from-w', a), outcome('from-minus-w', b)],
});
const confirmed = (id: string, readings?: ReturnType<typeof theta>): Verdict => ({
  ...base(id),
  status: 'confirmed',
  basis: { kind: 'tested', what: '' },
  ...(readings ? { readings } : {}),
});
const underReading = (id: string, reading: string, readings: ReturnType<typeof theta>): Verdict => ({
  ...base(id),
  status: 'holds-under',
  readings,
  condition: { kind: 'reading', convention: 'theta', reading: { id: reading, statement: reading, literal: false } },
  witness: w,
  underCondition: { summary: '' },
});
const underAssumption = (id: string): Verdict => ({
  ...base(id),
  status: 'holds-under',
  condition: {
    kind: 'assumption',
    assumption: { id: 'equal-norms', statement: 'equal norms', source: { kind: 'claimcheck', reason: 'r' } },
    check: { satisfiable: { status: 'yes', summary: '' }, forces: [], whereItMatters: { status: 'no', summary: '' } },
  },
  witness: w,
  underCondition: { summary: '' },
});
const input = (id: string, dependsOn: string[], verdict: Verdict): PropagationInput => ({ id, dependsOn, verdict });

describe('propagate', () => {
  const graph = [
    input('eq7', [], underReading('eq7', 'from-minus-w', theta('fails', 'holds'))),
    input('ycos', ['eq7'], underReading('ycos', 'from-minus-w', theta('fails', 'holds'))),
    input('robust', ['eq7', 'ycos'], confirmed('robust')),
    input('eq12', [], underAssumption('eq12')),
    input('thm1', ['eq12', 'robust'], confirmed('thm1')),
  ];

  it('finds the conventions decided by two or more claims', () => {
    expect(sharedConventions(graph)).toEqual(['theta']);
  });

  it('carries readings and assumptions to every claim that rests on them, from the nearest claim', () => {
    const p = new Map(propagate(graph).map((x) => [x.id, x]));
    expect(p.get('robust')!.restsOn).toEqual(['eq7', 'ycos']);
    expect(p.get('robust')!.needs).toEqual([
      { kind: 'reading', convention: 'theta', reading: 'from-minus-w', statement: 'from-minus-w', from: 'eq7' },
    ]);
    expect(p.get('thm1')!.needs.map((n) => n.from)).toEqual(['eq7', 'eq12']);
  });

  it('reports errors cancelling: robust holds although eq7 and ycos both fail under θ from w', () => {
    const p = new Map(propagate(graph).map((x) => [x.id, x]));
    expect(p.get('robust')!.cancellations).toEqual([
      { convention: 'theta', reading: 'from-w', failing: ['eq7', 'ycos'] },
    ]);
    expect(p.get('ycos')!.cancellations).toEqual([]);
    expect(p.get('thm1')!.cancellations).toEqual([]);
  });

  it('reports a conflict when no reading of a shared convention makes a chain hold', () => {
    const conflicting = [
      input('a', [], underReading('a', 'from-minus-w', theta('fails', 'holds'))),
      input('b', ['a'], underReading('b', 'from-w', theta('holds', 'fails'))),
    ];
    const p = propagate(conflicting);
    expect(p[1]!.conflicts).toEqual([{ convention: 'theta', claims: ['b', 'a'] }]);
    expect(p[0]!.conflicts).toEqual([]);
  });
});

describe('propagate: undecided readings', () => {
  it('does not report a conflict when the only disagreement is a reading one claim leaves undecided', () => {
    const undecidedTheta = {
      convention: 'theta',
      question: 'θ?',
      outcomes: [
        { id: 'from-w', statement: 'from-w', literal: false, outcome: 'undecided' as const, summary: '' },
        outcome('from-minus-w', 'fails'),
      ],
    };
    const p = propagate([
      input('a', [], underReading('a', 'from-w', theta('holds', 'fails'))),
      input('b', ['a'], { ...base('b'), status: 'inconclusive', reason: 'undecided', readings: undecidedTheta }),
    ]);
    expect(p[1]!.conflicts).toEqual([]);
  });
});
