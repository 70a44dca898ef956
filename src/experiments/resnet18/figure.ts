/**
 * Fig. 4 re-drawn: one self-contained SVG per dataset (no fonts or links fetched), the adversarial loss of Eq. (5)
 * against α along the filter-normalised direction, one line per ε (several seeds averaged), with a legend.
 */
import type { DatasetName } from './config.ts';
import type { CellResult } from './results.ts';

/** One line of the figure. */
export interface LandscapeSeries {
  readonly label: string;
  readonly points: readonly { readonly alpha: number; readonly loss: number }[];
}

const COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function fmt(v: number): string {
  return Math.abs(v) < 1e-12 ? '0' : String(Number(v.toPrecision(3)));
}

function ticks(lo: number, hi: number, n: number): number[] {
  if (hi === lo) return [lo];
  return Array.from({ length: n + 1 }, (_, i) => lo + ((hi - lo) * i) / n);
}

/** The series of Fig. 4 for one dataset: per ε (ascending), the landscape averaged over the cells' seeds. */
export function landscapeSeries(cells: readonly CellResult[], dataset: DatasetName): LandscapeSeries[] {
  const byEps = new Map<number, CellResult[]>();
  for (const c of cells) {
    if (c.config.dataset !== dataset) continue;
    byEps.set(c.config.epsNumerator, [...(byEps.get(c.config.epsNumerator) ?? []), c]);
  }
  return [...byEps.entries()]
    .sort(([a], [b]) => a - b)
    .map(([k, cs]) => {
      const alphas = cs[0]!.landscape.points.map((p) => p.alpha);
      const points = alphas.map((alpha) => {
        const losses = cs.map((c) => c.landscape.points.find((p) => p.alpha === alpha)?.loss ?? Number.NaN);
        return { alpha, loss: losses.reduce((a, b) => a + b, 0) / losses.length };
      });
      return { label: `ε = ${k}/255${cs.length > 1 ? ` (${cs.length} seeds)` : ''}`, points };
    });
}

/** An SVG line chart of loss against α for `series`, titled `title`. */
export function landscapeSvg(series: readonly LandscapeSeries[], title: string): string {
  const W = 600;
  const H = 360;
  const m = { l: 64, r: 150, t: 36, b: 48 };
  const all = series.flatMap((s) => s.points).filter((p) => Number.isFinite(p.loss));
  const xs = all.map((p) => p.alpha);
  const ys = all.map((p) => p.loss);
  const x0 = Math.min(...xs, -1);
  const x1 = Math.max(...xs, 1);
  let y0 = Math.min(...ys);
  let y1 = Math.max(...ys);
  if (!(y1 - y0 > 1e-9)) {
    y0 = (Number.isFinite(y0) ? y0 : 0) - 0.5;
    y1 = (Number.isFinite(y1) ? y1 : 0) + 0.5;
  } else {
    const margin = 0.05 * (y1 - y0);
    y0 -= margin;
    y1 += margin;
  }
  const px = (x: number): number => m.l + ((x - x0) / (x1 - x0)) * (W - m.l - m.r);
  const py = (y: number): number => H - m.b - ((y - y0) / (y1 - y0)) * (H - m.t - m.b);
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`,
  );
  parts.push(`<title>${esc(title)}</title>`);
  parts.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="#ffffff"/>`);
  parts.push(`<text x="${m.l}" y="20" font-size="14">${esc(title)}</text>`);
  parts.push(`<line x1="${m.l}" y1="${H - m.b}" x2="${W - m.r}" y2="${H - m.b}" stroke="#000"/>`);
  parts.push(`<line x1="${m.l}" y1="${m.t}" x2="${m.l}" y2="${H - m.b}" stroke="#000"/>`);
  for (const t of ticks(x0, x1, 4)) {
    parts.push(
      `<line x1="${px(t).toFixed(1)}" y1="${H - m.b}" x2="${px(t).toFixed(1)}" y2="${H - m.b + 4}" stroke="#000"/>`,
    );
    parts.push(`<text x="${px(t).toFixed(1)}" y="${H - m.b + 16}" text-anchor="middle">${esc(fmt(t))}</text>`);
  }
  for (const t of ticks(y0, y1, 4)) {
    parts.push(`<line x1="${m.l - 4}" y1="${py(t).toFixed(1)}" x2="${m.l}" y2="${py(t).toFixed(1)}" stroke="#000"/>`);
    parts.push(`<text x="${m.l - 6}" y="${(py(t) + 4).toFixed(1)}" text-anchor="end">${esc(fmt(t))}</text>`);
  }
  parts.push(
    `<text x="${((m.l + W - m.r) / 2).toFixed(1)}" y="${H - 10}" text-anchor="middle">α (filter-normalised direction)</text>`,
  );
  parts.push(
    `<text x="16" y="${((m.t + H - m.b) / 2).toFixed(1)}" text-anchor="middle" transform="rotate(-90 16 ${((m.t + H - m.b) / 2).toFixed(1)})">adversarial loss</text>`,
  );
  for (const [i, s] of series.entries()) {
    const colour = COLOURS[i % COLOURS.length]!;
    const pts = s.points
      .filter((p) => Number.isFinite(p.loss))
      .map((p) => `${px(p.alpha).toFixed(1)},${py(p.loss).toFixed(1)}`);
    parts.push(`<polyline fill="none" stroke="${colour}" stroke-width="2" points="${pts.join(' ')}"/>`);
    const ly = m.t + 8 + i * 18;
    parts.push(
      `<line x1="${W - m.r + 12}" y1="${ly}" x2="${W - m.r + 32}" y2="${ly}" stroke="${colour}" stroke-width="2"/>`,
    );
    parts.push(`<text x="${W - m.r + 36}" y="${ly + 4}">${esc(s.label)}</text>`);
  }
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
