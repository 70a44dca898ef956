/**
 * `claimcheck derive`: prints the derived form of one claim in LaTeX.
 */
import { Command } from 'commander';
import { asCheckFailure } from '../exit.ts';

/** The `derive` command. */
export const derive = new Command('derive')
  .description('print the derived form of a claim in latex')
  .argument('<id>', 'claim id, e.g. one printed by claimcheck list')
  .action(async (id: string) => {
    const { deriveClaim } = await import('../../run.ts');
    let latex: string;
    try {
      latex = await deriveClaim(id);
    } catch (err) {
      throw asCheckFailure(err, id);
    }
    process.stdout.write(`${latex.trim()}\n`);
  });
