/**
 * `claimcheck report`: checks every claim (or the given ones) and writes errata.md, errata.json and provenance.json
 * atomically.
 */
import { Command } from 'commander';
import { DEFAULT_REPORT_DIR, HELP_DEFAULT_SEED, ReportOptionsSchema, parseOptions } from '../options.ts';
import { asCheckFailure } from '../exit.ts';
import { createProgress } from '../progress.ts';
import { countVerdicts } from '../../report/counts.ts';
import { renderErrataJson, stableJson } from '../../report/json.ts';
import { renderErrataMarkdown } from '../../report/markdown.ts';
import { collectProvenance, collectRunProvenance, engineInfo } from '../../report/provenance.ts';
import { assertWritableDir, writeFilesAtomic } from '../../report/write-atomic.ts';
import { VERDICT_STATUSES } from '../../claims/verdict.ts';

/** The `report` command. */
export const report = new Command('report')
  .description('check claims and write the errata report (default: every claim)')
  .argument('[ids...]', 'claim ids to report on (default: all, in paper order)')
  .option('--out <dir>', `directory to write errata.md, errata.json and provenance.json to (default: ${DEFAULT_REPORT_DIR})`)
  .option('--seed <n>', `seed of every random draw (default: ${HELP_DEFAULT_SEED})`)
  .option('--json', 'print what was written as json (default: a summary line)')
  .option('--quiet', 'show no progress on stderr (default: progress when stderr is a terminal)')
  .action(async (ids: string[], raw: Record<string, unknown>) => {
    const options = parseOptions(ReportOptionsSchema, raw);
    assertWritableDir(options.out);
    const { runChecksParallel, DEFAULT_SEED } = await import('../../run.ts');
    const { defaultEngines } = await import('../../engines/index.ts');
    const seed = options.seed ?? DEFAULT_SEED;
    const startedAt = new Date();
    const progress = createProgress({ stream: process.stderr, enabled: !options.quiet && process.stderr.isTTY === true });
    let results;
    try {
      results = await runChecksParallel(ids, { seed, onProgress: progress.onProgress });
    } catch (err) {
      throw asCheckFailure(err, progress.current);
    } finally {
      progress.finish();
    }
    const provenance = collectProvenance(seed, engineInfo(defaultEngines()), ids);
    const run = collectRunProvenance(
      results.map((r) => ({ id: r.claim.id, millis: r.millis })),
      startedAt,
      new Date(),
      process.argv.slice(2),
    );
    const files = await writeFilesAtomic(options.out, [
      { name: 'errata.md', content: renderErrataMarkdown(results, provenance) },
      { name: 'errata.json', content: renderErrataJson(results, provenance) },
      { name: 'provenance.json', content: stableJson({ report: provenance, run }) },
    ]);
    const counts = countVerdicts(results.map((r) => r.verdict));
    if (options.json) {
      process.stdout.write(stableJson({ out: options.out, files, seed, counts }));
      return;
    }
    const tally = VERDICT_STATUSES.map((s) => `${counts[s]} ${s}`).join(', ');
    process.stdout.write(`wrote ${files.join(', ')}\n${counts.total} claims: ${tally}\nseed: ${seed}\n`);
  });
