/**
 * Line charts as self-contained SVG: several series with markers and optional error bands (e.g. the spread of a
 * landscape over random directions), nice axis ticks, axis titles with units, a legend, a title and a note.
 */
import type { MarkerShape } from './colors.ts';
import { drawPanel } from './_internals/panel.ts';
import { element, escapeXml, stableId } from './svg.ts';

/** An axis: its title, unit, optional fixed domain and tick count. */
export interface Axis {
  readonly label: string;
  /** Printed after the label in brackets, e.g. "1/255". */
  readonly unit?: string;
  /** Fixed [lo, hi]; default: the data's extent (x) or its nice widening (y). */
  readonly domain?: readonly [number, number];
  /** About how many ticks (default 6 on x, 5 on y). */
  readonly ticks?: number;
}

/** A band drawn around a series (e.g. min–max over directions). Same length as the series. */
export interface ErrorBand {
  readonly lo: readonly number[];
  readonly hi: readonly number[];
}

/** One series; non-finite points break the line. */
export interface LineSeries {
  readonly label: string;
  readonly x: readonly number[];
  readonly y: readonly number[];
  readonly band?: ErrorBand;
  /** CSS colour; default the categorical palette by index. */
  readonly color?: string;
  /** Default: by index; `none` draws no markers. */
  readonly marker?: MarkerShape | 'none';
  /** Draw a marker every k points (and at the last); default ⌈n/12⌉. */
  readonly markerEvery?: number;
  readonly dash?: 'solid' | 'dashed' | 'dotted';
}

/** What `lineChart` draws. */
export interface LineChartSpec {
  readonly title: string;
  readonly subtitle?: string;
  readonly x: Axis;
  readonly y: Axis;
  readonly series: readonly LineSeries[];
  /** Pixels; default 640 × 400. */
  readonly width?: number;
  readonly height?: number;
  /** `right` (default) or `none`. */
  readonly legend?: 'right' | 'none';
  readonly legendTitle?: string;
  /** One line of small print under the axes (e.g. what the band shows). */
  readonly note?: string;
}

/** Opening tag of a self-contained SVG document (no external fonts, stylesheets or links). */
export function svgOpen(width: number, height: number, title: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="DejaVu Sans, Arial, sans-serif" font-size="12" role="img">` +
    `<title>${escapeXml(title)}</title>` +
    element('rect', { x: 0, y: 0, width, height, fill: '#ffffff' })
  );
}

/**
 * A line chart as a self-contained SVG string. Deterministic: the same spec gives the same bytes (coordinates to 2
 * decimals, ids derived from a hash of the spec).
 */
export function lineChart(spec: LineChartSpec): string {
  const width = spec.width ?? 640;
  const height = spec.height ?? 400;
  if (!(width > 0 && height > 0)) throw new RangeError(`lineChart: width and height must be positive, got ${width} × ${height}`);
  for (const s of spec.series) {
    if (s.x.length !== s.y.length) throw new RangeError(`lineChart: series "${s.label}" has ${s.x.length} x values but ${s.y.length} y values`);
    if (s.band !== undefined && (s.band.lo.length !== s.x.length || s.band.hi.length !== s.x.length)) {
      throw new RangeError(`lineChart: series "${s.label}" band must have ${s.x.length} lo and hi values`);
    }
  }
  const id = stableId(JSON.stringify(spec));
  const panel = drawPanel(spec, { x: 0, y: 0, width, height }, { id, legend: spec.legend !== 'none' });
  return `${svgOpen(width, height, spec.title)}${panel}</svg>`;
}
