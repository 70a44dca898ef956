/**
 * The ResNet companion as a measurement provider for claim checkers (`CheckContext.measurements.resnet`): it reads
 * merged results (`experiment-resnet merge` output) and never trains, since the full sweep needs a GPU and hours.
 * With no results file it resolves to null, which a checker reports as `inconclusive` naming `RESNET_MEASURE_COMMAND`.
 */
import { existsSync } from 'node:fs';
import type { MeasurementProvider } from '../../claims/checker.ts';
import { readResNetResults, type ResNetResults } from './results.ts';

/** The default location of merged results (`experiment-resnet merge --out out/resnet`). */
export const DEFAULT_RESNET_RESULTS = 'out/resnet/results.json';

/**
 * A provider that resolves to the merged results in `file` (validated by `readResNetResults`), or to null when the file
 * does not exist. Reads the file once.
 */
export function resnetMeasurements(file: string = DEFAULT_RESNET_RESULTS): MeasurementProvider {
  let cached: Promise<ResNetResults | null> | undefined;
  return () => {
    cached ??= Promise.resolve().then(() => (existsSync(file) ? readResNetResults(file) : null));
    return cached;
  };
}
