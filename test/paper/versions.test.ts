/**
 * Proves that claimcheck checks the paper it is given: paper versions written here from the shipped text change exactly
 * the claims whose formulas changed. (a) Eq. (8) corrected: only eq08-gradient reads differently, and it is confirmed.
 * (b) one Appendix B row with a sign flipped: only that line's claim changes, and it is refuted. (c) a paragraph with
 * a new Eq. (9) inserted and later equations renumbered: every formula reads as before, under its new number (only the
 * list of equation numbers sec32-eq-ref reads changes). (d) Eq. (13) deleted: its claim is "not in this version",
 * naming the locator; the rest read as before. (e) an empty file, a binary file and unrelated prose: exit 2 with a
 * message naming --paper and the file. A changed table value changes only claims that read that table.
 *
 * A verdict is a function of what a claim reads (its formulas, quotes and the paper's text in its parameters), the
 * seed, the code and the experiments, so "every other verdict unchanged" is shown by every other claim reading exactly
 * what it read from the shipped paper.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allClaims, paperAt, runChecks } from '../../src/pipeline/run.ts';
import { DEFAULT_PAPER } from '../../src/paper/paper.ts';
import { ROBUST_GRADIENT } from '../../proofs/_data/formulas.ts';
import type { LoadedClaim } from '../../src/claims/loaded.ts';
import { runCli } from '../cli/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'claimcheck-versions-'));
const shipped = paperAt().text;
const lines = shipped.split('\n');

function version(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** What a claim reads from the paper: its formulas, the paper's text in its parameters, why it is missing or unreadable. */
function reads(c: LoadedClaim): unknown {
  return {
    latex: c.latex.map((f) => [f.role, f.printed]),
    params: c.params,
    notInPaper: c.notInPaper,
    unreadable: c.unreadable,
  };
}

/** The ids of the claims that read differently from `file` than from the shipped paper. */
function changed(file: string): string[] {
  const before = new Map(allClaims(DEFAULT_PAPER).map((c) => [c.id, JSON.stringify(reads(c))]));
  return allClaims(file)
    .filter((c) => JSON.stringify(reads(c)) !== before.get(c.id))
    .map((c) => c.id);
}

/** The 1-based line of the shipped text that ends with the equation number `label`. */
function lineOf(label: string): number {
  return lines.findIndex((l) => l.endsWith(` ${label}`)) + 1;
}

describe('paper versions', () => {
  it('(a) Eq. (8) corrected: only eq08-gradient reads differently, and it is confirmed', async () => {
    const at = lineOf('(8)') - 1;
    const row = lines[at]!;
    const start = row.indexOf('\\!\\frac{1}{N}');
    const fixed = [...lines];
    fixed[at] = `${row.slice(0, start)}${ROBUST_GRADIENT}. (8)`;
    const file = version('eq8-corrected.txt', fixed.join('\n'));
    expect(changed(file)).toEqual(['eq08-gradient']);
    const [before] = await runChecks(['eq08-gradient']);
    const [after] = await runChecks(['eq08-gradient'], { paper: file });
    expect(before!.verdict.status).toBe('refuted');
    expect(after!.verdict.status).toBe('confirmed');
  });

  it('(b) one Appendix B row with a sign flipped: only that line changes, and it is refuted', async () => {
    // Row 5 of the derivation (the middle row of line 2) starts "+\left(-\text{$y^{n}$}x_{i}^{n}…".
    const claim = allClaims().find((c) => c.id === 'appb-l2')!;
    const at = claim.latex.find((f) => f.at?.row === 5)!.line! - 1;
    const flipped = [...lines];
    flipped[at] = flipped[at]!.replace(
      '\\displaystyle+\\left(-\\text{$y^{n}$}',
      '\\displaystyle-\\left(-\\text{$y^{n}$}',
    );
    expect(flipped[at]).not.toBe(lines[at]);
    const file = version('appb-sign.txt', flipped.join('\n'));
    expect(changed(file)).toEqual(['appb-l2']);
    const [v] = await runChecks(['appb-l2'], { paper: file });
    expect(v!.verdict.status).toBe('refuted');
  });

  it('(c) a paragraph with a new Eq. (9) inserted and the equations renumbered: every formula reads as before', async () => {
    const renumbered = lines.map((l) =>
      l
        .replace(/\((9|1[0-5])\)$/, (_m, n: string) => `(${Number(n) + 1})`)
        .replace(/Eq\.(\u00a0| )\((9|1[0-5])\)/g, (_m, sp: string, n: string) => `Eq.${sp}(${Number(n) + 1})`),
    );
    const at = lineOf('(9)') - 3; // the paragraph that introduces Eq. (9)
    const inserted = [
      'Before the Hessian, we note a bound on the loss that the following derivation does not use:',
      '',
      'Lηlog2subscript𝐿𝜂2\\displaystyle L_{\\eta}\\geq\\log 2. (9)',
      '',
    ];
    const file = version('inserted.txt', [...renumbered.slice(0, at), ...inserted, ...renumbered.slice(at)].join('\n'));
    // sec32-eq-ref reads the list of the paper's equation numbers, now (1)–(16); "Eq. (2.1)" is still none of them.
    expect(changed(file)).toEqual(['sec32-eq-ref']);
    expect(allClaims(file).find((c) => c.id === 'sec32-eq-ref')!.params['labels']).toHaveLength(16);
    const eq09 = allClaims(file).find((c) => c.id === 'eq09-hessian-at-optimum')!;
    expect(eq09.location.equation).toBe('(10)');
    expect(eq09.latex.find((f) => f.role === 'rhs')!.renumbered).toBe('(10)');
    expect(allClaims(file).find((c) => c.id === 'eq08-gradient')!.location.equation).toBe('(8)');
    const [ref] = await runChecks(['sec32-eq-ref'], { paper: file });
    expect(ref!.verdict.status).toBe('refuted');
  });

  it('(d) Eq. (13) deleted: its claims are not in this version, naming the locator; the rest read as before', async () => {
    const at = lineOf('(13)') - 1;
    const file = version('no-eq13.txt', [...lines.slice(0, at), ...lines.slice(at + 1)].join('\n'));
    expect(changed(file).sort()).toEqual(['eq13-gradient-random', 'sec32-eq-ref']); // the latter reads the equation numbers
    const [v] = await runChecks(['eq13-gradient-random'], { paper: file });
    expect(v!.verdict.status).toBe('inconclusive');
    if (v!.verdict.status !== 'inconclusive') return;
    expect(v!.verdict.reason).toMatch(
      /^not in this version of the paper: rhs: Eq\. \(13\) \(after "The derivative of the loss with arbitrary noise is"\).*no display formula directly follows the anchor/,
    );
  });

  it('a printed table value changed: only claims that read that table change, and its gap is refuted', async () => {
    const at = lines.indexOf('0.20 99.79 99.95 -0.16');
    expect(at).toBeGreaterThan(0);
    const edited = [...lines];
    edited[at] = '0.20 99.79 99.95 -0.15';
    const file = version('table1.txt', edited.join('\n'));
    const readers = allClaims()
      .filter((c) => JSON.stringify(c.params).includes('"label":"Table 1"'))
      .map((c) => c.id);
    const diff = changed(file);
    expect(diff).toContain('tab1-gap');
    for (const id of diff) expect(readers).toContain(id);
    const [v] = await runChecks(['tab1-gap'], { paper: file });
    expect(v!.verdict.status).toBe('refuted');
  });

  it('(e) an empty file, a binary file and unrelated prose: exit 2 naming --paper and the file', async () => {
    const cases = [
      [version('empty.txt', ''), /--paper .*empty\.txt: the file is empty/],
      [version('image.png', '\x89PNG\r\n\x1a\n\0\0\0\rIHDR'), /--paper .*image\.png: a binary file/],
      [
        version('novel.txt', 'It was a dark and stormy night (1).\n\nThe rain fell in torrents.\n'),
        /--paper .*novel\.txt: no numbered display formula/,
      ],
    ] as const;
    for (const [file, message] of cases) {
      const r = await runCli(['check', 'eq08-gradient', '--paper', file]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });

  it('a text with the formulas of another paper is refused: none of its claims is found', () => {
    const other = [
      'A Different Paper',
      '',
      'Some One1',
      '',
      'Our loss is',
      '',
      'L=x2𝐿𝑥2\\displaystyle L=\\frac{x}{2}. (1)',
    ].join('\n');
    expect(() => allClaims(version('other.txt', other))).toThrow(
      /none of the paper's formulas or quoted sentences were found/,
    );
  });
});
