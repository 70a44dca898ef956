/**
 * The result cache under a careless user and a hostile disk: a cached experiment is served only for the same input
 * file contents (not paths) and the same code (its import graph), and its inputs appear with their sha256 in the
 * section and in provenance.json; a cache entry of the wrong shape or with edited results is refused with one
 * warning line, recomputed and overwritten; a cache that cannot be written costs one warning line, never the run.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineExperiment, type Experiment } from '../../src/experiments/contract.ts';
import { runReport } from '../../src/pipeline/run-report.ts';
import { importGraphVersion } from '../../src/fs/code-version.ts';
import { fileDigest, FILE_HASH_MEMO } from '../../src/fs/file-hash.ts';
import { ResultCache } from '../../src/fs/cache.ts';
import { mnist2Experiment } from '../../src/experiments/mnist2/experiment.ts';
import { resnetExperiment } from '../../src/experiments/resnet18/experiment.ts';
import { MNIST2_CELL_CODE, mnist2CodeVersion } from '../../src/experiments/mnist2/config.ts';
import { Mnist2ResultsSchema } from '../../src/experiments/mnist2/results.ts';
import { runMnist2Sweep } from '../../src/experiments/mnist2/sweep.ts';
import { DEFAULT_MNIST_DIR } from '../../src/experiments/mnist2/data.ts';
import { CIFAR10_TEST_FILE, CIFAR10_TRAIN_FILES } from '../../src/data/cifar10.ts';
import { fakeSections } from '../report/fake-sections.ts';
import { fastIds, registryIds } from '../cli/fast-claims.ts';
import { runCli } from '../cli/run-cli.ts';

interface Fake {
  readonly values: readonly number[];
}

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'claimcheck-reliability-cache-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** A fake experiment that reads one data file and counts how often it really runs. */
function fileExperiment(claim: string, file: string, runs: { n: number }): Experiment {
  return defineExperiment<Fake>({
    id: 'fake-file',
    title: 'reads a file',
    run: async () => {
      runs.n += 1;
      return { values: [...readFileSync(file)] };
    },
    section: (r) => ({ ...fakeSections(claim)[0]!, summary: `${r.values.length} bytes` }),
    notMeasured: () => undefined,
    inputs: () => [file],
    code: ['src/errors.ts'],
    checkResults: (v) => {
      const values = (v as { values?: unknown }).values;
      return Array.isArray(values) && values.length > 0
        ? { ok: true, value: v as Fake }
        : { ok: false, reason: 'values: expected at least one value' };
    },
  }) as Experiment;
}

describe('a stale cache is never served', () => {
  it('changed contents of the same data file invalidate the cached experiment and the verdicts that read it', async () => {
    const claim = fastIds(registryIds())[0]!;
    const cacheDir = join(root, 'stale');
    const file = join(root, 'data.bin');
    writeFileSync(file, 'first');
    const runs = { n: 0 };
    const exp = [fileExperiment(claim, file, runs)];
    const report = () =>
      runReport({ ids: [claim], seed: 1, cacheDir, experiments: exp, readers: { 'fake-file': [claim] }, jobs: 1 });
    const first = await report();
    expect(first.experiments[0]).toMatchObject({
      status: 'measured',
      inputs: [expect.objectContaining({ name: 'data.bin', bytes: 5 })],
    });
    expect((await report()).experiments[0]!.status).toBe('cached');
    writeFileSync(file, 'other');
    const third = await report();
    expect(third.experiments[0]!.status).toBe('measured');
    expect(third.cached).toEqual([]);
    expect(runs.n).toBe(2);
    const sha = third.experiments[0]!.inputs![0]!.sha256;
    expect(sha).not.toBe(first.experiments[0]!.inputs![0]!.sha256);
    expect(third.sections[0]!.provenance['input data.bin']).toBe(`sha256 ${sha} (5 bytes)`);
  });

  it('MNIST2 declares its four IDX files and ResNet the dataset or merged-results files it reads', () => {
    const opts = {
      seed: 1,
      setting: 'ci',
      backend: 'auto',
      dataDir: null,
      cifarDir: null,
      svhnDir: null,
      fresh: false,
      cacheDir: null,
    } as const;
    expect(mnist2Experiment.inputs!(opts).map((f) => f.startsWith(DEFAULT_MNIST_DIR))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    const cifar = join(root, 'cifar');
    mkdirSync(cifar);
    for (const f of [...CIFAR10_TRAIN_FILES, CIFAR10_TEST_FILE]) writeFileSync(join(cifar, f), '', { flag: 'w' });
    expect(resnetExperiment.inputs!({ ...opts, cifarDir: cifar }).length).toBe(6);
  });

  it('the code version follows value imports only, and changes when a reachable file changes', () => {
    const dir = join(root, 'graph');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'entry.ts'),
      "import { b } from './b.ts';\nimport type { T } from './types.ts';\nexport const a = b;\n",
    );
    writeFileSync(join(dir, 'b.ts'), "export * from './c';\nexport const b = 1;\n");
    writeFileSync(join(dir, 'c.ts'), 'export const c = 2;\n');
    writeFileSync(join(dir, 'types.ts'), 'export type T = number;\n');
    const before = importGraphVersion('entry.ts', dir);
    expect(before.files).toEqual(['b.ts', 'c.ts', 'entry.ts']);
    writeFileSync(join(dir, 'types.ts'), 'export type T = string;\n');
    writeFileSync(join(dir, 'c.ts'), 'export const c = 3;\n');
    // The memo is per process; a fresh root path reads the files again.
    const moved = join(root, 'graph2');
    cpSync(dir, moved, { recursive: true });
    expect(importGraphVersion('entry.ts', moved).version).not.toBe(before.version);
    expect(mnist2CodeVersion()).toBe(importGraphVersion(MNIST2_CELL_CODE).version);
    expect(importGraphVersion(MNIST2_CELL_CODE).files).toContain('src/experiments/mnist2/train.ts');
  });

  it('keys the MNIST2 results on the code that measures them, not only on the code that trains the cells', () => {
    // The cached results hold the measurements: a change to the Hessians, landscapes, premises or the worker jobs
    // must change the key.
    const files = new Set(mnist2Experiment.code.flatMap((entry) => importGraphVersion(entry).files));
    for (const f of [
      'hessian.ts',
      'landscape.ts',
      'premises.ts',
      'measurements.ts',
      'measure-job.ts',
      'train-job.ts',
      'sweep.ts',
      'train.ts',
    ]) {
      expect(files, f).toContain(`src/experiments/mnist2/${f}`);
    }
    expect(files).toContain('src/workers/pool.ts');
    expect(files).toContain('src/workers/entry.ts');
    // The cells' own key does not move when only measuring code changes.
    expect(importGraphVersion(MNIST2_CELL_CODE).files).not.toContain('src/experiments/mnist2/measurements.ts');
    expect(importGraphVersion(MNIST2_CELL_CODE).files).toContain('src/experiments/mnist2/train-job.ts');
  });

  it('remembers a file hash by path, size and mtime across runs, and re-hashes when they change', () => {
    const memo = join(root, 'memo');
    const file = join(root, 'hashed.bin');
    writeFileSync(file, 'abc');
    const old = new Date(Date.now() - 60_000);
    utimesSync(file, old, old);
    const real = fileDigest(file, memo).sha256;
    expect(real).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const stored = JSON.parse(readFileSync(join(memo, FILE_HASH_MEMO), 'utf8')) as Record<string, { sha256: string }>;
    expect(Object.values(stored).map((s) => s.sha256)).toEqual([real]);
    writeFileSync(file, 'abd');
    utimesSync(file, old, new Date(Date.now() - 30_000));
    expect(fileDigest(file, memo).sha256).not.toBe(real);
  });
});

describe('cache entries of the wrong shape', () => {
  it('a verdict entry of the wrong shape is refused with one warning line, recomputed and overwritten', async () => {
    const ids = fastIds(registryIds()).slice(0, 2);
    const cacheDir = join(root, 'shape');
    const report = (warnings: string[]) =>
      runReport({ ids, seed: 1, cacheDir, experiments: [], jobs: 1, onWarning: (m) => warnings.push(m) });
    const first = await report([]);
    const dir = join(cacheDir, 'checks');
    for (const f of readdirSync(dir))
      writeFileSync(join(dir, f), JSON.stringify({ verdict: { claimId: 'x' }, millis: 1 }));
    const warnings: string[] = [];
    const second = await report(warnings);
    expect(second.cached).toEqual([]);
    expect(warnings).toHaveLength(ids.length);
    expect(warnings[0]).toMatch(/^cache entry .*checks.*\.json cannot be used \(verdict\.\w+: .*\); recomputing it$/);
    expect(second.results.map((r) => r.verdict.status)).toEqual(first.results.map((r) => r.verdict.status));
    const third: string[] = [];
    expect((await report(third)).cached).toEqual(ids);
    expect(third).toEqual([]);
  });

  it('an experiment entry whose results were emptied is refused (digest), recomputed and overwritten', async () => {
    const claim = fastIds(registryIds())[0]!;
    const cacheDir = join(root, 'emptied');
    const file = join(root, 'emptied.bin');
    writeFileSync(file, 'xyz');
    const runs = { n: 0 };
    const exp = [fileExperiment(claim, file, runs)];
    const warnings: string[] = [];
    const report = () =>
      runReport({
        ids: [claim],
        seed: 1,
        cacheDir,
        experiments: exp,
        readers: { 'fake-file': [claim] },
        jobs: 1,
        onWarning: (m) => warnings.push(m),
      });
    await report();
    const dir = join(cacheDir, 'experiments');
    const [entry] = readdirSync(dir);
    const stored = JSON.parse(readFileSync(join(dir, entry!), 'utf8')) as { results: Fake };
    writeFileSync(join(dir, entry!), JSON.stringify({ ...stored, results: { values: [] } }));
    const again = await report();
    expect(again.experiments[0]!.status).toBe('measured');
    expect(again.sections[0]!.summary).toBe('3 bytes');
    expect(warnings).toEqual([expect.stringMatching(/digest mismatch/)]);
    expect((await report()).experiments[0]!.status).toBe('cached');
  });

  it('MNIST2 results with no cells, or a cell without weights, do not parse', () => {
    const cell = {
      key: 'k',
      norm: 'l2',
      training: 'standard',
      eps: 0,
      epsLabel: '0.00',
      seed: 1,
      w: [0.1],
      bias: false,
      train: { robustAccuracy: 1, correct: 1, count: 1, loss: 0.1 },
      test: { robustAccuracy: 1, correct: 1, count: 1, loss: 0.1 },
      gap: 0,
      optimisation: {},
      attack: {},
    };
    const data = {
      trainImages: 'a',
      trainLabels: 'b',
      testImages: 'c',
      testLabels: 'd',
      sha256: {},
      trainCount: 1,
      testCount: 1,
      labelMap: 'm',
    };
    const results = { setting: 'ci', seed: 1, data, backend: 'float64', cells: [cell] };
    expect(Mnist2ResultsSchema.safeParse(results).success).toBe(true);
    expect(Mnist2ResultsSchema.safeParse({ ...results, cells: [] }).success).toBe(false);
    expect(Mnist2ResultsSchema.safeParse({ ...results, cells: [{ ...cell, w: undefined }] }).success).toBe(false);
  });

  it('an unparsable cache file is refused with its path in the warning', () => {
    const cache = new ResultCache(join(root, 'broken'), { warn: (m) => warned.push(m) });
    const warned: string[] = [];
    cache.write('checks', 'a', 'k', { ok: 1 });
    writeFileSync(cache.path('checks', 'a', 'k'), '{ truncated');
    expect(cache.read('checks', 'a', 'k', (v) => ({ ok: true, value: v }))).toBeUndefined();
    expect(warned).toEqual([
      expect.stringContaining(`${cache.path('checks', 'a', 'k')} cannot be used (not valid JSON`),
    ]);
  });
});

describe('a cache that cannot be written', () => {
  it('the MNIST2 sweep goes on with one warning naming the directory', async () => {
    const blocker = join(root, 'blocker');
    writeFileSync(blocker, 'a file where the cache directory should be');
    const warnings: string[] = [];
    const results = await runMnist2Sweep({
      setting: 'ci',
      norms: ['linf'],
      trainings: ['pgd'],
      eps: [0, 8 / 255],
      cacheDir: join(blocker, 'cache'),
      warn: (m) => warnings.push(m),
    });
    expect(results.cells).toHaveLength(2);
    expect(warnings).toEqual([
      expect.stringMatching(
        new RegExp(
          `^cannot write the cache directory ${join(blocker, 'cache')} \\(ENOTDIR: .*\\); this run goes on without caching its results$`,
        ),
      ),
    ]);
  });

  it('report exits 0 and writes the report, with one warning line on stderr', async () => {
    const blocker = join(root, 'blocker2');
    writeFileSync(blocker, '');
    const out = join(root, 'out-unwritable-cache');
    const claim = fastIds(registryIds())[0]!;
    const run = await runCli(['report', claim, '--out', out, '--quiet'], undefined, {
      CLAIMCHECK_CACHE_DIR: join(blocker, 'cache'),
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^warning: cannot write the cache directory .*blocker2\/cache \(ENOTDIR: .*\); this run goes on without caching its results$/,
      ),
    ]);
    expect(readdirSync(out)).toContain('errata.json');
  });
});
