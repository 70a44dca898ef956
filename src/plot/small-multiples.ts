/**
 * Grouped small multiples: several line-chart panels on a grid in one self-contained SVG, with an optional shared y
 * axis range and one shared legend (series matched by label), e.g. the L2 and L∞ panels of one figure.
 */
import type { LineChartSpec } from './chart-spec.ts';
import { svgOpen } from './line-chart.ts';
import { drawLegend, drawPanel, extent, legendWidth, seriesStyle, type LegendEntry } from './_internals/panel.ts';
import { niceDomain } from './scale.ts';
import { stableId, text } from './svg.ts';

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

/** Panels on a grid as one self-contained SVG string; deterministic (same spec, same bytes). */
export function smallMultiples(spec: SmallMultiplesSpec): string {
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
  const head = 30 + (spec.subtitle === undefined ? 0 : 16);
  const foot = spec.note === undefined ? 0 : 18;
  const width = cols * pw + lw;
  const height = head + rows * ph + foot;
  let yDomain: readonly [number, number] | undefined;
  if (spec.shareY === true) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const p of spec.panels) {
      const e = extent(p.series);
      lo = Math.min(lo, e.y[0]);
      hi = Math.max(hi, e.y[1]);
    }
    yDomain = niceDomain(lo, hi, 5);
  }
  const base = stableId(JSON.stringify(spec));
  let body = text(width / 2, 20, spec.title, {
    'text-anchor': 'middle',
    'font-size': 15,
    'font-weight': 'bold',
    class: 'title',
  });
  if (spec.subtitle !== undefined)
    body += text(width / 2, 38, spec.subtitle, { 'text-anchor': 'middle', 'font-size': 11, fill: '#444' });
  spec.panels.forEach((p, k) => {
    const frame = { x: (k % cols) * pw, y: head + Math.floor(k / cols) * ph, width: pw, height: ph };
    body += drawPanel(p, frame, {
      id: `${base}-${k}`,
      legend: !shared && p.legend !== 'none',
      ...(yDomain ? { yDomain } : {}),
    });
  });
  if (lw > 0) body += drawLegend(entries, cols * pw + 4, head + 30, spec.legendTitle);
  if (spec.note !== undefined) body += text(8, height - 6, spec.note, { 'font-size': 10, fill: '#555', class: 'note' });
  return `${svgOpen(width, height, spec.title)}${body}</svg>`;
}
