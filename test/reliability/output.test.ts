/**
 * Reliability of the report's output directory (issue "failure modes found by trying to break claimcheck", cases 3
 * and 6). What these tests prove:
 *
 * Case 3 — the report's file set appears at once (`writeFilesAtomic`, `prepareOutputDir`):
 * - a writer killed with SIGKILL at each named stage (`CLAIMCHECK_TEST_KILL_AT`) leaves `--out` holding exactly the
 *   previous set (before the swap) or exactly the new one (after it); at `moved-old`, the one instant `--out` does not
 *   exist, the complete previous set lies beside it and the next run puts it back before doing any work; the next
 *   run removes every leftover and succeeds;
 * - a step of the swap that fails (an injected EIO, or a real rename whose source vanished) leaves exactly the
 *   previous set and no leftover, and the CLI exits 2 naming the directory;
 * - entries of `--out` that a report does not write (a user's notes, a directory where a report has a file) are
 *   never lost: the CLI exits 2 naming them before any claim is checked, and changes nothing;
 * - stale leftovers of killed runs (sibling staging directories, hidden `.tmp` files, also those of the per-file
 *   writer under `experiment mnist2 --out`) are removed, and only those: a live process's and unrelated files stay.
 *
 * Case 6 — unusable output locations fail fast: `--out` under `/proc` (where a recursive mkdir never ends) or `/sys`
 * exits 2 naming the path within seconds and before any claim is checked, as does `experiment mnist2 --out` under
 * `/proc`; the writability probe really creates something, so it holds for root too.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClaimcheckError } from '../../src/errors.ts';
import { removeStaleTemps } from '../../src/fs/write-file-atomic-sync.ts';
import { isReportEntry } from '../../src/report/report-entry.ts';
import {
  assertWritableDir,
  prepareOutputDir,
  WRITE_STAGES,
  writeFilesAtomic,
  type OutputFile,
  type WriteStage,
} from '../../src/fs/write-dir-atomic.ts';
import { ROOT, runCli } from '../cli/run-cli.ts';

const CLAIM = 'eq01-logistic-loss';
/** A hang must fail the test, not block it; a run that fails fast finishes far below this. */
const HANG_MS = 20_000;
/** "Fails fast": start-up of the CLI plus the check of --out, with room for a loaded 2-core machine. */
const FAST_MS = 8_000;

/** Every file under `dir` (hidden ones too), relative path → bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

/** Asserts that `dir` holds exactly `files`: the same names, the same bytes, nothing else. */
function expectExactly(dir: string, files: readonly OutputFile[]): void {
  const got = snapshot(dir);
  expect([...got.keys()].sort()).toEqual(files.map((f) => f.name).sort());
  for (const f of files) expect(got.get(f.name)!.equals(Buffer.from(f.content)), f.name).toBe(true);
}

/** Asserts that two snapshots are the same set of files with the same bytes. */
function expectSameSnapshot(got: Map<string, Buffer>, want: Map<string, Buffer>): void {
  expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
  for (const [name, bytes] of want) expect(got.get(name)!.equals(bytes), name).toBe(true);
}

/** A pid that no process has: a child that has already exited and been reaped. */
function deadPid(): number {
  const pid = spawnSync(process.execPath, ['-e', '']).pid;
  if (pid === undefined) throw new Error('deadPid: could not spawn a process');
  return pid;
}

/** A report-shaped file set; `tag` changes every byte, `figures` names the figures it has. */
function reportSet(tag: string, figures: readonly string[]): OutputFile[] {
  return [
    { name: 'errata.md', content: `# Errata ${tag}\n` },
    { name: 'errata.json', content: `{"run":"${tag}"}\n` },
    { name: 'errata.html', content: `<!doctype html><p>${tag}</p>\n` },
    { name: 'provenance.json', content: `{"provenance":"${tag}"}\n` },
    ...figures.flatMap((id) => [
      { name: `figures/${id}.svg`, content: `<svg id="${id}-${tag}"/>` },
      { name: `figures/${id}.png`, content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, tag.length, id.length]) },
    ]),
  ];
}

const OLD = reportSet('old', ['fig1', 'fig2']);
const NEW = reportSet('new-run', ['fig1', 'fig3']);
const REPORT = { replaces: isReportEntry };

/**
 * Writes `files` into `out` in a child process that runs `writeFilesAtomic` with the CLI's stage hook, so
 * `CLAIMCHECK_TEST_KILL_AT` makes it SIGKILL itself there; resolves with the signal that ended it.
 */
async function writeInChild(
  root: string,
  out: string,
  files: readonly OutputFile[],
  killAt: WriteStage,
): Promise<NodeJS.Signals | null> {
  const spec = join(root, 'spec.json');
  writeFileSync(
    spec,
    JSON.stringify(files.map((f) => ({ name: f.name, b64: Buffer.from(f.content).toString('base64') }))),
  );
  const script = join(root, 'child.mts');
  const url = (p: string): string => JSON.stringify(pathToFileURL(join(ROOT, p)).href);
  writeFileSync(
    script,
    `import { readFileSync } from 'node:fs';\n` +
      `import { writeFilesAtomic } from ${url('src/fs/write-dir-atomic.ts')};\n` +
      `import { isReportEntry } from ${url('src/report/report-entry.ts')};\n` +
      `import { writeStageHook } from ${url('src/cli/test-hooks.ts')};\n` +
      `const files = JSON.parse(readFileSync(process.argv[2], 'utf8')).map((f) => ({ name: f.name, content: new Uint8Array(Buffer.from(f.b64, 'base64')) }));\n` +
      `await writeFilesAtomic(process.argv[3], files, { replaces: isReportEntry, onStage: writeStageHook() });\n` +
      `process.stdout.write('finished\\n');\n`,
  );
  const child = spawn(process.execPath, ['--import', 'tsx', script, spec, out], {
    cwd: ROOT,
    env: { ...process.env, CLAIMCHECK_TEST_KILL_AT: killAt },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (output += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (output += s));
  const timer = setTimeout(() => child.kill('SIGTERM'), HANG_MS);
  const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, sig) => resolve(sig)));
  clearTimeout(timer);
  expect(output).not.toContain('finished');
  return signal;
}

/** The entries of `dir`'s parent other than `dir` itself. */
function besides(dir: string): string[] {
  return readdirSync(dirname(dir))
    .filter((n) => n !== 'out')
    .sort();
}

describe('case 3: the report file set appears at once (writeFilesAtomic)', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'claimcheck-reliability-'));
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  /** Where a kill at each stage leaves --out: the previous set, the new set, or (at moved-old only) nothing. */
  const AFTER_KILL: Record<WriteStage, 'old' | 'new' | 'absent'> = {
    writing: 'old',
    staged: 'old',
    'moved-old': 'absent',
    committed: 'new',
    trashed: 'new',
  };

  for (const stage of WRITE_STAGES) {
    const where =
      AFTER_KILL[stage] === 'absent'
        ? 'absent, the complete old set beside it'
        : `the complete ${AFTER_KILL[stage]} set`;
    it(`killed with SIGKILL at ${stage}: --out is ${where}; the next run cleans up and succeeds`, async () => {
      const base = join(root, `kill-${stage}`);
      const out = join(base, 'out');
      await writeFilesAtomic(out, OLD, REPORT);

      expect(await writeInChild(root, out, NEW, stage)).toBe('SIGKILL');

      if (AFTER_KILL[stage] === 'absent') {
        expect(existsSync(out)).toBe(false);
        const kept = besides(out).filter((n) => /^\.out\.claimcheck-old\.\d+\.\d+$/.test(n));
        expect(kept).toHaveLength(1);
        expectExactly(join(base, kept[0]!), OLD);
      } else {
        expectExactly(out, AFTER_KILL[stage] === 'old' ? OLD : NEW);
      }
      // The up-front step of the next run puts the previous set back (if --out is missing) and removes the rest.
      prepareOutputDir(out, REPORT);
      expectExactly(out, AFTER_KILL[stage] === 'new' ? NEW : OLD);
      expect(besides(out)).toEqual([]);
      const again = reportSet('again', ['fig4']);
      await writeFilesAtomic(out, again, REPORT);
      expectExactly(out, again);
      expect(besides(out)).toEqual([]);
    });
  }

  for (const stage of ['writing', 'staged', 'moved-old'] as const) {
    it(`a step that fails at ${stage} (EIO) leaves exactly the previous set and no leftover, as BAD_INPUT naming --out`, async () => {
      const out = join(root, `fail-${stage}`, 'out');
      await writeFilesAtomic(out, OLD, REPORT);
      const onStage = (s: WriteStage): void => {
        if (s === stage) throw Object.assign(new Error(`EIO: i/o error, injected at ${s}`), { code: 'EIO' });
      };
      const err = await writeFilesAtomic(out, NEW, { ...REPORT, onStage }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ClaimcheckError);
      expect((err as ClaimcheckError).code).toBe('BAD_INPUT');
      expect((err as ClaimcheckError).message).toContain(out);
      expect((err as ClaimcheckError).message).toContain('EIO');
      expectExactly(out, OLD);
      expect(besides(out)).toEqual([]);
    });
  }

  it('a real rename that fails (its source vanished) puts the previous set back and leaves nothing', async () => {
    const out = join(root, 'rename-fails', 'out');
    await writeFilesAtomic(out, OLD, REPORT);
    const onStage = (s: WriteStage): void => {
      if (s !== 'moved-old') return;
      for (const n of besides(out))
        if (n.includes('.claimcheck-new.')) rmSync(join(dirname(out), n), { recursive: true });
    };
    const err = await writeFilesAtomic(out, NEW, { ...REPORT, onStage }).catch((e: unknown) => e);
    expect((err as ClaimcheckError).code).toBe('BAD_INPUT');
    expect((err as ClaimcheckError).message).toContain('ENOENT');
    expectExactly(out, OLD);
    expect(besides(out)).toEqual([]);
  });

  it('a new --out (and the directories above it) is removed again when the write fails', async () => {
    const top = join(root, 'fresh');
    const err = await writeFilesAtomic(join(top, 'a', 'out'), NEW, {
      ...REPORT,
      onStage: () => {
        throw Object.assign(new Error('EIO: injected'), { code: 'EIO' });
      },
    }).catch((e: unknown) => e);
    expect((err as ClaimcheckError).code).toBe('BAD_INPUT');
    expect(existsSync(top)).toBe(false);
  });

  it('refuses an --out holding entries a report does not write, naming them, and changes nothing', async () => {
    const out = join(root, 'foreign', 'out');
    await writeFilesAtomic(out, OLD, REPORT);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    mkdirSync(join(out, 'figures', 'drafts'));
    const before = snapshot(out);
    for (const attempt of [() => prepareOutputDir(out, REPORT), () => writeFilesAtomic(out, NEW, REPORT)]) {
      const err = await Promise.resolve()
        .then(attempt)
        .catch((e: unknown) => e);
      expect((err as ClaimcheckError).code).toBe('BAD_INPUT');
      expect((err as ClaimcheckError).message).toContain(out);
      expect((err as ClaimcheckError).message).toContain('notes.txt');
      expect((err as ClaimcheckError).message).toContain('figures/drafts/');
    }
    expectSameSnapshot(snapshot(out), before);
    expect(besides(out)).toEqual([]);
  });

  it('removes stale leftovers of killed runs (staging directories, hidden .tmp files) and only those', async () => {
    const base = join(root, 'stale');
    const out = join(base, 'out');
    await writeFilesAtomic(out, OLD, REPORT);
    const dead = deadPid();
    const stamp = Date.now();
    writeFileSync(join(out, `.errata.md.${dead}.0123456789ab.tmp`), 'half');
    writeFileSync(join(out, 'figures', `.fig1.svg.${dead}.0123456789ab.tmp`), 'half');
    mkdirSync(join(base, `.out.claimcheck-new.${dead}.${stamp}`, 'figures'), { recursive: true });
    writeFileSync(join(base, `.out.claimcheck-new.${dead}.${stamp}`, 'errata.md'), 'half');
    mkdirSync(join(base, `.out.claimcheck-trash.${dead}.${stamp}`));
    mkdirSync(join(base, `.out.claimcheck-old.${dead}.${stamp}`));
    const live = `.out.claimcheck-new.${process.pid}.${stamp}`;
    mkdirSync(join(base, live));
    writeFileSync(join(base, '.out.notes'), 'not ours');
    mkdirSync(join(base, `.other.claimcheck-new.${dead}.${stamp}`));

    await writeFilesAtomic(out, NEW, REPORT);

    expectExactly(out, NEW);
    expect(besides(out)).toEqual([`.other.claimcheck-new.${dead}.${stamp}`, '.out.notes', live].sort());
  });

  it("removes writeFileAtomicSync's temporary files of killed runs (experiment mnist2 --out) and only those", () => {
    const dir = join(root, 'temps');
    mkdirSync(dir);
    const dead = `.c.json.${deadPid()}.0123456789ab.tmp`;
    const live = `.c.json.${process.pid}.0123456789ab.tmp`;
    for (const name of [dead, live, 'c.json', '.c.json.tmp']) writeFileSync(join(dir, name), 'x');
    expect(removeStaleTemps(dir)).toEqual([dead]);
    expect(readdirSync(dir).sort()).toEqual([live, '.c.json.tmp', 'c.json'].sort());
  });

  it('writes through an --out that is a symbolic link: the link stays, its target gets the new set', async () => {
    const base = join(root, 'link');
    const target = join(base, 'real');
    await writeFilesAtomic(target, OLD, REPORT);
    const link = join(base, 'out');
    symlinkSync(target, link);
    await writeFilesAtomic(link, NEW, REPORT);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expectExactly(target, NEW);
    expect(readdirSync(base).sort()).toEqual(['out', 'real']);
  });

  it('the new --out keeps the permission bits of the one it replaces', async () => {
    const out = join(root, 'mode', 'out');
    await writeFilesAtomic(out, OLD, REPORT);
    chmodSync(out, 0o750);
    await writeFilesAtomic(out, NEW, REPORT);
    expect(statSync(out).mode & 0o7777).toBe(0o750);
  });

  it('by default replaces only the names of the new set (a generic caller keeps unknown files safe)', async () => {
    const out = join(root, 'default', 'out');
    await writeFilesAtomic(out, [{ name: 'a.txt', content: 'a' }]);
    await writeFilesAtomic(out, [{ name: 'a.txt', content: 'b' }]);
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('b');
    writeFileSync(join(out, 'b.txt'), 'mine');
    await expect(writeFilesAtomic(out, [{ name: 'a.txt', content: 'c' }])).rejects.toThrow('b.txt');
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('b');
  });

  const shm = '/dev/shm';
  const shmMount = existsSync(shm) && statSync(shm).dev !== statSync('/dev').dev;
  it.skipIf(!shmMount)(
    `refuses an --out that is a mount point (${shmMount ? shm : 'skipped: /dev/shm is not a mount point here'})`,
    () => {
      expect(() => prepareOutputDir(shm, REPORT)).toThrow(`${shm} is a mount point`);
    },
  );
});

describe('case 3: the report command keeps --out whole (CLI)', () => {
  let root: string;
  let env: Record<string, string>;
  let refOld: string;
  let refNew: string;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'claimcheck-reliability-cli-'));
    env = { CLAIMCHECK_CACHE_DIR: join(root, 'cache'), CLAIMCHECK_CODE_VERSION: 'test' };
    refOld = join(root, 'ref-old');
    refNew = join(root, 'ref-new');
    for (const [dir, seed] of [
      [refOld, '1'],
      [refNew, '2'],
    ] as const) {
      const run = await runCli(
        ['report', CLAIM, '--setting', 'ci', '--seed', seed, '--quiet', '--out', dir],
        undefined,
        env,
      );
      expect(run.code, run.stderr).toBe(0);
    }
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  /** Asserts that `dir` is a complete report of the new run (seed 2): its files, and errata.md and errata.json byte for byte. */
  function expectNewReport(dir: string): void {
    expect(readdirSync(dir).sort()).toEqual(readdirSync(refNew).sort());
    for (const name of ['errata.md', 'errata.json'])
      expect(readFileSync(join(dir, name)).equals(readFileSync(join(refNew, name))), name).toBe(true);
    const prov = JSON.parse(readFileSync(join(dir, 'provenance.json'), 'utf8')) as { report: { seed: number } };
    expect(prov.report.seed).toBe(2);
  }

  it('killed between its two renames, the previous report lies beside --out; the next run puts it back, cleans up and succeeds', async () => {
    const out = join(root, 'kill', 'out');
    cpSync(refOld, out, { recursive: true });
    const old = snapshot(out);

    const killed = await runCli(
      ['report', CLAIM, '--setting', 'ci', '--seed', '2', '--quiet', '--out', out],
      undefined,
      {
        ...env,
        CLAIMCHECK_TEST_KILL_AT: 'moved-old',
      },
    );
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(out)).toBe(false);
    const left = besides(out);
    const kept = left.find((n) => n.startsWith('.out.claimcheck-old.'));
    const staged = left.find((n) => n.startsWith('.out.claimcheck-new.'));
    expect(left).toHaveLength(2);
    expectSameSnapshot(snapshot(join(dirname(out), kept!)), old);
    expectNewReport(join(dirname(out), staged!));

    // A stale temporary file of an older writer in the previous report, and a live run's staging directory.
    writeFileSync(join(dirname(out), kept!, `.errata.md.${deadPid()}.0123456789ab.tmp`), 'half');
    const live = `.out.claimcheck-new.${process.pid}.${Date.now()}`;
    mkdirSync(join(dirname(out), live));

    const next = await runCli(
      ['report', CLAIM, '--setting', 'ci', '--seed', '2', '--quiet', '--out', out],
      undefined,
      env,
    );
    expect(next.code, next.stderr).toBe(0);
    expectNewReport(out);
    expect(besides(out)).toEqual([live]);
  });

  it('a failing rename exits 2 naming --out and leaves exactly the previous report', async () => {
    const out = join(root, 'fail', 'out');
    cpSync(refOld, out, { recursive: true });
    const old = snapshot(out);
    const run = await runCli(['report', CLAIM, '--setting', 'ci', '--seed', '2', '--quiet', '--out', out], undefined, {
      ...env,
      CLAIMCHECK_TEST_FAIL_AT: 'moved-old',
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`cannot write the report to ${out}`);
    expect(run.stderr).toContain('EIO');
    expectSameSnapshot(snapshot(out), old);
    expect(besides(out)).toEqual([]);
  });

  it('an old report whose errata.html is a directory: exit 2 naming it, before any check, nothing replaced', async () => {
    // Before the fix this replaced errata.md and errata.json, then failed on errata.html: a mix of two runs.
    const out = join(root, 'mix', 'out');
    cpSync(refOld, out, { recursive: true });
    rmSync(join(out, 'errata.html'));
    mkdirSync(join(out, 'errata.html'));
    writeFileSync(join(out, 'errata.html', 'index.html'), 'mine');
    const before = snapshot(out);
    const cache = join(root, 'cache-mix');
    const run = await runCli(['report', CLAIM, '--setting', 'ci', '--seed', '2', '--quiet', '--out', out], undefined, {
      ...env,
      CLAIMCHECK_CACHE_DIR: cache,
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(out);
    expect(run.stderr).toContain('errata.html/');
    expect(existsSync(cache)).toBe(false);
    expectSameSnapshot(snapshot(out), before);
  });

  it("a user's own file in --out: exit 2 naming it, before any check, and the file is kept", async () => {
    const out = join(root, 'user', 'out');
    cpSync(refOld, out, { recursive: true });
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const before = snapshot(out);
    const cache = join(root, 'cache-user');
    const run = await runCli(['report', CLAIM, '--setting', 'ci', '--quiet', '--out', out], undefined, {
      ...env,
      CLAIMCHECK_CACHE_DIR: cache,
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(out);
    expect(run.stderr).toContain('notes.txt');
    expect(existsSync(cache)).toBe(false);
    expectSameSnapshot(snapshot(out), before);
  });
});

describe('case 6: unusable output locations fail fast, before any work', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'claimcheck-reliability-loc-'));
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  const noProc = existsSync('/proc') ? undefined : 'skipped: this system has no /proc';
  const noSys = existsSync('/sys') ? undefined : 'skipped: this system has no /sys';
  const cases = [
    {
      why: noProc,
      args: ['report', CLAIM, '--setting', 'ci', '--out', '/proc/claimcheck-test/x'],
      path: '/proc/claimcheck-test/x',
    },
    {
      why: noSys,
      args: ['report', CLAIM, '--setting', 'ci', '--out', '/sys/claimcheck-test'],
      path: '/sys/claimcheck-test',
    },
    {
      why: noProc,
      args: ['experiment', 'mnist2', '--setting', 'ci', '--out', '/proc/claimcheck-test/x'],
      path: '/proc/claimcheck-test/x',
    },
  ];
  for (const [i, c] of cases.entries()) {
    it.skipIf(c.why !== undefined)(
      `${c.args.join(' ')}: exit 2 naming the path within seconds${c.why ? ` (${c.why})` : ''}`,
      async () => {
        const cache = join(root, `cache-${i}`);
        const run = await runCli(c.args, undefined, { CLAIMCHECK_CACHE_DIR: cache }, { timeoutMs: HANG_MS });
        expect(run.timedOut, 'the command hung and was killed').toBe(false);
        expect(run.code, run.stderr).toBe(2);
        expect(run.stderr).toContain(c.path);
        expect(run.millis).toBeLessThan(FAST_MS);
        // Nothing was checked or computed: no verdict, no progress, no table, no cache entry.
        expect(run.stdout).toBe('');
        expect(
          run.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('error:') && !l.startsWith('pass --out')),
        ).toEqual([]);
        expect(existsSync(cache)).toBe(false);
      },
    );
  }

  it.skipIf(noSys !== undefined)(
    `the writability probe creates something, so it refuses /sys for root too${noSys ? ` (${noSys})` : ''}`,
    () => {
      // Safe in-process: mkdir under /sys fails at once (EPERM). /proc is only tried in a subprocess, above.
      expect(() => assertWritableDir('/sys/claimcheck-test', 'the experiment results')).toThrow('/sys/claimcheck-test');
      expect(() => prepareOutputDir('/sys/claimcheck-test', REPORT)).toThrow(
        'cannot write the report to /sys/claimcheck-test',
      );
      expect(existsSync('/sys/claimcheck-test')).toBe(false);
    },
  );

  it('the probe leaves nothing behind where it succeeds', () => {
    const out = join(root, 'a', 'b', 'out');
    assertWritableDir(out, 'the experiment results');
    prepareOutputDir(out, REPORT);
    expect(readdirSync(root)).toEqual([]);
  });
});
