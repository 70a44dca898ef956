/**
 * `claimcheck experiment`: the paper's experiments, one subcommand each, with the same option schemas
 * (`--setting`, `--seed`, `--out`, `--json`, `--quiet`): `mnist2` (§5.1, Tables 1–4) and `resnet18` (§5.2, Fig. 4,
 * Tables 5–6; `run` shards and `merge` their results).
 */
import { Command } from 'commander';
import { mnist2 } from './experiment-mnist2.ts';
import { resnet18 } from './experiment-resnet18.ts';

/** The `experiment` command: `claimcheck experiment mnist2 …`, `claimcheck experiment resnet18 run|merge …`. */
export const experiment = new Command('experiment')
  .description(
    'run an experiment of the paper (mnist2: section 5.1, tables 1–4; resnet18: section 5.2, fig. 4, tables 5–6)',
  )
  .helpCommand('help [command]', 'print help for a command')
  .addCommand(mnist2)
  .addCommand(resnet18);

// Every command below `experiment` prints its own help on -h and after a usage error, and throws instead of exiting.
for (const command of [mnist2, resnet18, ...resnet18.commands]) {
  const path = command.parent === resnet18 ? `experiment resnet18 ${command.name()}` : `experiment ${command.name()}`;
  command
    .helpOption('-h, --help', 'print help')
    .exitOverride()
    .showHelpAfterError(`(run claimcheck ${path} --help for usage)`);
}
