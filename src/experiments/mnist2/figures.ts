/**
 * The MNIST2 part of the report: Fig. 3 (top Hessian eigenvalues against ε, both Hessians), Figs. 1, 2 and 5 (weight
 * loss landscapes, adversarial beside random noise), the sharpness measures the claims use, the Hessian eigenvalue
 * densities (SLQ) and traces (Hutchinson) beside the exact spectrum, 2-D contours, the Fig. 3 table with
 * dense-vs-Lanczos agreement, the spectrum table, and the section that holds them.
 */
import { formatNumber } from '../../format/number.ts';
import { ESTIMATOR_TOLERANCES, slqTolerance } from '../../numeric/tolerances.ts';
import { contourPlot } from '../../plot/contour.ts';
import { categoricalColor, MARKERS, sequentialColor } from '../../plot/colors.ts';
import type { LineChartSpec, LineSeries } from '../../plot/chart-spec.ts';
import { smallMultiples, smallMultiplesParts, type SmallMultiplesSpec } from '../../plot/small-multiples.ts';
import type { ReportFigure, ReportSection, ReportTable } from '../section.ts';
import type { CellHessian, CellSpectrum } from './measurement-schemas.ts';
import type { Landscape1D } from './measurement-schemas.ts';
import type { Mnist2Measurements } from './measurement-schemas.ts';
import type { Mnist2Cell, Mnist2Results } from './results.ts';
import { type BallNorm, norm2 } from '../../numeric/vector.ts';
import { atEps, mnist2Series, sameEps, type Mnist2Family } from './series.ts';

/** Ids of the empirical claim records the MNIST2 figures and tables bear on. */
export const MNIST2_CLAIMS = {
  fig3: ['fig3-eigen-grow-with-eps', 'fig3-nearly-linear', 'sec51-weight-norm-stable'],
  landscapes: ['fig12-sharper-with-eps', 'fig5-sharper-with-eps', 'fig12-random-less-sharp'],
} as const;

/** ε values of Fig. 2 (L∞, the large ε = 25.5, 51, 76.5/255 excluded, as the paper does). */
export const FIG2_EPS: readonly number[] = [0, 4 / 255, 8 / 255, 12 / 255, 16 / 255];
/** ε values of Fig. 5 (Appendix D.1). */
export const FIG5_EPS: readonly number[] = [0, 25.5 / 255, 51 / 255, 76.5 / 255];

const num = (v: number | null | undefined, digits = 4): string =>
  v === null || v === undefined || !Number.isFinite(v) ? '—' : formatNumber(v, digits);
const normName = (norm: BallNorm): string => (norm === 'l2' ? 'L2' : 'L∞');
/** How a cell was trained, as the figures name it: standard, PGD, exact (maximiser), random (noise). */
const trainingName = (c: Pick<Mnist2Cell, 'training'>): string => (c.training === 'pgd' ? 'PGD' : c.training);
/** ε on the plot's x axis: L2 as is, L∞ in units of 1/255. */
const epsAxis = (norm: BallNorm, eps: number): number => (norm === 'l2' ? eps : eps * 255);
const epsUnit = (norm: BallNorm): string | undefined => (norm === 'l2' ? undefined : '1/255');

/** A multi-panel figure as one SVG (the figure file) and in pieces (laid out to the page's width in errata.html). */
function multiPanel(spec: SmallMultiplesSpec): Pick<ReportFigure, 'svg' | 'panels'> {
  return { svg: smallMultiples(spec), panels: smallMultiplesParts(spec) };
}

function hessianOf(m: Mnist2Measurements, cell: Mnist2Cell): CellHessian | undefined {
  return m.hessians.find((h) => h.key === cell.key);
}

function landscapeOf(m: Mnist2Measurements, cell: Mnist2Cell): Landscape1D | undefined {
  return m.landscapes.find((l) => l.key === cell.key);
}

/** ‖w*‖₂ of a cell's weights, bias excluded. */
function filterNorm(c: Mnist2Cell): number {
  return norm2(c.w, c.w.length - (c.bias ? 1 : 0));
}

/** Top eigenvalues of a Hessian report: dense where computed, else Lanczos. */
export function topEigenvalues(h: CellHessian, which: 'robust' | 'fixed'): readonly number[] {
  const r = which === 'robust' ? h.robust : h.fixed;
  return r.dense?.values ?? r.lanczos.values;
}

function fig3Panel(results: Mnist2Results, m: Mnist2Measurements, norm: BallNorm, label: string): LineChartSpec | null {
  const cells = mnist2Series(results.cells, norm, 'adversarial').filter((c) => hessianOf(m, c) !== undefined);
  if (cells.length === 0) return null;
  const hs = cells.map((c) => hessianOf(m, c)!);
  const x = cells.map((c) => epsAxis(norm, c.eps));
  const k = Math.min(...hs.map((h) => topEigenvalues(h, 'robust').length));
  const series: LineSeries[] = [];
  for (const which of ['robust', 'fixed'] as const) {
    for (let i = 0; i < k; i++) {
      series.push({
        label: `${which === 'robust' ? 'robust-loss' : 'fixed-example'} λ${i + 1}`,
        x,
        y: hs.map((h) => topEigenvalues(h, which)[i]!),
        color: categoricalColor(which === 'robust' ? 0 : 1),
        marker: MARKERS[i % MARKERS.length]!,
        markerEvery: 1,
        dash: which === 'robust' ? 'solid' : 'dashed',
      });
    }
  }
  return {
    title: label,
    x: { label: 'ε', ...(epsUnit(norm) ? { unit: epsUnit(norm)! } : {}) },
    y: { label: 'eigenvalue of ∇²L(w*)' },
    series,
  };
}

/**
 * Fig. 3: the top eigenvalues of the robust-loss Hessian (solid) and of the fixed-example Hessian (dashed) at the
 * trained weights against ε, (a) L2 PGD, (b) L∞ PGD; dense solver values (Lanczos where the dense one was not run).
 */
export function fig3Figure(results: Mnist2Results, m: Mnist2Measurements): ReportFigure | null {
  const panels = [fig3Panel(results, m, 'l2', '(a) L2 PGD'), fig3Panel(results, m, 'linf', '(b) L∞ PGD')].filter(
    (p): p is LineChartSpec => p !== null,
  );
  if (panels.length === 0) return null;
  const agreement = Math.max(0, ...m.hessians.flatMap((h) => [h.robust.agreement ?? 0, h.fixed.agreement ?? 0]));
  return {
    id: 'mnist2-fig3',
    title: 'Fig. 3: top Hessian eigenvalues against ε (MNIST2, logistic regression)',
    caption:
      `Top ${Math.min(...m.hessians.map((h) => h.robust.lanczos.values.length))} eigenvalues at the trained weights w* of two Hessians: of the robust loss ` +
      `(solid; the maximiser moves with w, Eq. 9's object) and with the adversarial examples generated once at w* and held fixed ` +
      `(dashed; what PyHessian computes). For L∞ the two coincide (the box maximiser is locally constant). Dense solver and Lanczos on ` +
      `Hessian-vector products agree to ${num(agreement, 2)} relative to λ1 (worst cell). Loss without weight decay; ${m.examples} training images.`,
    ...multiPanel({
      title: 'Fig. 3 (re-measured): top Hessian eigenvalues vs ε, MNIST2',
      panels,
      columns: 2,
      panelWidth: 460,
      panelHeight: 340,
      legendTitle: 'Hessian, eigenvalue',
    }),
    claims: [...MNIST2_CLAIMS.fig3],
  };
}

function landscapePanel(
  results: Mnist2Results,
  m: Mnist2Measurements,
  norm: BallNorm,
  family: Mnist2Family,
  eps: readonly number[] | undefined,
  title: string,
  colorOf: (eps: number) => string,
): LineChartSpec | null {
  const cells = atEps(mnist2Series(results.cells, norm, family), eps).filter((c) => landscapeOf(m, c) !== undefined);
  if (cells.length === 0) return null;
  const series: LineSeries[] = cells.map((c, i) => {
    const l = landscapeOf(m, c)!;
    return {
      label: `ε = ${c.epsLabel}`,
      x: l.alphas,
      y: l.mean,
      band: { lo: l.min, hi: l.max },
      color: colorOf(c.eps),
      marker: MARKERS[i % MARKERS.length]!,
      markerEvery: Math.max(1, Math.round((l.alphas.length - 1) / 10)),
    };
  });
  const first = landscapeOf(m, cells[0]!)!;
  return {
    title,
    x: { label: first.mode === 'filter' ? 'α (filter-normalised direction)' : 'α (random_line direction)' },
    y: { label: 'training loss g(α)' },
    series,
  };
}

/** Options of `landscapeFigure`. */
export interface LandscapeFigureSpec {
  readonly id: string;
  readonly title: string;
  readonly caption: string;
  readonly norm: BallNorm;
  /** ε values shown (default all of the series). */
  readonly eps?: readonly number[];
  readonly families: readonly Mnist2Family[];
  readonly claims: readonly string[];
}

/**
 * A weight-loss-landscape figure (Figs. 1, 2, 5): one panel per family (adversarial, random noise) with one curve per
 * ε, the mean of g(α) over directions and a min–max band, on a shared y range so that panels compare.
 */
export function landscapeFigure(
  results: Mnist2Results,
  m: Mnist2Measurements,
  spec: LandscapeFigureSpec,
): ReportFigure | null {
  const all = spec.families.flatMap((f) =>
    atEps(mnist2Series(results.cells, spec.norm, f), spec.eps).map((c) => c.eps),
  );
  const distinct = [...new Set(all)].sort((a, b) => a - b).filter((e, i, arr) => i === 0 || !sameEps(e, arr[i - 1]!));
  const colorOf = (e: number): string => {
    const i = distinct.findIndex((d) => sameEps(d, e));
    return sequentialColor(distinct.length <= 1 ? 0 : i / (distinct.length - 1));
  };
  const panels = spec.families
    .map((f, i) =>
      landscapePanel(
        results,
        m,
        spec.norm,
        f,
        spec.eps,
        `(${String.fromCharCode(97 + i)}) ${normName(spec.norm)} ${f === 'adversarial' ? 'PGD' : 'RANDOM'}`,
        colorOf,
      ),
    )
    .filter((p): p is LineChartSpec => p !== null);
  if (panels.length === 0) return null;
  const l = m.landscapes[0]!;
  return {
    id: spec.id,
    title: spec.title,
    caption: `${spec.caption} Mean over ${l.directions.length} seeded directions (base seed ${l.directionSeed}); bands: min–max over directions. ${m.examples} training images.`,
    ...multiPanel({
      title: spec.title,
      panels,
      columns: panels.length,
      panelWidth: 440,
      panelHeight: 340,
      shareY: true,
      legendTitle: `ε (${normName(spec.norm)})`,
      note: `g(α) = max_η (1/N) Σ ℓ(x + η, y, w* + αh), attack re-run at every α (Eq. 5); band: min–max over directions`,
    }),
    claims: [...spec.claims],
  };
}

/** Fig. 1: L2 landscapes, PGD and random noise. */
export function fig1Figure(results: Mnist2Results, m: Mnist2Measurements): ReportFigure | null {
  return landscapeFigure(results, m, {
    id: 'mnist2-fig1',
    title: 'Fig. 1 (re-measured): weight loss landscape, L2 PGD and L2 RANDOM, MNIST2',
    caption:
      'Weight loss landscapes of logistic regression trained with L2 PGD (left) and with L2 uniform random noise (right).',
    norm: 'l2',
    families: ['adversarial', 'random'],
    claims: ['fig12-sharper-with-eps', 'fig12-random-less-sharp'],
  });
}

/** Fig. 2: L∞ landscapes, PGD and random noise, without ε ∈ {25.5, 51, 76.5}/255 (as the paper). */
export function fig2Figure(results: Mnist2Results, m: Mnist2Measurements): ReportFigure | null {
  return landscapeFigure(results, m, {
    id: 'mnist2-fig2',
    title: 'Fig. 2 (re-measured): weight loss landscape, L∞ PGD and L∞ RANDOM, MNIST2',
    caption:
      'Weight loss landscapes for L∞ PGD (left) and L∞ uniform random noise (right); ε ∈ {25.5, 51, 76.5}/255 excluded, as in the paper.',
    norm: 'linf',
    eps: FIG2_EPS,
    families: ['adversarial', 'random'],
    claims: ['fig12-sharper-with-eps', 'fig12-random-less-sharp'],
  });
}

/** Fig. 5 (Appendix D.1): L∞ PGD landscapes at ε ∈ {0, 25.5, 51, 76.5}/255. */
export function fig5Figure(results: Mnist2Results, m: Mnist2Measurements): ReportFigure | null {
  return landscapeFigure(results, m, {
    id: 'mnist2-fig5',
    title: 'Fig. 5 (re-measured): weight loss landscape, L∞ PGD with large ε, MNIST2',
    caption: 'Weight loss landscapes for L∞ PGD at ε ∈ {0, 25.5, 51, 76.5}/255 (Appendix D.1).',
    norm: 'linf',
    eps: FIG5_EPS,
    families: ['adversarial'],
    claims: ['fig5-sharper-with-eps'],
  });
}

function measurePanel(
  results: Mnist2Results,
  m: Mnist2Measurements,
  norm: BallNorm,
  title: string,
  yLabel: string,
  pick: (l: Landscape1D, cell: Mnist2Cell) => { y: number; lo?: number; hi?: number } | null,
): LineChartSpec {
  const series: LineSeries[] = [];
  (['adversarial', 'random'] as const).forEach((f, i) => {
    const pts = mnist2Series(results.cells, norm, f)
      .map((c) => {
        const l = landscapeOf(m, c);
        return l === undefined ? null : { c, v: pick(l, c) };
      })
      .filter((p): p is { c: Mnist2Cell; v: { y: number; lo?: number; hi?: number } } => p !== null && p.v !== null);
    if (pts.length === 0) return;
    const banded = pts.every((p) => p.v.lo !== undefined && p.v.hi !== undefined);
    series.push({
      label: f === 'adversarial' ? 'PGD (adversarial)' : 'random noise',
      x: pts.map((p) => epsAxis(norm, p.c.eps)),
      y: pts.map((p) => p.v.y),
      ...(banded ? { band: { lo: pts.map((p) => p.v.lo!), hi: pts.map((p) => p.v.hi!) } } : {}),
      color: categoricalColor(i),
      marker: MARKERS[i]!,
      markerEvery: 1,
      dash: f === 'adversarial' ? 'solid' : 'dashed',
    });
  });
  return { title, x: { label: 'ε', ...(epsUnit(norm) ? { unit: epsUnit(norm)! } : {}) }, y: { label: yLabel }, series };
}

/**
 * The sharpness measures the empirical claims decide on, against ε, adversarial beside random noise: the curvature
 * hᵀ∇²g h along filter-normalised directions, the landscape rise, and ‖w*‖ (per norm).
 */
export function sharpnessFigure(results: Mnist2Results, m: Mnist2Measurements): ReportFigure | null {
  if (m.landscapes.length === 0) return null;
  const panels: LineChartSpec[] = [];
  for (const norm of ['l2', 'linf'] as const) {
    if (!results.cells.some((c) => c.norm === norm)) continue;
    const n = normName(norm);
    panels.push(
      measurePanel(results, m, norm, `${n}: curvature hᵀ∇²g h`, 'hᵀ∇²g(w*)h', (l) => ({
        y: l.curvature.mean,
        lo: l.curvature.min,
        hi: l.curvature.max,
      })),
    );
    panels.push(
      measurePanel(results, m, norm, `${n}: landscape rise`, 'g(±1) − g(0)', (l) => ({
        y: l.rise.mean,
        lo: l.rise.min,
        hi: l.rise.max,
      })),
    );
    panels.push(measurePanel(results, m, norm, `${n}: ‖w*‖`, '‖w*‖₂', (_l, c) => ({ y: filterNorm(c) })));
  }
  return {
    id: 'mnist2-sharpness',
    title: 'MNIST2 sharpness measures against ε',
    caption:
      'The measures the empirical claims are decided on: curvature of g at α = 0 along filter-normalised directions (‖h‖ = ‖w*‖), the ' +
      'landscape rise (mean of g at α = ±1 minus g(0)), both mean with min–max band over directions, and the weight norm ‖w*‖.',
    ...multiPanel({
      title: 'MNIST2: sharpness measures vs ε (PGD solid, random noise dashed)',
      panels,
      columns: 3,
      panelWidth: 380,
      panelHeight: 300,
    }),
    claims: [...MNIST2_CLAIMS.landscapes, 'sec51-weight-norm-stable'],
  };
}

/** One contour figure per 2-D landscape. */
export function contourFigures(m: Mnist2Measurements): ReportFigure[] {
  return m.contours.map((c) => ({
    id: `mnist2-contour-${c.norm}-${c.training}-${c.epsLabel.replace(/[^A-Za-z0-9.]/g, '_')}`,
    title: `2-D weight loss landscape, ${normName(c.norm)} ${trainingName(c)}, ε = ${c.epsLabel}`,
    caption:
      `g(w* + αh₁ + βh₂) on a ${c.alphas.length} × ${c.betas.length} grid of [−1, 1]² for two filter-normalised Gaussian directions ` +
      `(‖h‖ = ‖w*‖, Eq. 6; seeds ${c.seeds[0]}, ${c.seeds[1]}, loss-landscape's two-direction plot), the inner maximiser re-solved at every point; ` +
      `${c.objective}. ${m.examples} training images.`,
    svg: contourPlot({
      title: `2-D landscape: ${normName(c.norm)} ${trainingName(c)}, ε = ${c.epsLabel}`,
      x: { label: 'α' },
      y: { label: 'β' },
      xs: c.alphas,
      ys: c.betas,
      z: c.z,
      zLabel: 'loss',
      marker: { x: 0, y: 0, label: 'w*' },
    }),
    claims: [...MNIST2_CLAIMS.landscapes],
  }));
}

function spectrumOf(m: Mnist2Measurements, cell: Mnist2Cell): CellSpectrum | undefined {
  return m.spectra.find((s) => s.key === cell.key);
}

/**
 * The eigenvalue density of the robust-loss Hessian at w* by stochastic Lanczos quadrature (solid) beside the exact
 * spectrum's (dashed), both broadened by the same Gaussian, on a log scale as PyHessian plots it: one panel per cell
 * that has a density (standard and a few PGD ε of each norm).
 */
export function densityFigure(m: Mnist2Measurements): ReportFigure | null {
  const cells = m.spectra.filter((s) => s.density !== undefined);
  if (cells.length === 0) return null;
  const first = cells[0]!.density!;
  const slqLabel = `SLQ (${first.probes} probes × ${first.steps} steps)`;
  const panels: LineChartSpec[] = cells.map((s) => {
    const d = s.density!;
    const peak = Math.max(...d.density, ...d.exactDensity);
    const floor = peak * 1e-6;
    const clamp = (ys: readonly number[]): number[] => ys.map((v) => Math.max(v, floor));
    return {
      title: `${normName(s.norm)} ${trainingName(s)}, ε = ${s.epsLabel}`,
      x: { label: 'eigenvalue λ of ∇²L(w*)', ticks: 4 },
      y: { label: 'density', scale: 'log', domain: [floor, peak * 2] },
      series: [
        { label: slqLabel, x: d.grid, y: clamp(d.density), color: categoricalColor(0), marker: 'none' },
        {
          label: 'exact (dense eigenvalues)',
          x: d.grid,
          y: clamp(d.exactDensity),
          color: categoricalColor(1),
          marker: 'none',
          dash: 'dashed',
        },
      ],
    };
  });
  const worst = (f: (s: CellSpectrum) => number): number => Math.max(...cells.map(f));
  const converged = cells.every((s) => s.density!.converged);
  const tol = slqTolerance(cells[0]!.dim, first.probes);
  const within = cells.every((s) => {
    const t = slqTolerance(s.dim, s.density!.probes);
    const a = s.density!.agreement;
    return a.kolmogorov <= t.kolmogorov && a.wasserstein1 <= t.wasserstein1 && a.lambdaMax <= t.lambdaMax;
  });
  return {
    id: 'mnist2-hessian-density',
    title: 'Hessian eigenvalue density by stochastic Lanczos quadrature beside the exact spectrum (MNIST2)',
    caption:
      `Eigenvalue density of the robust-loss Hessian ∇²L(w*) (Fig. 3's solid curves) of each model: stochastic Lanczos quadrature on ` +
      `Hessian-vector products (PyHessian's density: ${first.probes} Rademacher probes, probe seed ${first.seed}, ${first.steps} Lanczos steps ` +
      `each with full reorthogonalisation, ${cells.map((s) => s.density!.matvecs).reduce((a, b) => a + b, 0)} HVPs in all) beside the ` +
      `exact eigenvalues of the dense Hessian, both broadened by a Gaussian of σ = ${formatNumber(first.broadening * 100, 2)} % of ` +
      `λmax − λmin, on a log scale cut at 10⁻⁶ of the peak. SLQ against exact, worst model: Kolmogorov distance of the broadened ` +
      `distributions ${num(
        worst((s) => s.density!.agreement.kolmogorov),
        2,
      )}, Wasserstein-1 distance ` +
      `${num(
        worst((s) => s.density!.agreement.wasserstein1),
        2,
      )} × (λmax − λmin), λmax relative error ` +
      `${num(
        worst((s) => s.density!.agreement.lambdaMax),
        2,
      )} (${within ? 'within' : 'OUTSIDE'} the estimator table's tolerances, ` +
      `${num(tol.kolmogorov, 2)}, ${num(tol.wasserstein1, 2)} and ${num(tol.lambdaMax, 2)} for ${first.probes} probes on d = ${cells[0]!.dim}); every probe's top Ritz value ${converged ? 'converged' : 'did NOT converge'} ` +
      `(residual ≤ ${num(first.tol, 2)} × λmax). Loss without weight decay; ${m.examples} training images.`,
    ...multiPanel({
      title: 'MNIST2: robust-loss Hessian eigenvalue density, SLQ vs exact',
      panels,
      columns: Math.min(4, panels.length),
      panelWidth: 330,
      panelHeight: 280,
      legendTitle: 'density',
      note: `Both broadened by a Gaussian, σ = ${formatNumber(first.broadening * 100, 2)} % of λmax − λmin; SLQ probe seed ${first.seed}`,
    }),
  };
}

/**
 * tr ∇²L(w*) of the robust loss against ε: Hutchinson's estimate with a ±2 standard-error band (solid) beside the
 * exact trace of the dense Hessian (dashed), (a) L2, (b) L∞; log scale when the traces span more than a factor 30.
 */
export function traceFigure(results: Mnist2Results, m: Mnist2Measurements): ReportFigure | null {
  const panels: LineChartSpec[] = [];
  const all: CellSpectrum[] = [];
  for (const norm of ['l2', 'linf'] as const) {
    const cells = mnist2Series(results.cells, norm, 'adversarial').filter((c) => spectrumOf(m, c) !== undefined);
    if (cells.length === 0) continue;
    const sp = cells.map((c) => spectrumOf(m, c)!);
    all.push(...sp);
    const x = cells.map((c) => epsAxis(norm, c.eps));
    const values = sp.flatMap((s) => [s.exact.trace, s.hutchinson.value]).filter((v) => v > 0);
    const log = values.length > 0 && Math.max(...values) > 30 * Math.min(...values);
    panels.push({
      title: `(${String.fromCharCode(97 + panels.length)}) ${normName(norm)} PGD`,
      x: { label: 'ε', ...(epsUnit(norm) ? { unit: epsUnit(norm)! } : {}) },
      y: { label: 'tr ∇²L(w*)', ...(log ? { scale: 'log' as const } : {}) },
      series: [
        {
          label: 'Hutchinson ± 2 SE',
          x,
          y: sp.map((s) => s.hutchinson.value),
          band: {
            lo: sp.map((s) => s.hutchinson.value - 2 * s.hutchinson.standardError),
            hi: sp.map((s) => s.hutchinson.value + 2 * s.hutchinson.standardError),
          },
          color: categoricalColor(0),
          marker: 'circle',
          markerEvery: 1,
        },
        {
          label: 'exact (dense Hessian)',
          x,
          y: sp.map((s) => s.exact.trace),
          color: categoricalColor(1),
          marker: 'square',
          markerEvery: 1,
          dash: 'dashed',
        },
      ],
    });
  }
  if (panels.length === 0) return null;
  // The standard model heads both series (once per norm, or the same cell twice).
  const models = all.filter((s, i) => all.findIndex((o) => o.key === s.key) === i);
  const h = models[0]!.hutchinson;
  const probes = models.map((s) => s.hutchinson.probes);
  const worstZ = Math.max(...models.map((s) => Math.abs(s.hutchinson.z)));
  const unconverged = models.filter((s) => !s.hutchinson.converged).length;
  return {
    id: 'mnist2-hessian-trace',
    title: 'Hessian trace by Hutchinson’s estimator beside the exact trace, against ε (MNIST2)',
    caption:
      `tr ∇²L(w*) of the robust-loss Hessian (Fig. 3's solid curves): Hutchinson's estimator on Hessian-vector products (PyHessian's trace; ` +
      `Rademacher probes, seed ${h.seed}, at least 10 and at most ${h.maxProbes}, stopped when the standard error is ≤ ${formatNumber(h.tol * 100, 2)} % ` +
      `of the estimate; ${Math.min(...probes)}–${Math.max(...probes)} probes used, ${unconverged} of ${models.length} models stopped by the cap), ` +
      `band ±2 standard errors, beside the exact trace of the dense Hessian. Worst |estimate − exact| / SE: ${num(worstZ, 2)} ` +
      `(${worstZ <= ESTIMATOR_TOLERANCES.traceSigmas ? 'within' : 'OUTSIDE'} the estimator table's ${ESTIMATOR_TOLERANCES.traceSigmas}). ` +
      `Per-model values, probe counts and the standard error expected in theory are in Table mnist2-hessian-spectrum-table. ` +
      `Loss without weight decay; ${m.examples} training images.`,
    ...multiPanel({
      title: 'MNIST2: Hessian trace vs ε, Hutchinson vs exact',
      panels,
      columns: 2,
      panelWidth: 440,
      panelHeight: 320,
      legendTitle: 'tr H',
    }),
  };
}

/** Per spectrum cell: the exact spectrum's range and trace, Hutchinson's and SLQ's estimates and their agreement. */
export function spectrumTable(results: Mnist2Results, m: Mnist2Measurements): ReportTable {
  const rows: string[][] = [];
  for (const norm of ['l2', 'linf'] as const) {
    for (const c of mnist2Series(results.cells, norm, 'adversarial')) {
      const s = spectrumOf(m, c);
      if (s === undefined) continue;
      const h = s.hutchinson;
      const d = s.density;
      rows.push([
        normName(norm),
        c.epsLabel,
        c.training,
        `${num(s.exact.lambdaMin, 3)}, ${num(s.exact.lambdaMax)}`,
        num(s.exact.trace),
        `${num(h.value)} ± ${num(h.standardError, 2)}`,
        `${h.probes}${h.converged ? '' : ' (cap)'}`,
        num(h.z, 2),
        num(h.expectedStandardError, 2),
        d === undefined ? '—' : `${num(d.trace)} ± ${num(d.traceStandardError, 2)}`,
        d === undefined ? '—' : num(d.agreement.lambdaMax, 2),
        d === undefined ? '—' : num(d.agreement.kolmogorov, 2),
        d === undefined ? '—' : num(d.agreement.wasserstein1, 2),
        [s.exact.converged, d?.converged].every((v) => v !== false) ? 'yes' : 'NO',
      ]);
    }
  }
  const d = m.spectra.find((s) => s.density !== undefined)?.density;
  return {
    id: 'mnist2-hessian-spectrum-table',
    title: 'Robust-loss Hessian spectrum per ε: exact, Hutchinson trace, SLQ density',
    caption:
      'Exact: dense Hessian (Householder + QL). Hutchinson: tr H ± standard error on Rademacher probes (“cap”: the probe cap reached ' +
      'before the tolerance), (estimate − exact)/SE, and the standard error √(2 Σ_{i≠j} H_ij² / probes) the estimator has in theory. ' +
      (d === undefined
        ? 'SLQ: no density measured.'
        : `SLQ (${d.probes} probes × ${d.steps} Lanczos steps, seed ${d.seed}): tr H = n · mean vᵀHv/vᵀv ± SE over probes, λmax relative error, ` +
          `Kolmogorov distance of the broadened distributions (σ = ${formatNumber(d.broadening * 100, 2)} % of λmax − λmin), ` +
          'Wasserstein-1 distance to the exact spectrum over λmax − λmin.'),
    columns: [
      'norm',
      'ε',
      'training',
      'λ_min, λ_max (exact)',
      'tr H (exact)',
      'Hutchinson tr H ± SE',
      'probes',
      '(est. − exact) / SE',
      'SE in theory',
      'SLQ tr H ± SE',
      'SLQ λ_max rel. error',
      'Kolmogorov (SLQ vs exact)',
      'W1 / (λmax − λmin)',
      'all converged',
    ],
    rows,
  };
}

/** Fig. 3 as a table: per cell, ‖w*‖, Eq. (9)'s values and the top eigenvalues of both Hessians, dense vs Lanczos. */
export function fig3Table(results: Mnist2Results, m: Mnist2Measurements): ReportTable {
  const rows: string[][] = [];
  for (const norm of ['l2', 'linf'] as const) {
    for (const c of mnist2Series(results.cells, norm, 'adversarial')) {
      const h = hessianOf(m, c);
      if (h === undefined) continue;
      const vals = (which: 'robust' | 'fixed'): string =>
        topEigenvalues(h, which)
          .map((v) => num(v))
          .join(', ');
      rows.push([
        normName(norm),
        c.epsLabel,
        c.training,
        num(h.weightNorm),
        num(h.eq9.prediction),
        num(h.eq9.c),
        vals('robust'),
        vals('fixed'),
        `${num(h.robust.agreement, 2)} / ${num(h.fixed.agreement, 2)}`,
        `${h.robust.lanczos.matvecs ?? '—'} / ${h.fixed.lanczos.matvecs ?? '—'}`,
        num(h.robustVsFixed, 3),
        [
          h.robust.dense?.converged,
          h.robust.lanczos.converged,
          h.fixed.dense?.converged,
          h.fixed.lanczos.converged,
        ].every((v) => v !== false)
          ? 'yes'
          : 'NO',
      ]);
    }
  }
  return {
    id: 'mnist2-fig3-table',
    title: 'Fig. 3 re-measured: top Hessian eigenvalues per ε, both Hessians',
    caption:
      'λ: dense solver (Householder + QL). Agreement: max_k |λ_k(dense) − λ_k(Lanczos)| / λ_1. HVPs: Lanczos Hessian-vector products. ' +
      'Eq. 9 predicts the eigenvalue ε/(2‖w*‖) at an optimum where every σ = 1/2 (L2 only); c = (1/2N) Σ ‖ηⁿ‖/‖w*‖ uses the measured η.',
    columns: [
      'norm',
      'ε',
      'training',
      '‖w*‖',
      'ε/(2‖w*‖)',
      'c (Eq. 9)',
      'robust-loss λ1, λ2, λ3',
      'fixed-example λ1, λ2, λ3',
      'dense vs Lanczos (robust / fixed)',
      'Lanczos HVPs (robust / fixed)',
      '‖H_rob − H_fix‖_F / ‖H_rob‖_F',
      'all converged',
    ],
    rows,
    claims: [...MNIST2_CLAIMS.fig3],
  };
}

/** The landscape sharpness per cell: g(0), rise and curvature (mean [min, max] over directions), and the attack. */
export function landscapeTable(results: Mnist2Results, m: Mnist2Measurements): ReportTable {
  const rows: string[][] = [];
  for (const norm of ['l2', 'linf'] as const) {
    for (const f of ['adversarial', 'random'] as const) {
      for (const c of mnist2Series(results.cells, norm, f)) {
        const l = landscapeOf(m, c);
        if (l === undefined || (f === 'random' && c.training !== 'random')) continue;
        rows.push([
          normName(norm),
          c.training,
          c.epsLabel,
          num(l.center),
          `${num(l.rise.mean)} [${num(l.rise.min)}, ${num(l.rise.max)}]`,
          `${num(l.curvature.mean)} [${num(l.curvature.min)}, ${num(l.curvature.max)}]`,
          l.attack,
        ]);
      }
    }
  }
  return {
    id: 'mnist2-landscape-table',
    title: 'Landscape sharpness per cell',
    caption:
      'g(0): training objective at w*. Rise: mean of g at the grid ends minus g(0). Curvature: hᵀ∇²g(w*)h, ‖h‖ = ‖w*‖. Mean [min, max] over directions.',
    columns: ['norm', 'training', 'ε', 'g(0)', 'rise', 'curvature hᵀ∇²g h', 'inner maximiser / noise'],
    rows,
    claims: [...MNIST2_CLAIMS.landscapes],
  };
}

/**
 * The MNIST2 section of the report: summary, Figs. 3, 1, 2, 5, the sharpness measures and contours, the Fig. 3 and
 * landscape tables, and the provenance (data files, image counts, seeds, backend, every measurement setting).
 */
export function mnist2Section(results: Mnist2Results, m: Mnist2Measurements): ReportSection {
  const figures = [
    fig3Figure(results, m),
    fig1Figure(results, m),
    fig2Figure(results, m),
    fig5Figure(results, m),
    sharpnessFigure(results, m),
    densityFigure(m),
    traceFigure(results, m),
    ...contourFigures(m),
  ].filter((f): f is ReportFigure => f !== null);
  const d = results.data;
  const base = (p: string): string => p.split(/[\\/]/).pop() ?? p;
  const provenance: Record<string, string> = {
    setting: results.setting,
    seed: String(results.seed),
    backend: results.backend,
    'data.train': `${base(d.trainImages)}, ${base(d.trainLabels)}: ${d.trainCount} MNIST2 images`,
    'data.test': `${base(d.testImages)}, ${base(d.testLabels)}: ${d.testCount} MNIST2 images`,
    'data.labelMap': d.labelMap,
    ...(d.subset !== undefined ? { 'data.subset': d.subset } : {}),
    'measurements.examples': String(m.examples),
    cells: String(results.cells.length),
    ...(m.degenerate.length > 0 ? { 'cells.degenerate': m.degenerate.map((d) => d.cell).join(', ') } : {}),
  };
  for (const [k, v] of Object.entries(m.settings)) provenance[`measure.${k}`] = v;
  return {
    id: 'mnist2',
    title: 'MNIST2: Hessian eigenvalues and weight loss landscapes (§5.1, Figs. 1–3, 5)',
    summary:
      `Logistic regression on MNIST2 (digits 0 and 1; ${d.trainCount} training images${d.subset !== undefined ? `, ${d.subset}` : ''}), ` +
      `${results.cells.length} trained cells (${results.setting} setting, seed ${results.seed}). At each cell's final weights w* we computed the top ` +
      `Hessian eigenvalues of the robust loss and of the loss with adversarial examples held fixed, each by a dense solver and by Lanczos on ` +
      `Hessian-vector products; and 1-D weight loss landscapes along seeded filter-normalised Gaussian directions with the inner maximiser ` +
      `re-solved at every α (Eq. 5). Losses are the mean logistic loss over ${m.examples} training images without weight decay. ` +
      `For the Fig. 3 models the whole spectrum of the robust-loss Hessian is also shown as the Hessian tools report it, checked ` +
      `against the dense Hessian: its eigenvalue density by stochastic Lanczos quadrature and its trace by Hutchinson's estimator; and ` +
      `2-D landscapes along two filter-normalised directions for ${m.contours.length} model${m.contours.length === 1 ? '' : 's'}.` +
      m.degenerate.map((d) => ` Cell ${d.cell} has no measurements: ${d.reason}.`).join(''),
    figures,
    tables: [
      fig3Table(results, m),
      landscapeTable(results, m),
      ...(m.spectra.length > 0 ? [spectrumTable(results, m)] : []),
    ],
    provenance,
    claims: [
      ...MNIST2_CLAIMS.fig3,
      ...MNIST2_CLAIMS.landscapes,
      'tab1-rerun-abs-gap',
      'tab1to4-rerun-test-gt-train',
      'tab3-rerun-large-eps-gap',
      'tab2to4-rerun-random-gap',
    ],
  };
}
