/**
 * The MNIST2 report section from hand-built results: Fig. 3 with both Hessians, Figs. 1, 2 and 5 with the paper's
 * ε selections, the sharpness figure, the Hessian density (SLQ) and trace (Hutchinson) figures beside the exact
 * spectrum, contours, tables with dense-vs-Lanczos agreement and the spectrum table, provenance; well-formed,
 * self-contained (accepted by the report's section validator), laid out in pieces for the page, and deterministic.
 */
import { describe, expect, it } from 'vitest';
import { contourCells, measurementSeeds, mnist2Measurements } from '../../../src/experiments/mnist2/measurements.ts';
import { fig2Figure, fig5Figure, mnist2Section } from '../../../src/experiments/mnist2/figures.ts';
import { validateSections } from '../../../src/report/figures.ts';
import { parseXml } from '../../plot/xml.ts';
import { resultsOf, smallMnist2, trainedCell } from './helpers.ts';

const ds = smallMnist2();
const it15 = { iterations: 15 };
const cells = [
  trainedCell(ds, { norm: 'l2', training: 'standard', eps: 0, ...it15 }),
  ...[0.2, 0.6].flatMap((eps) => [
    trainedCell(ds, { norm: 'l2', training: 'pgd', eps, ...it15 }),
    trainedCell(ds, { norm: 'l2', training: 'random', eps, ...it15 }),
  ]),
  ...[4 / 255, 25.5 / 255].map((eps) => trainedCell(ds, { norm: 'linf', training: 'pgd', eps, ...it15 })),
  trainedCell(ds, { norm: 'linf', training: 'random', eps: 4 / 255, ...it15 }),
];
const results = resultsOf(cells, ds);
const options = { hessian: { directions: 2 }, landscape: { directions: 2, points: 11 }, contours: [cells[3]!.key] };
const m = mnist2Measurements(results, ds, options);
const section = mnist2Section(results, m);

/** The models of the ci sweep that the spectrum table and Fig. 3's table list, as `norm ε`. */
const CI_MODELS = ['L2 0.00', 'L2 0.20', 'L2 0.60', 'L∞ 0.00', 'L∞ 4/255', 'L∞ 25.5/255'];
describe('mnist2Measurements', () => {
  it('measures Hessians for the standard and PGD cells, landscapes for all, the requested contour, with settings', () => {
    expect(m.hessians.map((h) => h.training).sort()).toEqual(['pgd', 'pgd', 'pgd', 'pgd', 'standard']);
    expect(m.landscapes).toHaveLength(cells.length);
    expect(m.contours.map((c) => c.key)).toEqual([cells[3]!.key]);
    expect(m.settings['landscape.grid']).toBe('11 points on [−1, 1]');
    const seeds = measurementSeeds(results.seed);
    expect(m.settings['hessian.lanczos']).toContain(`seed ${seeds.lanczosSeed}`);
    expect(m.hessians[0]!.robust.curvature.directionSeed).toBe(seeds.directionSeed);
    expect(m.landscapes[0]!.directionSeed).toBe(seeds.directionSeed);
    expect(m.premises.noiseSeed).toBe(seeds.premiseNoiseSeed);
  });

  it('derives every seed from the run seed: another run seed, other directions', () => {
    const a = measurementSeeds(1);
    const b = measurementSeeds(2);
    for (const k of Object.keys(a) as (keyof typeof a)[]) expect(a[k]).not.toBe(b[k]);
    expect(new Set(Object.values(a)).size).toBe(6);
  });

  it('measures the premises on the training split: every image norm, and the noise moments at each L∞ random-noise ε', () => {
    expect(m.premises.imageNorms).toHaveLength(ds.n);
    expect(m.premises.noiseMoments.map((r) => r.eps)).toEqual([4 / 255]);
    expect(Math.abs(m.premises.noiseMoments[0]!.secondRatio - 1)).toBeLessThan(0.5);
  });
});

describe('Hessian spectra (SLQ density, Hutchinson trace) of the Fig. 3 cells', () => {
  const seeds = measurementSeeds(results.seed);

  it('measures the trace on every Fig. 3 cell and the density on the standard model and the PGD ε of each norm', () => {
    expect(m.spectra.map((s) => `${s.norm} ${s.training} ${s.epsLabel} ${s.density ? 'density' : 'trace'}`)).toEqual([
      'l2 standard 0.00 density',
      'l2 pgd 0.20 density',
      'l2 pgd 0.60 density',
      'linf pgd 4/255 density',
      'linf pgd 25.5/255 density',
    ]);
    for (const s of m.spectra) {
      expect(s.which).toBe('robust');
      expect(s.hutchinson.seed).toBe(seeds.hutchinsonSeed);
      expect(s.density!.seed).toBe(seeds.slqSeed);
    }
    expect(m.settings['spectrum.slq']).toContain(`probe seed ${seeds.slqSeed}`);
    expect(m.settings['spectrum.hutchinson']).toContain(`seed ${seeds.hutchinsonSeed}`);
  });

  it('draws the density on a log scale, SLQ beside exact per cell; the trace against ε per norm; a table row per ε', () => {
    const density = section.figures.find((f) => f.id === 'mnist2-hessian-density')!;
    expect(density.svg.match(/class="panel"/g)).toHaveLength(5);
    expect(density.svg).toContain('data-series="SLQ (20 probes × 30 steps)"');
    expect(density.svg).toContain('data-series="exact (dense eigenvalues)"');
    expect(density.svg).toMatch(/>10[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+</);
    expect(density.caption).toContain(`probe seed ${seeds.slqSeed}`);
    expect(density.caption).toContain('within the estimator table');
    const trace = section.figures.find((f) => f.id === 'mnist2-hessian-trace')!;
    expect(trace.svg).toContain('(a) L2 PGD');
    expect(trace.svg).toContain('(b) L∞ PGD');
    expect(trace.caption).toContain(`seed ${seeds.hutchinsonSeed}`);
    const table = section.tables.find((t) => t.id === 'mnist2-hessian-spectrum-table')!;
    expect(table.rows.map((r) => `${r[0]} ${r[1]}`)).toEqual(CI_MODELS);
    for (const r of table.rows) expect(r[13]).toBe('yes');
  });

  it('picks the L2 standard model and the largest-ε L2 PGD cell for 2-D landscapes by default', () => {
    expect(contourCells(results.cells)).toEqual([cells[0]!.key, cells[3]!.key]);
  });
});

describe('mnist2Section', () => {
  it('passes the report validator: file-safe unique ids, self-contained SVG, full table rows', () => {
    expect(() => validateSections([section])).not.toThrow();
    for (const f of section.figures) parseXml(f.svg);
    expect(section.figures.map((f) => f.id)).toEqual([
      'mnist2-fig3',
      'mnist2-fig1',
      'mnist2-fig2',
      'mnist2-fig5',
      'mnist2-sharpness',
      'mnist2-hessian-density',
      'mnist2-hessian-trace',
      'mnist2-contour-l2-pgd-0.60',
    ]);
  });

  it('lays every multi-panel figure out in pieces: one self-contained SVG per panel, as many as the whole SVG has', () => {
    for (const f of section.figures.filter((g) => !g.id.startsWith('mnist2-contour'))) {
      expect(f.panels).toBeDefined();
      expect(f.panels!.panels).toHaveLength(f.svg.match(/class="panel"/g)!.length);
      for (const p of f.panels!.panels) parseXml(p);
    }
  });

  it('Fig. 3 draws λ1–λ3 of both Hessians for L2 and L∞; its table has one row per adversarial ε with agreement and HVP counts', () => {
    const fig3 = section.figures[0]!;
    expect(fig3.svg.match(/class="panel"/g)).toHaveLength(2);
    for (const name of ['robust-loss λ1', 'robust-loss λ3', 'fixed-example λ1', 'fixed-example λ3'])
      expect(fig3.svg).toContain(`data-series="${name}"`);
    const table = section.tables.find((t) => t.id === 'mnist2-fig3-table')!;
    expect(table.rows.map((r) => `${r[0]} ${r[1]}`)).toEqual(CI_MODELS);
    for (const r of table.rows) {
      expect(r[11]).toBe('yes');
      const [robust, fixed] = r[8]!.split(' / ').map(Number);
      expect(robust!).toBeLessThan(1e-8);
      expect(fixed!).toBeLessThan(1e-8);
    }
    expect(fig3.claims).toContain('fig3-nearly-linear');
  });

  it('Fig. 2 leaves out ε = 25.5/255 and Fig. 5 shows it; Fig. 1 puts PGD and RANDOM side by side', () => {
    const fig1 = section.figures[1]!;
    expect(fig1.svg).toContain('(a) L2 PGD');
    expect(fig1.svg).toContain('(b) L2 RANDOM');
    expect(fig2Figure(results, m)!.svg).not.toContain('25.5/255');
    expect(fig2Figure(results, m)!.svg).toContain('ε = 4/255');
    expect(fig5Figure(results, m)!.svg).toContain('ε = 25.5/255');
    expect(fig5Figure(results, m)!.svg).not.toContain('ε = 4/255');
  });

  it('names data, counts, seeds and settings in the provenance, and nothing time-dependent', () => {
    expect(section.provenance['data.train']).toContain(`${ds.n} MNIST2 images`);
    expect(section.provenance['measure.landscape.directions']).toBe(
      `2 directions, base seed ${measurementSeeds(results.seed).directionSeed}`,
    );
    expect(JSON.stringify(section)).not.toMatch(/timing|elapsed/i);
    expect(section.summary).toContain('without weight decay');
  });

  it('is deterministic: measuring and building again gives the same bytes', () => {
    const again = mnist2Section(results, mnist2Measurements(results, ds, options));
    expect(JSON.stringify(again)).toBe(JSON.stringify(section));
  });
});
