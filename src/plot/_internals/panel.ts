/**
 * One line-chart panel drawn into a frame of a larger SVG: axes with nice ticks, grid, series (line, markers, error
 * band), optional legend. Shared by `lineChart` and `smallMultiples`.
 */
import { categoricalColor, marker, MARKERS, type MarkerShape } from '../colors.ts';
import { formatTick, linearMap, niceDomain, niceTicks, safeDomain } from '../scale.ts';
import { element, fitLines, fmt, text, textLines, textWidth } from '../svg.ts';
import type { Axis, LineChartSpec, LineSeries } from '../chart-spec.ts';

/** Where a panel goes, in pixels of the enclosing SVG. */
export interface Frame {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A legend entry as drawn. */
export interface LegendEntry {
  readonly label: string;
  readonly color: string;
  readonly marker: MarkerShape | 'none';
  readonly dash: 'solid' | 'dashed' | 'dotted';
  readonly band: boolean;
}

const DASH: Readonly<Record<LegendEntry['dash'], string | undefined>> = {
  solid: undefined,
  dashed: '6 4',
  dotted: '2 3',
};

/** Colour, marker and dash a series is drawn with (explicit, or by its index). */
export function seriesStyle(s: LineSeries, i: number): LegendEntry {
  return {
    label: s.label,
    color: s.color ?? categoricalColor(i),
    marker: s.marker ?? MARKERS[i % MARKERS.length]!,
    dash: s.dash ?? 'solid',
    band: s.band !== undefined,
  };
}

/** Axis title with its unit: "loss", "λ (1)" → "λ [1]". */
export function axisTitle(label: string, unit: string | undefined): string {
  return unit === undefined || unit === '' ? label : `${label} [${unit}]`;
}

/** Finite data extent of the series (values and bands) along x and y. */
export function extent(series: readonly LineSeries[]): { x: [number, number]; y: [number, number] } {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const s of series) {
    for (let i = 0; i < s.x.length; i++) {
      const xv = s.x[i]!;
      if (!Number.isFinite(xv)) continue;
      const ys = [s.y[i], s.band?.lo[i], s.band?.hi[i]];
      let any = false;
      for (const yv of ys) {
        if (yv === undefined || !Number.isFinite(yv)) continue;
        any = true;
        y0 = Math.min(y0, yv);
        y1 = Math.max(y1, yv);
      }
      if (any) {
        x0 = Math.min(x0, xv);
        x1 = Math.max(x1, xv);
      }
    }
  }
  return { x: [x0, x1], y: [y0, y1] };
}

/** The widest a legend gets (pixels); longer labels are shortened to fit. */
const LEGEND_MAX = 240;

/** Legend width in pixels for these entries (and an optional title). */
export function legendWidth(entries: readonly LegendEntry[], title: string | undefined): number {
  const w = Math.max(
    ...entries.map((e) => textWidth(e.label, 11) + 30),
    title === undefined ? 0 : textWidth(title, 11, 'bold'),
  );
  return Math.min(LEGEND_MAX, Math.ceil(w) + 10);
}

/** Height in pixels of the legend `drawLegend` draws. */
export function legendHeight(entries: readonly LegendEntry[], title: string | undefined): number {
  return (title === undefined ? 0 : 16) + 16 * entries.length;
}

/** A vertical legend whose top-left corner is (x, y); labels and title shortened to the legend's width. */
export function drawLegend(entries: readonly LegendEntry[], x: number, y: number, title: string | undefined): string {
  let out = '';
  let yy = y;
  const width = legendWidth(entries, title) - 4;
  if (title !== undefined) {
    const [line] = fitLines(title, 11, width, { maxLines: 1, weight: 'bold' });
    out += text(x, yy + 10, line!, { 'font-size': 11, 'font-weight': 'bold' });
    yy += 16;
  }
  for (const e of entries) {
    const cy = yy + 6;
    let item = '';
    if (e.band) item += element('rect', { x, y: cy - 5, width: 24, height: 10, fill: e.color, 'fill-opacity': 0.18 });
    item += element('path', {
      d: `M${fmt(x)} ${fmt(cy)}L${fmt(x + 24)} ${fmt(cy)}`,
      stroke: e.color,
      'stroke-width': 2,
      'stroke-dasharray': DASH[e.dash],
      fill: 'none',
    });
    if (e.marker !== 'none') item += marker(e.marker, x + 12, cy, 3.5, e.color);
    const [label] = fitLines(e.label, 11, width - 30, { maxLines: 1 });
    item += text(x + 30, cy + 4, label!, { 'font-size': 11 });
    out += element('g', { class: 'legend-item' }, item);
    yy += 16;
  }
  return element('g', { class: 'legend' }, out);
}

/** Splits indices 0…n−1 into runs where `ok(i)` holds (gaps at non-finite data). */
function runs(n: number, ok: (i: number) => boolean): number[][] {
  const out: number[][] = [];
  let cur: number[] = [];
  for (let i = 0; i < n; i++) {
    if (ok(i)) cur.push(i);
    else if (cur.length > 0) {
      out.push(cur);
      cur = [];
    }
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

/** Options of `drawPanel`. */
export interface PanelOptions {
  /** Unique id prefix for the clip path. */
  readonly id: string;
  /** Draw the panel's own legend at its right. */
  readonly legend: boolean;
  /**
   * y domain forced by the caller (shared across small multiples), in drawing units (log10 of the data on a `log`
   * axis; see `drawnSeries`); else the spec's or the data's.
   */
  readonly yDomain?: readonly [number, number];
}

/** A value on an axis in drawing units: log10 of it on a `log` axis (NaN, a gap, for v ≤ 0), else itself. */
function toDrawn(axis: Axis, v: number): number {
  return axis.scale === 'log' ? (v > 0 ? Math.log10(v) : NaN) : v;
}

/** The series as drawn: y (and the bands) in drawing units of the y axis (log10 on a `log` axis). */
export function drawnSeries(spec: LineChartSpec): readonly LineSeries[] {
  if (spec.y.scale !== 'log') return spec.series;
  const t = (ys: readonly number[]): number[] => ys.map((v) => toDrawn(spec.y, v));
  return spec.series.map((s) => ({
    ...s,
    y: t(s.y),
    ...(s.band !== undefined ? { band: { lo: t(s.band.lo), hi: t(s.band.hi) } } : {}),
  }));
}

/** The y domain in drawing units for a data extent [lo, hi] in drawing units: whole decades on a `log` axis. */
export function yDomainOf(axis: Axis, lo: number, hi: number): [number, number] {
  if (axis.scale === 'log') {
    const [a, b] = safeDomain(lo, hi);
    return [Math.floor(a + 1e-9), Math.ceil(b - 1e-9)];
  }
  return niceDomain(lo, hi, axis.ticks ?? 5);
}

const SUPERSCRIPT: Readonly<Record<string, string>> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** Tick values (drawing units) and labels of the y axis: powers of ten on a `log` axis. */
function yTicks(axis: Axis, lo: number, hi: number): { values: readonly number[]; label: (v: number) => string } {
  if (axis.scale !== 'log') {
    const t = niceTicks(lo, hi, axis.ticks ?? 5);
    return { values: t.values, label: (v) => formatTick(v, t.step) };
  }
  const step = Math.max(1, Math.ceil((hi - lo) / Math.max(1, axis.ticks ?? 5)));
  const values: number[] = [];
  for (let k = Math.ceil(lo - 1e-9); k <= hi + 1e-9; k += step) values.push(k);
  const label = (k: number): string =>
    k === 0 ? '1' : k === 1 ? '10' : `10${[...String(k)].map((c) => SUPERSCRIPT[c] ?? c).join('')}`;
  return { values, label };
}

/** Line height of a panel title (14 px bold) and of small print (10–11 px). */
const TITLE_LINE = 17;
const SMALL_LINE = 13;

/** The SVG markup of one panel inside `frame`. */
export function drawPanel(spec: LineChartSpec, frame: Frame, options: PanelOptions): string {
  const series = drawnSeries(spec);
  const styles = series.map((s, i) => seriesStyle(s, i));
  const ext = extent(series);
  const xd = spec.x.domain ?? safeDomain(ext.x[0], ext.x[1]);
  const specY =
    spec.y.domain === undefined
      ? undefined
      : ([toDrawn(spec.y, spec.y.domain[0]), toDrawn(spec.y, spec.y.domain[1])] as const);
  const yd = options.yDomain ?? specY ?? yDomainOf(spec.y, ext.y[0], ext.y[1]);
  const titleLines =
    spec.title === '' ? [] : fitLines(spec.title, 14, frame.width - 12, { weight: 'bold', maxLines: 2 });
  const subLines = spec.subtitle === undefined ? [] : fitLines(spec.subtitle, 11, frame.width - 12);
  const titleH = titleLines.length === 0 ? 8 : 24 + TITLE_LINE * (titleLines.length - 1);
  const subH = SMALL_LINE * subLines.length + (subLines.length > 0 ? 2 : 0);
  const lw = options.legend && styles.length > 0 ? legendWidth(styles, spec.legendTitle) + 12 : 0;
  const left = frame.x + 66;
  const right = frame.x + frame.width - 14 - lw;
  const noteLines = spec.note === undefined ? [] : fitLines(spec.note, 10, frame.x + frame.width - 6 - left);
  const top = frame.y + titleH + subH + 6;
  const bottom = frame.y + frame.height - 44 - SMALL_LINE * noteLines.length - (noteLines.length > 0 ? 1 : 0);
  const sx = linearMap(xd[0], xd[1], left, right);
  const sy = linearMap(yd[0], yd[1], bottom, top);
  const xt = niceTicks(xd[0], xd[1], spec.x.ticks ?? 6);
  const yt = yTicks(spec.y, yd[0], yd[1]);

  let out = '';
  if (titleLines.length > 0)
    out += textLines(frame.x + frame.width / 2, frame.y + 17, titleLines, TITLE_LINE, {
      'text-anchor': 'middle',
      'font-size': 14,
      'font-weight': 'bold',
      class: 'title',
    });
  if (subLines.length > 0)
    out += textLines(frame.x + frame.width / 2, frame.y + titleH + 11, subLines, SMALL_LINE, {
      'text-anchor': 'middle',
      'font-size': 11,
      fill: '#444',
      class: 'subtitle',
    });
  out += element(
    'clipPath',
    { id: `${options.id}-clip` },
    element('rect', { x: left, y: top, width: right - left, height: bottom - top }),
  );
  // Grid and ticks.
  let grid = '';
  let ticks = '';
  for (const v of xt.values) {
    const px = sx(v);
    if (px < left - 0.5 || px > right + 0.5) continue;
    grid += `M${fmt(px)} ${fmt(top)}L${fmt(px)} ${fmt(bottom)}`;
    ticks += element('path', { d: `M${fmt(px)} ${fmt(bottom)}L${fmt(px)} ${fmt(bottom + 5)}`, stroke: '#333' });
    ticks += text(px, bottom + 18, formatTick(v, xt.step), { 'text-anchor': 'middle', 'font-size': 11 });
  }
  for (const v of yt.values) {
    const py = sy(v);
    if (py < top - 0.5 || py > bottom + 0.5) continue;
    grid += `M${fmt(left)} ${fmt(py)}L${fmt(right)} ${fmt(py)}`;
    ticks += element('path', { d: `M${fmt(left - 5)} ${fmt(py)}L${fmt(left)} ${fmt(py)}`, stroke: '#333' });
    ticks += text(left - 8, py + 4, yt.label(v), { 'text-anchor': 'end', 'font-size': 11 });
  }
  out += element('rect', { x: left, y: top, width: right - left, height: bottom - top, fill: '#fff', stroke: 'none' });
  if (grid !== '')
    out += element('path', { d: grid, stroke: '#e3e3e3', 'stroke-width': 1, fill: 'none', class: 'grid' });
  out += element('g', { class: 'axes' }, ticks);
  // Series.
  let body = '';
  series.forEach((s, si) => {
    const st = styles[si]!;
    const n = Math.min(s.x.length, s.y.length);
    let g = '';
    if (s.band !== undefined) {
      const band = s.band;
      for (const r of runs(
        n,
        (i) => Number.isFinite(s.x[i]!) && Number.isFinite(band.lo[i]!) && Number.isFinite(band.hi[i]!),
      )) {
        const up = r.map((i) => `${fmt(sx(s.x[i]!))} ${fmt(sy(band.hi[i]!))}`);
        const down = [...r].reverse().map((i) => `${fmt(sx(s.x[i]!))} ${fmt(sy(band.lo[i]!))}`);
        g += element('path', {
          d: `M${[...up, ...down].join('L')}Z`,
          fill: st.color,
          'fill-opacity': 0.18,
          stroke: 'none',
          class: 'band',
        });
      }
    }
    let d = '';
    for (const r of runs(n, (i) => Number.isFinite(s.x[i]!) && Number.isFinite(s.y[i]!))) {
      d += r.map((i, k) => `${k === 0 ? 'M' : 'L'}${fmt(sx(s.x[i]!))} ${fmt(sy(s.y[i]!))}`).join('');
    }
    if (d !== '')
      g += element('path', {
        d,
        stroke: st.color,
        'stroke-width': 1.8,
        'stroke-dasharray': DASH[st.dash],
        fill: 'none',
        class: 'line',
      });
    if (st.marker !== 'none') {
      const every = Math.max(1, s.markerEvery ?? Math.ceil(n / 12));
      let m = '';
      for (let i = 0; i < n; i++) {
        if ((i % every !== 0 && i !== n - 1) || !Number.isFinite(s.x[i]!) || !Number.isFinite(s.y[i]!)) continue;
        m += marker(st.marker, sx(s.x[i]!), sy(s.y[i]!), 3.5, st.color);
      }
      g += element('g', { class: 'markers' }, m);
    }
    body += element('g', { class: 'series', 'data-series': s.label }, g);
  });
  out += element('g', { 'clip-path': `url(#${options.id}-clip)` }, body);
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
  const lx = frame.x + 16;
  out += text(lx, ly, axisTitle(spec.y.label, spec.y.unit), {
    'text-anchor': 'middle',
    'font-size': 12,
    transform: `rotate(-90 ${fmt(lx)} ${fmt(ly)})`,
    class: 'y-label',
  });
  if (noteLines.length > 0)
    out += textLines(left, frame.y + frame.height - 8 - SMALL_LINE * (noteLines.length - 1), noteLines, SMALL_LINE, {
      'font-size': 10,
      fill: '#555',
      class: 'note',
    });
  if (lw > 0) out += drawLegend(styles, right + 14, top, spec.legendTitle);
  return element('g', { class: 'panel' }, out);
}
