import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

describe('claimcheck usage', () => {
  it('--help lists the commands and the exit codes, exit 0', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const name of ['list', 'check', 'derive', 'report']) expect(stdout).toContain(name);
    expect(stdout).toContain('Exit codes: 0');
  });

  it('--version prints the version of package.json', async () => {
    const { code, stdout } = await runCli(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it.each([
    [['check', '--seed', 'abc'], '"abc"'],
    [['check', '--seed', '-3'], '"-3"'],
    [['check', '--seed', '1.5'], '"1.5"'],
    [['report', '--seed', '4294967296'], '"4294967296"'],
  ])('%j exits 2 naming --seed and the value received', async (args, received) => {
    const { code, stdout, stderr } = await runCli(args);
    expect(code).toBe(2);
    expect(stderr).toContain('option --seed');
    expect(stderr).toContain(received);
    expect(stdout).toBe('');
  });

  it('an unknown option or command exits 2', async () => {
    expect((await runCli(['check', '--bogus'])).code).toBe(2);
    expect((await runCli(['frobnicate'])).code).toBe(2);
    expect((await runCli([])).code).toBe(2);
  });

  it('derive without an id exits 2', async () => {
    const { code, stderr } = await runCli(['derive']);
    expect(code).toBe(2);
    expect(stderr).toContain("missing required argument 'id'");
  });
});
