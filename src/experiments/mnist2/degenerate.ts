/**
 * A degenerate MNIST2 cell: one whose trained weights are all zero (e.g. L∞ training at ε = 1, where the adversary can
 * erase every image). Such a model scores every image alike; Eq. (6)'s filter normalisation scales directions to ‖w‖
 * and the L2-robust loss divides by it, so the cell has no Hessian spectrum or landscape. It is still a result: the
 * measurements skip it and say why, and a claim that needs it is inconclusive with that reason.
 */
import { deriveSeed } from '../../rng.ts';
import type { Mnist2Cell } from './results.ts';

/** The name of a cell in messages: `linf pgd ε=255/255`. */
export function cellName(cell: Pick<Mnist2Cell, 'norm' | 'training' | 'epsLabel'>): string {
  return `${cell.norm} ${cell.training} ε=${cell.epsLabel}`;
}

/**
 * The seed of a random-noise cell's one noise draw (Hessians and landscapes): from `noiseSeed` and the cell's name,
 * not its cache key, so an edit of the code (which changes every key) does not change the draws.
 */
export function noiseDrawSeed(noiseSeed: number, cell: Pick<Mnist2Cell, 'norm' | 'training' | 'epsLabel'>): number {
  return deriveSeed(noiseSeed, `noise/${cellName(cell)}`);
}

/** Why the cell cannot be measured, or undefined when it can. */
export function degenerateReason(cell: Pick<Mnist2Cell, 'w' | 'bias'>): string | undefined {
  const d = cell.w.length - (cell.bias ? 1 : 0);
  for (let j = 0; j < d; j++) if (cell.w[j] !== 0) return undefined;
  return 'the model trained to w = 0 (every weight exactly 0), so it scores every image alike and has no filter-normalised direction or curvature along w*';
}

/** A measurement a claim needs belongs to a degenerate cell: names the cell and the reason. */
export class DegenerateCellError extends Error {
  constructor(
    readonly key: string,
    readonly cell: string,
    readonly reason: string,
  ) {
    super(`cell ${cell} is degenerate: ${reason}`);
    this.name = 'DegenerateCellError';
  }
}
