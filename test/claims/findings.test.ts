/**
 * Findings on a constructed graph: grouping by root cause (one reading, one assumption, a refuted claim and the
 * refuted claims that build on it, a refuted statement of an assumption), roots and consequences from the graph, and
 * the severity rule.
 */
import { describe, expect, it } from 'vitest';
import { findings, severityOf, type FindingInput } from '../../src/claims/findings.ts';
import { propagate } from '../../src/claims/propagate.ts';
import type { Answer, Verdict } from '../../src/claims/verdict.ts';

const base = (id: string) => ({ claimId: id, seed: 1, checker: 't', evidence: { summary: '' } });
const w = { point: {}, paperValue: 'p', ourValue: 'o' };
const confirmed = (id: string): Verdict => ({ ...base(id), status: 'confirmed', basis: { kind: 'tested', what: '' } });
const refuted = (id: string): Verdict => ({ ...base(id), status: 'refuted', witness: w });
const reading = (id: string, r: string): Verdict => ({
  ...base(id),
  status: 'holds-under',
  readings: {
    convention: 'theta',
    question: '?',
    outcomes: [
      { id: 'lit', statement: 'lit', literal: true, outcome: 'fails', summary: '', witness: w },
      { id: r, statement: r, literal: false, outcome: 'holds', summary: '' },
    ],
  },
  condition: { kind: 'reading', convention: 'theta', reading: { id: r, statement: r, literal: false } },
  witness: w,
  underCondition: { summary: '' },
});
const assumption = (id: string, where: Answer['status']): Verdict => ({
  ...base(id),
  status: 'holds-under',
  condition: {
    kind: 'assumption',
    assumption: { id: 'a1', statement: 'a1', source: { kind: 'paper', quote: 'q' } },
    check: { satisfiable: { status: 'yes', summary: '' }, forces: [], whereItMatters: { status: where, summary: '' } },
  },
  witness: w,
  underCondition: { summary: '' },
});
const make = (inputs: FindingInput[]) => findings(inputs, propagate(inputs));

describe('severityOf', () => {
  it('a reading is presentation; an assumption that holds where it matters is presentation', () => {
    expect(severityOf({ kind: 'reading', convention: 'c', reading: 'r', statement: 's' }, ['result']).severity).toBe(
      'presentation',
    );
    expect(
      severityOf({ kind: 'assumption', assumption: 'a', statement: 's', whereItMatters: 'yes' }, ['result']).severity,
    ).toBe('presentation');
  });

  it('otherwise the most severe category of the members', () => {
    const cause = { kind: 'assumption', assumption: 'a', statement: 's', whereItMatters: 'no' } as const;
    expect(severityOf(cause, ['derivation', 'result']).severity).toBe('result');
    expect(severityOf(cause, ['derivation', 'presentation']).severity).toBe('derivation');
    expect(severityOf({ kind: 'refuted', claim: 'x' }, ['presentation']).severity).toBe('presentation');
  });
});

describe('findings', () => {
  it('groups one reading into one finding with its root and consequences, most severe finding first', () => {
    const f = make([
      { id: 'eq7', category: 'derivation', dependsOn: [], verdict: reading('eq7', 'minus-w') },
      { id: 'lem1', category: 'result', dependsOn: ['eq7'], verdict: reading('lem1', 'minus-w') },
      { id: 'eq8', category: 'derivation', dependsOn: ['eq7'], verdict: refuted('eq8') },
      { id: 'appb', category: 'derivation', dependsOn: ['eq8'], verdict: confirmed('appb') },
    ]);
    expect(f.map((x) => [x.id, x.severity])).toEqual([
      ['refuted:eq8', 'derivation'],
      ['reading:theta:minus-w', 'presentation'],
    ]);
    expect(f[1]!.roots).toEqual(['eq7']);
    expect(f[1]!.consequences).toEqual(['lem1']);
    expect(f[0]!.downstream).toEqual([{ id: 'appb', status: 'confirmed' }]);
  });

  it('puts a refuted claim that builds on a refuted claim into its finding', () => {
    const f = make([
      { id: 'eq13', category: 'derivation', dependsOn: [], verdict: refuted('eq13') },
      { id: 'eq14', category: 'result', dependsOn: ['eq13'], verdict: refuted('eq14') },
    ]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ id: 'refuted:eq13', roots: ['eq13'], consequences: ['eq14'], severity: 'result' });
  });

  it('groups the same way whatever the order of the inputs', () => {
    const chain: FindingInput[] = [
      { id: 'eq13', category: 'derivation', dependsOn: [], verdict: refuted('eq13') },
      { id: 'eq14', category: 'result', dependsOn: ['eq13'], verdict: refuted('eq14') },
      { id: 'eq15', category: 'derivation', dependsOn: ['eq14'], verdict: refuted('eq15') },
    ];
    const forward = make(chain);
    const backward = make([...chain].reverse());
    expect(backward.map((f) => [f.id, f.roots, f.consequences])).toEqual(
      forward.map((f) => [f.id, f.roots, [...f.consequences].reverse()]),
    );
    expect(forward).toHaveLength(1);
  });

  it('rates a reading finding by the categories of claims that fail under a reading the paper defines', () => {
    const statedFail: Verdict = {
      ...base('thm1'),
      status: 'holds-under',
      readings: {
        convention: 'sharpness',
        question: '?',
        outcomes: [
          {
            id: 'normalised',
            statement: 'n',
            literal: true,
            statedQuote: 'q',
            outcome: 'fails',
            summary: '',
            witness: w,
          },
          { id: 'eigenvalue', statement: 'e', literal: false, outcome: 'holds', summary: '' },
        ],
      },
      condition: {
        kind: 'reading',
        convention: 'sharpness',
        reading: { id: 'eigenvalue', statement: 'e', literal: false },
      },
      witness: w,
      underCondition: { summary: '' },
    };
    const f = make([{ id: 'thm1', category: 'result', dependsOn: [], verdict: statedFail }]);
    expect(f[0]).toMatchObject({ severity: 'result' });
    expect(f[0]!.why).toMatch(/the paper defines in its own words/);
  });

  it('joins a refuted statement of an assumption to the finding of the claims that hold only under it', () => {
    const f = make([
      { id: 'fn', category: 'derivation', dependsOn: [], states: 'a1', verdict: refuted('fn') },
      { id: 'other', category: 'derivation', dependsOn: [], verdict: refuted('other') },
      { id: 'eq12', category: 'derivation', dependsOn: ['fn'], verdict: assumption('eq12', 'no') },
      { id: 'thm1', category: 'result', dependsOn: ['eq12'], verdict: assumption('thm1', 'no') },
    ]);
    expect(f.map((x) => x.id)).toEqual(['assumption:a1', 'refuted:other']);
    expect(f[0]).toMatchObject({ roots: ['fn'], consequences: ['eq12', 'thm1'], severity: 'result' });
  });

  it('moves only refuted statements of an assumption, with the refuted claims resting on them', () => {
    const f = make([
      { id: 'fn', category: 'presentation', dependsOn: [], states: 'a1', verdict: refuted('fn') },
      { id: 'fn2', category: 'result', dependsOn: ['fn'], verdict: refuted('fn2') },
      { id: 'rd', category: 'derivation', dependsOn: [], states: 'a1', verdict: reading('rd', 'minus-w') },
      { id: 'eq12', category: 'derivation', dependsOn: [], verdict: assumption('eq12', 'yes') },
    ]);
    expect(f.map((x) => x.id).sort()).toEqual(['assumption:a1', 'reading:theta:minus-w']);
    const a = f.find((x) => x.id === 'assumption:a1')!;
    expect([...a.roots, ...a.consequences].sort()).toEqual(['eq12', 'fn', 'fn2']);
    // The assumption holds where it matters (presentation), but a refuted result states it: the finding is a result.
    expect(a).toMatchObject({ severity: 'result' });
    expect(a.why).toMatch(/states the assumption as a fact and is refuted/);
  });

  it('an assumption that holds where it matters stays presentation when nothing refuted states it', () => {
    const f = make([{ id: 'eq12', category: 'result', dependsOn: [], verdict: assumption('eq12', 'yes') }]);
    expect(f[0]).toMatchObject({ severity: 'presentation' });
  });

  it('lists confirmed claims whose truth comes from errors cancelling in the reading finding', () => {
    const f = make([
      { id: 'eq7', category: 'derivation', dependsOn: [], verdict: reading('eq7', 'minus-w') },
      { id: 'ycos', category: 'derivation', dependsOn: ['eq7'], verdict: reading('ycos', 'minus-w') },
      { id: 'robust', category: 'derivation', dependsOn: ['eq7', 'ycos'], verdict: confirmed('robust') },
    ]);
    expect(f[0]!.cancellations).toEqual([{ id: 'robust', failing: ['eq7', 'ycos'] }]);
  });
});
