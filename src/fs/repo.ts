/** Where the repository lies on this machine, for the modules that hash its code or find its default files. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (where package.json lives): two levels above this file. */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
