/**
 * The top of the report: findings caused by refuted claims ("what is wrong"), then conditional findings with whether
 * their condition is realistic, then what could not be decided with the command that would; and every format opens
 * with it, before the claim table and the entries.
 */
import { describe, expect, it } from 'vitest';
import { buildErrata } from '../../src/report/errata.ts';
import { renderErrataDocumentHtml, renderErrataHtml } from '../../src/report/html.ts';
import { renderErrataDocumentMarkdown, renderErrataMarkdown } from '../../src/report/markdown.ts';
import { buildOverview, codeParts, VERDICT_LEGEND } from '../../src/report/overview.ts';
import { VERDICT_STATUSES, type Verdict } from '../../src/claims/verdict.ts';
import type { CheckResult } from '../../src/claims/loaded.ts';
import { provenance, results } from './fixtures.ts';

describe('buildOverview', () => {
  const overview = buildOverview(buildErrata(results, provenance));

  it('puts the refuted claim under what is wrong, with its witness as a sentence and its checked correction', () => {
    expect(overview.wrong.map((o) => o.finding.roots)).toEqual([['eq08-gradient']]);
    const [wrong] = overview.wrong;
    expect(wrong!.says).toBe('statement of eq08-gradient');
    expect(wrong!.found).toBe('-0.731, where the claim, as checked, gives 0.731.');
    expect(wrong!.correction).toMatchObject({ latex: '-y x_i \\sigma(-z)', check: 'confirmed' });
    expect(wrong!.condition).toBeNull();
  });

  it('says of an assumption that fails where it matters that it is not realistic, and where it is checked', () => {
    expect(overview.conditional).toHaveLength(1);
    const [c] = overview.conditional;
    expect(c!.condition!.realism).toMatchObject({ status: 'no', label: 'not realistic: it fails where it matters' });
    expect(c!.condition!.source).toBe('stated in the paper: “the data are separable”');
    expect(c!.checkedIn).toBe('thm2-sharper');
  });

  it('lists the undecided claims with their reasons, and splits a reason at its commands', () => {
    expect(overview.unchecked.map((u) => u.entry.id)).toEqual(['tab3-gap']);
    expect(overview.headline).toBe(
      `4 claims checked: 1 refuted (1 finding), 1 hold only under an assumption or a reading, 1 could not be decided here; ${buildErrata(results, provenance).findings.filter((f) => f.severity === 'result').length} findings change a result.`.replace(
        /; 1 findings change/,
        '; 1 finding changes',
      ),
    );
    expect(codeParts('run `a b` now')).toEqual([
      { text: 'run ', code: false },
      { text: 'a b', code: true },
      { text: ' now', code: false },
    ]);
  });

  it('turns a numeric witness into a sentence with six significant digits, and a textual one into found-against-claimed', () => {
    const refuted = results.find((r) => r.verdict.status === 'refuted')!;
    const verdict = {
      ...refuted.verdict,
      witness: {
        point: { instance: 'd=2,N=2,i=1' },
        paperValue: '-0.41801611370611599403',
        ourValue: '0.056025324289651497841',
      },
    } as Verdict;
    const o = buildOverview(buildErrata([{ ...refuted, verdict } as CheckResult], provenance));
    const text = { ...verdict, witness: { point: {}, paperValue: 'Figure 2', ourValue: 'Figure 1' } } as Verdict;
    expect(buildOverview(buildErrata([{ ...refuted, verdict: text } as CheckResult], provenance)).wrong[0]!.found).toBe(
      'Figure 1 (the claim, as checked: Figure 2).',
    );
    expect(o.wrong[0]!.found).toBe(
      'At a random point (d=2,N=2,i=1): 0.0560253, where the claim, as checked, gives -0.418016.',
    );
  });

  it('cuts two numbers only as far as they still differ', () => {
    const refuted = results.find((r) => r.verdict.status === 'refuted')!;
    const close = {
      ...refuted.verdict,
      witness: { point: {}, paperValue: '1.00000001234', ourValue: '1.00000005678' },
    } as Verdict;
    expect(
      buildOverview(buildErrata([{ ...refuted, verdict: close } as CheckResult], provenance)).wrong[0]!.found,
    ).toBe('1.0000001, where the claim, as checked, gives 1.0000000.');
  });

  it('files a finding with a refuted claim under what is wrong, whatever its cause', () => {
    const doc = buildErrata(results, provenance);
    const f = doc.findings.find((x) => x.cause.kind === 'assumption')!;
    const refuted = results.find((r) => r.verdict.status === 'refuted')!.claim.id;
    const merged = { ...doc, findings: [{ ...f, consequences: [...f.consequences, refuted] }] };
    const o = buildOverview(merged);
    expect(o.wrong.map((x) => x.finding.id)).toEqual([f.id]);
    expect(o.wrong[0]!.condition).not.toBeNull();
    expect(o.wrong[0]!.says).toBe(`statement of ${refuted}`);
    expect(o.conditional).toEqual([]);
    // Both formats mark which claims are the finding's roots.
    expect(renderErrataDocumentMarkdown(merged)).toContain(', root)');
    expect(renderErrataDocumentHtml(merged, []).html).toContain(', root</span>');
  });

  it('explains every verdict class in the legend', () => {
    for (const s of VERDICT_STATUSES) expect(VERDICT_LEGEND.map(([k]) => k)).toContain(s);
  });
});

describe('the formats open with the findings', () => {
  it('errata.md: what is wrong, the conditional findings, the undecided, the legend, then the table and entries', () => {
    const md = renderErrataMarkdown(results, provenance);
    const at = (s: string) => md.indexOf(s);
    const order = [
      '## What is wrong, and how to fix it',
      '### 1. [',
      '## Holds only under an assumption or a reading',
      '## Could not be decided here',
      '## How to read the verdicts',
      '## All verdicts',
      '## Claims',
      '## Provenance',
    ].map(at);
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(md).toContain(
      '- **Fix** (the same check on the correction: confirmed):\n\n  $$\n  -y x_i \\sigma(-z)\n  $$',
    );
    expect(md).toContain('- **Realistic?** **not realistic: it fails where it matters.**');
  });

  it('errata.html: the findings section is the first thing in main, expanded, with the correction rendered', () => {
    const { html } = renderErrataHtml(results, provenance);
    const main = html.slice(html.indexOf('<main class="wrap">') + '<main class="wrap">'.length).trimStart();
    expect(main.startsWith('<section id="findings">')).toBe(true);
    const findings = main.slice(0, main.indexOf('</section>'));
    expect(findings).toContain('<li class="finding severity-');
    expect(findings).toMatch(/<details open><summary><span class="badge sev-\w+">/);
    expect(findings).toContain('<annotation encoding="application/x-tex">-y x_i \\sigma(-z)</annotation>');
    expect(findings).toContain('<dl class="legend">');
    // Entries below start folded, with the verdict line in their summary.
    expect(html).toMatch(
      /<article class="claim" id="claim-tab3-gap" data-verdict="inconclusive">\n<details class="entry"><summary>/,
    );
  });
});
