/**
 * Axis scales of `src/plot`: "nice" tick values (steps 1, 2, 2.5 or 5 × 10^k), tick labels printed with the precision
 * their step needs, and linear maps from data to pixels.
 */

/** Tick values inside a domain and the step between them. */
export interface Ticks {
  readonly values: readonly number[];
  readonly step: number;
}

/** Widens a degenerate or non-finite domain to something drawable: [v − 1, v + 1] for a point (|v|/10 when larger). */
export function safeDomain(lo: number, hi: number): [number, number] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (lo > hi) [lo, hi] = [hi, lo];
  if (hi - lo <= 1e-12 * Math.max(Math.abs(lo), Math.abs(hi), 1e-300)) {
    const pad = Math.max(Math.abs(lo) / 10, lo === 0 ? 1 : 0) || 1;
    return [lo - pad, hi + pad];
  }
  return [lo, hi];
}

/** The nice step (1, 2, 2.5 or 5 × 10^k) closest to span/target from above. */
export function niceStep(span: number, target: number): number {
  const raw = span / Math.max(1, target);
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= raw * (1 - 1e-9)) return m * p;
  return 10 * p;
}

/** About `target` nice tick values in [lo, hi] (Heckbert's "nice numbers" with steps 1, 2, 2.5, 5 × 10^k). */
export function niceTicks(lo: number, hi: number, target = 5): Ticks {
  const [a, b] = safeDomain(lo, hi);
  const step = niceStep(b - a, target);
  const first = Math.ceil(a / step - 1e-9);
  const last = Math.floor(b / step + 1e-9);
  const values: number[] = [];
  for (let k = first; k <= last; k++) values.push(roundToStep(k * step, step));
  return { values, step };
}

/** [lo, hi] widened outwards to multiples of the nice step (used for value axes so curves do not touch the frame). */
export function niceDomain(lo: number, hi: number, target = 5): [number, number] {
  const [a, b] = safeDomain(lo, hi);
  const step = niceStep(b - a, target);
  return [roundToStep(Math.floor(a / step + 1e-9) * step, step), roundToStep(Math.ceil(b / step - 1e-9) * step, step)];
}

function roundToStep(v: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  const r = Number(v.toFixed(Math.min(20, decimals)));
  return r === 0 ? 0 : r;
}

/**
 * A tick label: fixed decimals enough to tell ticks `step` apart ("0.25", "-1", "1200"); scientific notation with
 * three significant digits when the ticks are very large or very small ("2.5e-9").
 */
export function formatTick(v: number, step: number): string {
  if (v === 0) return '0';
  const mag = Math.max(Math.abs(v), step);
  if (mag >= 1e6 || step < 1e-4) {
    const s = v.toExponential(2);
    const [m, e] = s.split('e') as [string, string];
    return `${m.replace(/\.?0+$/, '')}e${e.replace('+', '')}`;
  }
  const decimals = Math.max(0, Math.ceil(-Math.log10(step) - 1e-9) + (isHalfStep(step) ? 1 : 0));
  const s = v.toFixed(Math.min(decimals, 20));
  return /^-0(\.0+)?$/.test(s) ? s.slice(1) : s;
}

function isHalfStep(step: number): boolean {
  const m = step / Math.pow(10, Math.floor(Math.log10(step)));
  return Math.abs(m - 2.5) < 1e-9;
}

/** The affine map sending d0 ↦ r0 and d1 ↦ r1 (pixels; r1 < r0 for a y axis that points up). */
export function linearMap(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const k = (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}
