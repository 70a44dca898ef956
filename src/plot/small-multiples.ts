/**
 * Grouped small multiples: several line-chart panels on a grid in one self-contained SVG, with an optional shared y
 * axis range and one shared legend (series matched by label), e.g. the L2 and L∞ panels of one figure.
 */
import type { LineChartSpec } from './chart-spec.ts';
import { svgOpen } from './line-chart.ts';
import {
  drawLegend,
  drawnSeries,
  drawPanel,
  extent,
  legendHeight,
  legendWidth,
  seriesStyle,
  type LegendEntry,
  yDomainOf,
} from './_internals/panel.ts';
import { fitLines, stableId, textLines } from './svg.ts';

/** What `smallMultiples` draws. */
export interface SmallMultiplesSpec {
  readonly title: string;
  readonly subtitle?: string;
  readonly panels: readonly LineChartSpec[];
  /** Panels per row; default min(3, panel count). */
  readonly columns?: number;
  /** Pixels per panel; default 420 × 320. */
  readonly panelWidth?: number;
  readonly panelHeight?: number;
  /** One y range for every panel (the union of their data), so heights compare across panels. Default false. */
  readonly shareY?: boolean;
  /** `shared` (default): one legend at the right, entries matched by label; `per-panel`: each panel its own. */
  readonly legend?: 'shared' | 'per-panel';
  readonly legendTitle?: string;
  /** One line of small print at the bottom. */
  readonly note?: string;
}

/** The layout both `smallMultiples` and `smallMultiplesParts` draw from. */
function layout(spec: SmallMultiplesSpec) {
  if (spec.panels.length === 0) throw new RangeError('smallMultiples: panels must not be empty');
  const cols = Math.max(1, Math.min(spec.columns ?? 3, spec.panels.length));
  const rows = Math.ceil(spec.panels.length / cols);
  const pw = spec.panelWidth ?? 420;
  const ph = spec.panelHeight ?? 320;
  const shared = (spec.legend ?? 'shared') === 'shared';
  const entries: LegendEntry[] = [];
  if (shared) {
    const seen = new Set<string>();
    for (const p of spec.panels) {
      p.series.forEach((s, i) => {
        if (seen.has(s.label)) return;
        seen.add(s.label);
        entries.push(seriesStyle(s, i));
      });
    }
  }
  const lw = shared && entries.length > 0 ? legendWidth(entries, spec.legendTitle) + 16 : 0;
  const width = cols * pw + lw;
  let yDomain: readonly [number, number] | undefined;
  if (spec.shareY === true) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const p of spec.panels) {
      const e = extent(drawnSeries(p));
      lo = Math.min(lo, e.y[0]);
      hi = Math.max(hi, e.y[1]);
    }
    yDomain = yDomainOf(spec.panels[0]!.y, lo, hi);
  }
  const base = stableId(JSON.stringify(spec));
  const panelOptions = (p: LineChartSpec, k: number) => ({
    id: `${base}-${k}`,
    legend: !shared && p.legend !== 'none',
    ...(yDomain ? { yDomain } : {}),
  });
  return { cols, rows, pw, ph, entries, lw, width, panelOptions };
}

/** Line heights of the figure title (15 px bold) and of its small print. */
const TITLE_LINE = 18;
const SMALL_LINE = 14;

/**
 * Panels on a grid as one self-contained SVG string; deterministic (same spec, same bytes). A title, subtitle or
 * note wider than the figure wraps onto a second line (further text is cut with "…").
 */
export function smallMultiples(spec: SmallMultiplesSpec): string {
  const { cols, rows, pw, ph, entries, lw, width, panelOptions } = layout(spec);
  const titleLines = fitLines(spec.title, 15, width - 16, { weight: 'bold' });
  const subLines = spec.subtitle === undefined ? [] : fitLines(spec.subtitle, 11, width - 16);
  const noteLines = spec.note === undefined ? [] : fitLines(spec.note, 10, width - 16);
  const head = 30 + TITLE_LINE * (titleLines.length - 1) + SMALL_LINE * subLines.length + (subLines.length > 0 ? 2 : 0);
  const foot = noteLines.length === 0 ? 0 : 18 + SMALL_LINE * (noteLines.length - 1);
  const height = head + rows * ph + foot;
  let body = textLines(width / 2, 20, titleLines, TITLE_LINE, {
    'text-anchor': 'middle',
    'font-size': 15,
    'font-weight': 'bold',
    class: 'title',
  });
  if (subLines.length > 0)
    body += textLines(width / 2, 38 + TITLE_LINE * (titleLines.length - 1), subLines, SMALL_LINE, {
      'text-anchor': 'middle',
      'font-size': 11,
      fill: '#444',
      class: 'subtitle',
    });
  spec.panels.forEach((p, k) => {
    const frame = { x: (k % cols) * pw, y: head + Math.floor(k / cols) * ph, width: pw, height: ph };
    body += drawPanel(p, frame, panelOptions(p, k));
  });
  if (lw > 0) body += drawLegend(entries, cols * pw + 4, head + 30, spec.legendTitle);
  if (noteLines.length > 0)
    body += textLines(8, height - 6 - SMALL_LINE * (noteLines.length - 1), noteLines, SMALL_LINE, {
      'font-size': 10,
      fill: '#555',
      class: 'note',
    });
  return `${svgOpen(width, height, spec.title)}${body}</svg>`;
}

/**
 * A small-multiples figure in pieces, for a page that lays the panels out itself (side by side on a wide screen,
 * one under another on a phone): the title, subtitle and note as text, each panel as a self-contained SVG of the
 * same size and y range as in `smallMultiples`, and the shared legend as a self-contained SVG.
 */
export interface SmallMultiplesParts {
  readonly title: string;
  readonly subtitle?: string;
  readonly note?: string;
  readonly panels: readonly string[];
  readonly legend?: string;
}

/** `spec` as `SmallMultiplesParts`; deterministic (same spec, same bytes). */
export function smallMultiplesParts(spec: SmallMultiplesSpec): SmallMultiplesParts {
  const { pw, ph, entries, lw, panelOptions } = layout(spec);
  const panels = spec.panels.map((p, k) => {
    const svg = drawPanel(p, { x: 0, y: 0, width: pw, height: ph }, panelOptions(p, k));
    return `${svgOpen(pw, ph, p.title === '' ? spec.title : p.title)}${svg}</svg>`;
  });
  const legend =
    lw > 0
      ? (() => {
          const w = lw - 8;
          const h = legendHeight(entries, spec.legendTitle) + 8;
          return `${svgOpen(w, h, spec.legendTitle ?? 'Legend')}${drawLegend(entries, 4, 4, spec.legendTitle)}</svg>`;
        })()
      : undefined;
  return {
    title: spec.title,
    ...(spec.subtitle !== undefined ? { subtitle: spec.subtitle } : {}),
    ...(spec.note !== undefined ? { note: spec.note } : {}),
    panels,
    ...(legend !== undefined ? { legend } : {}),
  };
}
