/**
 * The claimcheck CLI: composes one commander `Command` per file of `src/cli/commands/` and maps errors to exit codes
 * (0: every check ran; 1: a check could not run; 2: bad usage or input).
 */
import { Command } from 'commander';
import { check } from './commands/check.ts';
import { derive } from './commands/derive.ts';
import { diff } from './commands/diff.ts';
import { experiment } from './commands/experiment.ts';
import { list } from './commands/list.ts';
import { report } from './commands/report.ts';
import { exitCodeFor, formatError, EXIT } from './exit.ts';
import { toolVersion } from '../fs/repo.ts';

/** Builds the `claimcheck` program with its subcommands; errors are thrown, never turned into `process.exit`. */
export function buildProgram(): Command {
  const program = new Command('claimcheck')
    .description('machine-check the claims of Yamada et al. (2021) and write an errata report')
    .version(toolVersion().version, '-v, --version', 'print the version')
    .helpCommand('help [command]', 'print help for a command')
    .addHelpText(
      'after',
      '\nExit codes: 0 every check ran, 1 a check could not run, 2 bad usage or input (unknown claim id, bad option value, invalid claim record).',
    );
  for (const command of [list, check, derive, report, diff]) program.addCommand(command);
  program.addCommand(experiment);
  for (const command of [program, ...program.commands]) {
    command
      .helpOption('-h, --help', 'print help')
      .exitOverride()
      .showHelpAfterError(
        `(run ${command === program ? 'claimcheck' : `claimcheck ${command.name()}`} --help for usage)`,
      );
  }
  return program;
}

/** Runs the CLI on `argv` (as `process.argv`) and returns the exit code; errors are printed on stderr. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv]);
    return EXIT.ok;
  } catch (err) {
    process.stderr.write(formatError(err));
    return exitCodeFor(err);
  }
}

process.exitCode = await main(process.argv);
