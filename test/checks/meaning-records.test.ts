/**
 * Proves that the eight "meaning of statements" records quote the paper verbatim (every `quote` and every
 * `latex[].printed` occurs in the paper text), are named after their file, validate against the record schema and
 * their checker's parameter schema, are registered in paper order, and that each carries the domains its checker
 * samples from.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkers } from '../../checks/index.ts';
import { claimRecords } from '../../proofs/index.ts';
import { eq02AdversarialExample } from '../../proofs/eq02-adversarial-example.ts';
import { eq03PgdStep } from '../../proofs/eq03-pgd-step.ts';
import { eq04AdversarialTraining } from '../../proofs/eq04-adversarial-training.ts';
import { eq05LandscapeMaxOutsideSum } from '../../proofs/eq05-landscape-max-outside-sum.ts';
import { eq06FilterNormalisation } from '../../proofs/eq06-filter-normalisation.ts';
import { thm2GaussianRemark } from '../../proofs/thm2-gaussian-remark.ts';
import { thm2KappaIndependent } from '../../proofs/thm2-kappa-independent.ts';
import { thm2UniformVariance } from '../../proofs/thm2-uniform-variance.ts';
import { loadClaims } from '../../src/claims/load.ts';
import type { ClaimRecordInput } from '../../src/claims/schema.ts';
import { printedFragments, recordQuote } from '../paper/shipped.ts';
import { paperAt } from '../../src/pipeline/run.ts';

const PAPER = readFileSync(
  new URL('../../../shared/paper/yamada2021-adversarial-training-sharper-logistic.txt', import.meta.url),
  'utf8',
);

const RECORDS: Readonly<Record<string, ClaimRecordInput>> = {
  'eq02-adversarial-example': eq02AdversarialExample,
  'eq03-pgd-step': eq03PgdStep,
  'eq04-adversarial-training': eq04AdversarialTraining,
  'eq05-landscape-max-outside-sum': eq05LandscapeMaxOutsideSum,
  'eq06-filter-normalisation': eq06FilterNormalisation,
  'thm2-kappa-independent': thm2KappaIndependent,
  'thm2-uniform-variance': thm2UniformVariance,
  'thm2-gaussian-remark': thm2GaussianRemark,
};

describe('meaning-of-statements records', () => {
  it.each(Object.entries(RECORDS))(
    '%s quotes the paper verbatim (quote and every printed LaTeX fragment)',
    (_file, r) => {
      expect(r.quote, `${r.id} has a quote`).toBeTruthy();
      expect(PAPER.includes(recordQuote(r)!), recordQuote(r)).toBe(true);
      expect((r.latex ?? []).length).toBeGreaterThan(0);
      for (const f of printedFragments(r)) {
        expect(PAPER.includes(f.printed), f.printed).toBe(true);
        expect(f.parse, `${r.id}: ${f.role} is checked for meaning, not parsed`).toBe(false);
      }
    },
  );

  it.each(Object.entries(RECORDS))('%s is named after its file and matches the id pattern', (file, r) => {
    expect(r.id).toBe(file);
    expect(r.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('validate against the record schema and their checkers’ parameter schemas', () => {
    const loaded = loadClaims(Object.values(RECORDS), checkers, paperAt());
    expect(loaded.map((c) => c.kind)).toEqual([
      'ball-argmax',
      'pgd-step',
      'robust-inner-max',
      'separable-max',
      'filter-normalisation',
      'kappa-independence',
      'noise-moment',
      'gaussian-remark',
    ]);
  });

  it('are registered once each, eq02…eq06 right after eq01 and the Theorem 2 records in paper order', () => {
    const ids = claimRecords.map((r) => r.id);
    for (const id of Object.keys(RECORDS)) expect(ids.filter((x) => x === id)).toHaveLength(1);
    const at = (id: string): number => ids.indexOf(id);
    expect(at('eq02-adversarial-example')).toBe(at('eq01-logistic-loss') + 1);
    const eqs = [
      'eq02-adversarial-example',
      'eq03-pgd-step',
      'eq04-adversarial-training',
      'eq05-landscape-max-outside-sum',
      'eq06-filter-normalisation',
    ];
    expect(eqs.map(at)).toEqual([...eqs.map(at)].sort((a, b) => a - b));
    expect(at('thm2-kappa-independent')).toBeLessThan(at('thm2-uniform-variance'));
    expect(at('thm2-uniform-variance')).toBeLessThan(at('thm2-gaussian-remark'));
  });

  it('declare the domains their checkers sample from (y a sign, ε > 0 open at 0, w with a positive minimum norm)', () => {
    for (const r of [
      eq02AdversarialExample,
      eq03PgdStep,
      eq04AdversarialTraining,
      eq05LandscapeMaxOutsideSum,
      eq06FilterNormalisation,
    ]) {
      const byName = new Map((r.variables ?? []).map((v) => [v.name, v.domain]));
      expect(byName.get('y'), r.id).toEqual({ type: 'sign' });
      expect(byName.get('eps'), r.id).toMatchObject({ type: 'interval', lo: 0, loOpen: true });
      const w = byName.get('w');
      expect(w?.type === 'vector' && (w.minNorm ?? 0) > 0, r.id).toBe(true);
    }
  });
});
