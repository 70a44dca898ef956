import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { claimRecords } from '../../proofs/index.ts';
import { checkers } from '../../checks/index.ts';
import { loadClaim, loadClaims } from '../../src/claims/load.ts';
import { ClaimcheckError } from '../../src/errors.ts';

const paperDir = join(import.meta.dirname, '..', '..', '..', 'shared', 'paper');
const paper = readdirSync(paperDir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(paperDir, f), 'utf8')).join('\n');
const byKind = new Map(checkers.map((c) => [c.kind, c]));

describe('claim records', () => {
  it('all load: schema, checker parameters, parsed LaTeX, known variables', () => {
    const loaded = loadClaims(claimRecords, checkers);
    expect(loaded.length).toBe(claimRecords.length);
    expect(new Set(loaded.map((c) => c.id)).size).toBe(loaded.length);
  });

  it.each(claimRecords.map((r) => [r.id, r] as const))('%s quotes the paper verbatim', (_id, r) => {
    for (const f of r.latex ?? []) expect(paper.includes(f.printed), f.printed.slice(0, 60)).toBe(true);
    if (r.quote) expect(paper.includes(r.quote), r.quote).toBe(true);
  });

  it('names the record and field on bad input', () => {
    const base = claimRecords[0]!;
    const bad = (patch: object) => () => loadClaim({ ...base, ...patch }, byKind);
    expect(bad({ kind: 'nope' })).toThrow(/claim record eq01-logistic-loss: field kind/);
    expect(bad({ latex: [{ printed: String.raw`\left(a+`, role: 'lhs' }] })).toThrow(/field latex\[0\]\.printed/);
    expect(bad({ latex: [{ printed: String.raw`q_{i}`, role: 'lhs' }] })).toThrow(/unknown variable\(s\) q/);
    expect(bad({ variables: [{ symbol: 'e', name: 'eps', description: 'x', domain: { type: 'interval', lo: 2, hi: 1 } }] })).toThrow(/field variables\[0\]\.domain/);
    try {
      bad({ id: 'Bad Id' })();
    } catch (err) {
      expect(err).toBeInstanceOf(ClaimcheckError);
    }
  });
});
