/** What a line chart draws: axes, series with optional error bands, legend and note (read by `lineChart` and the panel). */
import type { MarkerShape } from './colors.ts';

/** An axis: its title, unit, optional fixed domain and tick count. */
export interface Axis {
  readonly label: string;
  /** Printed after the label in brackets, e.g. "1/255". */
  readonly unit?: string;
  /** Fixed [lo, hi]; default: the data's extent (x) or its nice widening (y). */
  readonly domain?: readonly [number, number];
  /** About how many ticks (default 6 on x, 5 on y). */
  readonly ticks?: number;
  /**
   * `linear` (default) or `log` (y axes only: base 10, ticks at powers of ten, values ≤ 0 break the line; `domain` in
   * data units).
   */
  readonly scale?: 'linear' | 'log';
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
