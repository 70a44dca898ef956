/**
 * The MNIST2 jobs that worker processes run (`mapInWorkers`): training one cell of the sweep and measuring one cell.
 * Each is a plain function of its job and the shared context, so a cell comes out the same in any process.
 */
import type { Dataset } from '../../numeric/dataset.ts';
import type { Mnist2Data } from './data.ts';
import {
  type CellMeasurement,
  type CellMeasurementJob,
  measureCell,
  type ResolvedMeasurementOptions,
} from './measurements.ts';
import type { Mnist2Cell } from './results.ts';
import { computeMnist2Cell, type Mnist2PlannedCell } from './sweep.ts';

/** Trains and evaluates one planned cell on the sweep's splits. */
export function trainCellJob(planned: Mnist2PlannedCell, data: Pick<Mnist2Data, 'train' | 'test'>): Mnist2Cell {
  return computeMnist2Cell(planned, data);
}

/** Measures one cell on the training split with the run's resolved options. */
export function measureCellJob(
  job: CellMeasurementJob,
  context: { readonly dataset: Dataset; readonly o: ResolvedMeasurementOptions },
): CellMeasurement {
  return measureCell(job, context.dataset, context.o);
}
