import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { claimRecords } from '../../proofs/index.ts';
import { checkers } from '../../checks/index.ts';
import { loadClaim, loadClaims } from '../../src/claims/load.ts';
import { ClaimcheckError } from '../../src/errors.ts';
import { ASSUMPTIONS } from '../../proofs/_data/assumptions.ts';
import { CONVENTIONS } from '../../proofs/_data/conventions.ts';
import { printedFragments, recordQuote } from '../paper/shipped.ts';
import { paperAt } from '../../src/pipeline/run.ts';

/** Every string under a key named `quote` or ending in `Quote`, anywhere in a record's params. */
function paramQuotes(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return key === 'quote' || key.endsWith('Quote') ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => paramQuotes(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => paramQuotes(v, k));
  return [];
}

const paperDir = join(import.meta.dirname, '..', '..', '..', 'shared', 'paper');
const paper = readdirSync(paperDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(paperDir, f), 'utf8'))
  .join('\n');
const byKind = new Map(checkers.map((c) => [c.kind, c]));

describe('claim records', () => {
  it('all load: schema, checker parameters, parsed LaTeX, known variables', () => {
    const loaded = loadClaims(claimRecords, checkers, paperAt());
    expect(loaded.length).toBe(claimRecords.length);
    expect(new Set(loaded.map((c) => c.id)).size).toBe(loaded.length);
  });

  it.each(claimRecords.map((r) => [r.id, r] as const))('%s quotes the paper verbatim', (_id, r) => {
    for (const f of printedFragments(r)) expect(paper.includes(f.printed), f.printed.slice(0, 60)).toBe(true);
    const quote = recordQuote(r);
    if (quote) expect(paper.includes(quote), quote).toBe(true);
    for (const q of paramQuotes(r.params)) expect(paper.includes(q), q).toBe(true);
  });

  it('no loaded quote stops at an abbreviation: a record cut at "… as Eq." is shown through "(7)."', () => {
    const cut = /\b(?:Eqs?|Figs?|Secs?|Tab|Table|et al|e\.g|i\.e|cf)\.$/;
    const loaded = loadClaims(claimRecords, checkers, paperAt());
    expect(loaded.filter((c) => c.quote !== undefined && cut.test(c.quote.trim())).map((c) => c.id)).toEqual([]);
    expect(loaded.find((c) => c.id === 'sec41-robust-loss')!.quote).toBe(
      'In contrast, we do not use an approximation of the loss function as Eq.\u00a0(7).',
    );
  });

  it('every assumption and convention stated in the paper quotes it verbatim', () => {
    for (const a of ASSUMPTIONS) if (a.source.kind === 'paper') expect(paper.includes(a.source.quote), a.id).toBe(true);
    for (const c of CONVENTIONS) {
      expect(paper.includes(c.quote), c.id).toBe(true);
      for (const r of c.readings)
        if (r.statedQuote !== undefined) expect(paper.includes(r.statedQuote), `${c.id}/${r.id}`).toBe(true);
    }
  });

  it('every stated assumption names one of the registry', () => {
    const ids = new Set(ASSUMPTIONS.map((a) => a.id));
    for (const r of claimRecords) if (r.states) expect(ids.has(r.states), `${r.id} states ${r.states}`).toBe(true);
  });

  it('every dependency names a record of the registry', () => {
    const ids = new Set(claimRecords.map((r) => r.id));
    for (const r of claimRecords) for (const d of r.dependsOn ?? []) expect(ids.has(d), `${r.id} → ${d}`).toBe(true);
  });

  it('the equation labels of sec32-eq-ref are exactly the labels the paper prints at the ends of its display lines', () => {
    const printed = [...paper.matchAll(/ (\(\d+(?:\.\d+)?\))$/gm)].map((m) => m[1]);
    const rec = claimRecords.find((r) => r.id === 'sec32-eq-ref')!;
    expect([...printed].sort()).toEqual([...(rec.params as { labels: string[] }).labels].sort());
  });

  it('names the record and field on bad input', () => {
    const base = claimRecords.find((r) => r.id === 'eq01-logistic-loss')!;
    const bad = (patch: object) => () => loadClaim({ ...base, ...patch }, byKind, paperAt());
    expect(bad({ kind: 'nope' })).toThrow(/claim record eq01-logistic-loss: field kind/);
    expect(bad({ latex: [{ printed: String.raw`\left(a+`, role: 'lhs' }] })).toThrow(/field latex\[0\]\.printed/);
    expect(bad({ latex: [{ printed: String.raw`q_{i}`, role: 'lhs' }] })).toThrow(/unknown variable\(s\) q/);
    expect(
      bad({ variables: [{ symbol: 'e', name: 'eps', description: 'x', domain: { type: 'interval', lo: 2, hi: 1 } }] }),
    ).toThrow(/field variables\[0\]\.domain/);
    try {
      bad({ id: 'Bad Id' })();
    } catch (err) {
      expect(err).toBeInstanceOf(ClaimcheckError);
    }
  });
});
