/**
 * errata.json: the errata document as stable, pretty-printed JSON.
 */
import type { CheckResult } from '../run.ts';
import { buildErrata } from './errata.ts';
import type { ReportProvenance } from './provenance.ts';
import type { ReportSection } from './sections.ts';

/**
 * Serialises any value as JSON with two-space indentation and a final newline. Non-finite numbers become the strings
 * `"NaN"`, `"Infinity"`, `"-Infinity"` and bigints become decimal strings, so no number is silently turned into null.
 */
export function stableJson(value: unknown): string {
  return (
    JSON.stringify(
      value,
      (_key, v: unknown) => {
        if (typeof v === 'bigint') return v.toString();
        if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
        return v;
      },
      2,
    ) + '\n'
  );
}

/**
 * Renders errata.json from check results, the experiments' sections and the run's deterministic provenance (no
 * times, no host details); figures are referenced by file (`figures/<id>.svg`), not inlined.
 */
export function renderErrataJson(
  results: readonly CheckResult[],
  provenance: ReportProvenance,
  sections: readonly ReportSection[] = [],
): string {
  return stableJson(buildErrata(results, provenance, sections));
}
