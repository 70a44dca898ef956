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
import { formatLocation } from '../../report/location.ts';
import { countVerdicts } from '../../report/counts.ts';
import { paletteFor } from '../colour.ts';
import { claimLine, formatClaimLine, formatLoadingLine, formatSummaryLine, paintStatus } from '../claim-lines.ts';

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
    'print nothing on stderr but warnings and errors (default: a line per claim, experiment lines and a summary; the progress line only when stderr is a terminal)',
  )
  .addHelpText(
    'after',
    '\nEvery check runs; experiment results are reused from .claimcheck-cache/ (or $CLAIMCHECK_CACHE_DIR) unless --fresh.\nColours on a terminal; NO_COLOR=1 turns them off, FORCE_COLOR=1 on.',
  )
  .action(async (ids: string[], raw: Record<string, unknown>) => {
    const options = parseOptions(CheckOptionsSchema, raw);
    const seed = options.seed ?? DEFAULT_SEED;
    const baseline = prepareCiOutputs(options);
    const err = paletteFor(process.stderr);
    // Said before the heavy imports (the claim records, the checkers, the engines), which take seconds.
    if (!options.quiet) process.stderr.write(`${formatLoadingLine(ids, err)}\n`);
    const { runReport } = await import('../../pipeline/run-report.ts');
    const { defaultCacheDir } = await import('../../fs/cache.ts');
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
        ...(options.quiet
          ? {}
          : {
              log: (line: string) => progress.log(line),
              onResult: (r) => progress.log(formatClaimLine(claimLine(r), err)),
            }),
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
    // The summary ends what the run printed: after the table, so it is the last line on a terminal.
    const summary = (): void => {
      if (options.quiet) return;
      const counts = countVerdicts(results.map((r) => r.verdict));
      process.stderr.write(`${formatSummaryLine(counts, performance.now(), err)}\n`);
    };
    if (options.json) {
      process.stdout.write(
        stableJson({
          seed,
          // Each verdict with its claim's title and location (structured, and as the tables print it).
          verdicts: results.map((r) => ({
            ...r.verdict,
            title: r.claim.title,
            location: r.claim.location,
            locationText: formatLocation(r.claim.location),
          })),
          ...(outcome.changes ? { changes: outcome.changes } : {}),
        }),
      );
      summary();
      throwIfFailed(outcome);
      return;
    }
    const rows = verdictRows(results).map((r) => [r.claim, r.location, r.verdict, r.evidence]);
    const out = paletteFor(process.stdout);
    process.stdout.write(
      formatTextTable(VERDICT_TABLE_HEADERS, rows, {
        maxWidth: process.stdout.isTTY ? (process.stdout.columns ?? 0) : 0,
        style: (text, row, column) => (column === 2 ? paintStatus(out, results[row]!.verdict.status, text) : text),
      }),
    );
    process.stdout.write(`\nseed: ${seed}\n`);
    if (outcome.changes) process.stdout.write(`\n${changeTable(outcome.changes, options.baseline!)}`);
    summary();
    throwIfFailed(outcome);
  });
