/**
 * Which cells of an MNIST2 sweep form one curve of a figure or one series of a claim: the adversarially trained (or
 * random-noise) cells of one norm in increasing ε, with the standard model as the ε = 0 point.
 */
import type { Mnist2Cell } from './results.ts';
import type { BallNorm } from '../../numeric/vector.ts';

/** Adversarial training (PGD, or the exact inner maximiser) or training on random noise. */
export type Mnist2Family = 'adversarial' | 'random';

/** Whether two ε values are the same grid point (relative tolerance 1e-9: 25.5/255 and 0.1 are equal). */
export function sameEps(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** What a series needs of a cell (a trained cell, or a replicate's summary of one). */
export type SeriesCell = Pick<Mnist2Cell, 'norm' | 'training' | 'eps'>;

/** Options of `mnist2Series`. */
export interface SeriesOptions {
  /** Adversarial cells: `pgd` (the paper's) or `exact`; default `pgd` when the norm has PGD cells, else `exact`. */
  readonly adversarialTraining?: 'pgd' | 'exact';
}

/**
 * The cells of one series in increasing ε: `adversarial` (PGD, else exact-maximiser cells of `norm`) or `random`
 * (random-noise cells of `norm`), preceded by the ε = 0 standard model (the one of the same norm if there is one,
 * else any standard cell). One cell per ε: the first in sweep order.
 */
export function mnist2Series<C extends SeriesCell>(
  cells: readonly C[],
  norm: BallNorm,
  family: Mnist2Family,
  options: SeriesOptions = {},
): C[] {
  const ofNorm = cells.filter((c) => c.norm === norm);
  let training: Mnist2Cell['training'];
  if (family === 'random') training = 'random';
  else
    training = options.adversarialTraining ?? (ofNorm.some((c) => c.training === 'pgd' && c.eps > 0) ? 'pgd' : 'exact');
  const members = ofNorm.filter((c) => c.training === training && c.eps > 0);
  const baseline =
    ofNorm.find((c) => c.training === 'standard') ??
    cells.find((c) => c.training === 'standard') ??
    ofNorm.find((c) => c.training === training && c.eps === 0);
  const out: C[] = [];
  for (const c of baseline !== undefined ? [baseline, ...members] : members) {
    if (!out.some((o) => sameEps(o.eps, c.eps))) out.push(c);
  }
  return out.sort((a, b) => a.eps - b.eps);
}

/** The cells of `series` whose ε is in `eps` (all of them when `eps` is undefined), in the order of `series`. */
export function atEps<C extends SeriesCell>(series: readonly C[], eps: readonly number[] | undefined): C[] {
  return eps === undefined ? [...series] : series.filter((c) => eps.some((e) => sameEps(e, c.eps)));
}
