/**
 * The command line that replays one claim's check.
 */

/** `npx claimcheck check <id> --seed <seed>`: reproduces the verdict of claim `id` under run seed `seed`. */
export function reproduceCommand(id: string, seed: number): string {
  return `npx claimcheck check ${id} --seed ${seed}`;
}
