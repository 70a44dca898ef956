/**
 * `claimcheck derive`: prints the derived form of one claim in LaTeX.
 */
import { Command } from 'commander';
import { asCheckFailure } from '../exit.ts';
import { DeriveOptionsSchema, parseOptions } from '../options.ts';
import { stableJson } from '../../fs/json.ts';

/** The `derive` command. */
export const derive = new Command('derive')
  .description('print the derived form of a claim in latex')
  .argument('<id>', 'claim id, e.g. one printed by claimcheck list')
  .option('--json', 'print { id, latex } as json (default: the latex alone)')
  .option('--paper <file>', 'the paper text to read the formula from (default: the shipped paper text)')
  .action(async (id: string, raw: Record<string, unknown>) => {
    const options = parseOptions(DeriveOptionsSchema, raw);
    const { deriveClaim } = await import('../../pipeline/run.ts');
    let latex: string;
    try {
      latex = await deriveClaim(id, options.paper ? { paper: options.paper } : {});
    } catch (err) {
      throw asCheckFailure(err, id);
    }
    process.stdout.write(options.json ? stableJson({ id, latex: latex.trim() }) : `${latex.trim()}\n`);
  });
