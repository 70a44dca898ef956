/**
 * The `mnist2-sharpness` checker on hand-built MNIST2 results (pooled real images, L-BFGS weights): each form
 * confirms what holds and refutes what does not (weights rescaled so sharpness falls with ε, thresholds the data
 * miss), reports holds-under when the measures disagree, and is inconclusive without a provider or with too few cells.
 */
import { describe, expect, it } from 'vitest';
import { mnist2Sharpness, mnist2Sharpness as checker } from '../../checks/mnist2-sharpness.ts';
import { linearFit } from '../../checks/_internals/linear-fit.ts';
import type { CheckContext } from '../../src/claims/checker.ts';
import type { ClaimRecordInput } from '../../src/claims/schema.ts';
import type { Verdict } from '../../src/claims/verdict.ts';
import type { Mnist2Cell } from '../../src/experiments/mnist2/results.ts';
import type { Mnist2Measured } from '../../src/experiments/mnist2/measurement-schemas.ts';
import { mnist2Measured } from '../../src/experiments/mnist2/measurements.ts';
import { withReplicates } from '../../src/experiments/mnist2/replicates.ts';
import { fig12SharperWithEps } from '../../proofs/fig12-sharper-with-eps.ts';
import { cellWith, resultsOf, smallMnist2, trainedCell } from '../experiments/mnist2/helpers.ts';
import { loaded, record, tableContext } from './table-helpers.ts';
import { verdictClasses } from './verdict-classes.ts';

/** A threshold of value `value` (band 0: never fragile), as the records state them. */
const t = (value: number) => ({ value, band: 0, source: { kind: 'claimcheck', reason: 'test' } });

const reach = verdictClasses('mnist2-sharpness');

const ds = smallMnist2();
const EPS = [0, 0.2, 0.4, 0.6];
const trained = EPS.map((e) => trainedCell(ds, { norm: 'l2', training: e === 0 ? 'standard' : 'pgd', eps: e }));
const random = EPS.slice(1).map((e) => trainedCell(ds, { norm: 'l2', training: 'random', eps: e }));
/** The standard weights u rescaled per ε: the larger ε, the larger ‖w‖ (sharpness by eigenvalue falls). */
const scaled = (scales: readonly number[]): Mnist2Cell[] =>
  EPS.slice(0, scales.length).map((e, i) =>
    cellWith(
      'l2',
      e === 0 ? 'standard' : 'pgd',
      e,
      trained[0]!.w.map((v) => v * scales[i]!),
    ),
  );

const ctxWith = (data: unknown): CheckContext => ({ ...tableContext, measurements: { mnist2: data } });
/** Every measurement of a set of cells, taken once (as the experiment takes them) and shared by the cases that use it. */
const measuredOnce = new Map<readonly Mnist2Cell[], Mnist2Measured>();
const measure = (cells: readonly Mnist2Cell[]): Mnist2Measured => {
  let m = measuredOnce.get(cells);
  if (m === undefined) measuredOnce.set(cells, (m = withReplicates(mnist2Measured(resultsOf(cells, ds), ds))));
  return m;
};
const sharp = (params: Record<string, unknown>): ClaimRecordInput => record('mnist2-sharpness', params);

async function verdict(params: Record<string, unknown>, cells: readonly Mnist2Cell[]): Promise<Verdict> {
  const claim = loaded(sharp(params));
  return reach(await checker.check(claim, checker.params.parse(claim.params), ctxWith(measure(cells))));
}

const grow = { form: 'eigen-grow', norms: ['l2'], hessians: ['robust', 'fixed-example'] };
const landscape = (eps: number[]) => ({
  form: 'landscape-sharper',
  series: [{ figure: 'Fig. 1', norm: 'l2', eps }],
  measures: ['landscape-rise', 'fn-curvature'],
});

describe('mnist2-sharpness: no data', () => {
  it('is inconclusive and names the command when no provider is given', async () => {
    const claim = loaded(fig12SharperWithEps);
    const v = await mnist2Sharpness.check(claim, mnist2Sharpness.params.parse(claim.params), tableContext);
    expect(v.status).toBe('inconclusive');
    if (v.status === 'inconclusive') expect(v.reason).toContain('npx claimcheck report --setting full');
  });

  it('throws BAD_INPUT naming the claim and field when the provider returns malformed results', async () => {
    const claim = loaded(sharp(grow));
    await expect(
      checker.check(claim, checker.params.parse(claim.params), ctxWith({ setting: 'ci', cells: 3 })),
    ).rejects.toThrow(/claim tab9-test: the mnist2 measurements are invalid: field results/);
  });

  it('is inconclusive when the sweep has too few ε values or lacks a figure’s ε', async () => {
    expect((await verdict(grow, trained.slice(0, 2))).status).toBe('inconclusive');
    const v = await verdict(landscape([0, 0.2, 0.8]), trained);
    expect(v.status).toBe('inconclusive');
    if (v.status === 'inconclusive') expect(v.reason).toMatch(/no L2 adversarial cell at ε = 0.8/);
  });
});

describe('mnist2-sharpness: eigenvalues (Fig. 3)', () => {
  it('eigen-grow confirms on the trained weights: λ1 of both Hessians rises with ε', async () => {
    const v = await verdict(grow, trained);
    expect(v.status).toBe('confirmed');
    expect(v.evidence.details!.some((d) => d.startsWith('trend robust.l2.lambda1 over seeds'))).toBe(true);
  });

  it('eigen-grow refutes when ‖w‖ grows fast with ε (λ1 falls), with the failing step as witness', async () => {
    const v = await verdict(grow, scaled([1, 2, 4]));
    expect(v.status).toBe('refuted');
    if (v.status === 'refuted') {
      expect(v.witness.point).toMatchObject({ norm: 'l2', hessian: 'robust', epsFrom: '0.00', epsTo: '0.20' });
      expect(v.witness.ourValue).toMatch(/λ1\(0.00\) = .*, λ1\(0.20\) = /);
    }
  });

  it('eigen-linear: the thresholds in params decide (lax thresholds confirm, strict ones refute the same data)', async () => {
    const lax = await verdict(
      { form: 'eigen-linear', norms: ['l2'], hessians: ['robust'], minR2: t(0), maxRelDeviation: t(1) },
      trained,
    );
    expect(lax.status).toBe('confirmed');
    const strict = await verdict(
      {
        form: 'eigen-linear',
        norms: ['l2'],
        hessians: ['robust', 'fixed-example'],
        minR2: t(0.999),
        maxRelDeviation: t(0.01),
      },
      trained,
    );
    expect(strict.status).toBe('refuted');
    if (strict.status === 'refuted') expect(strict.witness.ourValue).toMatch(/R² = /);
  });

  it("eq9-spectrum: the trained models' top three eigenvalues are not one eigenvalue of multiplicity d − 1 (refuted); lax thresholds confirm", async () => {
    const strict = await verdict(
      { form: 'eq9-spectrum', norms: ['l2'], minEqualRatio: t(0.9), maxRelError: t(0.25) },
      trained,
    );
    expect(strict.status).toBe('refuted');
    expect(strict.readings?.outcomes).toHaveLength(1);
    expect(strict.readings?.outcomes[0]?.summary).toMatch(/λ2\/λ1 = /);
    const lax = await verdict(
      { form: 'eq9-spectrum', norms: ['l2'], minEqualRatio: t(1e-9), maxRelError: t(1e9) },
      trained,
    );
    expect(lax.status).toBe('confirmed');
  });

  it("premise-data: no real image is as small as the largest L2 ε, so Theorem 1's premise cannot hold (refuted); an ε above every image norm confirms", async () => {
    const v = await verdict({ form: 'premise-data' }, trained);
    expect(v.status).toBe('refuted');
    if (v.status === 'refuted') expect(v.witness.ourValue).toMatch(/> ε = 0.6/);
    expect(
      (await verdict({ form: 'premise-data' }, [...trained, cellWith('l2', 'pgd', 100, trained[0]!.w)])).status,
    ).toBe('confirmed');
  });

  it('noise-premises: clipping to [0, 1] gives the noise a mean and a correlation with x (refuted at tolerance 0.1; a loose tolerance confirms)', async () => {
    const cells = [...trained, trainedCell(ds, { norm: 'linf', training: 'random', eps: 8 / 255 })];
    const v = await verdict({ form: 'noise-premises', tolerance: t(0.1) }, cells);
    expect(v.status).toBe('refuted');
    if (v.status === 'refuted') expect(v.witness.ourValue).toMatch(/\(i = j\).*\(i ≠ j\)/);
    expect(v.evidence.summary).toMatch(/\(1\/N\)Σ η_i x_j scaled/);
    expect((await verdict({ form: 'noise-premises', tolerance: t(10) }, cells)).status).toBe('confirmed');
  });

  it('linearFit: exact on a line, R² < 1 off it', () => {
    expect(linearFit([0, 1, 2], [1, 3, 5])).toEqual({ slope: 2, intercept: 1, r2: 1, maxRelDeviation: 0 });
    const f = linearFit([0, 1, 2, 3], [0, 1, 4, 9]);
    expect(f.r2).toBeLessThan(1);
    expect(f.maxRelDeviation).toBeCloseTo(1 / 9, 12);
  });

  it('weight-norm-stable: confirms equal norms, refutes the trained weights whose norm grows by half', async () => {
    const p = { form: 'weight-norm-stable', norms: ['l2'], maxRelativeSpread: t(0.1) };
    expect((await verdict(p, scaled([1, 1, 1, 1]))).status).toBe('confirmed');
    const v = await verdict(p, trained);
    expect(v.status).toBe('refuted');
    if (v.status === 'refuted') expect(v.witness.point).toMatchObject({ norm: 'l2', epsMin: '0.00', epsMax: '0.60' });
  });
  it('params.eps restricts a series to the listed ε (and is inconclusive when one is missing)', async () => {
    const p = { form: 'weight-norm-stable', norms: ['l2'], maxRelativeSpread: t(0.1) };
    const cells = scaled([1, 1, 1, 3]);
    expect((await verdict(p, cells)).status).toBe('refuted');
    expect((await verdict({ ...p, eps: { l2: [0, 0.2, 0.4] } }, cells)).status).toBe('confirmed');
    expect((await verdict({ ...p, eps: { l2: [0, 0.2, 0.5] } }, cells)).status).toBe('inconclusive');
  });
});

describe('mnist2-sharpness: landscapes (Figs. 1, 2, 5)', () => {
  it('landscape-sharper confirms on the trained weights for both measures', async () => {
    const v = await verdict(landscape([0, 0.2, 0.4, 0.6]), trained);
    expect(v.status).toBe('confirmed');
    expect(v.evidence.summary).toMatch(/landscape rise.*curvature/);
  });

  it('landscape-sharper holds only under the rise when the curvature disagrees (weights ×1, ×2, ×4)', async () => {
    const v = await verdict(landscape([0, 0.2, 0.4]), scaled([1, 2, 4]));
    expect(v.status).toBe('holds-under');
    if (v.status === 'holds-under') {
      expect(v.condition.kind === 'reading' && v.condition.reading.statement).toMatch(/landscape rise/);
      expect(v.witness.point['measure']).toBe('fn-curvature');
    }
  });

  it('landscape-sharper refutes when the ε = 0.4 model has 5× smaller weights than the ε = 0.2 one (a flatter landscape)', async () => {
    const v = await verdict(landscape([0, 0.2, 0.4]), scaled([1, 0.25, 0.05]));
    expect(v.status).toBe('refuted');
    if (v.status === 'refuted') expect(v.witness.point).toMatchObject({ epsFrom: '0.20', epsTo: '0.40' });
  });

  it('random-less-sharp confirms (random noise barely sharpens) and refutes when minRatio asks for more than measured', async () => {
    const p = (minRatio: number) => ({
      form: 'random-less-sharp',
      norms: ['l2'],
      measures: ['landscape-rise', 'fn-curvature'],
      minRatio: t(minRatio),
    });
    expect((await verdict(p(2), [...trained, ...random])).status).toBe('confirmed');
    const v = await verdict(p(1e6), [...trained, ...random]);
    expect(v.status).toBe('refuted');
    if (v.status === 'refuted') expect(v.witness.point).toMatchObject({ norm: 'l2', eps: '0.20' });
  });
});
