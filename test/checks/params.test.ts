/**
 * The correction field every checker reads the same way (`params.correction`, checks/params.ts): the record writes the
 * words, `{{name}}` placeholders stand for the numbers the checker computes, and a checker that attaches a correction
 * refuses a record without one when it is loaded (INVALID_RECORD naming the record and the field).
 */
import { describe, expect, it } from 'vitest';
import { correctionSchema, fillCorrection } from '../../checks/params.ts';
import { checkers } from '../../checks/index.ts';
import { claimRecords } from '../../proofs/index.ts';
import { loadClaim } from '../../src/claims/load.ts';
import type { ClaimRecordInput } from '../../src/claims/schema.ts';
import { ClaimcheckError } from '../../src/errors.ts';
import { paperAt } from '../../src/pipeline/run.ts';

const byKind = new Map(checkers.map((c) => [c.kind, c]));

/** The message of the first issue `schema` finds in `value`, or undefined when it accepts it. */
function issue(schema: ReturnType<typeof correctionSchema>, value: unknown): string | undefined {
  const r = schema.safeParse(value);
  return r.success ? undefined : r.error.issues[0]!.message;
}

/** The kinds whose parameter schema requires `correction`. */
function needsCorrection(kind: string): boolean {
  const r = byKind.get(kind)!.params.safeParse({});
  return !r.success && r.error.issues.some((i) => i.path.length === 1 && i.path[0] === 'correction');
}

function withoutCorrection(rec: ClaimRecordInput): ClaimRecordInput {
  const { correction: _dropped, ...params } = rec.params ?? {};
  return { ...rec, params };
}

describe('correctionSchema', () => {
  it('takes the corrected formula, the corrected statement, or both', () => {
    const s = correctionSchema();
    expect(issue(s, { latex: 'a=b' })).toBeUndefined();
    expect(issue(s, { statement: 'a is b' })).toBeUndefined();
    expect(issue(s, { latex: 'a=b', statement: 'a is b' })).toBeUndefined();
    expect(issue(s, {})).toBe('give latex, statement or both');
    expect(issue(s, { statement: 'a is b', check: 'confirmed' })).toMatch(/unrecognized key/i);
    expect(issue(s, undefined)).toMatch(/^required: this checker attaches a correction/);
  });

  it('holds a checker to the part it reads', () => {
    expect(issue(correctionSchema({ needs: 'latex' }), { statement: 'a is b' })).toMatch(
      /required: this checker reads the corrected formula/,
    );
    expect(issue(correctionSchema({ needs: 'statement' }), { latex: 'a=b' })).toMatch(
      /required: this checker reads the corrected statement/,
    );
  });

  it('accepts only the placeholders the checker fills, and requires the ones it always computes', () => {
    const listed = correctionSchema({ fills: ['coefficient'] });
    expect(issue(listed, { statement: 'c = {{coefficient}}' })).toBeUndefined();
    expect(issue(listed, { statement: 'c = {{coef}} and {{coefficient}}' })).toMatch(
      /unknown placeholder \{\{coef\}\} \(this checker fills \{\{coefficient\}\}\)/,
    );
    expect(issue(listed, { statement: 'c = 1/3' })).toMatch(
      /does not use \{\{coefficient\}\}.*write the placeholder, not the number/,
    );
    const pattern = correctionSchema({ fills: /^[1-9]\d*$/ });
    expect(issue(pattern, { statement: 'Figures {{1}} and {{2}}' })).toBeUndefined();
    expect(issue(pattern, { statement: 'Figures {{a}}' })).toMatch(/unknown placeholder \{\{a\}\}/);
    expect(issue(correctionSchema(), { statement: 'x = {{x}}' })).toMatch(/this checker fills none/);
  });

  it('leaves LaTeX braces alone: only {{name}} with a plain name is a placeholder', () => {
    expect(
      issue(correctionSchema(), { latex: String.raw`\underset{\|\eta\|\le\varepsilon}{{\rm argmax}}\,\ell` }),
    ).toBeUndefined();
  });
});

describe('fillCorrection', () => {
  it('fills the computed numbers into the record’s words and keeps the parts it was given', () => {
    expect(fillCorrection('x', { statement: 'Figures {{1}} and {{2}}' }, { 1: '1', 2: '2' })).toEqual({
      statement: 'Figures 1 and 2',
    });
    expect(fillCorrection('x', { latex: 'a=b', statement: 'a is b' })).toEqual({ latex: 'a=b', statement: 'a is b' });
  });

  it('refuses, naming the record, a placeholder without a computed value and a computed value the text does not use', () => {
    const missing = () => fillCorrection('txt-test', { statement: 'Figures {{1}} and {{3}}' }, { 1: '1', 2: '2' });
    expect(missing).toThrow(ClaimcheckError);
    expect(missing).toThrow(/^claim record txt-test: field params\.correction: no computed value for \{\{3\}\}/);
    expect(() => fillCorrection('txt-test', { statement: 'Figures 1 and {{2}}' }, { 1: '1', 2: '2' })).toThrow(
      /^claim record txt-test: field params\.correction: the text does not use the computed \{\{1\}\}; write the placeholder, not the number/,
    );
  });
});

describe('a record whose checker attaches a correction', () => {
  const needing = checkers
    .filter((c) => needsCorrection(c.kind))
    .map((c) => c.kind)
    .sort();

  it('is of the kinds whose corrections the records now carry', () => {
    expect(needing).toEqual(['ball-argmax', 'figure-ref', 'liu-approximation', 'noise-moment', 'pgd-step']);
  });

  const records = claimRecords.filter((r) => needing.includes(r.kind));
  it.each(records.map((r) => [r.id, r] as const))(
    '%s carries its correction, and without it is refused when loaded',
    (id, rec) => {
      expect(() => loadClaim(rec, byKind, paperAt())).not.toThrow();
      let err: unknown;
      try {
        loadClaim(withoutCorrection(rec), byKind, paperAt());
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ClaimcheckError);
      expect((err as ClaimcheckError).code).toBe('INVALID_RECORD');
      expect((err as ClaimcheckError).message).toBe(
        `claim record ${id}: field params.correction: required: this checker attaches a correction, and the record must say what the paper should say`,
      );
    },
  );
});
