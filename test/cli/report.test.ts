import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './run-cli.ts';
import { fastIds, registryIds } from './fast-claims.ts';

const FILES = ['errata.md', 'errata.json', 'errata.html', 'provenance.json'];

interface ReportJson {
  readonly seed: number;
  readonly files: string[];
  readonly cache: { readonly reused: number; readonly checked: number };
  readonly mathFailures: unknown[];
}

describe('claimcheck report', () => {
  let root: string;
  let env: Record<string, string>;
  let first: CliRun;
  let cached: CliRun;
  let serial: CliRun;
  let ids: string[];
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'claimcheck-report-'));
    // The code version is pinned: others editing the tree between two runs would otherwise turn hits into misses.
    env = { CLAIMCHECK_CACHE_DIR: join(root, 'cache'), CLAIMCHECK_CODE_VERSION: 'test' };
    ids = fastIds(registryIds());
    // A first run fills an empty cache, a second reuses it (--fresh, which must not, is tested on runReport).
    first = await runCli(
      ['report', ...ids, '--out', join(root, 'a'), '--seed', '11', '--quiet', '--jobs', '2'],
      undefined,
      env,
    );
    cached = await runCli(
      ['report', ...ids, '--out', join(root, 'b'), '--seed', '11', '--quiet', '--json'],
      undefined,
      env,
    );
    // The same claims checked again, all in this process (--fresh: not from the cache the first run filled), and
    // without --quiet.
    serial = await runCli(
      ['report', ...ids, '--out', join(root, 'c'), '--seed', '11', '--jobs', '1', '--fresh'],
      undefined,
      env,
    );
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('writes errata.md, errata.json, errata.html and provenance.json and nothing else, exit 0', () => {
    for (const run of [first, cached]) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toBe('');
    }
    expect(readdirSync(join(root, 'a')).sort()).toEqual([...FILES].sort());
    expect(first.stdout).toContain('seed: 11');
    expect(first.stdout).toContain(`cache: 0 verdicts reused, ${ids.length} checked`);
    const summary = JSON.parse(cached.stdout) as ReportJson;
    expect(summary.seed).toBe(11);
    expect(summary.files.map((f) => f.slice(join(root, 'b').length + 1))).toEqual(FILES);
    expect(summary.mathFailures).toEqual([]);
  });

  it('gives byte-identical errata.md and errata.json checked in 2 worker processes or in this process (--jobs)', () => {
    expect(serial.code, serial.stderr).toBe(0);
    for (const name of ['errata.md', 'errata.json']) {
      expect(readFileSync(join(root, 'c', name), 'utf8')).toBe(readFileSync(join(root, 'a', name), 'utf8'));
    }
  });

  it('ends its summary with a file:// URL of errata.html that exists (text), and gives it as errataUrl (--json)', () => {
    const last = first.stdout.trimEnd().split('\n').at(-1)!;
    expect(last).toMatch(/^open file:\/\/\//);
    const url = last.slice('open '.length);
    expect(fileURLToPath(url)).toBe(join(root, 'a', 'errata.html'));
    expect(existsSync(fileURLToPath(url))).toBe(true);
    const { errataUrl } = JSON.parse(cached.stdout) as { errataUrl: string };
    expect(fileURLToPath(errataUrl)).toBe(join(root, 'b', 'errata.html'));
    expect(existsSync(fileURLToPath(errataUrl))).toBe(true);
  });

  it('without --quiet, streams what is loading and a line per claim on stderr; stdout is the same summary', () => {
    const lines = serial.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^loading the paper, the claim records and the checkers for \d+ claims…$/);
    expect(lines.filter((l) => /^[✓✗◐?] \S+ · .+ · (\d+ ms|\d+\.\d s)$/.test(l))).toHaveLength(ids.length);
    expect(serial.stdout.replaceAll('/c/', '/a/').replace(/cache: .*\n/, '')).toBe(
      first.stdout.replace(/cache: .*\n/, ''),
    );
  });

  it('refuses --jobs outside 1…64 with exit 2 naming the option', async () => {
    const { code, stderr } = await runCli(['report', ...ids, '--jobs', '0', '--quiet'], undefined, env);
    expect(code).toBe(2);
    expect(stderr).toContain('--jobs');
    expect(stderr).toContain('an integer from 1 to 64');
  });

  it('refuses an unknown --protocols id and --seeds outside 1…20 with exit 2 naming the option and the choices', async () => {
    const bad = await runCli(['report', ...ids, '--protocols', 'lbfgs-wd1e-3,sgd', '--quiet'], undefined, env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--protocols');
    expect(bad.stderr).toContain('early-stop-wd0');
    expect(bad.stderr).toContain('"sgd"');
    const seeds = await runCli(['report', ...ids, '--seeds', '0', '--quiet'], undefined, env);
    expect(seeds.code).toBe(2);
    expect(seeds.stderr).toContain('--seeds');
    expect(seeds.stderr).toContain('an integer from 1 to 20');
  });

  it('reuses cached verdicts', () => {
    expect((JSON.parse(cached.stdout) as ReportJson).cache).toMatchObject({ reused: ids.length, checked: 0 });
    const prov = JSON.parse(readFileSync(join(root, 'b', 'provenance.json'), 'utf8')) as {
      run: { claims: { cached?: boolean }[] };
    };
    expect(prov.run.claims.every((c) => c.cached === true)).toBe(true);
  });

  it('gives byte-identical errata.md and errata.json for the same seed, fresh or cached', () => {
    for (const name of ['errata.md', 'errata.json']) {
      const a = readFileSync(join(root, 'a', name));
      expect(readFileSync(join(root, 'b', name))).toEqual(a);
    }
    const md = readFileSync(join(root, 'a', 'errata.md'), 'utf8');
    expect(md).toMatch(/^# Errata: /);
    expect(md).toContain('| seed | 11 |');
    for (const id of ids) expect(md).toContain(`**Reproduce:** \`npx claimcheck check ${id} --seed 11\``);
    const json = JSON.parse(readFileSync(join(root, 'a', 'errata.json'), 'utf8')) as { provenance: { seed: number } };
    expect(json.provenance.seed).toBe(11);
  });

  it('writes a self-contained errata.html with every claim', () => {
    const html = readFileSync(join(root, 'a', 'errata.html'), 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<meta http-equiv="Content-Security-Policy" content="default-src \'none\';');
    expect(html).not.toMatch(
      /<link\b|\bsrc\s*=\s*["']?https?:|href\s*=\s*["']?https?:|url\(\s*["']?https?:|url\(fonts\//,
    );
    expect(html).not.toContain('katex-error');
    for (const id of ids) expect(html).toContain(`id="claim-${id}"`);
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
      const { code, stdout, stderr } = await runCli(['report', ...ids, '--out', out, '--quiet'], undefined, env);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(out);
      expect(readdirSync(dir)).toEqual(['plain.txt']);
      expect(readFileSync(file, 'utf8')).toBe('keep');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a bad experiment option exits 2 naming the option and the value, before any check runs', async () => {
    // Every option's message is tested on parseOptions (test/cli/lib.test.ts); this is the path to the exit code.
    const run = await runCli(['report', '--data-dir', join(root, 'no-such-dir')], undefined, env);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      `option --data-dir: expected an existing directory, but received "${join(root, 'no-such-dir')}"`,
    );
  });

  it('--help lists the experiment flags and the cache', async () => {
    const { code, stdout } = await runCli(['report', '--help']);
    expect(code).toBe(0);
    for (const flag of [
      '--data-dir',
      '--cifar-dir',
      '--svhn-dir',
      '--gpu',
      '--backend',
      '--setting',
      '--fresh',
      '--json',
      '--quiet',
    ]) {
      expect(stdout).toContain(flag);
    }
    expect(stdout).toContain('.claimcheck-cache');
  });
});
