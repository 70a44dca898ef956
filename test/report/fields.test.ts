import { describe, expect, it } from 'vitest';
import { formatLocation } from '../../src/report/location.ts';
import { oneLine } from '../../src/report/one-line.ts';
import { countVerdicts } from '../../src/report/counts.ts';
import { reproduceCommand } from '../../src/report/reproduce.ts';
import { verdictRows } from '../../src/report/verdict-rows.ts';
import { results } from './fixtures.ts';

describe('formatLocation', () => {
  it('prefixes numbered sections with § and appends equation, line and table', () => {
    expect(formatLocation({ section: '3.2', equation: '(8)' })).toBe('§3.2, Eq. (8)');
    expect(formatLocation({ section: 'Appendix B', line: 3 })).toBe('Appendix B, line 3');
    expect(formatLocation({ section: '5.1', table: 'Table 3' })).toBe('§5.1, Table 3');
    expect(formatLocation({ section: '3.2', equation: 'Lemma 1' })).toBe('§3.2, Lemma 1');
  });
});

describe('oneLine', () => {
  it('keeps the first paragraph on one line and cuts with an ellipsis', () => {
    expect(oneLine('a\n  b\tc\n\nsecond paragraph')).toBe('a b c');
    expect(oneLine('abcdefgh', 5)).toBe('abcd…');
    expect(oneLine('abc', 5)).toBe('abc');
  });
});

describe('countVerdicts', () => {
  it('counts every status, zero included, in report order', () => {
    const counts = countVerdicts([...results.map((r) => r.verdict), results[1]!.verdict]);
    expect(counts).toEqual({ confirmed: 1, refuted: 2, 'holds-under': 1, inconclusive: 1, total: 5 });
    expect(Object.keys(countVerdicts([]))).toEqual(['confirmed', 'refuted', 'holds-under', 'inconclusive', 'total']);
  });
});

describe('reproduceCommand', () => {
  it('names the claim and the run seed', () => {
    expect(reproduceCommand('eq08-gradient', 7)).toBe('npx claimcheck check eq08-gradient --seed 7');
    expect(reproduceCommand('fig3', 7, '--setting full ')).toBe('npx claimcheck check fig3 --seed 7 --setting full');
  });
});

describe('verdictRows', () => {
  it('gives claim, location, verdict and one-line evidence, marking transcribed records', () => {
    const rows = verdictRows(results);
    expect(rows.map((r) => r.verdict)).toEqual(['confirmed', 'refuted', 'holds-under', 'inconclusive']);
    expect(rows[1]).toEqual({
      claim: 'eq08-gradient',
      location: '§3.2, Eq. (8)',
      verdict: 'refuted',
      evidence: 'differs | by a factor of 2',
    });
    expect(rows[2]!.claim).toBe('thm2-sharper [transcribed]');
  });
});
