/**
 * Every figure title fits its figure: a title wider than the SVG wraps onto a second line or is cut with "…", in
 * every kind of plot (line chart, small multiples, contour), and every title, subtitle, note and legend label of the
 * MNIST2 report section (each figure's SVG file and each panel the HTML lays out) lies inside its SVG's width, by the
 * plot code's own width estimate. Fig. 5's title, which used to be clipped on both sides, now takes two lines.
 */
import { describe, expect, it } from 'vitest';
import { mnist2Measurements } from '../../src/experiments/mnist2/measurements.ts';
import { fig5Figure, mnist2Section } from '../../src/experiments/mnist2/figures.ts';
import { contourPlot } from '../../src/plot/contour.ts';
import { lineChart } from '../../src/plot/line-chart.ts';
import { smallMultiples } from '../../src/plot/small-multiples.ts';
import type { LineChartSpec } from '../../src/plot/chart-spec.ts';
import { resultsOf, smallMnist2, trainedCell } from '../experiments/mnist2/helpers.ts';
import { overflowingTexts, textExtents } from './text-extent.ts';

const LONG =
  'A deliberately long figure title that no single panel could ever hold on one line, MNIST2, ε ∈ {0, 25.5/255}';
const TEXT_CLASSES = ['title', 'subtitle', 'note'];
const panel: LineChartSpec = {
  title: LONG,
  x: { label: 'x' },
  y: { label: 'y' },
  series: [{ label: 's', x: [0, 1, 2], y: [1, 0, 1] }],
  note: `${LONG}; ${LONG}`,
};

describe('titles that do not fit', () => {
  it('wrap onto two lines inside the width, in a line chart, small multiples and a contour plot', () => {
    const svgs = [
      lineChart({ ...panel, width: 360 }),
      smallMultiples({ title: LONG, subtitle: LONG, note: LONG, panels: [panel], panelWidth: 300 }),
      contourPlot({
        title: LONG,
        x: { label: 'α' },
        y: { label: 'β' },
        xs: [0, 1],
        ys: [0, 1],
        z: [
          [0, 1],
          [1, 2],
        ],
        zLabel: 'loss',
        width: 320,
        note: LONG,
      }),
    ];
    for (const svg of svgs) {
      expect(overflowingTexts(svg)).toEqual([]);
      const titles = textExtents(svg).filter((t) => t.cls === 'title' && t.content.startsWith('A deliberately'));
      expect(titles.length).toBeGreaterThan(0);
      // The full title is still the SVG's <title>, for screen readers and tooltips.
      expect(svg).toContain(`<title>${LONG.replace(/&/g, '&amp;')}</title>`);
    }
    const lines = textExtents(svgs[1]!).filter((t) => t.cls === 'title');
    expect(lines.length).toBe(2 + 2); // the figure's title and the panel's, two lines each
    expect(lines.some((t) => t.content.endsWith('…'))).toBe(true);
  });
});

describe('the MNIST2 section', () => {
  const ds = smallMnist2();
  const it15 = { iterations: 15 };
  const cells = [
    trainedCell(ds, { norm: 'l2', training: 'standard', eps: 0, ...it15 }),
    trainedCell(ds, { norm: 'l2', training: 'pgd', eps: 0.6, ...it15 }),
    trainedCell(ds, { norm: 'l2', training: 'random', eps: 0.6, ...it15 }),
    ...[4 / 255, 25.5 / 255].map((eps) => trainedCell(ds, { norm: 'linf', training: 'pgd', eps, ...it15 })),
    trainedCell(ds, { norm: 'linf', training: 'random', eps: 4 / 255, ...it15 }),
  ];
  const results = resultsOf(cells, ds);
  const m = mnist2Measurements(results, ds, {
    hessian: { directions: 2 },
    landscape: { directions: 2, points: 7 },
    spectrum: { slqProbes: 4, slqSteps: 10, hutchinsonProbes: 20, gridPoints: 60 },
  });
  const section = mnist2Section(results, m);

  it('has every title, subtitle, note, label and legend entry inside its SVG, in the files and in each HTML panel', () => {
    expect(section.figures.length).toBeGreaterThanOrEqual(8);
    for (const f of section.figures) {
      const titled = [f.svg, ...(f.panels?.panels ?? [])];
      for (const svg of titled) expect(textExtents(svg).some((t) => TEXT_CLASSES.includes(t.cls ?? ''))).toBe(true);
      for (const svg of [...titled, ...(f.panels?.legend ? [f.panels.legend] : [])]) {
        // Every horizontal text (titles, notes, tick and axis labels, legend entries); rotated y labels aside.
        expect({ figure: f.id, outside: overflowingTexts(svg) }).toEqual({ figure: f.id, outside: [] });
      }
    }
  });

  it('gives Fig. 5 (one panel and its legend, narrower than its title) a two-line title', () => {
    const fig5 = fig5Figure(results, m)!;
    const titles = textExtents(fig5.svg).filter((t) => t.cls === 'title');
    expect(titles.map((t) => t.content)).toEqual([
      'Fig. 5 (re-measured): weight loss landscape, L∞ PGD with',
      'large ε, MNIST2',
      '(a) L∞ PGD',
    ]);
  });
});
