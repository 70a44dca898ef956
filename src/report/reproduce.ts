/**
 * The command line that replays one claim's check.
 */

/**
 * `npx claimcheck check <id> --seed <seed> [flags]`: reproduces the verdict of claim `id` under run seed `seed`;
 * `flags` are the experiment options of a claim that reads measurements (`--setting full --data-dir DIR`) and
 * `--paper FILE` when the run read another paper text than the shipped one.
 */
export function reproduceCommand(id: string, seed: number, flags = ''): string {
  return `npx claimcheck check ${id} --seed ${seed}${flags.trim() ? ` ${flags.trim()}` : ''}`;
}
