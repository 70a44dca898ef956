/**
 * Proves the locators: every formula of every record is read from the shipped paper exactly as the record was written
 * against it (fixtures/shipped-fragments.json holds those texts; the records hold only where they stand), and each part
 * of a locator does what it says: an anchor finds a block or the formulas around it, an equation number finds its
 * rows, `row`, `item`, `side`, `unwrap` and `skip` select, and what is absent is answered with why, never a text.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { claimRecords } from '../../proofs/index.ts';
import { describeLocator, locate, LocatorSchema, type LocatorInput } from '../../src/paper/locate.ts';
import { parsePaper } from '../../src/paper/paper.ts';
import type { LatexFragment } from '../../src/claims/schema.ts';
import { paperAt } from '../../src/pipeline/run.ts';

const FIXTURE: Record<string, string[]> = JSON.parse(
  readFileSync(new URL('./fixtures/shipped-fragments.json', import.meta.url), 'utf8'),
);

const text = [
  'Title of a Small Paper',
  '',
  'Ann Author1  Bo Writer2',
  '',
  'The loss is defined as',
  '',
  'L=a+b𝐿𝑎𝑏\\displaystyle L=a+b, (1)',
  '',
  'and its derivative is',
  '',
  'L=a𝐿𝑎\\displaystyle L^{\\prime} =2a,absent2𝑎\\displaystyle=2a, (2)',
  'L=b𝐿𝑏\\displaystyle L^{\\prime\\prime} =2,absent2\\displaystyle=2. (3)',
  '',
  'where aa𝑎a is a weight and x(a+b)𝑥𝑎𝑏x\\left(a+b\\right) is its input. We conclude.',
].join('\n');
const small = parsePaper('small.txt', text, text.length, '0'.repeat(64));
const at = (l: LocatorInput) => {
  const r = locate(small, l);
  return r.found ? r.latex : `missing: ${r.why}`;
};

describe('locators on the shipped paper', () => {
  const records = claimRecords.filter((r) => (r.latex ?? []).length > 0);
  it.each(records.map((r) => [r.id, r] as const))(
    '%s: every formula reads as the record was written against',
    (id, r) => {
      const got = (r.latex as LatexFragment[]).map((f) => {
        const found = locate(paperAt(), f.at!);
        return found.found ? found.latex : found.why;
      });
      expect(got).toEqual(FIXTURE[id]);
    },
  );

  it('anchors are unique in the shipped paper, so a first occurrence is the one meant', () => {
    const plain = paperAt().text.replace(/\u00a0/g, ' ');
    for (const r of claimRecords) {
      for (const f of (r.latex ?? []) as LatexFragment[]) {
        if (f.at?.anchor) expect(plain.split(f.at.anchor).length - 1, `${r.id}: "${f.at.anchor}"`).toBe(1);
      }
    }
  });
});

describe('what a locator selects', () => {
  it('an equation number names its rows; an anchor the display block after it', () => {
    expect(at({ equation: '(1)' })).toBe('L=a+b');
    expect(at({ equation: '(3)', item: 2 })).toBe('=2');
    expect(at({ anchor: 'and its derivative is', row: 2 })).toBe('L^{\\prime\\prime}');
    expect(at({ anchor: 'and its derivative is', equation: '(2)', item: -1 })).toBe('=2a');
  });

  it('an anchor without a row counts the formulas after it, or before it with a negative item', () => {
    expect(at({ anchor: 'is a weight and' })).toBe('x\\left(a+b\\right)');
    expect(at({ anchor: 'is its input. We', item: -1 })).toBe('x\\left(a+b\\right)');
    expect(at({ anchor: 'is its input. We', item: -2 })).toBe('a');
  });

  it('selects a side, unwraps parentheses and skips leading terms', () => {
    expect(at({ equation: '(1)', side: 'rhs' })).toBe('a+b');
    expect(at({ equation: '(1)', side: 'lhs' })).toBe('L');
    expect(at({ anchor: 'is a weight and', skip: 1 })).toBe('\\left(a+b\\right)');
    expect(at({ anchor: 'and its derivative is', row: 1, item: 2, side: 'rhs' })).toBe('2a');
  });

  it('reports a formula under another number as renumbered', () => {
    const r = locate(small, { anchor: 'and its derivative is', equation: '(7)', row: 2 });
    expect(r).toMatchObject({ found: true, latex: 'L^{\\prime\\prime}', renumbered: '(3)' });
  });

  it('answers what is absent with why, naming the locator', () => {
    expect(at({ equation: '(9)' })).toBe(
      'missing: Eq. (9): no display equation numbered (9) in this version of the paper',
    );
    expect(at({ anchor: 'a sentence that is not there' })).toMatch(
      /^missing: after "a sentence that is not there": the anchor is not in this version/,
    );
    expect(at({ equation: '(1)', row: 2 })).toMatch(/the equation has 1 row\(s\), not 2/);
    expect(at({ equation: '(1)', item: 3 })).toMatch(/line 7 has 1 formula\(s\) there, not 3/);
    expect(at({ anchor: 'is a weight and', side: 'rhs' })).toMatch(/has no right-hand side/);
    expect(at({ anchor: 'where aa𝑎a is' })).toMatch(/prose stands between the anchor and the formula on line 14/);
    expect(at({ equation: '(1)', unwrap: true })).toMatch(/is not wrapped in/);
    expect(at({ anchor: 'We conclude.', row: 1 })).toMatch(/no display formula follows the anchor/);
  });

  it('refuses a locator that names nothing, or item 0', () => {
    expect(LocatorSchema.safeParse({}).success).toBe(false);
    expect(LocatorSchema.safeParse({ equation: '(1)', item: 0 }).success).toBe(false);
    expect(LocatorSchema.safeParse({ equation: '8' }).success).toBe(false);
    expect(describeLocator({ equation: '(8)', anchor: 'The gradient', item: 2, side: 'rhs' })).toBe(
      'Eq. (8) (after "The gradient"), formula 2, right-hand side',
    );
  });
});
