/**
 * The job a worker process runs for the MNIST2 sweep (`mapInWorkers`): training and evaluating one cell. A plain
 * function of the cell and the splits, so a cell comes out the same in any process.
 */
import type { Mnist2Data } from './data.ts';
import type { Mnist2Cell } from './results.ts';
import { computeMnist2Cell, type Mnist2PlannedCell } from './sweep.ts';

/** Trains and evaluates one planned cell on the sweep's splits. */
export function trainCellJob(planned: Mnist2PlannedCell, data: Pick<Mnist2Data, 'train' | 'test'>): Mnist2Cell {
  return computeMnist2Cell(planned, data);
}
