import { describe, expect, it } from 'vitest';
import { claimRecords } from '../../proofs/index.ts';
import { displayFixups, joinRoleFragments, renderMath } from '../../src/report/math.ts';
import { printedFragments } from '../paper/shipped.ts';
import type { ClaimRecordInput } from '../../src/claims/schema.ts';

interface RawRecord {
  readonly id: string;
  readonly latex?: readonly { readonly role: string; readonly printed: string }[];
}

describe('displayFixups', () => {
  it('writes \\bm as \\boldsymbol and unwraps \\text{$…$}, and nothing else', () => {
    expect(displayFixups('\\bm{w}\\cdot\\bm{x}^{n}')).toBe('\\boldsymbol{w}\\cdot\\boldsymbol{x}^{n}');
    expect(displayFixups('-\\text{$y^{n}$}x_{i}^{n}')).toBe('-{y^{n}}x_{i}^{n}');
    expect(displayFixups('\\bmod \\text{ and } \\left.x\\right)')).toBe('\\bmod \\text{ and } \\left.x\\right)');
  });
});

describe('joinRoleFragments', () => {
  it('keeps one fragment per role as printed (after fix-ups), roles in order of first appearance', () => {
    expect(
      joinRoleFragments([
        { role: 'lhs', printed: 'a' },
        { role: 'rhs', printed: '\\bm{b}' },
      ]),
    ).toEqual([
      { role: 'lhs', latex: 'a', fragments: 1 },
      { role: 'rhs', latex: '\\boldsymbol{b}', fragments: 1 },
    ]);
  });

  it('joins rows split with \\right. … \\left. into one aligned formula, a row per fragment', () => {
    const [joined] = joinRoleFragments([
      { role: 'rhs', printed: '\\left(\\frac{a}{b}\\right.' },
      { role: 'rhs', printed: '+c' },
      { role: 'rhs', printed: '\\left.d\\right)' },
    ]);
    expect(joined).toEqual({
      role: 'rhs',
      latex: '\\begin{aligned}&\\left(\\frac{a}{b}\\right.\\\\&+c\\\\&\\left.d\\right)\\end{aligned}',
      fragments: 3,
    });
    expect(renderMath(joined!.latex, true).error).toBeNull();
  });

  it('joins rows on one line when a delimiter opened on one row closes on another', () => {
    const [joined] = joinRoleFragments([
      { role: 'rhs', printed: '\\left(a+' },
      { role: 'rhs', printed: 'b\\right)' },
    ]);
    expect(joined!.latex).toBe('\\left(a+ b\\right)');
    expect(renderMath(joined!.latex, true).error).toBeNull();
  });
});

describe('renderMath', () => {
  it('renders KaTeX HTML with MathML and the source in an annotation', () => {
    const { html, error } = renderMath('\\frac{1}{N}\\sum_{n}', true);
    expect(error).toBeNull();
    expect(html).toContain('class="katex-display"');
    expect(html).toContain('<annotation encoding="application/x-tex">\\frac{1}{N}\\sum_{n}</annotation>');
  });

  it('reports a formula it cannot parse instead of throwing', () => {
    const { html, error } = renderMath('\\frac{1}{', true);
    expect(error).toMatch(/KaTeX parse error/);
    expect(html).toContain('katex-error');
    expect(renderMath('\\undefinedcommand{x}', false).error).toMatch(/undefinedcommand/);
  });

  it('renders every printed formula of every claim record, joined by role', () => {
    const failures: string[] = [];
    for (const record of claimRecords as readonly RawRecord[]) {
      for (const f of joinRoleFragments(printedFragments(record as ClaimRecordInput))) {
        const { error } = renderMath(f.latex, true);
        if (error !== null) failures.push(`${record.id} (${f.role}): ${error}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
