/**
 * `claimcheck report`: checks `--out` first (a real probe; leftovers of killed runs cleaned; refused if it holds
 * files a report does not write), runs the experiments the claims rest on, checks the claims (reusing cached results
 * unless `--fresh`) and swaps in errata.md, errata.json, errata.html, provenance.json and the figures as one set.
 */
import { Command } from 'commander';
import { DEFAULT_REPORT_DIR, ReportOptionsSchema, parseOptions } from '../options.ts';
import { DEFAULT_SEED } from '../../settings.ts';
import { addExperimentOptions, backendOf, experimentRunOptions, reproduceFlags } from '../experiment-options.ts';
import { asCheckFailure } from '../exit.ts';
import { addCiOptions, changeTable, finishCiOutputs, prepareCiOutputs, throwIfFailed } from '../ci-outputs.ts';
import { createProgress } from '../progress.ts';
import { countVerdicts } from '../../report/counts.ts';
import { stableJson } from '../../fs/json.ts';
import { prepareOutputDir, writeFilesAtomic } from '../../fs/write-dir-atomic.ts';
import { writeStageHook } from '../test-hooks.ts';
import { VERDICT_STATUSES } from '../../claims/verdict.ts';
import { isReportEntry } from '../../report/report-entry.ts';
import { paletteFor } from '../colour.ts';
import { claimLine, formatClaimLine, formatLoadingLine } from '../claim-lines.ts';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The `report` command. */
export const report = addCiOptions(
  addExperimentOptions(
    new Command('report')
      .description('check claims, run the experiments they rest on and write the errata report (default: every claim)')
      .argument('[ids...]', 'claim ids to report on (default: all, in paper order, and every experiment)')
      .option(
        '--out <dir>',
        `directory to write errata.md, errata.json, errata.html, provenance.json and figures/ to (default: ${DEFAULT_REPORT_DIR})`,
      )
      .option('--seed <n>', `seed of every random draw (default: ${DEFAULT_SEED})`),
  ),
)
  .option('--json', 'print what was written as json (default: a summary)')
  .option(
    '--quiet',
    'print nothing on stderr but warnings and errors (default: a line per claim and experiment lines; the progress line only when stderr is a terminal)',
  )
  .addHelpText(
    'after',
    '\nResults are cached in .claimcheck-cache/ (or $CLAIMCHECK_CACHE_DIR), keyed by a hash of the claim, the options and the code; --fresh recomputes them.\nColours on a terminal; NO_COLOR=1 turns them off, FORCE_COLOR=1 on.',
  )
  .action(async (ids: string[], raw: Record<string, unknown>) => {
    const options = parseOptions(ReportOptionsSchema, raw);
    const onStage = writeStageHook();
    prepareOutputDir(options.out, { replaces: isReportEntry });
    const baseline = prepareCiOutputs(options);
    const err = paletteFor(process.stderr);
    // Said once --out and the CI inputs are known to be usable, before the heavy imports, which take seconds.
    if (!options.quiet) process.stderr.write(`${formatLoadingLine(ids, err)}\n`);
    const { reportFiles, figurePngFiles } = await import('../../report/files.ts');
    const { defaultEngines } = await import('../../engines/index.ts');
    const { runReport } = await import('../../pipeline/run-report.ts');
    const { defaultCacheDir } = await import('../../fs/cache.ts');
    const { CODE_VERSION_ENV_VAR } = await import('../../fs/code-version.ts');
    const pinnedCode = process.env[CODE_VERSION_ENV_VAR]?.trim();
    const { collectProvenance, collectRunProvenance, engineInfo } = await import('../../pipeline/provenance.ts');
    const seed = options.seed ?? DEFAULT_SEED;
    const backend = backendOf(options);
    const cacheDir = defaultCacheDir();
    const startedAt = new Date();
    const progress = createProgress({
      stream: process.stderr,
      enabled: !options.quiet && process.stderr.isTTY === true,
    });
    let run;
    try {
      run = await runReport({
        ids,
        seed,
        cacheDir,
        ...(options.paper ? { paper: options.paper } : {}),
        ...(pinnedCode ? { codeVersion: pinnedCode } : {}),
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
    } catch (err) {
      throw asCheckFailure(err, progress.current);
    } finally {
      progress.finish();
    }
    const ranExperiments = run.experiments.some((e) => e.status !== 'not-run');
    const provenance = collectProvenance(
      seed,
      engineInfo(defaultEngines()),
      run.paper,
      // The claims asked for as selected (each once), or none for every claim.
      ids.length === 0 ? [] : run.results.map((r) => r.claim.id),
      ranExperiments
        ? { setting: options.setting, backend, claims: run.experimentClaims, flags: reproduceFlags(options) }
        : undefined,
    );
    const runProvenance = collectRunProvenance(
      run.results.map((r) => ({ id: r.claim.id, millis: r.millis, cached: run.cached.includes(r.claim.id) })),
      startedAt,
      new Date(),
      process.argv.slice(2),
      {
        experiments: run.experiments,
        options: {
          dataDir: options.dataDir ?? null,
          cifarDir: options.cifarDir ?? null,
          svhnDir: options.svhnDir ?? null,
          cacheDir,
          fresh: options.fresh,
        },
      },
    );
    const { files, mathFailures } = reportFiles(run.results, provenance, run.sections, runProvenance);
    const written = await writeFilesAtomic(options.out, [...files, ...(await figurePngFiles(run.sections))], {
      replaces: isReportEntry,
      onStage,
    });
    for (const f of mathFailures) {
      process.stderr.write(`warning: claim ${f.claim} (${f.role}): KaTeX could not render the formula: ${f.message}\n`);
    }
    const outcome = finishCiOutputs(options, baseline, run.results, {
      paper: run.paper,
      seed,
      selected: ids.length > 0,
    });
    const counts = countVerdicts(run.results.map((r) => r.verdict));
    const figures = run.sections.reduce((n, s) => n + s.figures.length, 0);
    // errata.html as a link a terminal can open: absolute, percent-encoded.
    const errataUrl = pathToFileURL(resolve(options.out, 'errata.html')).href;
    if (options.json) {
      process.stdout.write(
        stableJson({
          out: options.out,
          errataUrl,
          files: written,
          seed,
          counts,
          cache: { dir: cacheDir, reused: run.cached.length, checked: run.results.length - run.cached.length },
          experiments: run.experiments.map((e) => ({ id: e.id, status: e.status })),
          mathFailures,
          ...(outcome.changes ? { changes: outcome.changes } : {}),
        }),
      );
      throwIfFailed(outcome);
      return;
    }
    const tally = VERDICT_STATUSES.map((s) => `${counts[s]} ${s}`).join(', ');
    const lines = [
      `wrote ${written.slice(0, 4).join(', ')}${figures > 0 ? ` and ${figures} figure${figures === 1 ? '' : 's'}` : ''}`,
      `${counts.total} claims: ${tally}`,
      `cache: ${run.cached.length} verdicts reused, ${run.results.length - run.cached.length} checked (${cacheDir})`,
    ];
    if (run.experiments.length > 0)
      lines.push(`experiments: ${run.experiments.map((e) => `${e.id} ${e.status}`).join(', ')}`);
    lines.push(`seed: ${seed}`);
    process.stdout.write(`${lines.join('\n')}\n`);
    if (outcome.changes) process.stdout.write(changeTable(outcome.changes, options.baseline!));
    process.stdout.write(`open ${errataUrl}\n`);
    throwIfFailed(outcome);
  });
