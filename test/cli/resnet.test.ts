import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ResNetMergeOptionsSchema, ResNetRunOptionsSchema } from '../../src/cli/commands/experiment-resnet18.ts';
import { parseOptions } from '../../src/cli/options.ts';
import { ClaimcheckError } from '../../src/errors.ts';
import { defaultSweep } from '../../src/experiments/resnet18/config.ts';
import { mergeResults } from '../../src/experiments/resnet18/merge.ts';
import { runSweep } from '../../src/experiments/resnet18/sweep.ts';
import { writeCifarDir } from '../data/formats.ts';
import { runCli } from './run-cli.ts';

const root = mkdtempSync(join(tmpdir(), 'claimcheck-resnet-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function installed(pkg: string): boolean {
  try {
    createRequire(import.meta.url).resolve(pkg);
    return true;
  } catch {
    return false;
  }
}

describe('experiment resnet18 options', () => {
  it('have defaults: both datasets, full setting, shard 0/1, auto backend, out/resnet', () => {
    expect(parseOptions(ResNetRunOptionsSchema, {})).toEqual({
      dataset: 'both',
      arch: 'resnet18',
      shard: '0/1',
      setting: 'full',
      backend: 'auto',
      out: 'out/resnet',
      json: false,
      quiet: false,
    });
    expect(parseOptions(ResNetMergeOptionsSchema, {})).toEqual({ out: 'out/resnet', json: false });
  });

  it('parse lists, fractions and the settings (tiny is ci)', () => {
    const o = parseOptions(ResNetRunOptionsSchema, {
      eps: '0, 4/255,8',
      seeds: '1,2',
      width: '1/16',
      setting: 'ci',
      svhnArch: 'preact-resnet18',
    });
    expect([o.eps, o.seeds, o.width, o.setting, o.svhnArch]).toEqual([
      [0, 4, 8],
      [1, 2],
      1 / 16,
      'ci',
      'preact-resnet18',
    ]);
    expect(parseOptions(ResNetRunOptionsSchema, { setting: 'tiny' }).setting).toBe('ci');
    expect(parseOptions(ResNetRunOptionsSchema, {}).setting).toBe('full');
  });

  it('name the option, what it expects and what it received', () => {
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ shard: '3/3' }, /option --shard: expected i\/n with integers 0 ≤ i < n, but received "3\/3"/],
      [{ eps: '8,x' }, /option --eps: expected a comma-separated list of ε numerators over 255/],
      [{ seeds: '-1' }, /option --seeds: expected a comma-separated list of seeds/],
      [{ dataset: 'mnist' }, /option --dataset: expected one of cifar10, svhn, both, but received "mnist"/],
      [{ cifarDir: join(root, 'nope') }, /option --cifar-dir: expected an existing directory/],
      [{ width: '0' }, /option --width: expected a positive number or fraction/],
      [{ backend: 'webgpu' }, /option --backend: expected one of auto, tfjs-node-gpu, tfjs-node, wasm, cpu/],
    ];
    for (const [raw, message] of bad) expect(() => parseOptions(ResNetRunOptionsSchema, raw)).toThrow(message);
  });
});

describe('experiment resnet18 library errors', () => {
  it('a dataset without its directory is bad input naming the option, before any backend starts', async () => {
    const attempt = runSweep({
      sweep: { ...defaultSweep('ci'), datasets: ['svhn'] },
      shard: { index: 0, count: 1 },
      out: join(root, 'x'),
      dataDirs: { cifar10: null, svhn: null },
      backend: 'auto',
    });
    await expect(attempt).rejects.toThrow(ClaimcheckError);
    await expect(
      runSweep({
        sweep: defaultSweep('ci'),
        shard: { index: 1, count: 2 },
        out: join(root, 'x'),
        dataDirs: { cifar10: root, svhn: null },
        backend: 'auto',
      }),
    ).rejects.toThrow(/experiment resnet18: svhn cells need --svhn-dir, which was not given/);
  });

  it('merge of an empty directory or of a missing one is bad input naming it (no 0-cell results)', () => {
    expect(() => mergeResults([root])).toThrow(
      `experiment resnet18 merge: ${root} is not an output directory of experiment resnet18 run`,
    );
    expect(() => mergeResults([join(root, 'missing')])).toThrow(/experiment resnet18 merge: .*missing does not exist/);
  });
});

describe('claimcheck experiment resnet18 (subprocess)', () => {
  it('exits 2 on bad usage, with the message on stderr', async () => {
    const r = await runCli(['experiment', 'resnet18', 'run', '--shard', '3/3']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: option --shard: expected i\/n with integers 0 ≤ i < n, but received "3\/3"\n/);
  });

  // A numeric-core error (NumericError BACKEND_UNAVAILABLE from initBackend) reaching the CLI: exit 1 ("an engine
  // threw"), its message and its suggestion on stderr. Skipped where tfjs-node-gpu is installed (it would train).
  it.skipIf(installed('@tensorflow/tfjs-node-gpu'))(
    'exits 1 with the message and the suggestion when a forced backend cannot start',
    async () => {
      const cifar = join(root, 'cifar');
      writeCifarDir(cifar, 4, 8, 1);
      const out = join(root, 'forced-gpu');
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
        '--seeds',
        '1',
        '--backend',
        'tfjs-node-gpu',
        '--cifar-dir',
        cifar,
        '--out',
        out,
      ]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(
        /^error: initBackend: no TensorFlow\.js backend could be started \(@tensorflow\/tfjs-node-gpu: [^\n]*\)\nunset CLAIMCHECK_BACKEND or choose another backend\n$/,
      );
      expect(existsSync(out)).toBe(false);
    },
  );
});
