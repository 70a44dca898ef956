/**
 * `claimcheck list`: every claim of the registry with its id, location, kind and title.
 */
import { Command } from 'commander';
import { ListOptionsSchema, parseOptions } from '../options.ts';
import { formatLocation } from '../../report/location.ts';
import { stableJson } from '../../fs/json.ts';
import { formatTextTable } from '../../report/text-table.ts';
import { TRANSCRIBED_MARK } from '../../report/verdict-rows.ts';

/** Width `list` fits its table to: the terminal's, or 100 columns when stdout is not a terminal (`--json` has it all). */
export const LIST_WIDTH = 100;

function listWidth(stream: { readonly isTTY?: boolean; readonly columns?: number }): number {
  return stream.isTTY && stream.columns !== undefined && stream.columns > 0 ? stream.columns : LIST_WIDTH;
}

/** The `list` command. */
export const list = new Command('list')
  .description('list every claim: id, location, kind and title (cut to fit the terminal, or 100 columns)')
  .option('--json', 'print json instead of a table (default: table)')
  .option('--paper <file>', 'the paper text to read the claims from (default: the shipped paper text)')
  .action(async (raw: Record<string, unknown>) => {
    const options = parseOptions(ListOptionsSchema, raw);
    const { allClaims } = await import('../../pipeline/run.ts');
    const claims = allClaims(options.paper);
    if (options.json) {
      const rows = claims.map((c) => ({
        id: c.id,
        location: c.location,
        locationText: formatLocation(c.location),
        kind: c.kind,
        title: c.title,
        transcribed: c.transcribed,
        notInPaper: c.notInPaper,
      }));
      process.stdout.write(stableJson(rows));
      return;
    }
    const rows = claims.map((c) => [
      c.transcribed ? `${c.id} ${TRANSCRIBED_MARK}` : c.id,
      formatLocation(c.location),
      c.kind,
      c.notInPaper.length > 0 ? `${c.title} (not in this version of the paper)` : c.title,
    ]);
    process.stdout.write(
      formatTextTable(['claim', 'location', 'kind', 'title'], rows, {
        maxWidth: listWidth(process.stdout),
        // Titles are cut first, to what still names the claim, then kinds and locations; ids never, since they are
        // what a user copies.
        shrink: [
          { column: 3, min: 30 },
          { column: 2, min: 12 },
          { column: 1, min: 14 },
        ],
      }),
    );
  });
