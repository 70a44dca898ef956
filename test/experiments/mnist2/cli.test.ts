/**
 * What this proves about `claimcheck experiment mnist2` (src/cli/commands/experiment.ts): a small run exits 0, prints
 * the tables or JSON on stdout (nothing on stderr when stderr is not a terminal) and writes the cell cache and the
 * results file under --out; bad option values and unknown options exit 2 naming the option and what was received.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run-cli.ts';

const quietStderr = (s: string): string => s.replace(/npm warn.*\n/g, '');

describe('claimcheck experiment mnist2', () => {
  it('runs a ci selection, prints Table 3 beside the paper, writes the cache and results, exit 0', async () => {
    const out = mkdtempSync(join(tmpdir(), 'mnist2-cli-'));
    const args = [
      'experiment',
      'mnist2',
      '--setting',
      'ci',
      '--norm',
      'linf',
      '--noise',
      'pgd',
      '--eps',
      '0,8/255',
      '--out',
      out,
      '--seed',
      '7',
    ];
    const { code, stdout, stderr } = await runCli(args);
    expect(quietStderr(stderr)).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Table 3: Robust accuracy against L∞ PGD in MNIST2');
    expect(stdout).toMatch(/8\/255 +\d+\.\d\d +99\.74/);
    expect(stdout).toContain('seed: 7');
    expect(readdirSync(join(out, 'mnist2')).filter((f) => f.endsWith('.json')).length).toBe(2);
    const results = JSON.parse(readFileSync(join(out, 'mnist2-ci.json'), 'utf8')) as { seed: number; cells: unknown[] };
    expect(results.seed).toBe(7);
    expect(results.cells.length).toBe(2);

    const json = await runCli([...args, '--json']);
    expect(json.code).toBe(0);
    const printed = JSON.parse(json.stdout) as { resultsFile: string; cells: Record<string, unknown>[] };
    expect(printed.resultsFile).toBe(join(out, 'mnist2-ci.json'));
    expect(printed.cells.map((c) => c.epsLabel)).toEqual(['0/255', '8/255']);
    expect(printed.cells.every((c) => !('w' in c))).toBe(true);
  });

  it.each([
    [['--setting', 'huge'], 'option --setting', '"huge"'],
    [['--norm', 'l3'], 'option --norm', '"l3"'],
    [['--noise', 'gaussian'], 'option --noise', '"gaussian"'],
    [['--eps', '8'], 'option --eps', '"8"'],
    [['--seed', '-1'], 'option --seed', '"-1"'],
  ])('%j exits 2 naming the option and the value received', async (bad, option, received) => {
    const out = mkdtempSync(join(tmpdir(), 'mnist2-cli-bad-'));
    const { code, stdout, stderr } = await runCli(['experiment', 'mnist2', '--setting', 'ci', '--out', out, ...bad]);
    expect(code).toBe(2);
    expect(stderr).toContain(option);
    expect(stderr).toContain(received);
    expect(stdout).toBe('');
    expect(existsSync(join(out, 'mnist2'))).toBe(false);
  });

  it('an unknown option or a data directory without MNIST files exits 2', async () => {
    expect((await runCli(['experiment', 'mnist2', '--bogus'])).code).toBe(2);
    const empty = mkdtempSync(join(tmpdir(), 'mnist2-cli-empty-'));
    const r = await runCli([
      'experiment',
      'mnist2',
      '--setting',
      'ci',
      '--data-dir',
      empty,
      '--out',
      join(empty, 'out'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${empty}: no trainImages file`);
  });
});
