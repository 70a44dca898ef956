/**
 * The training split a sweep's cells were trained on, reloaded from the files its results name (keeping the first
 * `trainCount` images when the sweep used a subset): what the Fig. 3 / landscape measurements, the report section and
 * the empirical checkers evaluate the Hessians and landscapes on. Cached per file set.
 */
import { ClaimcheckError } from '../../errors.ts';
import type { Dataset } from '../../numeric/dataset.ts';
import { loadMnist2 } from './data.ts';
import type { Mnist2DataProvenance } from './results.ts';

/** Loads the training split of a sweep from its data provenance. */
export type Mnist2DatasetLoader = (data: Mnist2DataProvenance) => Dataset | Promise<Dataset>;

const datasetCache = new Map<string, Dataset>();

/** The default loader; checks the image count against the results and names the command that re-measures. */
export const loadSweepTrainSplit: Mnist2DatasetLoader = (data) => {
  const limit = data.subset !== undefined ? data.trainCount : undefined;
  const key = JSON.stringify([data.trainImages, data.trainLabels, data.testImages, data.testLabels, limit ?? null]);
  const hit = datasetCache.get(key);
  if (hit !== undefined) return hit;
  const loaded = loadMnist2({
    files: { trainImages: data.trainImages, trainLabels: data.trainLabels, testImages: data.testImages, testLabels: data.testLabels },
    ...(limit !== undefined ? { trainLimit: limit } : {}),
  });
  if (loaded.train.n !== data.trainCount) {
    throw new ClaimcheckError(
      'BAD_INPUT',
      `loadSweepTrainSplit: ${data.trainImages} gives ${loaded.train.n} MNIST2 training images, but the results say ${data.trainCount}`,
      're-run npx claimcheck experiment mnist2 on these files',
    );
  }
  datasetCache.set(key, loaded.train);
  return loaded.train;
};
