import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './run-cli.ts';
import { fastIds, registryIds } from './fast-claims.ts';

describe('claimcheck report', () => {
  let root: string;
  let first: CliRun;
  let second: CliRun;
  let ids: string[];
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'claimcheck-report-'));
    ids = fastIds(registryIds());
    // Two runs with the same seed over a few fast claims, side by side (one per core).
    [first, second] = await Promise.all([
      runCli(['report', ...ids, '--out', join(root, 'a'), '--seed', '11', '--quiet']),
      runCli(['report', ...ids, '--out', join(root, 'b'), '--seed', '11', '--quiet', '--json']),
    ]);
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('writes errata.md, errata.json and provenance.json and nothing else, exit 0', () => {
    expect(first.code, first.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(0);
    expect(first.stderr).toBe('');
    expect(readdirSync(join(root, 'a')).sort()).toEqual(['errata.json', 'errata.md', 'provenance.json']);
    expect(first.stdout).toContain('seed: 11');
    const summary = JSON.parse(second.stdout) as { seed: number; files: string[] };
    expect(summary.seed).toBe(11);
    expect(summary.files.map((f) => f.slice(join(root, 'b').length + 1))).toEqual([
      'errata.md',
      'errata.json',
      'provenance.json',
    ]);
  });

  it('gives byte-identical errata.md and errata.json for the same seed', () => {
    for (const name of ['errata.md', 'errata.json']) {
      expect(readFileSync(join(root, 'b', name))).toEqual(readFileSync(join(root, 'a', name)));
    }
    const md = readFileSync(join(root, 'a', 'errata.md'), 'utf8');
    expect(md).toMatch(/^# Errata: /);
    expect(md).toContain('| seed | 11 |');
    for (const id of ids) expect(md).toContain(`**Reproduce:** \`npx claimcheck check ${id} --seed 11\``);
    const json = JSON.parse(readFileSync(join(root, 'a', 'errata.json'), 'utf8')) as { provenance: { seed: number } };
    expect(json.provenance.seed).toBe(11);
  });

  it('keeps times and host details in provenance.json only', () => {
    const prov = JSON.parse(readFileSync(join(root, 'a', 'provenance.json'), 'utf8')) as {
      run: { generatedAt: string; host: { hostname: string } };
    };
    expect(Date.parse(prov.run.generatedAt)).not.toBeNaN();
    expect(readFileSync(join(root, 'a', 'errata.md'), 'utf8')).not.toContain(prov.run.generatedAt);
    expect(readFileSync(join(root, 'a', 'errata.json'), 'utf8')).not.toContain('generatedAt');
  });

  it('--out under a regular file exits 2 naming the path and leaves nothing behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimcheck-bad-out-'));
    try {
      const file = join(dir, 'plain.txt');
      writeFileSync(file, 'keep');
      const out = join(file, 'report');
      const { code, stdout, stderr } = await runCli(['report', ...ids, '--out', out, '--quiet']);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(out);
      expect(readdirSync(dir)).toEqual(['plain.txt']);
      expect(readFileSync(file, 'utf8')).toBe('keep');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
