/**
 * Every performance goal in one table: task, ours, the peer a user would run instead (measured in this run on the same
 * work), ratio, goal, met. Rows:
 * - `claimcheck report` (full setting, shipped data): cold (a fresh cache directory; every empirical claim under the
 *   protocol grid), warm (the same directory again), cold with the reference sweep alone (`--protocols lbfgs-wd1e-3
 *   --seeds 1`), and the peak RSS of its largest process (GNU time's maximum resident set size);
 * - the algebraic claims against the SymPy peer (bench/algebra.ts);
 * - the top-3 and every eigenvalue of the MNIST2 Hessian against numpy (bench/eigen.ts);
 * - one MNIST2 training cell against PyTorch, and one full-data gradient pass against reading X once
 *   (bench/training.ts).
 * Prints the machine and the data; asserts nothing (the goals are printed, never tested).
 *
 *   npx tsx bench/all.ts [--skip-report] [--only report,algebra,eigen,training] [--markdown FILE]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { algebraRows } from './algebra.ts';
import { eigenRows } from './eigen.ts';
import { BENCH_DIR, type BenchRow, benchModel, formatTable, judge, machineLine, MNIST_DIR } from './lib.ts';
import { gradientPassRow, trainingRows } from './training.ts';

const REPO = resolve(BENCH_DIR, '..');
const GNU_TIME = '/usr/bin/time';

interface ReportRun {
  readonly ms: number;
  readonly maxRssMb: number | null;
  readonly summary: string;
}

/** One `claimcheck report` as a child process with the given cache directory; wall time and peak RSS. */
function runReport(cacheDir: string, outDir: string, extra: readonly string[] = []): ReportRun {
  const cli = [join(REPO, 'bin', 'claimcheck.js'), 'report', '--setting', 'full', ...extra, '--out', outDir];
  const timed = existsSync(GNU_TIME);
  const rssFile = join(outDir, '..', `rss-${Date.now()}.txt`);
  const [cmd, args] = timed
    ? [GNU_TIME, ['-f', '%M', '-o', rssFile, process.execPath, ...cli]]
    : [process.execPath, cli];
  const t0 = performance.now();
  const r = spawnSync(cmd, args, {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, CLAIMCHECK_CACHE_DIR: cacheDir },
    maxBuffer: 256 * 2 ** 20,
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`claimcheck report failed (exit ${r.status}): ${r.stderr.slice(-2000)}`);
  const maxRssMb = timed ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 : null;
  const summary = r.stdout.split('\n').find((l) => /^\d+ claims:/.test(l)) ?? '';
  return { ms, maxRssMb, summary };
}

/** The options that decide the empirical claims on the reference sweep alone. */
const REFERENCE_ONLY = ['--protocols', 'lbfgs-wd1e-3', '--seeds', '1'] as const;

function reportRows(log: (line: string) => void): BenchRow[] {
  const dir = mkdtempSync(join(tmpdir(), 'claimcheck-bench-report-'));
  try {
    const cache = join(dir, 'cache');
    log('claimcheck report --setting full, cold (empty cache directory)…');
    const cold = runReport(cache, join(dir, 'out-cold'));
    log(`  ${(cold.ms / 1000).toFixed(1)} s; ${cold.summary}`);
    log('claimcheck report --setting full, warm (same cache directory)…');
    const warm = runReport(cache, join(dir, 'out-warm'));
    log(`  ${(warm.ms / 1000).toFixed(2)} s; ${warm.summary}`);
    const same =
      readFileSync(join(dir, 'out-cold', 'errata.json'), 'utf8') ===
      readFileSync(join(dir, 'out-warm', 'errata.json'), 'utf8');
    log(`claimcheck report --setting ${REFERENCE_ONLY.join(' ')}, cold (another empty cache directory)…`);
    const reference = runReport(join(dir, 'cache-reference'), join(dir, 'out-reference'), REFERENCE_ONLY);
    log(`  ${(reference.ms / 1000).toFixed(1)} s; ${reference.summary}`);
    const data = `shipped MNIST (${MNIST_DIR}: 4,839 train / 2,115 test MNIST2 images, 26 cells)`;
    const rows: BenchRow[] = [
      {
        task: '`claimcheck report`, full, cold cache',
        ours: { value: cold.ms, unit: 'ms' },
        goal: { maxValue: 90_000 },
        note: `wall time of \`claimcheck report --setting full\` as a process, empty cache, ${data}, every empirical claim under 5 protocols × 5 seeds; ${cold.summary}`,
      },
      {
        task: `\`claimcheck report ${REFERENCE_ONLY.join(' ')}\`, full, cold cache`,
        ours: { value: reference.ms, unit: 'ms' },
        goal: { maxValue: 90_000 },
        note: `the same with the empirical claims decided on the reference sweep alone (the report before the protocol grid); ${reference.summary}`,
      },
      {
        task: '`claimcheck report`, full, warm cache',
        ours: { value: warm.ms, unit: 'ms' },
        goal: { maxValue: 3_000 },
        note: `the same command again on the cache the cold run filled; errata.json ${same ? 'identical to' : 'DIFFERS from'} the cold run's`,
      },
    ];
    const rss = Math.max(cold.maxRssMb ?? Number.NaN, warm.maxRssMb ?? Number.NaN);
    if (Number.isFinite(rss)) {
      rows.push({
        task: '`claimcheck report`, peak RSS',
        ours: { value: rss, unit: 'MB' },
        goal: { maxValue: 2048 },
        note: `maximum resident set size of the largest process of the cold and warm runs (${GNU_TIME} %M)`,
      });
    } else {
      log(`peak RSS not measured: ${GNU_TIME} is not installed`);
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const onlyArg = args.indexOf('--only');
  const only = new Set(
    onlyArg >= 0 ? (args[onlyArg + 1] ?? '').split(',') : ['report', 'algebra', 'eigen', 'training'],
  );
  if (args.includes('--skip-report')) only.delete('report');
  const mdArg = args.indexOf('--markdown');
  const log = (line: string): void => console.log(line);
  log(`claimcheck benchmarks — ${machineLine()}`);
  log(`data: ${MNIST_DIR}\n`);
  const rows: BenchRow[] = [];
  if (only.has('report')) rows.push(...reportRows(log));
  if (only.has('algebra')) {
    log('\nalgebraic claims, ours and the SymPy peer…');
    rows.push(...(await algebraRows()));
  }
  const model = only.has('eigen') || only.has('training') ? benchModel() : undefined;
  if (model !== undefined) log(`\nmodel: ${model.description}`);
  if (only.has('eigen') && model !== undefined) {
    log('\neigenvalues, ours and numpy…');
    rows.push(...eigenRows(model));
  }
  if (only.has('training') && model !== undefined) {
    log('\ntraining cells, ours and PyTorch; the gradient pass…');
    rows.push(...(await trainingRows()), gradientPassRow());
  }
  const table = formatTable(rows);
  const notes = rows.map((r, i) => `${i + 1}. ${r.task}: ${r.note ?? ''}`).join('\n');
  const missed = rows.filter((r) => judge(r).met === false).map((r) => r.task);
  log(`\n${table}\n\n${notes}\n`);
  log(missed.length === 0 ? 'every goal measured here is met' : `goals not met: ${missed.join('; ')}`);
  if (mdArg >= 0) {
    const file = args[mdArg + 1];
    if (file === undefined) throw new Error('--markdown needs a file name');
    writeFileSync(file, `${machineLine()}\n\n${table}\n\n${notes}\n`);
    log(`wrote ${file}`);
  }
}

await main();
