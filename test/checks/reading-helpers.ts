/**
 * A record's readings narrowed to some of them: the override that decides a claim under one reading alone.
 */
import type { ClaimRecordInput } from '../../src/claims/schema.ts';

interface Readings {
  readonly convention: string;
  readonly question: string;
  readonly readings: readonly { readonly id: string }[];
}

/** `{ readings }` for a parameter override: the record's own readings with only `ids` kept. */
export function onlyReadings(record: ClaimRecordInput, ...ids: string[]): { readonly readings: Readings } {
  const r = (record.params as { readings?: Readings }).readings;
  if (!r) throw new Error(`onlyReadings: record ${record.id} lists no readings`);
  const kept = r.readings.filter((x) => ids.includes(x.id));
  if (kept.length !== ids.length)
    throw new Error(
      `onlyReadings: record ${record.id} has no reading ${ids.find((id) => !kept.some((x) => x.id === id))}`,
    );
  return { readings: { ...r, readings: kept } };
}

/** `{ readings }` for a parameter override: the record's own readings with `id` taken as the literal one. */
export function literalReading(record: ClaimRecordInput, id: string): { readonly readings: Readings } {
  const r = (record.params as { readings?: Readings }).readings;
  if (!r) throw new Error(`literalReading: record ${record.id} lists no readings`);
  if (!r.readings.some((x) => x.id === id)) throw new Error(`literalReading: record ${record.id} has no reading ${id}`);
  return { readings: { ...r, readings: r.readings.map((x) => ({ ...x, literal: x.id === id })) } };
}
