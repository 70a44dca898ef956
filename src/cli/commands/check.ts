/**
 * `claimcheck check`: runs the checks of the given claims (all by default), and the experiments they rest on, and
 * prints their verdicts.
 */
import { Command } from 'commander';
import { CheckOptionsSchema, parseOptions } from '../options.ts';
import { DEFAULT_SEED } from '../../settings.ts';
import { addExperimentOptions, experimentRunOptions } from '../experiment-options.ts';
import { asCheckFailure } from '../exit.ts';
import type { PaperProvenance } from '../../paper/paper.ts';
import { addCiOptions, changeTable, finishCiOutputs, prepareCiOutputs, throwIfFailed } from '../ci-outputs.ts';
import { createProgress } from '../progress.ts';
import { stableJson } from '../../fs/json.ts';
import { formatTextTable } from '../../report/text-table.ts';
import { VERDICT_TABLE_HEADERS, verdictRows } from '../../report/verdict-rows.ts';

/** The `check` command. */
export const check = addCiOptions(
  addExperimentOptions(
    new Command('check')
      .description('check claims and print their verdicts (default: every claim)')
      .argument('[ids...]', 'claim ids to check (default: all, in paper order)')
      .option('--seed <n>', `seed of every random draw (default: ${DEFAULT_SEED})`),
  ),
)
  .option('--json', 'print the verdicts as json (default: a table)')
  .option(
    '--quiet',
    'show no progress and no experiment lines on stderr (default: both; the progress line only when stderr is a terminal)',
  )
  .addHelpText(
    'after',
    '\nEvery check runs; experiment results are reused from .claimcheck-cache/ (or $CLAIMCHECK_CACHE_DIR) unless --fresh.',
  )
  .action(async (ids: string[], raw: Record<string, unknown>) => {
    const options = parseOptions(CheckOptionsSchema, raw);
    const { runReport } = await import('../../pipeline/run-report.ts');
    const { defaultCacheDir } = await import('../../fs/cache.ts');
    const seed = options.seed ?? DEFAULT_SEED;
    const baseline = prepareCiOutputs(options);
    const progress = createProgress({
      stream: process.stderr,
      enabled: !options.quiet && process.stderr.isTTY === true,
    });
    let results;
    let paper: PaperProvenance;
    try {
      const run = await runReport({
        ids,
        seed,
        cacheDir: defaultCacheDir(),
        ...(options.paper ? { paper: options.paper } : {}),
        cacheVerdicts: false,
        ...experimentRunOptions(options),
        ...(options.quiet ? {} : { log: (line: string) => progress.log(line) }),
        onProgress: progress.onProgress,
        onWarning: (m) => progress.warn(m),
      });
      results = run.results;
      paper = run.paper;
    } catch (err) {
      throw asCheckFailure(err, progress.current);
    } finally {
      progress.finish();
    }
    const outcome = finishCiOutputs(options, baseline, results, { paper, seed, selected: ids.length > 0 });
    if (options.json) {
      process.stdout.write(
        stableJson({
          seed,
          verdicts: results.map((r) => r.verdict),
          ...(outcome.changes ? { changes: outcome.changes } : {}),
        }),
      );
      throwIfFailed(outcome);
      return;
    }
    const rows = verdictRows(results).map((r) => [r.claim, r.location, r.verdict, r.evidence]);
    process.stdout.write(
      formatTextTable(VERDICT_TABLE_HEADERS, rows, {
        maxWidth: process.stdout.isTTY ? (process.stdout.columns ?? 0) : 0,
      }),
    );
    process.stdout.write(`\nseed: ${seed}\n`);
    if (outcome.changes) process.stdout.write(`\n${changeTable(outcome.changes, options.baseline!)}`);
    throwIfFailed(outcome);
  });
