/**
 * Line charts as self-contained SVG: several series with markers and optional error bands (e.g. the spread of a
 * landscape over random directions), nice axis ticks, axis titles with units, a legend, a title and a note.
 */
import type { LineChartSpec } from './chart-spec.ts';
import { drawPanel } from './_internals/panel.ts';
import { element, escapeXml, stableId } from './svg.ts';

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
  if (!(width > 0 && height > 0))
    throw new RangeError(`lineChart: width and height must be positive, got ${width} × ${height}`);
  for (const s of spec.series) {
    if (s.x.length !== s.y.length)
      throw new RangeError(`lineChart: series "${s.label}" has ${s.x.length} x values but ${s.y.length} y values`);
    if (s.band !== undefined && (s.band.lo.length !== s.x.length || s.band.hi.length !== s.x.length)) {
      throw new RangeError(`lineChart: series "${s.label}" band must have ${s.x.length} lo and hi values`);
    }
  }
  const id = stableId(JSON.stringify(spec));
  const panel = drawPanel(spec, { x: 0, y: 0, width, height }, { id, legend: spec.legend !== 'none' });
  return `${svgOpen(width, height, spec.title)}${panel}</svg>`;
}
