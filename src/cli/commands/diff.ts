/**
 * `claimcheck diff OLD.json NEW.json`: the claims whose verdict, witness or printed formula differ between two
 * errata.json files (two paper versions, two code versions, two seeds).
 */
import { Command } from 'commander';
import { DiffOptionsSchema, parseOptions } from '../options.ts';
import { changeTable, readErrata, throwIfFailed } from '../ci-outputs.ts';
import { compareClaims, failOnReason } from '../../report/compare.ts';
import { stableJson } from '../../fs/json.ts';

/** The `diff` command. */
export const diff = new Command('diff')
  .description('list the claims whose verdict, witness or printed formula differ between two errata.json files')
  .argument('<old>', 'errata.json of the earlier run')
  .argument('<new>', 'errata.json of the later run')
  .option('--json', 'print { changes } as json (default: a table)')
  .option(
    '--fail-on <what>',
    'exit 3 when refuted (a claim of NEW is refuted) or changed (any claim differs) (default: never)',
  )
  .action((oldFile: string, newFile: string, raw: Record<string, unknown>) => {
    const options = parseOptions(DiffOptionsSchema, raw);
    const before = readErrata(oldFile, 'OLD');
    const after = readErrata(newFile, 'NEW');
    const changes = compareClaims(before, after);
    process.stdout.write(options.json ? stableJson({ changes }) : changeTable(changes, oldFile));
    throwIfFailed({ changes, failure: failOnReason(options.failOn, after, changes) });
  });
