/**
 * A few claims whose checks take milliseconds, so CLI tests that run checks stay fast. Falls back to the last claims
 * of the registry if these ids are renamed.
 */
import { claimRecords } from '../../proofs/index.ts';

const PREFERRED = ['eq12-norm-inequality', 'set-eps-mnist2-l2', 'eq15-limit', 'tab1-gap'];

/** The ids of every claim record of the registry, in order. */
export function registryIds(): string[] {
  return claimRecords.map((r) => r.id).filter((id): id is string => typeof id === 'string');
}

/** Up to four fast claim ids present in `ids`. */
export function fastIds(ids: readonly string[]): string[] {
  const present = PREFERRED.filter((id) => ids.includes(id));
  return present.length > 0 ? present : ids.slice(-3);
}
