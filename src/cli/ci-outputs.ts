/**
 * The CI options `check` and `report` share: `--baseline FILE` (an errata.json to compare with), `--fail-on
 * refuted|changed` (exit 3 when it holds, after everything is written), `--junit FILE` and `--sarif FILE`. Inputs and
 * output locations are checked before any work; the files are written atomically after it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { ClaimcheckError } from '../errors.ts';
import { writeFileAtomicSync } from '../fs/write-file-atomic-sync.ts';
import { readFailure } from '../fs/read-failure.ts';
import type { PaperProvenance } from '../paper/paper.ts';
import { renderJunit, renderSarif } from '../report/ci-formats.ts';
import {
  CHANGE_TABLE_HEADERS,
  changeRows,
  compareClaims,
  comparableFromErrata,
  comparableFromResults,
  failOnReason,
  FAIL_ON,
  type ClaimChange,
  type ComparableClaim,
  type FailOn,
} from '../report/compare.ts';
import { toolVersion } from '../fs/repo.ts';
import { formatTextTable } from '../report/text-table.ts';
import { assertWritableDir } from '../fs/write-dir-atomic.ts';
import type { CheckResult } from '../claims/loaded.ts';

/** The validated CI flags. */
export interface CiFlags {
  readonly baseline?: string;
  readonly failOn?: FailOn;
  readonly junit?: string;
  readonly sarif?: string;
}

/** Adds `--baseline`, `--fail-on`, `--junit` and `--sarif` to `command`. */
export function addCiOptions(command: Command): Command {
  return command
    .option(
      '--baseline <file>',
      'an errata.json of an earlier run: list the claims whose verdict, witness or printed formula changed',
    )
    .option(
      '--fail-on <what>',
      `exit 3 when ${FAIL_ON.join(' or ')}: any claim is refuted, or any claim changed against --baseline (default: never)`,
    )
    .option(
      '--junit <file>',
      'also write the verdicts as JUnit XML: one test case per claim, refuted = failure, holds-under = skipped',
    )
    .option(
      '--sarif <file>',
      'also write the refuted and holds-under claims as SARIF 2.1.0, located in the paper text',
    );
}

/** Reads an errata.json given as `option` (`BAD_INPUT` naming it when it cannot be read or is not one). */
export function readErrata(file: string, option: string): ComparableClaim[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ClaimcheckError('BAD_INPUT', `${option} ${file}: ${readFailure(err)}`);
  }
  return comparableFromErrata(text, `${option} ${file}`);
}

/** Checks the CI inputs and output locations before any work; returns the baseline's claims, if any. */
export function prepareCiOutputs(flags: CiFlags): ComparableClaim[] | null {
  if (flags.failOn === 'changed' && flags.baseline === undefined) {
    throw new ClaimcheckError('BAD_INPUT', '--fail-on changed needs --baseline FILE (an errata.json to compare with)');
  }
  const baseline = flags.baseline === undefined ? null : readErrata(flags.baseline, '--baseline');
  for (const [option, file] of [
    ['--junit', flags.junit],
    ['--sarif', flags.sarif],
  ] as const) {
    if (file === undefined) continue;
    if (existsSync(file) && !statSync(file).isFile())
      throw new ClaimcheckError(
        'BAD_INPUT',
        `${option} ${file}: exists and is not a regular file`,
        `give ${option} the name of a file to write`,
      );
    assertWritableDir(
      dirname(file),
      `the ${option === '--junit' ? 'JUnit' : 'SARIF'} file ${file}`,
      `give ${option} a file in a directory you can write to`,
    );
  }
  return baseline;
}

/** What the CI options produced: the changes against the baseline (null without one). */
export interface CiOutcome {
  readonly changes: readonly ClaimChange[] | null;
  /** Why `--fail-on` holds, or undefined. */
  readonly failure: string | undefined;
}

/** Writes the JUnit and SARIF files and compares with the baseline; does not exit (see `throwIfFailed`). */
export function finishCiOutputs(
  flags: CiFlags,
  baseline: ComparableClaim[] | null,
  results: readonly CheckResult[],
  run: { readonly paper: PaperProvenance; readonly seed: number; readonly selected: boolean },
): CiOutcome {
  const ci = { tool: toolVersion(), paper: run.paper, seed: run.seed, finishedAt: new Date(), hostname: hostname() };
  if (flags.junit !== undefined) writeFileAtomicSync(flags.junit, renderJunit(results, ci));
  if (flags.sarif !== undefined) writeFileAtomicSync(flags.sarif, renderSarif(results, ci));
  const current = comparableFromResults(results);
  // A run of selected claims is compared on those claims: the others were not run, not removed.
  const ids = new Set(current.map((c) => c.id));
  const base = baseline === null ? null : run.selected ? baseline.filter((c) => ids.has(c.id)) : baseline;
  const changes = base === null ? null : compareClaims(base, current);
  return { changes, failure: failOnReason(flags.failOn, current, changes) };
}

/** The change table for a terminal, or a line saying there is none. */
export function changeTable(changes: readonly ClaimChange[], against: string): string {
  if (changes.length === 0) return `no claim changed against ${against}\n`;
  return `changed against ${against}:\n${formatTextTable([...CHANGE_TABLE_HEADERS], changeRows(changes), { maxWidth: process.stdout.isTTY ? (process.stdout.columns ?? 0) : 0 })}`;
}

/** Ends the command with exit 3 (`FAIL_ON`) when `--fail-on` holds; everything has been written by then. */
export function throwIfFailed(outcome: CiOutcome): void {
  if (outcome.failure !== undefined) {
    throw new ClaimcheckError('FAIL_ON', outcome.failure, 'every output was written; exit code 3 is --fail-on');
  }
}
