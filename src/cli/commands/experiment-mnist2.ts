/**
 * `claimcheck experiment mnist2`: the MNIST2 sweep of the paper's §5.1 (Tables 1–4): trains the logistic model for each
 * norm, noise and ε, measures robust accuracy and the PGD audit, prints the tables beside the paper's values (or
 * JSON), and writes every cell (cache, resumable) and the results under `--out`.
 */
import { Command } from 'commander';
import { join } from 'node:path';
import { z } from 'zod';
import { DirOptionSchema, outDirOption, SeedOptionSchema, SettingOptionSchema, parseOptions } from '../options.ts';
import { DEFAULT_SEED } from '../../settings.ts';

/** Default output directory of `experiment mnist2`. */
export const DEFAULT_EXPERIMENT_DIR = 'out/experiments';

const NORMS = 'l2, linf or a comma-separated list of them';
const NOISES = 'pgd, random, exact, standard or a comma-separated list of them';
const EPS =
  'a comma-separated list of ε in [0, 1] pixel units, each a decimal or a fraction (e.g. 0,0.2,1 or 0,8/255,16/255)';

const listOf = <T extends string>(allowed: readonly T[], message: string) =>
  z
    .string()
    .trim()
    .transform((s) => s.split(',').map((x) => x.trim()))
    .refine((xs) => xs.length > 0 && xs.every((x) => (allowed as readonly string[]).includes(x)), message)
    .transform((xs) => [...new Set(xs)] as T[]);

const epsItem = (s: string): number => {
  const m = /^(\d+(?:\.\d+)?)(?:\/(\d+(?:\.\d+)?))?$/.exec(s);
  if (m === null) return Number.NaN;
  return m[2] === undefined ? Number(m[1]) : Number(m[1]) / Number(m[2]);
};

/** Options of `claimcheck experiment mnist2`, validated at the boundary. */
export const Mnist2OptionsSchema = z
  .object({
    norm: listOf(['l2', 'linf'] as const, NORMS).optional(),
    noise: listOf(['pgd', 'random', 'exact', 'standard'] as const, NOISES).optional(),
    eps: z
      .string()
      .trim()
      .transform((s) => s.split(',').map((x) => epsItem(x.trim())))
      .refine((xs) => xs.every((x) => Number.isFinite(x) && x >= 0 && x <= 1), EPS)
      .optional(),
    setting: SettingOptionSchema,
    dataDir: DirOptionSchema.optional(),
    out: outDirOption(DEFAULT_EXPERIMENT_DIR),
    seed: SeedOptionSchema.optional(),
    json: z.boolean().default(false),
    quiet: z.boolean().default(false),
  })
  .strict();

function seconds(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

export const mnist2 = new Command('mnist2')
  .description('train and evaluate the mnist2 logistic models of tables 1–4 (cells cached and resumable under --out)')
  .option('--norm <list>', 'l2, linf or both as l2,linf (default: both)')
  .option(
    '--noise <list>',
    "pgd, random, exact or standard, or a list; ε = 0 is always standard training (default: the setting's: pgd,random as tables 1–4; ci adds exact)",
  )
  .option(
    '--eps <list>',
    "ε values in [0, 1] pixel units, e.g. 0,0.2,1 or 0,8/255 (default: the paper's grid of each norm)",
  )
  .option(
    '--setting <name>',
    "ci (300/200 images, seconds) or full (the paper's settings on the given data) (default: full)",
  )
  .option(
    '--data-dir <dir>',
    'directory of the mnist idx files, e.g. the full official ones (default: ../shared/data/mnist)',
  )
  .option(
    '--out <dir>',
    `directory for the cell cache (mnist2/<hash>.json) and mnist2-<setting>.json (default: ${DEFAULT_EXPERIMENT_DIR})`,
  )
  .option('--seed <n>', `seed of every random draw (default: ${DEFAULT_SEED})`)
  .option('--json', 'print the results (without weights) as json (default: tables)')
  .option('--quiet', 'show no progress on stderr (default: progress when stderr is a terminal)')
  .action(async (raw: Record<string, unknown>) => {
    const options = parseOptions(Mnist2OptionsSchema, raw);
    const { assertWritableDir } = await import('../../fs/write-dir-atomic.ts');
    assertWritableDir(options.out, 'the experiment results');
    const { runMnist2Sweep } = await import('../../experiments/mnist2/sweep.ts');
    const { writeFileAtomicSync } = await import('../../fs/write-file-atomic-sync.ts');
    const { mnist2Tables } = await import('../../experiments/mnist2/tables.ts');
    const { formatTextTable } = await import('../../report/text-table.ts');
    const { stableJson } = await import('../../fs/json.ts');
    // Without --noise the setting's training modes run (full: pgd and random, as Tables 1–4; ci adds exact).
    const noises = options.noise;
    const trainings = noises?.filter((n): n is 'pgd' | 'random' | 'exact' => n !== 'standard');
    const eps = options.eps ?? (noises !== undefined && trainings!.length === 0 ? [0] : undefined);
    const progressOn = !options.quiet && process.stderr.isTTY === true;
    let drawn = false;
    const { defaultWorkers } = await import('../../workers/pool.ts');
    const results = await runMnist2Sweep({
      setting: options.setting,
      // Cells missing from the cache are trained side by side, one process per core.
      workers: defaultWorkers(),
      ...(options.norm !== undefined ? { norms: options.norm } : {}),
      ...(trainings !== undefined ? { trainings } : {}),
      ...(eps !== undefined ? { eps } : {}),
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
      ...(options.dataDir !== undefined ? { dataDir: options.dataDir } : {}),
      cacheDir: options.out,
      warn: (message) => {
        if (drawn) process.stderr.write('\r\x1b[2K');
        process.stderr.write(`warning: ${message}\n`);
      },
      onProgress: (e) => {
        if (!progressOn) return;
        const width = Math.max(20, (process.stderr.columns ?? 80) - 1);
        const eta = e.etaMillis === undefined ? '…' : seconds(e.etaMillis);
        const line = `mnist2 ${Math.min(e.index + 1, e.total)}/${e.total} ${e.cell}${e.cached ? ' (cached)' : ''} · ${seconds(e.elapsedMillis)} elapsed · ETA ${eta}`;
        process.stderr.write(`\r\x1b[2K${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
        drawn = true;
      },
    });
    if (drawn) process.stderr.write('\r\x1b[2K');
    const file = join(options.out, `mnist2-${options.setting}.json`);
    writeFileAtomicSync(file, stableJson(results));
    if (options.json) {
      const cells = results.cells.map(({ w: _w, ...rest }) => rest);
      process.stdout.write(
        stableJson({
          resultsFile: file,
          setting: results.setting,
          seed: results.seed,
          data: results.data,
          backend: results.backend,
          cells,
        }),
      );
      return;
    }
    const maxWidth = process.stdout.isTTY ? (process.stdout.columns ?? 0) : 0;
    const chunks: string[] = [];
    for (const table of mnist2Tables(results)) {
      if (table.rows.length === 0) continue;
      chunks.push(
        `${table.title}\n${table.caption ?? ''}\n\n${formatTextTable(table.columns, table.rows, { maxWidth })}`,
      );
    }
    process.stdout.write(`${chunks.join('\n')}\nresults: ${file}\nseed: ${results.seed}\n`);
  });
