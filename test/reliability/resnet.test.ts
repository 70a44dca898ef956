/**
 * Failure modes of the ResNet companion's inputs, found by trying to break them (reliability case 9), each pinned to
 * its correct behaviour:
 *
 * a) `experiment resnet18 merge` given a regular file, an empty directory, or directories with no finished cell exits 2
 *    naming the path and what was wrong, and writes no results.json (it wrote a 0-cell file and exited 0).
 * b) a `run` that fails on its inputs writes nothing (it left a sweep.json that replaced the directory's previous
 *    one); a damaged sweep.json is refused by name with exit 2 (it crashed with a TypeError, exit 1); an `--out` that is
 *    a regular file is a usage error naming `--out` (it was exit 1 with a bare EEXIST).
 * c) `--eps` numerators outside 0–255 (ε outside [0, 1] in pixel space) and widths outside (0, 16] are refused naming
 *    the option and the range, before anything runs; `8/255` is still accepted; a repeated seed is one cell.
 * d) `report --quiet` prints no `[resnet] …` lines (the sweep's banner went to stderr regardless).
 * e) the report names the ResNet results file it read with its sha256 (section and provenance.json); a different
 *    results.json under the same path re-measures and re-checks instead of reusing cached results and verdicts;
 *    a results file that changes while a report runs is an error; a sweep the report runs itself reports only its own
 *    cells (it also merged those of other seeds and datasets left in the shared directory by earlier reports); cells
 *    record the code version that produced them.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HELP_MAX_EPS_NUMERATOR, ResNetRunOptionsSchema } from '../../src/cli/commands/experiment-resnet18.ts';
import { exitCodeFor } from '../../src/cli/exit.ts';
import { parseOptions } from '../../src/cli/options.ts';
import type { ExperimentOptions } from '../../src/experiments/contract.ts';
import { stableJson } from '../../src/fs/json.ts';
import { cellConfig, defaultSweep, MAX_EPS_NUMERATOR, sweepCells } from '../../src/experiments/resnet18/config.ts';
import { makeResNetExperiment } from '../../src/experiments/resnet18/experiment.ts';
import { mergeResults } from '../../src/experiments/resnet18/merge.ts';
import { readResNetResults, type ResNetResults } from '../../src/experiments/resnet18/results.ts';
import { RESNET_CELL_CODE, runtimeRecord } from '../../src/experiments/resnet18/runtime.ts';
import { importGraphVersion } from '../../src/fs/code-version.ts';
import { resnetSection } from '../../src/experiments/resnet18/section.ts';
import { runCli, runCliUntil } from '../cli/run-cli.ts';
import { writeCifarDir } from '../data/formats.ts';
import { fakeCell, fakeResults, type FakeCell } from '../experiments/resnet18/fake-results.ts';

const root = mkdtempSync(join(tmpdir(), 'claimcheck-reliability-resnet-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A fresh directory under the test root. */
function dir(name: string): string {
  const d = join(root, name);
  mkdirSync(d, { recursive: true });
  return d;
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** The sweep.json `experiment resnet18 run` writes for `sweep`. */
function sweepJson(sweep = defaultSweep('ci')): string {
  return stableJson({ sweep, cells: sweepCells(sweep).map((c) => ({ id: c.id, key: c.key })) });
}

/** A shard output directory holding a sweep.json and the result.json of each fake cell. */
function shardDir(name: string, cells: readonly FakeCell[], sweep?: string): string {
  const d = dir(name);
  if (sweep !== undefined) writeFileSync(join(d, 'sweep.json'), sweep);
  for (const f of cells) {
    const cell = fakeCell(f);
    mkdirSync(join(d, 'cells', cell.id), { recursive: true });
    writeFileSync(join(d, 'cells', cell.id, 'result.json'), stableJson(cell));
  }
  return d;
}

const EXPERIMENT_OPTIONS: ExperimentOptions = {
  seed: 20210,
  setting: 'ci',
  backend: 'auto',
  dataDir: null,
  cifarDir: null,
  svhnDir: null,
  fresh: false,
  cacheDir: null,
};

/** Landscape rises that grow with ε (Fig. 4's statement holds) or shrink (it fails). */
const SHARPER: FakeCell[] = [
  { dataset: 'cifar10', eps: 0, train: 90, test: 80, rise: 0.1 },
  { dataset: 'cifar10', eps: 8, train: 70, test: 40, rise: 0.3 },
];
const FLATTER: FakeCell[] = [
  { dataset: 'cifar10', eps: 0, train: 90, test: 80, rise: 0.3 },
  { dataset: 'cifar10', eps: 8, train: 70, test: 40, rise: 0.1 },
];

describe('a) experiment resnet18 merge: inputs that hold no results', () => {
  it('a regular file where a shard directory belongs: exit 2 naming it, nothing written', async () => {
    const file = join(dir('a1'), 'not-a-dir');
    writeFileSync(file, 'hello\n');
    const out = join(root, 'a1', 'merged');

    const r = await runCli(['experiment', 'resnet18', 'merge', file, '--out', out]);

    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`error: experiment resnet18 merge: ${file} is not a directory`);
    expect(existsSync(out)).toBe(false);
  });

  it('an empty directory, or a sweep with no finished cell: exit 2 naming it, no results.json', async () => {
    const empty = dir('a2-empty');
    const started = shardDir('a2-started', [], sweepJson());
    const out = join(root, 'a2', 'merged');

    const none = await runCli(['experiment', 'resnet18', 'merge', empty, '--out', out]);
    const unfinished = await runCli(['experiment', 'resnet18', 'merge', started, '--out', out]);

    expect(none.code).toBe(2);
    expect(none.stderr).toContain(
      `error: experiment resnet18 merge: ${empty} is not an output directory of experiment resnet18 run (no sweep.json, no cells/)`,
    );
    expect(unfinished.code).toBe(2);
    expect(unfinished.stderr).toContain(
      `error: experiment resnet18 merge: no cell has a result yet in ${started} (10 cells of the sweep missing)`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('an --out that is a regular file: exit 2 naming --out, before anything is read', async () => {
    const src = shardDir('a3', SHARPER, undefined);
    const file = join(root, 'a3', 'file');
    writeFileSync(file, 'x');

    const r = await runCli(['experiment', 'resnet18', 'merge', src, '--out', file]);

    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `error: cannot write the merged results to ${file}: ENOTDIR: ${file} is not a directory`,
    );
    expect(readFileSync(file, 'utf8')).toBe('x');
  });
});

describe('b) a failed run leaves no half-state', () => {
  it('a run whose data cannot be loaded writes nothing, and the directory keeps its previous sweep.json', async () => {
    const cifar = dir('b1-cifar-empty');
    const out = dir('b1-out');
    const previous = sweepJson({ ...defaultSweep('ci'), datasets: ['svhn'] });
    writeFileSync(join(out, 'sweep.json'), previous);

    const r = await runCli([
      'experiment',
      'resnet18',
      'run',
      '--setting',
      'tiny',
      '--dataset',
      'cifar10',
      '--eps',
      '0',
      '--backend',
      'cpu',
      '--cifar-dir',
      cifar,
      '--out',
      out,
    ]);

    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error: loadCifar10: .*data_batch_1\.bin: file not found/);
    expect(r.stderr).not.toContain('[resnet] shard');
    expect(readdirSync(out)).toEqual(['sweep.json']);
    expect(readFileSync(join(out, 'sweep.json'), 'utf8')).toBe(previous);
  });

  it('an --out that is a regular file is a usage error naming --out', async () => {
    const file = join(dir('b2'), 'file');
    writeFileSync(file, 'x');

    const r = await runCli([
      'experiment',
      'resnet18',
      'run',
      '--setting',
      'tiny',
      '--dataset',
      'cifar10',
      '--cifar-dir',
      root,
      '--out',
      file,
    ]);

    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: cannot write the sweep to ${file}: ENOTDIR: ${file} is not a directory`);
  });

  it('merge refuses a damaged sweep.json by name and field (exit 2), instead of crashing', () => {
    const cases: [string, RegExp][] = [
      ['{}', /sweep\.json: not a sweep of experiment resnet18 run: sweep: /],
      [
        stableJson({ sweep: defaultSweep('ci'), cells: 'x' }),
        /sweep\.json: not a sweep of experiment resnet18 run: cells: /,
      ],
      [
        stableJson({ sweep: defaultSweep('ci'), cells: [{ id: 'a', key: 'not-hex' }] }),
        /sweep\.json: not a sweep of experiment resnet18 run: cells\.0\.key: /,
      ],
    ];
    for (const [i, [text, message]] of cases.entries()) {
      const d = shardDir(`b3-${i}`, SHARPER, text);
      let error: unknown;
      try {
        mergeResults([d]);
      } catch (e) {
        error = e;
      }
      expect(String(error)).toMatch(message);
      expect(exitCodeFor(error)).toBe(2);
    }
  });
});

describe('c) numeric options within their meaningful ranges', () => {
  it('--eps: numerators over 255 from 0 to 255 (ε in [0, 1]), k/255 as the paper prints it', () => {
    expect(parseOptions(ResNetRunOptionsSchema, { eps: '0,8/255,255,0.5' }).eps).toEqual([0, 8, 255, 0.5]);
    for (const eps of ['300', '8,256', '300/255']) {
      expect(() => parseOptions(ResNetRunOptionsSchema, { eps })).toThrow(
        `option --eps: expected a comma-separated list of ε numerators over 255, each from 0 to 255 (e.g. 0,4,8 or 8/255), but received "${eps}"`,
      );
    }
    expect(HELP_MAX_EPS_NUMERATOR).toBe(MAX_EPS_NUMERATOR);
    expect(() => cellConfig('tiny', 'cifar10', 300, 1, { architecture: 'resnet18', width: 1, numClasses: 10 })).toThrow(
      'cellConfig: epsNumerator must be a number with 0 ≤ k ≤ 255 (ε = k/255 in [0, 1]), got 300',
    );
  });

  it('--width: a positive number or fraction up to 16', () => {
    expect(parseOptions(ResNetRunOptionsSchema, { width: '16' }).width).toBe(16);
    expect(() => parseOptions(ResNetRunOptionsSchema, { width: '1000' })).toThrow(
      'option --width: expected a positive number or fraction up to 16 (e.g. 1, 0.5, 1/16), but received "1000"',
    );
  });

  it('--eps 300 on the command line: exit 2 naming the option, nothing written', async () => {
    const out = join(root, 'c3-out');

    const r = await runCli([
      'experiment',
      'resnet18',
      'run',
      '--setting',
      'tiny',
      '--dataset',
      'cifar10',
      '--eps',
      '300',
      '--out',
      out,
    ]);

    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: option --eps: expected .* each from 0 to 255 .* but received "300"\n/);
    expect(existsSync(out)).toBe(false);
  });

  it('a repeated seed is one cell (two shards never run the same cell directory)', () => {
    const cells = sweepCells({
      ...defaultSweep('ci'),
      datasets: ['cifar10', 'cifar10'],
      epsNumerators: [0],
      seeds: [1, 1, 2],
    });
    expect(cells.map((c) => c.id)).toEqual(['cifar10-eps0-seed1', 'cifar10-eps0-seed2']);
  });
});

describe('d) report --quiet', () => {
  it('silences the ResNet sweep lines, which a report without --quiet prints', async () => {
    const cifar = join(root, 'd-cifar');
    writeCifarDir(cifar, 4, 8, 1);
    const runWith = async (quiet: boolean): Promise<string> => {
      const cache = dir(`d-cache-${quiet}`);
      const args = [
        'report',
        'fig4-sharper-with-eps',
        '--setting',
        'ci',
        '--backend',
        'cpu',
        '--cifar-dir',
        cifar,
        '--out',
        join(root, `d-report-${quiet}`),
      ];
      // The sweep writes sweep.json right after its banner: stop there (the cells would take a minute).
      const run = await runCliUntil(
        quiet ? [...args, '--quiet'] : args,
        join(cache, 'experiments', 'resnet', 'resnet-sweep', 'ci', 'sweep.json'),
        {
          env: { CLAIMCHECK_CACHE_DIR: cache },
        },
      );
      expect(run.killed, run.stderr).toBe(true);
      return run.stderr;
    };

    const [loud, quiet] = await Promise.all([runWith(false), runWith(true)]);

    expect(loud).toMatch(/\[resnet\] shard 0\/1: 5 of 5 cells; backend cpu/);
    expect(quiet).not.toContain('[resnet]');
  });
});

describe('e) the results file a report reads', () => {
  it('is named with its sha256 in the section and provenance.json; another results.json re-measures and re-checks', async () => {
    const cwd = dir('e1');
    const cache = dir('e1-cache');
    const file = join(cwd, 'out', 'resnet', 'results.json');
    mkdirSync(join(cwd, 'out', 'resnet'), { recursive: true });
    const report = async (): Promise<{
      json: {
        experiments: { id: string; status: string }[];
        counts: Record<string, number>;
        cache: { reused: number };
      };
      md: string;
      provenance: { report: unknown; sections: Record<string, Record<string, string>> };
    }> => {
      const r = await runCli(
        ['report', 'fig4-sharper-with-eps', '--setting', 'ci', '--quiet', '--json', '--out', 'rep'],
        cwd,
        { CLAIMCHECK_CACHE_DIR: cache },
      );
      expect(r.code, r.stderr).toBe(0);
      return {
        json: JSON.parse(r.stdout) as never,
        md: readFileSync(join(cwd, 'rep', 'errata.md'), 'utf8'),
        provenance: JSON.parse(readFileSync(join(cwd, 'rep', 'provenance.json'), 'utf8')) as never,
      };
    };

    writeFileSync(file, stableJson(fakeResults(SHARPER)));
    const first = await report();
    const firstSha = sha256(file);
    writeFileSync(file, stableJson(fakeResults(FLATTER)));
    const second = await report();
    const secondSha = sha256(file);

    expect(first.json.counts.confirmed).toBe(1);
    expect(first.md).toContain(`Results read from out/resnet/results.json (sha256 ${firstSha})`);
    expect(first.provenance.sections.resnet!['results file']).toBe(`out/resnet/results.json (sha256 ${firstSha})`);
    expect(second.json.experiments.find((e) => e.id === 'resnet')!.status).toBe('measured');
    expect(second.json.cache.reused).toBe(0);
    expect(second.json.counts.refuted).toBe(1);
    expect(second.md).toContain(`Results read from out/resnet/results.json (sha256 ${secondSha})`);
    expect(second.provenance.sections.resnet!['results file']).toBe(`out/resnet/results.json (sha256 ${secondSha})`);
  });

  it('keys the experiment on the file content: same bytes, same config; other bytes, another config', () => {
    const file = join(dir('e2'), 'results.json');
    const experiment = makeResNetExperiment(file);
    const config = (): string => stableJson(experiment.config!({ ...EXPERIMENT_OPTIONS }));

    writeFileSync(file, stableJson(fakeResults(SHARPER)));
    const a = config();
    const again = config();
    writeFileSync(file, stableJson(fakeResults(FLATTER)));
    const b = config();

    expect(again).toBe(a);
    expect(b).not.toBe(a);
    expect(JSON.parse(b)).toMatchObject({ merged: { file, sha256: sha256(file) } });
  });

  it('refuses results that changed between the cache key and the reading', async () => {
    const file = join(dir('e3'), 'results.json');
    const experiment = makeResNetExperiment(file);
    const options = { ...EXPERIMENT_OPTIONS };
    writeFileSync(file, stableJson(fakeResults(SHARPER)));
    experiment.config!(options);

    writeFileSync(file, stableJson(fakeResults(FLATTER)));

    await expect(experiment.run(options)).rejects.toThrow(`${file} changed while the report ran`);
  });

  it('readResNetResults records the file and its sha256, and refuses a results file with no cell', () => {
    const file = join(dir('e4'), 'results.json');
    writeFileSync(file, stableJson(fakeResults(SHARPER)));
    expect(readResNetResults(file).source).toEqual({ file, sha256: sha256(file) });
    writeFileSync(file, stableJson(fakeResults([])));
    expect(() => readResNetResults(file)).toThrow(`${file}: holds no cell result`);
  });

  it('a sweep the report runs gives only its own cells, not those an earlier report left in the same directory', async () => {
    const cifar = join(root, 'e5-cifar');
    writeCifarDir(cifar, 4, 8, 1);
    const cacheDir = dir('e5-cache');
    const current = sweepCells({ ...defaultSweep('ci'), datasets: ['cifar10'], seeds: [EXPERIMENT_OPTIONS.seed] });
    const earlier = sweepCells({ ...defaultSweep('ci'), datasets: ['cifar10'], seeds: [1] });
    // Every cell already finished (so nothing trains): this report's, and an earlier report's with another seed.
    for (const c of [...current, ...earlier]) {
      const cell = {
        ...fakeCell({ dataset: 'cifar10', eps: c.config.epsNumerator, train: 90, test: 80, rise: 0.1 }),
        id: c.id,
        key: c.key,
        config: c.config,
      };
      mkdirSync(join(cacheDir, 'resnet-sweep', 'ci', 'cells', c.id), { recursive: true });
      writeFileSync(join(cacheDir, 'resnet-sweep', 'ci', 'cells', c.id, 'result.json'), stableJson(cell));
    }

    const results = (await makeResNetExperiment(join(root, 'e5-no-results.json')).run({
      ...EXPERIMENT_OPTIONS,
      cifarDir: cifar,
      backend: 'cpu',
      cacheDir,
    })) as ResNetResults;

    expect(results.cells.map((c) => c.id)).toEqual(current.map((c) => c.id));
    expect(results.missing).toEqual([]);
  });

  it('cells record the code version that produced them, and the section shows it', () => {
    const runtime = runtimeRecord({
      name: 'cpu',
      package: '@tensorflow/tfjs-backend-cpu',
      version: '0',
      forced: true,
      skipped: [],
    });
    expect(runtime.code).toBe(importGraphVersion(RESNET_CELL_CODE).version);
    expect(runtime.code).toMatch(/^[0-9a-f]{64}$/);

    const withCode = {
      ...fakeResults(SHARPER),
      cells: SHARPER.map((f) => ({ ...fakeCell(f), runtime: { ...fakeCell(f).runtime, code: runtime.code } })),
    };
    expect(resnetSection(withCode).provenance['cifar10.code']).toBe(`sha256 ${runtime.code}`);
    expect(resnetSection(fakeResults(SHARPER)).provenance['cifar10.code']).toBe(
      'not recorded (written before cells recorded it)',
    );
  });
});
