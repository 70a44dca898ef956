/**
 * The CI setting end to end, as a user runs it: format-true CIFAR-10 and SVHN files written here (a few images),
 * `claimcheck experiment resnet18 run --setting tiny` as a subprocess, SIGKILLed once its first cell has checkpointed,
 * rerun as two shards into two output directories at once, merged, and turned into the report section.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readResNetResults } from '../../../src/experiments/resnet18/results.ts';
import { resnetSection } from '../../../src/experiments/resnet18/section.ts';
import { runCli, runCliUntil } from '../../cli/run-cli.ts';
import { writeCifarDir, writeSvhnDir } from '../../data/formats.ts';

const root = mkdtempSync(join(tmpdir(), 'claimcheck-resnet-e2e-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('experiment resnet18, tiny setting, end to end', () => {
  it('load → train with PGD → checkpoint → SIGKILL → resume as shards → evaluate → landscape → merge → section', async () => {
    // Arrange: format-true data files
    const cifar = join(root, 'cifar-10-batches-bin');
    const svhn = join(root, 'svhn');
    writeCifarDir(cifar, 4, 8, 1);
    writeSvhnDir(svhn, 16, 8, 2, true);
    const outA = join(root, 'out-a');
    const outB = join(root, 'out-b');
    const common = [
      'experiment',
      'resnet18',
      'run',
      '--setting',
      'tiny',
      '--eps',
      '0,8',
      '--backend',
      'wasm',
      '--cifar-dir',
      cifar,
      '--svhn-dir',
      svhn,
    ];
    const first = join(outA, 'cells', 'cifar10-eps0-seed20210');

    // Act 1: killed once the first cell has its epoch checkpoint
    const killed = await runCliUntil([...common, '--dataset', 'cifar10', '--out', outA], join(first, 'state.ckpt'), {
      done: join(first, 'result.json'),
    });

    // Assert 1
    expect(killed.killed).toBe(true);
    expect(killed.stderr).toMatch(
      /\[resnet\] shard 0\/1: 2 of 2 cells; backend wasm \(@tensorflow\/tfjs-backend-wasm@[\d.]+, custom conv gradient\)/,
    );
    expect(killed.stderr).toMatch(/cifar10-eps0-seed20210 \(key [0-9a-f]{16}\): seed 20210 \(init \d+\)/);

    // Act 2: both datasets, two shards at once, one output directory each
    const [s0, s1] = await Promise.all([
      runCli([...common, '--shard', '0/2', '--out', outA]),
      runCli([...common, '--shard', '1/2', '--out', outB, '--json']),
    ]);

    // Assert 2
    expect(s0.code, s0.stderr).toBe(0);
    expect(s1.code, s1.stderr).toBe(0);
    const resumedAs = killed.doneAtKill ? 'cached' : 'resumed (from epoch 1)';
    expect(s0.stdout).toContain(`cifar10-eps0-seed20210\t${resumedAs}`);
    expect(s0.stdout).toMatch(/svhn-eps0-seed20210\tfresh/);
    expect(s0.stdout).toMatch(/seeds: 20210/);
    if (!killed.doneAtKill)
      expect(s0.stderr).toMatch(/cifar10-eps0-seed20210: resuming from .*state\.ckpt after epoch 1/);
    const shard1 = JSON.parse(s1.stdout) as {
      cells: { id: string; status: string }[];
      runtime: { backend: string; device: string };
    };
    expect(shard1.cells.map((c) => [c.id, c.status])).toEqual([
      ['cifar10-eps8-seed20210', 'fresh'],
      ['svhn-eps8-seed20210', 'fresh'],
    ]);
    expect(shard1.runtime.backend).toBe('wasm');
    expect(readdirSync(join(outA, 'shards'))).toEqual(['shard-0-of-2.json']);
    for (const dir of [outA, outB]) {
      for (const cell of readdirSync(join(dir, 'cells')))
        expect(readdirSync(join(dir, 'cells', cell)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    }

    // Act 3: merge the two directories
    const merged = await runCli(['experiment', 'resnet18', 'merge', outA, outB, '--out', join(root, 'merged')]);

    // Assert 3
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toMatch(/wrote .*results\.json: 4 cells \(tiny\)\n/);
    const results = readResNetResults(join(root, 'merged', 'results.json'));
    expect(results.cells.map((c) => c.id)).toEqual([
      'cifar10-eps0-seed20210',
      'cifar10-eps8-seed20210',
      'svhn-eps0-seed20210',
      'svhn-eps8-seed20210',
    ]);
    expect(results.missing).toEqual([]);
    for (const c of results.cells) {
      expect(c.final.train.count).toBe(16);
      expect(c.final.test.count).toBe(8);
      expect(c.runtime.convGradient).toBe('custom');
      expect(c.landscape.points.length).toBe(3);
      expect(c.config.training.attack.steps).toBe(2);
      expect(c.config.evaluation.attack.steps).toBe(3);
    }
    expect(results.cells[0]!.data.train.files.map((f) => f.name)).toEqual([
      'data_batch_1.bin',
      'data_batch_2.bin',
      'data_batch_3.bin',
      'data_batch_4.bin',
      'data_batch_5.bin',
    ]);
    expect(results.cells[2]!.data.train.files.map((f) => [f.name, f.images])).toEqual([['train_32x32.mat', 16]]);
    const section = resnetSection(results);
    expect(section.notMeasured).toBeUndefined();
    expect(section.figures.map((f) => f.id)).toEqual(['resnet-fig4-cifar10', 'resnet-fig4-svhn']);
    expect(section.summary).toMatch(/Tiny setting .* not comparable with the paper/);
    expect(
      section.tables.find((t) => t.id === 'resnet-statements')!.rows.every((r) => r[2]!.includes('steps increase')),
    ).toBe(true);
    expect(section.provenance['svhn.backend']).toMatch(/^wasm \(@tensorflow\/tfjs-backend-wasm@/);
    expect(JSON.parse(readFileSync(join(outA, 'sweep.json'), 'utf8')).cells.length).toBe(4);
  });
});
