/**
 * Merged ResNet results (`experiment-resnet merge` output) as a measurement provider that only reads them. The
 * report's `CheckContext.measurements.resnet` does not come from here but from `resnetExperiment` (`experiment.ts`),
 * which runs the sweep itself when `--cifar-dir` / `--svhn-dir` are given (the tiny CPU setting with `--setting ci`)
 * and otherwise reads the merged results at `DEFAULT_RESNET_RESULTS`, as `resnetMeasurements` does. With no results
 * file both resolve to null, which the `resnet-trend` checker reports as `inconclusive` naming `RESNET_MEASURE_COMMAND`.
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
