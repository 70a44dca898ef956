import { describe, expect, it } from 'vitest';
import { figureFile, figureFileContent, inlineSvg, validateSections } from '../../src/report/figures.ts';
import type { ReportSection } from '../../src/experiments/section.ts';
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
