/**
 * What this proves about failure modes found by trying to break the CLI (`bin/claimcheck.js` run as a subprocess, as a
 * user runs it): each ends in the right result, or in exit 2 with a message that names the thing and what was wrong,
 * and leaves no output behind.
 *
 * - From another directory: `check` and `report` with two claims (so the checks run in worker processes) work with
 *   the bin called by absolute path from a working directory outside the repository.
 * - Messages: an out-of-range `--seed` names the allowed range; `experiment mnist2 --data-dir` names a directory that
 *   does not exist or is not a directory; `experiment mnist2 --out` speaks of the experiment results, not the report;
 *   a claim id given twice to `check` or `report` is checked and reported once.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../cli/run-cli.ts';

/** Two claims whose checks take milliseconds. */
const FAST = ['eq01-logistic-loss', 'lem1-a1-derivative'] as const;
const REPORT_FILES = ['errata.html', 'errata.json', 'errata.md', 'provenance.json'];

let root: string;
let env: Record<string, string>;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'claimcheck-reliability-'));
  // The code version is pinned so that edits of the tree during the run cannot change cache keys.
  env = { CLAIMCHECK_CACHE_DIR: join(root, 'cache'), CLAIMCHECK_CODE_VERSION: 'test' };
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** A fresh empty directory under the test's temporary root. */
function freshDir(name: string): string {
  return mkdtempSync(join(root, `${name}-`));
}

describe('claimcheck run from a directory outside the repository', () => {
  it('check with two claims exits 0 and prints both verdicts', async () => {
    const cwd = freshDir('cwd-check');
    expect(cwd.startsWith(ROOT)).toBe(false);
    const { code, stdout, stderr } = await runCli(['check', ...FAST], cwd, env);
    // Progress only: what is loading, a line per claim, the summary; no warning, no error.
    expect(stderr).not.toMatch(/^(warning|error)/m);
    expect(stderr.split('\n').filter((l) => /^[✓✗◐?] /.test(l))).toHaveLength(FAST.length);
    expect(code).toBe(0);
    for (const id of FAST) expect(stdout).toContain(id);
    expect(stdout).toContain('seed: 20210');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('report with two claims at --setting ci writes the report to a relative --out under that directory, exit 0', async () => {
    const cwd = freshDir('cwd-report');
    const { code, stdout, stderr } = await runCli(
      ['report', ...FAST, '--setting', 'ci', '--out', 'out', '--quiet'],
      cwd,
      env,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('2 claims: 2 confirmed');
    expect(readdirSync(join(cwd, 'out')).sort()).toEqual(REPORT_FILES);
    const errata = JSON.parse(readFileSync(join(cwd, 'out', 'errata.json'), 'utf8')) as { claims: { id: string }[] };
    expect(errata.claims.map((c) => c.id)).toEqual([...FAST]);
  });
});

describe('claimcheck messages', () => {
  it('--seed beyond the safe integers names --seed and the allowed range, exit 2', async () => {
    const { code, stdout, stderr } = await runCli(['check', FAST[0], '--seed', '99999999999999999999'], undefined, env);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      'option --seed: expected an integer from 0 to 4294967295, but received "99999999999999999999"',
    );
    expect(stderr).not.toContain('too big');
  });

  it('experiment mnist2 --data-dir naming a missing path says it does not exist, exit 2, nothing written', async () => {
    const dir = freshDir('data-missing');
    const missing = join(dir, 'no-such-dir');
    const out = join(dir, 'out');
    const { code, stdout, stderr } = await runCli(
      ['experiment', 'mnist2', '--setting', 'ci', '--data-dir', missing, '--out', out],
      undefined,
      env,
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      `option --data-dir: expected an existing directory, but received "${missing}", which does not exist`,
    );
    expect(stderr).not.toContain('no trainImages file');
    expect(existsSync(out)).toBe(false);
  });

  it('experiment mnist2 --data-dir naming a regular file says it is not a directory, exit 2, nothing written', async () => {
    const dir = freshDir('data-file');
    const file = join(dir, 'mnist.gz');
    writeFileSync(file, 'not a directory');
    const out = join(dir, 'out');
    const { code, stdout, stderr } = await runCli(
      ['experiment', 'mnist2', '--setting', 'ci', '--data-dir', file, '--out', out],
      undefined,
      env,
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      `option --data-dir: expected an existing directory, but received "${file}", which is not a directory`,
    );
    expect(stderr).not.toContain('no trainImages file');
    expect(existsSync(out)).toBe(false);
  });

  it('experiment mnist2 --out under a regular file names the experiment results, not the report, exit 2', async () => {
    const dir = freshDir('out-file');
    const file = join(dir, 'plain');
    writeFileSync(file, '');
    const out = join(file, 'sub');
    const { code, stdout, stderr } = await runCli(
      ['experiment', 'mnist2', '--setting', 'ci', '--out', out],
      undefined,
      env,
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`cannot write the experiment results to ${out}: ENOTDIR: ${file} is not a directory`);
    expect(stderr).not.toContain('the report');
  });

  it('check with a claim id given twice checks it once', async () => {
    const { code, stdout, stderr } = await runCli(['check', FAST[0], FAST[0], '--json'], undefined, env);
    expect(stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/for 1 claim…$/),
      expect.stringMatching(new RegExp(`^[✓✗◐?] ${FAST[0]} · `)),
      expect.stringMatching(/^1 claim: 1 /),
    ]);
    expect(code).toBe(0);
    const verdicts = (JSON.parse(stdout) as { verdicts: { claimId: string }[] }).verdicts;
    expect(verdicts.map((v) => v.claimId)).toEqual([FAST[0]]);
  });

  it('report with a claim id given twice reports it once, in first-occurrence order: unique HTML ids, the selection once', async () => {
    const out = join(freshDir('dup-report'), 'out');
    const { code, stderr } = await runCli(
      ['report', FAST[1], FAST[0], FAST[1], '--setting', 'ci', '--out', out, '--quiet'],
      undefined,
      env,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const errata = JSON.parse(readFileSync(join(out, 'errata.json'), 'utf8')) as {
      claims: { id: string }[];
      counts: { total: number };
    };
    expect(errata.claims.map((c) => c.id)).toEqual([FAST[1], FAST[0]]);
    expect(errata.counts.total).toBe(2);
    const html = readFileSync(join(out, 'errata.html'), 'utf8');
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toContain(`claim-${FAST[0]}`);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const provenance = JSON.parse(readFileSync(join(out, 'provenance.json'), 'utf8')) as {
      report: { selection: string[] };
    };
    expect(provenance.report.selection).toEqual([FAST[1], FAST[0]]);
  });
});
