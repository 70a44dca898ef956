/**
 * A few claims whose checks take milliseconds, so CLI tests that run checks stay fast. Falls back to the last claims
 * of the registry if these ids are renamed.
 */
import { runCli } from './run-cli.ts';

const PREFERRED = ['eq12-norm-inequality', 'set-eps-mnist2-l2', 'eq15-limit', 'tab1-gap'];

/** The ids of every claim (`claimcheck list --json`). */
export async function listedIds(): Promise<string[]> {
  const { code, stdout, stderr } = await runCli(['list', '--json']);
  if (code !== 0) throw new Error(`claimcheck list --json exited ${code}: ${stderr}`);
  return (JSON.parse(stdout) as { id: string }[]).map((c) => c.id);
}

/** Up to four fast claim ids present in the registry. */
export function fastIds(ids: readonly string[]): string[] {
  const present = PREFERRED.filter((id) => ids.includes(id));
  return present.length > 0 ? present : ids.slice(-3);
}
