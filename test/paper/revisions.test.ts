/**
 * Proves how claimcheck meets revisions that could make it read the wrong thing: a row removed from a derivation, an
 * anchor phrase repeated before another display, a table row that cannot be read or is missing, LaTeX with spaces
 * after commas, an equation that lost its number, section-style numbers. In each case the claim reads the right
 * formula or is inconclusive saying why; it never reads a neighbour's formula, and the run never stops.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allClaims, paperAt, runChecks } from '../../src/pipeline/run.ts';

const dir = mkdtempSync(join(tmpdir(), 'claimcheck-revisions-'));
const lines = paperAt().text.split('\n');
let n = 0;
function version(edit: (lines: string[]) => string[]): string {
  const file = join(dir, `v${n++}.txt`);
  writeFileSync(file, edit([...lines]).join('\n'));
  return file;
}
const claim = (file: string, id: string) => allClaims(file).find((c) => c.id === id)!;
const rowOf = (id: string, role: string, k = 0) =>
  claim(paperAt().file, id).latex.filter((f) => f.role === role)[k]!.line! - 1;

describe('revisions that could mislead a locator', () => {
  it('a derivation row removed: the lines after it are not read from their neighbours', () => {
    const at = rowOf('appb-l6', 'rhs');
    const file = version((l) => [...l.slice(0, at), ...l.slice(at + 1)]);
    for (const id of ['appb-l6', 'appb-l7', 'appb-l8', 'appb-l9']) {
      expect(claim(file, id).notInPaper.join(' '), id).toMatch(
        /has 4 row\(s\), not the 5 the record was written against/,
      );
    }
  });

  it('an anchor phrase repeated before another display: ambiguous, not the first one taken', () => {
    const at = lines.findIndex((l) => l.startsWith('Lemma 1'));
    const file = version((l) => [
      ...l.slice(0, at),
      'The gradient of loss with respect to weight without noise is',
      '',
      'g𝑔\\displaystyle g=\\frac{1}{N}\\sum_{n}x_{i}^{n}. (8)',
      '',
      ...l.slice(at),
    ]);
    expect(claim(file, 'eq08-gradient').notInPaper.join(' ')).toMatch(/the anchor occurs 2 times in this version/);
  });

  it('a table row that cannot be read makes its claims inconclusive; runs of spaces read as one', async () => {
    const at = lines.indexOf('8/255 99.74 99.86 -0.12');
    const unreadable = version((l) => l.map((x, i) => (i === at ? '8/255 99.7 99.86 -0.16' : x)));
    expect(claim(unreadable, 'tab3-gap').unreadable.join(' ')).toMatch(
      /Table 3: row 3 \("8\/255 99\.7 99\.86 -0\.16"\) cannot be read/,
    );
    const [v] = await runChecks(['tab3-gap'], { paper: unreadable });
    expect(v!.verdict.status).toBe('inconclusive');
    const spaced = version((l) => l.map((x, i) => (i === at ? '8/255  99.74   99.86 -0.12' : x)));
    expect(claim(spaced, 'tab3-gap').params).toEqual(claim(paperAt().file, 'tab3-gap').params);
  });

  it('a table row removed: a claim about that row is inconclusive, the run goes on', async () => {
    const at = lines.indexOf('25.5/255 99.46 99.67 -0.21');
    const file = version((l) => [...l.slice(0, at), ...l.slice(at + 1)]);
    const results = await runChecks(['txt-sec51-4-tab3-large-eps', 'tab3-gap'], { paper: file });
    expect(results[0]!.verdict.status).toBe('inconclusive');
    if (results[0]!.verdict.status === 'inconclusive')
      expect(results[0]!.verdict.reason).toMatch(/could not be read: table-statement: Table 3 has no row at ε/);
    expect(results[1]!.verdict.status).toBe('confirmed');
  });

  it('spaces after commas inside \\left( … \\right) do not end a formula', () => {
    const at = rowOf('eq01-logistic-loss', 'lhs');
    const file = version((l) =>
      l.map((x, i) =>
        i === at
          ? x.replace(
              '\\ell\\left(\\bm{x}^{n},y^{n},\\bm{w}\\right)',
              '\\ell\\left(\\bm{x}^{n}, y^{n}, \\bm{w}\\right)',
            )
          : x,
      ),
    );
    expect(claim(file, 'eq01-logistic-loss').latex[0]!.printed).toBe(
      '\\frac{1}{N}\\sum_{n}\\ell\\left(\\bm{x}^{n}, y^{n}, \\bm{w}\\right)',
    );
  });

  it('an equation split over two rows, or continued after a TeX comment, is not read in halves', () => {
    const at = lines.findIndex((l) => l.endsWith(' (14)'));
    const row = lines[at]!;
    const cut = row.indexOf('=\\frac{1}{N}\\sum_{n}\\frac{\\left(g^{n}-1\\right)}');
    expect(cut).toBeGreaterThan(0);
    const split = version((l) => [
      ...l.slice(0, at),
      `${row.slice(0, cut)}`,
      `x𝑥\\displaystyle${row.slice(cut)}`,
      ...l.slice(at + 1),
    ]);
    expect(claim(split, 'eq14-hessian-random').notInPaper.join(' ')).toMatch(
      /has 2 row\(s\), not the 1 the record was written against/,
    );
    const comment = version((l) => [
      ...l.slice(0, at),
      `${row.slice(0, cut)}=\\frac{1}{N}%`,
      row.slice(cut + '=\\frac{1}{N}'.length),
      ...l.slice(at + 1),
    ]);
    expect(claim(comment, 'eq14-hessian-random').notInPaper.length).toBeGreaterThan(0);
  });

  it('prose inserted between an anchor and its formula: not read from further on', () => {
    const at = lines.findIndex((l) => l.includes('for each point satisfies'));
    const file = version((l) =>
      l.map((x, i) =>
        i === at
          ? x.replace('for each point satisfies', 'for each point satisfies, for every n with a nonzero noise,')
          : x,
      ),
    );
    expect(claim(file, 'sec3-optimality-condition').notInPaper.join(' ')).toMatch(
      /prose stands between the anchor and the formula/,
    );
  });

  it('a formula the check models but does not read, printed otherwise: inconclusive, not the model’s verdict', async () => {
    const at = lines.findIndex((l) => l.endsWith(' (6)'));
    const file = version((l) =>
      l.map((x, i) => (i === at ? x.replace('\\left\\|{\\bm{w}}^{\\left(l,m\\right)}\\right\\|_{{\\rm F}}', '') : x)),
    );
    expect(claim(file, 'eq06-filter-normalisation').unreadable.join(' ')).toMatch(
      /differs from the one this check models/,
    );
    const [v] = await runChecks(['eq06-filter-normalisation'], { paper: file });
    expect(v!.verdict.status).toBe('inconclusive');
  });

  it('an equation that lost its number is still found, its location unnumbered; section-style numbers are numbers', () => {
    const at = lines.findIndex((l) => l.endsWith(' (8)'));
    const unnumbered = version((l) => l.map((x, i) => (i === at ? x.replace(/ \(8\)$/, '') : x)));
    const eq08 = claim(unnumbered, 'eq08-gradient');
    expect(eq08.notInPaper).toEqual([]);
    expect(eq08.latex[1]!.printed).toBe(claim(paperAt().file, 'eq08-gradient').latex[1]!.printed);
    expect(eq08.location.equation).toBeUndefined();
    const dotted = version((l) => l.map((x) => x.replace(/ \((\d{1,2})\)$/, ' (3.$1)')));
    expect(claim(dotted, 'eq08-gradient').location.equation).toBe('(3.8)');
    expect(claim(dotted, 'eq08-gradient').latex[1]!.printed).toBe(eq08.latex[1]!.printed);
  });
});
