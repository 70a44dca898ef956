/**
 * Proves the comparison of two runs: a changed status or condition is a verdict change, a changed witness and a
 * changed printed formula are reported as such, added and removed claims are listed, identical runs give no change;
 * `--fail-on refuted|changed` holds exactly when there is a refuted claim or a change; an errata.json of another shape
 * is refused naming the file.
 */
import { describe, expect, it } from 'vitest';
import { compareClaims, comparableFromErrata, failOnReason, type ComparableClaim } from '../../src/report/compare.ts';
import { ClaimcheckError } from '../../src/errors.ts';

function claim(id: string, over: Partial<ComparableClaim> = {}): ComparableClaim {
  return {
    id,
    status: 'confirmed',
    condition: null,
    witness: null,
    formula: ['rhs: a+b'],
    text: null,
    summary: 's',
    ...over,
  };
}

describe('compareClaims', () => {
  it('gives no change for identical runs', () => {
    const run = [claim('a'), claim('b', { status: 'refuted', witness: { point: { x: '1' } } })];
    expect(compareClaims(run, run)).toEqual([]);
  });

  it('names what changed: verdict (status or condition), witness, formula, quoted text; added and removed claims', () => {
    const before = [
      claim('status'),
      claim('cond', { status: 'holds-under', condition: 'assumption a' }),
      claim('wit', { status: 'refuted', witness: { point: { x: '1' } } }),
      claim('formula'),
      claim('table', { text: '0.20 99.79 99.95 -0.16' }),
      claim('gone'),
    ];
    const after = [
      claim('status', { status: 'refuted', witness: { point: { x: '2' } } }),
      claim('cond', { status: 'holds-under', condition: 'reading r:b' }),
      claim('wit', { status: 'refuted', witness: { point: { x: '3' } } }),
      claim('formula', { formula: ['rhs: a-b'] }),
      claim('table', { text: '0.20 99.79 99.95 -0.15' }),
      claim('new'),
    ];
    expect(compareClaims(before, after).map((c) => [c.id, c.changes])).toEqual([
      ['status', ['verdict', 'witness']],
      ['cond', ['verdict']],
      ['wit', ['witness']],
      ['formula', ['formula']],
      ['table', ['text']],
      ['new', ['added']],
      ['gone', ['removed']],
    ]);
  });

  it('--fail-on holds exactly when a claim is refuted, or when something changed', () => {
    const ok = [claim('a')];
    const bad = [claim('a', { status: 'refuted' })];
    expect(failOnReason('refuted', ok, null)).toBeUndefined();
    expect(failOnReason('refuted', bad, null)).toBe('--fail-on refuted: 1 claim(s) refuted: a');
    expect(failOnReason('changed', ok, compareClaims(ok, ok))).toBeUndefined();
    expect(failOnReason('changed', bad, compareClaims(ok, bad))).toBe('--fail-on changed: 1 claim(s) changed: a');
    expect(failOnReason(undefined, bad, null)).toBeUndefined();
    expect(() => failOnReason('changed', ok, null)).toThrow(ClaimcheckError);
  });

  it('reads the claims of an errata.json and refuses other JSON or text, naming the file', () => {
    const doc = {
      claims: [
        {
          id: 'a',
          verdict: {
            status: 'holds-under',
            condition: { kind: 'reading', convention: 'theta', reading: { id: 'x' } },
            witness: { p: 1 },
            evidence: { summary: 's' },
          },
          printedLatex: [{ role: 'rhs', printed: 'x' }],
        },
      ],
    };
    expect(comparableFromErrata(JSON.stringify(doc), 'NEW f.json')).toEqual([
      {
        id: 'a',
        status: 'holds-under',
        condition: 'reading theta:x',
        witness: { p: 1 },
        formula: ['rhs: x'],
        text: null,
        summary: 's',
      },
    ]);
    expect(() => comparableFromErrata('{"claims": [{"id": "a"}]}', 'OLD f.json')).toThrow(
      /^OLD f\.json: not an errata\.json written by claimcheck report \(at claims\.0\.verdict/,
    );
    expect(() => comparableFromErrata('not json', 'OLD f.json')).toThrow(/^OLD f\.json: not JSON/);
  });
});
