import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClaimcheckError } from '../../src/errors.ts';
import { NumericError } from '../../src/numeric/errors.ts';
import { defineExperiment, type Experiment, type ExperimentOptions } from '../../src/experiments/contract.ts';
import { experiments } from '../../src/experiments/registry.ts';
import { readersOf, runReport, type ClaimFinished } from '../../src/pipeline/run-report.ts';
import { allClaims } from '../../src/pipeline/run.ts';
import { fastIds, registryIds } from '../cli/fast-claims.ts';
import { fakeSections } from '../report/fake-sections.ts';
import { claimRecords } from '../../proofs/index.ts';

interface FakeResults {
  readonly seed: number;
  readonly setting: string;
  readonly values: readonly number[];
}

describe('runReport', () => {
  let cacheDir: string;
  let ids: string[];
  const calls: ExperimentOptions[] = [];
  let measured: Experiment;
  let absent: Experiment;

  beforeAll(() => {
    cacheDir = mkdtempSync(join(tmpdir(), 'claimcheck-run-report-'));
    ids = fastIds(registryIds()).slice(0, 2);
    measured = defineExperiment<FakeResults>({
      id: 'fake-landscape',
      title: 'fake',
      run: async (options) => {
        calls.push(options);
        return { seed: options.seed, setting: options.setting, values: [1, Number.NaN] };
      },
      section: (results) => ({
        ...fakeSections(ids[0]!)[0]!,
        summary: `seed ${results.seed}, ${results.setting}, ${results.values.length} values`,
      }),
      notMeasured: () => undefined,
      code: ['src/errors.ts'],
    });
    absent = {
      id: 'fake-cifar10',
      title: 'absent',
      run: () => Promise.reject(new Error('must not run')),
      section: () => {
        throw new Error('must not be called');
      },
      notMeasured: (options) => (options.cifarDir === null ? fakeSections('x')[1] : undefined),
      code: ['src/errors.ts'],
    };
  });
  /** The fake experiments' readers: the first selected claim reads the measured one, the second the absent one. */
  const readers = () => ({ 'fake-landscape': [ids[0]!], 'fake-cifar10': [ids[1]!] });
  /** A report of `ids` on the fake experiments (seed 3, ci setting, the shared cache) with `extra` options. */
  const report = (extra: Partial<Parameters<typeof runReport>[0]> = {}) =>
    runReport({
      ids,
      seed: 3,
      cacheDir,
      experiments: [measured, absent],
      readers: readers(),
      jobs: 1,
      experiment: { setting: 'ci' },
      ...extra,
    });
  afterAll(() => {
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('every record whose checker reads an experiment names it in measurements, and no other record names one', () => {
    const reads: Record<string, string> = {
      'mnist2-sharpness': 'mnist2',
      'mnist2-table-rerun': 'mnist2',
      'resnet-trend': 'resnet',
    };
    for (const r of claimRecords) {
      expect(r.measurements ?? [], `${r.id} (${r.kind})`).toEqual(reads[r.kind] ? [reads[r.kind]] : []);
    }
  });

  it('registers the experiments in report order, each read by the claims that name it', () => {
    expect(experiments.map((e) => e.id)).toEqual(['mnist2', 'resnet']);
    const readers = readersOf(allClaims(), experiments);
    expect(readers['mnist2']).toHaveLength(13);
    expect(readers['resnet']).toEqual(['fig4-sharper-with-eps', 'tab56-gap-grows-remeasured']);
  });

  it('refuses a record that names an experiment the registry does not hold', () => {
    const claim = { ...allClaims()[0]!, measurements: ['cifar100'] };
    expect(() => readersOf([claim], experiments)).toThrow(
      /claim .*: measurements names "cifar100", which is not a registered experiment \(mnist2, resnet\)/,
    );
  });

  it('runs the experiments the claims rest on once, and gives their sections in registry order', async () => {
    const heard: ClaimFinished[] = [];
    const run = await report({ onResult: (r) => heard.push(r) });
    expect(run.results.map((r) => r.claim.id)).toEqual(ids);
    // Each verdict is heard once, as checked: the one the run returns.
    expect(heard.map((r) => [r.claim.id, r.cached])).toEqual(ids.map((id) => [id, false]));
    expect(heard.map((r) => r.verdict.status)).toEqual(run.results.map((r) => r.verdict.status));
    expect(run.cached).toEqual([]);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      seed: 3,
      setting: 'ci',
      backend: 'auto',
      dataDir: null,
      fresh: false,
      cacheDir: join(cacheDir, 'experiments', 'fake-landscape'),
    });
    expect(run.sections.map((s) => s.id)).toEqual(['fake-landscape', 'fake-cifar10']);
    expect(run.experimentClaims).toEqual(ids);
    expect(run.sections[0]!.summary).toBe('seed 3, ci, 2 values');
    expect(run.experiments).toEqual([
      expect.objectContaining({ id: 'fake-landscape', status: 'measured' }),
      { id: 'fake-cifar10', status: 'not-measured', millis: 0 },
    ]);
  });

  it('reuses cached results and verdicts, the same data as fresh ones, unless fresh', async () => {
    const heard: ClaimFinished[] = [];
    const first = await report({ onResult: (r) => heard.push(r) });
    expect(calls).toHaveLength(1);
    expect(first.cached).toEqual(ids);
    // Cached verdicts are heard too, marked as read from the cache.
    expect(heard.map((r) => [r.claim.id, r.cached])).toEqual(ids.map((id) => [id, true]));
    expect(first.experiments[0]).toMatchObject({ status: 'cached' });
    const again = await report({ fresh: true });
    expect(calls).toHaveLength(2);
    expect(again.cached).toEqual([]);
    expect(again.results.map((r) => r.verdict)).toEqual(first.results.map((r) => r.verdict));
    expect(again.sections).toEqual(first.sections);
  });

  it('keys the cache on the seed and on the options of the experiments a claim reads', async () => {
    const seed = await report({ seed: 4 });
    expect(seed.cached).toEqual([]);
    const full = await report({ experiment: { setting: 'full' } });
    // ids[0] reads the measured experiment, whose options changed; ids[1] reads only the absent one.
    expect(full.cached).toEqual([ids[1]]);
    expect(full.experiments[0]).toMatchObject({ status: 'measured' });
  });

  it('runs no experiment that no selected claim rests on', async () => {
    const other = registryIds().find((id) => !ids.includes(id))!;
    const before = calls.length;
    const run = await runReport({
      ids: [other],
      seed: 3,
      cacheDir: null,
      experiments: [measured, absent],
      readers: readers(),
      jobs: 1,
      experiment: { setting: 'ci' },
    });
    expect(calls.length).toBe(before);
    expect(run.sections).toEqual([]);
    expect(run.experiments.map((e) => e.status)).toEqual(['not-run', 'not-run']);
  });

  it('names the experiment that could not run', async () => {
    const broken: Experiment = { ...measured, run: () => Promise.reject(new Error('no data')) };
    await expect(
      runReport({ ids, cacheDir: null, experiments: [broken], readers: readers(), jobs: 1 }),
    ).rejects.toThrow('experiment fake-landscape could not run: no data');
  });

  it("names the experiment a numeric error stopped, keeping the error's suggestion", async () => {
    const failing = new NumericError(
      'BACKEND_UNAVAILABLE',
      'initBackend: no TensorFlow.js backend could be started (x)',
      'choose another backend',
    );
    const broken: Experiment = { ...measured, run: () => Promise.reject(failing) };
    const error = await runReport({ ids, cacheDir: null, experiments: [broken], readers: readers(), jobs: 1 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ClaimcheckError);
    expect(error).toMatchObject({
      code: 'CHECK_FAILED',
      message: 'experiment fake-landscape could not run: initBackend: no TensorFlow.js backend could be started (x)',
      suggestion: 'choose another backend',
    });
  });
});
