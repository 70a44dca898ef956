/**
 * errata.json: the errata document as stable, pretty-printed JSON.
 */
import type { CheckResult } from '../claims/loaded.ts';
import { stableJson } from '../fs/json.ts';
import { buildErrata } from './errata.ts';
import type { ReportProvenance } from './provenance.ts';
import type { ReportSection } from '../experiments/section.ts';

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
