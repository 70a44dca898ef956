/**
 * Colours and marker shapes of `src/plot`: a colour-blind-safe categorical palette (Okabe & Ito 2008), a sequential
 * map for ordered series such as increasing ε (viridis, piecewise linear between 9 stops), and marker glyphs.
 */
import { element, fmt } from './svg.ts';

/** Okabe–Ito palette without yellow (too light on white), in the order series take it. */
export const CATEGORICAL: readonly string[] = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#000000',
];

/** The i-th categorical colour, cycling. */
export function categoricalColor(i: number): string {
  return CATEGORICAL[((i % CATEGORICAL.length) + CATEGORICAL.length) % CATEGORICAL.length]!;
}

const VIRIDIS: readonly (readonly [number, number, number])[] = [
  [68, 1, 84],
  [71, 44, 122],
  [59, 81, 139],
  [44, 113, 142],
  [33, 144, 141],
  [39, 173, 129],
  [92, 200, 99],
  [170, 220, 50],
  [253, 231, 37],
];

/** viridis(t) for t in [0, 1] as `#rrggbb` (clamped); `end` < 1 keeps the lightest yellows off white backgrounds. */
export function sequentialColor(t: number, end = 0.85): string {
  const u = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * end * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(u));
  const f = u - i;
  const a = VIRIDIS[i]!;
  const b = VIRIDIS[i + 1]!;
  const hex = (k: number): string =>
    Math.round(a[k]! + (b[k]! - a[k]!) * f)
      .toString(16)
      .padStart(2, '0');
  return `#${hex(0)}${hex(1)}${hex(2)}`;
}

/** Marker glyphs. */
export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'plus';

/** Marker shapes in the order series take them. */
export const MARKERS: readonly MarkerShape[] = ['circle', 'square', 'triangle', 'diamond', 'cross', 'plus'];

/** One marker of `shape` centred at (x, y) pixels with half-size r, stroked (and filled where closed) in `color`. */
export function marker(shape: MarkerShape, x: number, y: number, r: number, color: string): string {
  switch (shape) {
    case 'circle':
      return element('circle', { cx: x, cy: y, r, fill: color });
    case 'square':
      return element('rect', { x: x - r, y: y - r, width: 2 * r, height: 2 * r, fill: color });
    case 'triangle':
      return element('path', {
        d: `M${fmt(x)} ${fmt(y - r)}L${fmt(x + r)} ${fmt(y + r)}L${fmt(x - r)} ${fmt(y + r)}Z`,
        fill: color,
      });
    case 'diamond':
      return element('path', {
        d: `M${fmt(x)} ${fmt(y - r)}L${fmt(x + r)} ${fmt(y)}L${fmt(x)} ${fmt(y + r)}L${fmt(x - r)} ${fmt(y)}Z`,
        fill: color,
      });
    case 'cross':
      return element('path', {
        d: `M${fmt(x - r)} ${fmt(y - r)}L${fmt(x + r)} ${fmt(y + r)}M${fmt(x - r)} ${fmt(y + r)}L${fmt(x + r)} ${fmt(y - r)}`,
        stroke: color,
        'stroke-width': 1.5,
        fill: 'none',
      });
    case 'plus':
      return element('path', {
        d: `M${fmt(x - r)} ${fmt(y)}L${fmt(x + r)} ${fmt(y)}M${fmt(x)} ${fmt(y - r)}L${fmt(x)} ${fmt(y + r)}`,
        stroke: color,
        'stroke-width': 1.5,
        fill: 'none',
      });
  }
}
