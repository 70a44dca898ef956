/**
 * The job a worker process runs for the MNIST2 measurements (`mapInWorkers`): measuring one cell on the training
 * split. A plain function of the cell and the run's resolved options, so it comes out the same in any process.
 */
import type { Dataset } from '../../numeric/dataset.ts';
import {
  type CellMeasurement,
  type CellMeasurementJob,
  measureCell,
  type ResolvedMeasurementOptions,
} from './measurements.ts';
import type { ReplicateCell } from './measurement-schemas.ts';
import { measureReplicateCell, type ReplicateCellJob } from './replicates.ts';

/** Measures one cell on the training split with the run's resolved options. */
export function measureCellJob(
  job: CellMeasurementJob,
  context: { readonly dataset: Dataset; readonly o: ResolvedMeasurementOptions },
): CellMeasurement {
  return measureCell(job, context.dataset, context.o);
}

/** Measures one cell of a replicate lightly on the training split. */
export function measureReplicateCellJob(job: ReplicateCellJob, context: { readonly dataset: Dataset }): ReplicateCell {
  return measureReplicateCell(job, context.dataset);
}
