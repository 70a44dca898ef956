/** Where the repository lies on this machine, for the modules that hash its code or find its default files. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (where package.json lives): two levels above this file. */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The JSON object in the file at `path`, or null when it cannot be read or parsed. */
export function readJson(path: string): Record<string, unknown> | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** The `name` and `version` of claimcheck, read from its package.json. */
export function toolVersion(): { readonly name: string; readonly version: string } {
  const pkg = readJson(join(REPO_ROOT, 'package.json'));
  return {
    name: typeof pkg?.name === 'string' ? pkg.name : 'claimcheck',
    version: typeof pkg?.version === 'string' ? pkg.version : '0.0.0',
  };
}
