import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderErrataHtml } from '../../src/report/html.ts';
import { renderErrataJson } from '../../src/report/json.ts';
import { renderErrataMarkdown } from '../../src/report/markdown.ts';
import type { RunProvenance } from '../../src/report/provenance.ts';
import { fakeSections } from './fake-sections.ts';
import { makeClaim, provenance, results } from './fixtures.ts';

const sections = fakeSections('eq08-gradient');

const run: RunProvenance = {
  generatedAt: '2026-01-02T03:04:05.000Z',
  durationMillis: 12_345,
  argv: ['report'],
  host: {
    hostname: 'h',
    platform: 'linux',
    release: '6',
    arch: 'x64',
    cpus: 2,
    cpuModel: 'Test CPU',
    totalMemoryBytes: 2 ** 34,
  },
  claims: results.map((r) => ({ id: r.claim.id, millis: r.millis, cached: r.claim.id === 'eq07-loss' })),
  experiments: [{ id: 'fake-landscape', status: 'measured', millis: 2000 }],
};

describe('renderErrataHtml', () => {
  const { html, mathFailures } = renderErrataHtml(results, provenance, sections);

  it('is one self-contained page: CSP that forbids fetching, inline fonts, no external reference', () => {
    expect(mathFailures).toEqual([]);
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; script-src 'sha256-[A-Za-z0-9+/=]+'/,
    );
    expect(html).toContain('src:url(data:font/woff2;base64,');
    expect(html).not.toMatch(/<link\b|url\(fonts\/|\bsrc\s*=\s*["']?https?:|href\s*=\s*["']?https?:/);
  });

  it('allows exactly its own script by hash', () => {
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const hash = createHash('sha256').update(script, 'utf8').digest('base64');
    expect(html).toContain(`script-src 'sha256-${hash}'`);
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it('is the same bytes for the same inputs when no run is given', () => {
    expect(renderErrataHtml(results, provenance, sections).html).toBe(html);
    expect(html).not.toContain('<h3>This run</h3>');
  });

  it('has counts that filter, a sortable table row per claim, and an entry per claim', () => {
    expect(html).toContain(
      '<button type="button" class="v-refuted" data-filter="refuted" aria-pressed="false"><span class="n">1</span>refuted</button>',
    );
    expect(html).toContain('data-filter="all" aria-pressed="true"><span class="n">4</span>all claims</button>');
    expect(html.match(/<tr data-verdict=/g)).toHaveLength(4);
    expect(html.match(/<th scope="col"[^>]*><button type="button">/g)).toHaveLength(5);
    for (const r of results)
      expect(html).toContain(`<article class="claim" id="claim-${r.claim.id}" data-verdict="${r.verdict.status}">`);
  });

  it('renders printed, derived and corrected math at build time, with the witness and the command', () => {
    const entry = html.slice(html.indexOf('id="claim-eq08-gradient"'), html.indexOf('id="claim-thm2-sharper"'));
    expect(entry.match(/class="katex-display"/g)).toHaveLength(3);
    expect(entry).toContain('<annotation encoding="application/x-tex">-y x_i \\sigma(-z)</annotation>');
    expect(entry).toContain('<span class="pt">w1&#8239;=&#8239;<code>0.5</code></span>');
    expect(entry).toContain(
      '<th scope="row" title="what the paper states, as the check reads it">claimed</th><td>0.731</td>',
    );
    expect(entry).toContain('<code>npx claimcheck check eq08-gradient --seed 20210</code>');
    expect(entry).toContain(
      'Rests on:</strong> figure <a href="#fig-fake-eigenvalues">Largest eigenvalue of the Hessian</a>',
    );
    expect(entry).toContain('table <a href="#tab-fake-table">Robust accuracy, paper and ours</a>');
    const holds = html.slice(html.indexOf('id="claim-thm2-sharper"'), html.indexOf('id="claim-tab3-gap"'));
    expect(holds).toContain(
      '<h4>Holds under the assumption</h4><p>the data are linearly separable</p><p class="meta">stated in the paper: “the data are separable”</p>',
    );
    expect(holds).toContain(
      '<td>does it hold where it matters?</td><td>no</td><td>MNIST2 is separable with margin 0.1</td>',
    );
    expect(html).toContain('<h4>Why inconclusive</h4><p>the 64- and 128-digit residuals disagree</p>');
  });

  it('has the sections: inline SVG figure with caption, table, provenance, and the not-measured box', () => {
    expect(html).toContain(
      '<figure class="plot" id="fig-fake-eigenvalues"><svg aria-label="Largest eigenvalue of the Hessian" role="img"',
    );
    expect(html).toContain('clip-path="url(#f-fake-eigenvalues-plot-area)"');
    expect(html).toContain('<td class="num">99.86</td>');
    expect(html).toContain(
      '<li><strong>train images:</strong> train-images-idx3-ubyte (sha256 0123abcd…), 12,665 images of digits 0 and 1</li>',
    );
    expect(html).toContain('<h4>Not measured here</h4><p>CIFAR-10 is not on this machine.</p>');
    expect(html).toContain('<code>npx claimcheck report --cifar-dir DIR --setting full</code>');
  });

  it('adds the run block (time, duration, device, cache) only when a run is given', () => {
    const withRun = renderErrataHtml(results, provenance, sections, run).html;
    expect(withRun).toContain('<h3>This run</h3>');
    expect(withRun).toContain('2026-01-02T03:04:05.000Z');
    expect(withRun).toContain('12.3 s (1 of 4 verdicts reused from the cache)');
    expect(withRun).toContain('Test CPU × 2, 16 GiB');
    expect(withRun).toContain('measured, 2.0 s');
  });

  it('lists a formula KaTeX cannot render, in the result and at the top of the page', () => {
    const bad = [
      { ...results[0]!, claim: makeClaim({ id: 'bad', latex: [{ role: 'rhs', printed: '\\frac{1}{', parse: true }] }) },
    ];
    const out = renderErrataHtml(bad, provenance);
    expect(out.mathFailures).toHaveLength(1);
    expect(out.mathFailures[0]).toMatchObject({ claim: 'bad', role: 'rhs', latex: '\\frac{1}{' });
    expect(out.html).toContain('<div class="callout error" role="alert"><h4>1 formula could not be rendered</h4>');
  });

  it('renders quoted formulas inline and keeps the text', () => {
    const quoted = [
      {
        ...results[0]!,
        claim: makeClaim({
          id: 'q',
          quote: 'where λ𝜆\\lambda is step size and ΠεsubscriptΠ𝜀\\Pi_{\\varepsilon} is projection',
        }),
      },
    ];
    const out = renderErrataHtml(quoted, provenance).html;
    const quote = /<blockquote>([\s\S]*?)<\/blockquote>/.exec(out)![1]!;
    expect(quote.startsWith('where <span class="katex">')).toBe(true);
    expect(quote).toContain(' is step size and <span class="katex">');
    expect(quote).not.toContain('subscript');
  });
});

describe('sections in errata.md and errata.json', () => {
  const md = renderErrataMarkdown(results, provenance, sections);
  const json = JSON.parse(renderErrataJson(results, provenance, sections)) as {
    sections: { id: string; figures: { file: string; svg?: string }[]; notMeasured: unknown }[];
    claims: { id: string; restsOn: unknown[]; printedDisplay: unknown[] }[];
  };

  it('reference figures as files, inline tables, and give the not-measured box with its command', () => {
    expect(md).toContain('## Experiments');
    expect(md).toContain('![Largest eigenvalue of the Hessian](figures/fake-eigenvalues.svg)');
    expect(md).toContain('| ε | paper train (%) | ours train (%) | paper test (%) | ours test (%) |');
    expect(md).toContain('| 0.2 | 99.43 | 99.47 | 99.67 | 99.62 |');
    expect(md).toContain('> **Not measured here.** CIFAR-10 is not on this machine.');
    expect(md).toContain('> Measure it with: `npx claimcheck report --cifar-dir DIR --setting full`');
    expect(md).toContain(
      '**Rests on:** figure [Largest eigenvalue of the Hessian](figures/fake-eigenvalues.svg) (`fake-eigenvalues`); table *Robust accuracy, paper and ours*',
    );
    expect(json.sections.map((s) => s.id)).toEqual(['fake-landscape', 'fake-cifar10']);
    expect(json.sections[0]!.figures[0]).toMatchObject({ file: 'figures/fake-eigenvalues.svg' });
    expect(json.sections[0]!.figures[0]!.svg).toBeUndefined();
    expect(json.sections[1]!.notMeasured).toEqual({
      reason: 'CIFAR-10 is not on this machine.',
      command: 'npx claimcheck report --cifar-dir DIR --setting full',
    });
    expect(json.claims.find((c) => c.id === 'eq08-gradient')!.restsOn).toHaveLength(2);
  });

  it('are the same bytes every time', () => {
    expect(renderErrataMarkdown(results, provenance, sections)).toBe(md);
    expect(renderErrataJson(results, provenance, sections)).toBe(renderErrataJson(results, provenance, sections));
  });
});
