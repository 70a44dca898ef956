/**
 * Proves the CLI of paper versions and CI: `--paper` on check, list, derive and report reads the given text (a
 * corrected Eq. (8) is confirmed); `report` names the paper file and its sha256; `diff` lists changed claims as a
 * table or JSON and exits 3 under `--fail-on`; `check --baseline` lists changes and `--fail-on changed` exits 3 after
 * writing the JUnit and SARIF files; bad CI inputs exit 2 before any work.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { paperAt } from '../../src/pipeline/run.ts';
import { ROBUST_GRADIENT } from '../../proofs/_data/formulas.ts';
import { runCli } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'claimcheck-paper-ci-'));
const env = { CLAIMCHECK_CACHE_DIR: join(dir, 'cache') };
const corrected = join(dir, 'corrected.txt');
const CLAIMS = ['eq08-gradient', 'sec3-convexity'];

beforeAll(() => {
  const lines = paperAt().text.split('\n');
  const at = lines.findIndex((l) => l.endsWith(' (8)'));
  lines[at] = `${lines[at]!.slice(0, lines[at]!.indexOf('\\!\\frac{1}{N}'))}${ROBUST_GRADIENT}. (8)`;
  writeFileSync(corrected, lines.join('\n'));
});

describe('--paper', () => {
  it('check reads the formula from the given text: the corrected Eq. (8) is confirmed', async () => {
    const r = await runCli(['check', 'eq08-gradient', '--json', '--quiet', '--paper', corrected], undefined, env);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).verdicts[0].status).toBe('confirmed');
  });

  it('derive and list take it too; a missing file exits 2 naming it', async () => {
    const d = await runCli(['derive', 'eq08-gradient', '--paper', corrected], undefined, env);
    expect(d.code, d.stderr).toBe(0);
    const l = await runCli(['list', '--json', '--paper', corrected], undefined, env);
    expect(l.code, l.stderr).toBe(0);
    expect(JSON.parse(l.stdout).length).toBeGreaterThan(70);
    const missing = await runCli(['list', '--paper', join(dir, 'nope.txt')], undefined, env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--paper .*nope\.txt: no such file/);
  });
});

describe('report, diff and baselines', () => {
  it('report names the paper and its hash; diff lists the changed claim and exits 3 under --fail-on', async () => {
    const a = await runCli(
      ['report', ...CLAIMS, '--out', join(dir, 'a'), '--quiet', '--setting', 'ci'],
      undefined,
      env,
    );
    expect(a.code, a.stderr).toBe(0);
    const b = await runCli(
      ['report', ...CLAIMS, '--out', join(dir, 'b'), '--quiet', '--setting', 'ci', '--paper', corrected],
      undefined,
      env,
    );
    expect(b.code, b.stderr).toBe(0);
    const errata = JSON.parse(readFileSync(join(dir, 'b', 'errata.json'), 'utf8'));
    expect(errata.provenance.paper).toMatchObject({
      file: 'corrected.txt',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(errata.paper.title).toBe('Adversarial Training Makes Weight Loss Landscape Sharper in Logistic Regression');
    expect(readFileSync(join(dir, 'b', 'errata.md'), 'utf8')).toContain(
      `Paper read from \`corrected.txt\` (sha256 \`${errata.provenance.paper.sha256}\``,
    );
    expect(errata.claims.find((c: { id: string }) => c.id === 'eq08-gradient').reproduce).toContain('--paper FILE');

    const table = await runCli(['diff', join(dir, 'a', 'errata.json'), join(dir, 'b', 'errata.json')], undefined, env);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/eq08-gradient\s+verdict, witness, formula\s+refuted\s+confirmed/);
    expect(table.stdout).not.toContain('sec3-convexity');
    const json = await runCli(
      ['diff', join(dir, 'a', 'errata.json'), join(dir, 'b', 'errata.json'), '--json', '--fail-on', 'changed'],
      undefined,
      env,
    );
    expect(json.code).toBe(3);
    expect(JSON.parse(json.stdout).changes.map((c: { id: string }) => c.id)).toEqual(['eq08-gradient']);
    expect(json.stderr).toMatch(/--fail-on changed: 1 claim\(s\) changed: eq08-gradient/);
    const same = await runCli(
      ['diff', join(dir, 'a', 'errata.json'), join(dir, 'a', 'errata.json'), '--fail-on', 'changed'],
      undefined,
      env,
    );
    expect(same.code).toBe(0);
    expect(same.stdout).toMatch(/^no claim changed/);

    // check against the baseline: the change is listed, the CI files are written, then exit 3.
    const junit = join(dir, 'out', 'claims.xml');
    const sarif = join(dir, 'out', 'claims.sarif');
    const c = await runCli(
      [
        'check',
        ...CLAIMS,
        '--quiet',
        '--paper',
        corrected,
        '--baseline',
        join(dir, 'a', 'errata.json'),
        '--fail-on',
        'changed',
        '--junit',
        junit,
        '--sarif',
        sarif,
      ],
      undefined,
      env,
    );
    expect(c.code, c.stderr).toBe(3);
    expect(c.stdout).toMatch(/changed against .*a\/errata\.json:[\s\S]*eq08-gradient/);
    expect(readFileSync(junit, 'utf8')).toContain('<testcase name="eq08-gradient"');
    expect(JSON.parse(readFileSync(sarif, 'utf8')).version).toBe('2.1.0');
  });

  it('--fail-on refuted exits 3 when a claim is refuted, 0 when none is', async () => {
    const refuted = await runCli(['check', 'eq08-gradient', '--quiet', '--fail-on', 'refuted'], undefined, env);
    expect(refuted.code).toBe(3);
    expect(refuted.stderr).toMatch(/--fail-on refuted: 1 claim\(s\) refuted: eq08-gradient/);
    const fine = await runCli(
      ['check', 'eq08-gradient', '--quiet', '--fail-on', 'refuted', '--paper', corrected],
      undefined,
      env,
    );
    expect(fine.code, fine.stderr).toBe(0);
  });

  it('bad CI inputs exit 2 before any work: --fail-on changed without a baseline, a baseline that is not errata, an unwritable --junit', async () => {
    const noBase = await runCli(['check', 'eq08-gradient', '--fail-on', 'changed'], undefined, env);
    expect(noBase.code).toBe(2);
    expect(noBase.stderr).toMatch(/--fail-on changed needs --baseline FILE/);
    const notErrata = join(dir, 'not-errata.json');
    writeFileSync(notErrata, '{"hello": 1}');
    const bad = await runCli(['check', 'eq08-gradient', '--baseline', notErrata], undefined, env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--baseline .*not-errata\.json: not an errata\.json written by claimcheck report/);
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'x');
    const unwritable = await runCli(['check', 'eq08-gradient', '--junit', join(blocker, 'claims.xml')], undefined, env);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toMatch(/cannot write the JUnit file/);
    expect(unwritable.stdout).toBe('');
    expect(existsSync(join(blocker, 'claims.xml'))).toBe(false);
    const failOn = await runCli(['diff', notErrata, notErrata, '--fail-on', 'never'], undefined, env);
    expect(failOn.code).toBe(2);
  });
});
