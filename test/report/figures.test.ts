import { describe, expect, it } from 'vitest';
import { figureFile, figureFileContent, inlineSvg, validateSections } from '../../src/report/figures.ts';
import type { ReportFigure, ReportSection } from '../../src/experiments/section.ts';
import { smallMultiplesParts } from '../../src/plot/small-multiples.ts';
import { FIGURE_CSS } from '../../src/report/figure-style.ts';
import { FAKE_SVG, fakeSections } from './fake-sections.ts';

function withFigure(svg: string, id = 'fig'): ReportSection[] {
  return [
    {
      id: 'sec',
      title: 't',
      summary: 's',
      figures: [{ id, title: 'T', caption: 'c', svg }],
      tables: [],
      provenance: {},
    },
  ];
}

describe('validateSections', () => {
  it('accepts well-formed sections', () => {
    expect(() => validateSections(fakeSections('eq01-logistic-loss'))).not.toThrow();
  });

  it('refuses SVG that is not self-contained, naming the section, the figure and why', () => {
    expect(() => validateSections(withFigure('<svg><script>alert(1)</script></svg>'))).toThrow(
      'report section sec: figure fig must be self-contained SVG, but it contains a <script>',
    );
    expect(() => validateSections(withFigure('<svg><image href="https://example.org/a.png"/></svg>'))).toThrow(
      /links to an external resource/,
    );
    expect(() => validateSections(withFigure('<svg><rect style="fill:url(http://x/y)"/></svg>'))).toThrow(
      /through url/,
    );
    expect(() => validateSections(withFigure('<svg><rect onclick="x()"/></svg>'))).toThrow(/event handler/);
    expect(() =>
      validateSections(
        withFigure('<svg><rect fill="url(#g)"/><use href="#g"/><image href="data:image/png;base64,AA"/></svg>'),
      ),
    ).not.toThrow();
    expect(() => validateSections(withFigure('<p>not svg</p>'))).toThrow(
      'report section sec: figure fig must be an <svg> document, but got "<p>not svg</p>"',
    );
  });

  it('refuses unsafe or duplicate ids and ragged tables', () => {
    expect(() => validateSections(withFigure(FAKE_SVG, '../up'))).toThrow(
      `figure id must be letters, digits, ".", "_" or "-", but got "../up"`,
    );
    const [a] = fakeSections('x');
    expect(() => validateSections([a!, { ...a!, id: 'other' }])).toThrow(
      'report section other: figure id must be unique in the report, but "fake-eigenvalues" is also in section fake-landscape',
    );
    const ragged = { ...a!, tables: [{ id: 't', title: 't', columns: ['a', 'b'], rows: [['1']] }] };
    expect(() => validateSections([ragged])).toThrow(
      'report section fake-landscape: table t row 0 must have 2 cells, but got 1',
    );
  });
});

describe('figure files and inline SVG', () => {
  const figure = fakeSections('x')[0]!.figures[0]!;

  it('writes figures to figures/<id>.svg as standalone SVG without the prolog', () => {
    expect(figureFile('fake-eigenvalues')).toBe('figures/fake-eigenvalues.svg');
    const file = figureFileContent(figure);
    expect(file.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(file).not.toContain('<?xml');
    expect(file).not.toContain('<!--');
    expect(figureFileContent({ ...figure, svg: '<svg width="1" height="1"></svg>' })).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>\n',
    );
  });

  it('prefixes the ids an inlined SVG defines and the references to them, adds a viewBox and a label', () => {
    const svg = inlineSvg(figure, 'f-a-');
    expect(svg).toContain('id="f-a-plot-area"');
    expect(svg).toContain('clip-path="url(#f-a-plot-area)"');
    expect(svg).toContain('fill="url(#f-a-fill)"');
    expect(svg).not.toMatch(/id="plot-area"|url\(#plot-area\)/);
    expect(svg).toMatch(/^<svg aria-label="Largest eigenvalue of the Hessian" role="img" viewBox="0 0 480 300"/);
  });
});

describe('multi-panel figures in errata.html', () => {
  const panel = (title: string) => ({
    title,
    x: { label: 'x' },
    y: { label: 'y' },
    series: [{ label: 'a & b', x: [0, 1], y: [0, 1] }],
  });
  const parts = smallMultiplesParts({
    title: 'Two <panels>',
    note: 'small print',
    panels: [panel('(a) one'), panel('(b) two')],
    legendTitle: 'series',
  });
  const figure: ReportFigure = { id: 'multi', title: 'Multi & co', caption: 'c', svg: FAKE_SVG, panels: parts };
  const html = inlineSvg(figure, 'f-m-');

  it('returns the figure body: the title as text, a grid of one SVG per panel and the legend, the note as text', () => {
    expect(html.startsWith('<div class="figure-panels" role="group" aria-label="Multi &#38; co">')).toBe(true);
    expect(html).toContain('<p class="figure-heading">Two &#60;panels&#62;</p>');
    expect(html).toContain('<p class="figure-note">small print</p>');
    expect(html.match(/<div class="figure-panel">/g)).toHaveLength(2);
    expect(html.match(/<div class="figure-legend">/g)).toHaveLength(1);
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html).toContain('aria-label="(a) one"');
    expect(html).toContain('aria-label="Legend: series"');
  });

  it('prefixes each panel’s ids on its own, so no id repeats in the page, and adds viewBoxes to scale', () => {
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.startsWith('f-m-')).toBe(true);
    for (const ref of html.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(ref[1]);
    expect(html.match(/viewBox="0 0 /g)).toHaveLength(3);
  });

  it('keeps the whole figure as one SVG for the figure file, and its CSS wraps the panels to the page width', () => {
    const file = figureFileContent(figure);
    expect(file).toContain('<clipPath id="plot-area">');
    expect(file).not.toContain('figure-panel');
    expect(FIGURE_CSS).toMatch(/\.figure-grid \{[^}]*display: flex; flex-wrap: wrap;/);
    expect(FIGURE_CSS).toMatch(/@media \(max-width: 40rem\) \{[^@]*\.figure-panel \{ flex: 1 1 100%; \}/);
  });

  it('refuses a panel that is not self-contained SVG, naming the figure and the panel', () => {
    const bad = (panels: ReportFigure['panels']): ReportSection[] => [
      { id: 'sec', title: 't', summary: 's', figures: [{ ...figure, panels }], tables: [], provenance: {} },
    ];
    expect(() => validateSections(bad(parts))).not.toThrow();
    expect(() =>
      validateSections(bad({ ...parts, panels: [parts.panels[0]!, '<svg><script>x</script></svg>'] })),
    ).toThrow('report section sec: figure multi panel 1 must be self-contained SVG, but it contains a <script>');
    expect(() => validateSections(bad({ ...parts, legend: '<p>no</p>' }))).toThrow(
      'report section sec: figure multi legend must be an <svg> document, but got "<p>no</p>"',
    );
    expect(() => validateSections(bad({ ...parts, panels: [] }))).toThrow(
      'report section sec: figure multi has panels, but none is given',
    );
  });
});
