import { describe, expect, it } from 'vitest';
import { claimRecords } from '../../proofs/index.ts';
import { displayFixups, renderMath } from '../../src/report/math.ts';
import { splitQuoteMath, type QuotePart } from '../../src/report/quote-math.ts';
import { recordQuote } from '../paper/shipped.ts';

const show = (parts: readonly QuotePart[]): string =>
  parts.map((p) => ('text' in p ? p.text : `⟦${p.latex}⟧`)).join('');

describe('splitQuoteMath', () => {
  it('replaces each formula (presentation text, content MathML, LaTeX) by its LaTeX', () => {
    expect(
      show(splitQuoteMath('where λ𝜆\\lambda is step size and ΠεsubscriptΠ𝜀\\Pi_{\\varepsilon} is projection')),
    ).toBe('where ⟦\\lambda⟧ is step size and ⟦\\Pi_{\\varepsilon}⟧ is projection');
    expect(show(splitQuoteMath('the Lpsubscript𝐿pL_{\\rm{p}} norm is less than ε𝜀\\varepsilon.'))).toBe(
      'the ⟦L_{\\rm{p}}⟧ norm is less than ⟦\\varepsilon⟧.',
    );
  });

  it('keeps brackets and punctuation around a formula as text, and spaces inside it', () => {
    expect(show(splitQuoteMath('standard training (ε=0𝜀0\\varepsilon=0).'))).toBe(
      'standard training (⟦\\varepsilon=0⟧).',
    );
    expect(
      show(splitQuoteMath('noise 𝜼N(0,σI)similar-to𝜼𝑁0𝜎𝐼\\bm{\\eta}\\sim N\\left(0,\\sigma I\\right), the same')),
    ).toBe('noise ⟦\\bm{\\eta}\\sim N\\left(0,\\sigma I\\right)⟧, the same');
  });

  it('leaves a quote without formulas as one text part', () => {
    expect(splitQuoteMath('we use the logistic loss')).toEqual([{ text: 'we use the logistic loss' }]);
    expect(splitQuoteMath('a {brace} and x_1 in plain text')).toEqual([{ text: 'a {brace} and x_1 in plain text' }]);
  });

  it('leaves no LaTeX command in the text of any quote of the registry, and every formula renders', () => {
    const problems: string[] = [];
    for (const record of claimRecords) {
      const quote = recordQuote(record);
      if (!quote) continue;
      for (const part of splitQuoteMath(quote)) {
        if ('text' in part && /\\[A-Za-z]/.test(part.text))
          problems.push(`${record.id}: LaTeX left in text: ${part.text}`);
        if ('latex' in part) {
          const { error } = renderMath(displayFixups(part.latex), false);
          if (error !== null) problems.push(`${record.id}: ${error}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
