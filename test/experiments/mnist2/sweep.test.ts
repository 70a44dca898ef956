/**
 * What this proves about src/experiments/mnist2/sweep.ts: the `ci` sweep exercises every path (both norms; standard,
 * PGD, random-noise and exact training) and returns `Mnist2Results`; a re-run reads every cell from the cache and
 * returns the same results; a corrupt cache file is recomputed, not trusted; a sweep killed with SIGKILL after its
 * first cell was written resumes to results identical to an uninterrupted run; progress counts cells and gives an
 * ETA; the measurement provider runs once.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cellCachePath,
  runMnist2Sweep,
  sweepMnist2,
  type Mnist2Progress,
} from '../../../src/experiments/mnist2/sweep.ts';
import type { Mnist2Results } from '../../../src/experiments/mnist2/results.ts';
import { ROOT } from './fixtures.ts';

let reference: Mnist2Results;
let referenceCache: string;
const events: Mnist2Progress[] = [];

beforeAll(async () => {
  referenceCache = mkdtempSync(join(tmpdir(), 'mnist2-sweep-ref-'));
  reference = await runMnist2Sweep({ setting: 'ci', cacheDir: referenceCache, onProgress: (e) => events.push(e) });
});

const cellFiles = (cacheDir: string): string[] => {
  try {
    return readdirSync(join(cacheDir, 'mnist2')).filter((f) => /^[0-9a-f]{64}\.json$/.test(f));
  } catch {
    return [];
  }
};

describe('runMnist2Sweep (ci)', () => {
  it('runs every path: both norms, standard, PGD, random-noise and exact training, on 300/200 images', () => {
    expect(reference.setting).toBe('ci');
    expect(reference.backend).toBe('float64');
    expect(reference.data).toMatchObject({ trainCount: 300, testCount: 200 });
    expect(reference.data.subset).toContain('first 300 train');
    expect(reference.cells.map((c) => `${c.norm} ${c.training} ${c.epsLabel}`)).toEqual([
      'l2 standard 0.00',
      'l2 pgd 1.00',
      'l2 random 1.00',
      'l2 exact 1.00',
      'linf standard 0/255',
      'linf pgd 8/255',
      'linf pgd 76.5/255',
      'linf random 8/255',
      'linf random 76.5/255',
      'linf exact 8/255',
      'linf exact 76.5/255',
    ]);
    for (const c of reference.cells) {
      expect(c.w.length).toBe(784);
      expect(c.gap).toBeCloseTo(c.train.robustAccuracy - c.test.robustAccuracy, 12);
      expect(Number(c.optimisation.finalGradNorm)).toBeLessThan(1e-6);
      if (c.eps > 0) expect(c.pgdAudits?.length).toBe(2);
    }
    expect(cellFiles(referenceCache).length).toBe(11);
  });

  it('reports progress for every cell, start and end, with an ETA once a cell is done', () => {
    expect(events.length).toBe(22);
    expect(events.filter((e) => e.done).map((e) => e.index)).toEqual([...Array(11).keys()]);
    expect(events.every((e) => e.total === 11)).toBe(true);
    expect(events.at(-2)!.etaMillis).toBeGreaterThanOrEqual(0);
  });

  it('a re-run reads every cell from the cache and returns the same results', async () => {
    const cached: boolean[] = [];
    const again = await runMnist2Sweep({
      setting: 'ci',
      cacheDir: referenceCache,
      onCell: (_c, hit) => cached.push(hit),
    });
    expect(cached).toEqual(Array(11).fill(true));
    expect(JSON.stringify(again)).toBe(JSON.stringify(reference));
  });

  it('recomputes a corrupt cache file instead of trusting it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mnist2-sweep-corrupt-'));
    const first = await runMnist2Sweep({
      setting: 'ci',
      norms: ['linf'],
      trainings: ['pgd'],
      eps: [0, 8 / 255],
      cacheDir: dir,
    });
    const key = first.cells[1]!.key;
    writeFileSync(cellCachePath(dir, key), '{"key": "truncated');
    const cached: boolean[] = [];
    const again = await runMnist2Sweep({
      setting: 'ci',
      norms: ['linf'],
      trainings: ['pgd'],
      eps: [0, 8 / 255],
      cacheDir: dir,
      onCell: (_c, hit) => cached.push(hit),
    });
    expect(cached).toEqual([true, false]);
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
    expect(again.cells[1]).toEqual(reference.cells.find((c) => c.key === key));
  });

  it('a sweep killed with SIGKILL after its first cell resumes to the results of an uninterrupted run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mnist2-sweep-kill-'));
    const script = join(dir, 'child.mts');
    const sweepUrl = pathToFileURL(join(ROOT, 'src/experiments/mnist2/sweep.ts')).href;
    writeFileSync(
      script,
      `import { runMnist2Sweep } from ${JSON.stringify(sweepUrl)};\n` +
        `await runMnist2Sweep({ setting: 'ci', cacheDir: process.argv[2], onCell: (c) => process.stdout.write('cell ' + c.key + '\\n') });\n` +
        `process.stdout.write('finished\\n');\n`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script, join(dir, 'cache')], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => {
      child.stdout.setEncoding('utf8').on('data', (s: string) => {
        out += s;
        if (out.includes('cell ')) child.kill('SIGKILL');
      });
      child.on('close', (_code, sig) => resolve(sig));
    });
    expect(err.replace(/npm warn.*\n/g, '')).toBe('');
    expect(signal).toBe('SIGKILL');
    expect(out).not.toContain('finished');
    const written = cellFiles(join(dir, 'cache')).length;
    expect(written).toBeGreaterThanOrEqual(1);
    expect(written).toBeLessThan(11);
    const cached: boolean[] = [];
    const resumed = await runMnist2Sweep({
      setting: 'ci',
      cacheDir: join(dir, 'cache'),
      onCell: (_c, hit) => cached.push(hit),
    });
    expect(cached.filter(Boolean).length).toBe(written);
    expect(JSON.stringify(resumed)).toBe(JSON.stringify(reference));
  });
});

describe('sweepMnist2', () => {
  it('gives the same results as runMnist2Sweep and the training split they were trained on (what the measurements use)', async () => {
    const { results, train } = await sweepMnist2({ setting: 'ci', cacheDir: referenceCache });
    expect(JSON.stringify(results)).toBe(JSON.stringify(reference));
    expect(train.n).toBe(results.data.trainCount);
    expect(train.d * train.n).toBe(train.X.length);
  });
});
