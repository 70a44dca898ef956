/**
 * 2-D contour plots as self-contained SVG: iso-lines of a function sampled on a rectangular grid, traced by marching
 * squares (saddle cells resolved by the cell-centre average), one colour per level from a sequential map.
 */
import type { Axis } from './chart-spec.ts';
import { svgOpen } from './line-chart.ts';
import { axisTitle, drawLegend, legendWidth, type LegendEntry } from './_internals/panel.ts';
import { marker as drawMarker, sequentialColor } from './colors.ts';
import { formatTick, linearMap, niceTicks } from './scale.ts';
import { element, fitLines, fmt, stableId, text, textLines } from './svg.ts';

/** A straight piece of an iso-line, in data coordinates. */
export interface Segment {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

type Edge = 'bottom' | 'right' | 'top' | 'left';

const CASES: Readonly<Record<number, readonly (readonly [Edge, Edge])[]>> = {
  1: [['left', 'bottom']],
  2: [['bottom', 'right']],
  3: [['left', 'right']],
  4: [['right', 'top']],
  6: [['bottom', 'top']],
  7: [['left', 'top']],
  8: [['top', 'left']],
  9: [['bottom', 'top']],
  11: [['right', 'top']],
  12: [['left', 'right']],
  13: [['bottom', 'right']],
  14: [['left', 'bottom']],
};

function checkGrid(fn: string, xs: readonly number[], ys: readonly number[], z: readonly (readonly number[])[]): void {
  if (xs.length < 2 || ys.length < 2)
    throw new RangeError(`${fn}: xs and ys need at least 2 values each, got ${xs.length} and ${ys.length}`);
  if (z.length !== ys.length) throw new RangeError(`${fn}: z must have ys.length = ${ys.length} rows, got ${z.length}`);
  z.forEach((row, j) => {
    if (row.length !== xs.length)
      throw new RangeError(`${fn}: z[${j}] must have xs.length = ${xs.length} values, got ${row.length}`);
  });
  for (let i = 1; i < xs.length; i++)
    if (!(xs[i]! > xs[i - 1]!)) throw new RangeError(`${fn}: xs must increase strictly (xs[${i}] = ${xs[i]})`);
  for (let j = 1; j < ys.length; j++)
    if (!(ys[j]! > ys[j - 1]!)) throw new RangeError(`${fn}: ys must increase strictly (ys[${j}] = ${ys[j]})`);
}

/**
 * The iso-line z = level of a grid function by marching squares: z[j][i] is the value at (xs[i], ys[j]); each cell
 * contributes 0, 1 or 2 segments with end points linearly interpolated on its edges. Cells with a non-finite corner
 * are skipped. A corner exactly at the level counts as above it.
 */
export function marchingSquares(
  xs: readonly number[],
  ys: readonly number[],
  z: readonly (readonly number[])[],
  level: number,
): Segment[] {
  checkGrid('marchingSquares', xs, ys, z);
  const out: Segment[] = [];
  for (let j = 0; j + 1 < ys.length; j++) {
    for (let i = 0; i + 1 < xs.length; i++) {
      const a = z[j]![i]!;
      const b = z[j]![i + 1]!;
      const c = z[j + 1]![i + 1]!;
      const d = z[j + 1]![i]!;
      if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(c) || !Number.isFinite(d)) continue;
      const idx = (a >= level ? 1 : 0) | (b >= level ? 2 : 0) | (c >= level ? 4 : 0) | (d >= level ? 8 : 0);
      if (idx === 0 || idx === 15) continue;
      const x0 = xs[i]!;
      const x1 = xs[i + 1]!;
      const y0 = ys[j]!;
      const y1 = ys[j + 1]!;
      const lerp = (p: number, q: number): number => (q === p ? 0.5 : (level - p) / (q - p));
      const point = (e: Edge): [number, number] => {
        switch (e) {
          case 'bottom':
            return [x0 + lerp(a, b) * (x1 - x0), y0];
          case 'right':
            return [x1, y0 + lerp(b, c) * (y1 - y0)];
          case 'top':
            return [x0 + lerp(d, c) * (x1 - x0), y1];
          case 'left':
            return [x0, y0 + lerp(a, d) * (y1 - y0)];
        }
      };
      let pairs: readonly (readonly [Edge, Edge])[];
      if (idx === 5 || idx === 10) {
        const centreAbove = (a + b + c + d) / 4 >= level;
        // 5: a, c above. 10: b, d above. The centre decides which diagonal pair of corners is connected.
        const aroundAC: readonly (readonly [Edge, Edge])[] = [
          ['left', 'bottom'],
          ['right', 'top'],
        ];
        const aroundBD: readonly (readonly [Edge, Edge])[] = [
          ['bottom', 'right'],
          ['top', 'left'],
        ];
        pairs = idx === 5 ? (centreAbove ? aroundBD : aroundAC) : centreAbove ? aroundAC : aroundBD;
      } else {
        pairs = CASES[idx]!;
      }
      for (const [e1, e2] of pairs) {
        const p = point(e1);
        const q = point(e2);
        out.push({ x1: p[0], y1: p[1], x2: q[0], y2: q[1] });
      }
    }
  }
  return out;
}

/** What `contourPlot` draws. */
export interface ContourSpec {
  readonly title: string;
  readonly subtitle?: string;
  readonly x: Axis;
  readonly y: Axis;
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  /** z[j][i] is the value at (xs[i], ys[j]). */
  readonly z: readonly (readonly number[])[];
  /** Explicit levels, or about how many nice levels between min and max z (default 10). */
  readonly levels?: readonly number[] | number;
  /** Title of the level legend (what z is). */
  readonly zLabel: string;
  /** A marked point, e.g. the trained weights at the origin. */
  readonly marker?: { readonly x: number; readonly y: number; readonly label: string };
  /** Pixels; default 560 × 480. */
  readonly width?: number;
  readonly height?: number;
  readonly note?: string;
}

/** The levels a spec draws: explicit ones, or nice values strictly inside (min z, max z). */
export function contourLevels(spec: Pick<ContourSpec, 'z' | 'levels'>): number[] {
  if (Array.isArray(spec.levels)) return [...(spec.levels as readonly number[])];
  let lo = Infinity;
  let hi = -Infinity;
  for (const row of spec.z)
    for (const v of row)
      if (Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
  if (!(hi > lo)) return [];
  const count = typeof spec.levels === 'number' ? spec.levels : 10;
  return niceTicks(lo, hi, count).values.filter((v) => v > lo && v < hi);
}

/** A contour plot of a grid function as a self-contained SVG string; deterministic (same spec, same bytes). */
export function contourPlot(spec: ContourSpec): string {
  checkGrid('contourPlot', spec.xs, spec.ys, spec.z);
  const width = spec.width ?? 560;
  const height = spec.height ?? 480;
  const levels = contourLevels(spec);
  const colors = levels.map((_, k) => sequentialColor(levels.length <= 1 ? 0 : k / (levels.length - 1)));
  const lo = levels.length > 0 ? Math.abs(levels[levels.length - 1]! - levels[0]!) / Math.max(1, levels.length - 1) : 1;
  const entries: LegendEntry[] = levels
    .map((v, k) => ({
      label: formatTick(v, lo > 0 ? lo : 1),
      color: colors[k]!,
      marker: 'none' as const,
      dash: 'solid' as const,
      band: false,
    }))
    .reverse();
  const lw = entries.length > 0 ? legendWidth(entries, spec.zLabel) + 12 : 0;
  const titleLines = fitLines(spec.title, 14, width - 12, { weight: 'bold' });
  const subLines = spec.subtitle === undefined ? [] : fitLines(spec.subtitle, 11, width - 12);
  const titleH = 24 + 17 * (titleLines.length - 1) + 13 * subLines.length + (subLines.length > 0 ? 2 : 0);
  const left = 66;
  const right = width - 14 - lw;
  const noteLines = spec.note === undefined ? [] : fitLines(spec.note, 10, width - 6 - left);
  const top = titleH + 6;
  const bottom = height - 44 - 13 * noteLines.length - (noteLines.length > 0 ? 1 : 0);
  const xd = spec.x.domain ?? [spec.xs[0]!, spec.xs[spec.xs.length - 1]!];
  const yd = spec.y.domain ?? [spec.ys[0]!, spec.ys[spec.ys.length - 1]!];
  const sx = linearMap(xd[0], xd[1], left, right);
  const sy = linearMap(yd[0], yd[1], bottom, top);
  const id = stableId(JSON.stringify(spec));
  let out = textLines(width / 2, 17, titleLines, 17, {
    'text-anchor': 'middle',
    'font-size': 14,
    'font-weight': 'bold',
    class: 'title',
  });
  if (subLines.length > 0)
    out += textLines(width / 2, 24 + 17 * (titleLines.length - 1) + 11, subLines, 13, {
      'text-anchor': 'middle',
      'font-size': 11,
      fill: '#444',
      class: 'subtitle',
    });
  out += element(
    'clipPath',
    { id: `${id}-clip` },
    element('rect', { x: left, y: top, width: right - left, height: bottom - top }),
  );
  const xt = niceTicks(xd[0], xd[1], spec.x.ticks ?? 6);
  const yt = niceTicks(yd[0], yd[1], spec.y.ticks ?? 6);
  let ticks = '';
  for (const v of xt.values) {
    const px = sx(v);
    ticks += element('path', { d: `M${fmt(px)} ${fmt(bottom)}L${fmt(px)} ${fmt(bottom + 5)}`, stroke: '#333' });
    ticks += text(px, bottom + 18, formatTick(v, xt.step), { 'text-anchor': 'middle', 'font-size': 11 });
  }
  for (const v of yt.values) {
    const py = sy(v);
    ticks += element('path', { d: `M${fmt(left - 5)} ${fmt(py)}L${fmt(left)} ${fmt(py)}`, stroke: '#333' });
    ticks += text(left - 8, py + 4, formatTick(v, yt.step), { 'text-anchor': 'end', 'font-size': 11 });
  }
  out += element('g', { class: 'axes' }, ticks);
  let body = '';
  levels.forEach((level, k) => {
    const segs = marchingSquares(spec.xs, spec.ys, spec.z, level);
    if (segs.length === 0) return;
    const d = segs.map((s) => `M${fmt(sx(s.x1))} ${fmt(sy(s.y1))}L${fmt(sx(s.x2))} ${fmt(sy(s.y2))}`).join('');
    body += element('path', {
      d,
      stroke: colors[k]!,
      'stroke-width': 1.4,
      fill: 'none',
      class: 'contour',
      'data-level': formatTick(level, lo > 0 ? lo : 1),
    });
  });
  if (spec.marker !== undefined) {
    body += element(
      'g',
      { class: 'marker' },
      drawMarker('cross', sx(spec.marker.x), sy(spec.marker.y), 5, '#000000') +
        text(sx(spec.marker.x) + 8, sy(spec.marker.y) - 6, spec.marker.label, { 'font-size': 11 }),
    );
  }
  out += element('g', { 'clip-path': `url(#${id}-clip)` }, body);
  out += element('rect', {
    x: left,
    y: top,
    width: right - left,
    height: bottom - top,
    fill: 'none',
    stroke: '#333',
    class: 'frame',
  });
  out += text((left + right) / 2, bottom + 36, axisTitle(spec.x.label, spec.x.unit), {
    'text-anchor': 'middle',
    'font-size': 12,
    class: 'x-label',
  });
  const ly = (top + bottom) / 2;
  out += text(16, ly, axisTitle(spec.y.label, spec.y.unit), {
    'text-anchor': 'middle',
    'font-size': 12,
    transform: `rotate(-90 16 ${fmt(ly)})`,
    class: 'y-label',
  });
  if (noteLines.length > 0)
    out += textLines(left, height - 8 - 13 * (noteLines.length - 1), noteLines, 13, {
      'font-size': 10,
      fill: '#555',
      class: 'note',
    });
  if (lw > 0) out += drawLegend(entries, right + 14, top, spec.zLabel);
  return `${svgOpen(width, height, spec.title)}${out}</svg>`;
}
