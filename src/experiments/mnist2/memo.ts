/**
 * Process-wide memoisation of the per-cell MNIST2 measurements (Fig. 3 Hessians, 1-D landscapes), so that the report
 * section and every empirical claim checker that needs the same cell under the same settings compute it once. The key
 * is the cell (key, norm, training, ε, a hash of the weights), a fingerprint of the data and the settings with every
 * default filled in, so `{}` and the explicit defaults share one entry.
 */
import type { Dataset } from '../../numeric/dataset.ts';
import { cellHessian, type CellHessian, type HessianOptions } from './hessian.ts';
import { cellLandscape, type Landscape1D, type LandscapeOptions } from './landscape.ts';
import type { Mnist2Cell } from './results.ts';
import { assertMeasurable } from './degenerate.ts';

function weightsHash(w: readonly number[]): string {
  const bytes = new Uint8Array(Float64Array.from(w).buffer);
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16);
}

const fingerprints = new WeakMap<Dataset, string>();
/** n, d and an FNV-1a hash of X and y, computed once per dataset object: equal data share cache entries. */
function datasetFingerprint(ds: Dataset): string {
  let f = fingerprints.get(ds);
  if (f === undefined) {
    let h = 0x811c9dc5;
    for (const arr of [ds.X, ds.y]) {
      const words = new Uint32Array(arr.buffer, arr.byteOffset, arr.byteLength / 4);
      for (let i = 0; i < words.length; i++) {
        h ^= words[i]!;
        h = Math.imul(h, 0x01000193);
      }
    }
    f = `${ds.n}x${ds.d}:${(h >>> 0).toString(16)}`;
    fingerprints.set(ds, f);
  }
  return f;
}

function key(cell: Mnist2Cell, ds: Dataset, settings: object): string {
  return JSON.stringify([cell.key, weightsHash(cell.w), cell.norm, cell.training, cell.eps, cell.bias, datasetFingerprint(ds), settings]);
}

/** Hessian options with every default filled in (the defaults `cellHessian` applies). */
export function resolvedHessianOptions(o: HessianOptions = {}): Required<HessianOptions> {
  return {
    topK: o.topK ?? 3,
    linfMaximizer: o.linfMaximizer ?? 'linf-box',
    fixedExamples: o.fixedExamples ?? 'exact',
    lanczosSeed: o.lanczosSeed ?? 0,
    lanczosTol: o.lanczosTol ?? 1e-10,
    dense: o.dense ?? true,
    directions: o.directions ?? 5,
    directionSeed: o.directionSeed ?? 123,
    noiseSeed: o.noiseSeed ?? 0,
  };
}

/** Landscape options with every default filled in (the defaults `cellLandscape` applies). */
export function resolvedLandscapeOptions(o: LandscapeOptions = {}): LandscapeOptions {
  return {
    mode: o.mode ?? 'filter',
    ...(o.alphas !== undefined ? { alphas: [...o.alphas] } : { points: o.points ?? 51 }),
    directions: o.directions ?? 5,
    directionSeed: o.directionSeed ?? 123,
    l2Maximizer: o.l2Maximizer ?? 'l2-ball',
    linfMaximizer: o.linfMaximizer ?? 'linf-box',
    attack: o.attack ?? { kind: 'exact' },
    noiseSeed: o.noiseSeed ?? 0,
  };
}

const hessians = new Map<string, CellHessian>();
const landscapes = new Map<string, Landscape1D>();

/** `cellHessian` (Fig. 3: both Hessians, dense and Lanczos), memoised for the life of the process; throws `DegenerateCellError` for a cell trained to w = 0. */
export function memoCellHessian(cell: Mnist2Cell, ds: Dataset, options: HessianOptions = {}): CellHessian {
  assertMeasurable(cell);
  const resolved = resolvedHessianOptions(options);
  const k = key(cell, ds, resolved);
  let h = hessians.get(k);
  if (h === undefined) {
    h = cellHessian(cell, ds, resolved);
    hessians.set(k, h);
  }
  return h;
}

/** `cellLandscape` (Eq. 5 landscapes over seeded directions), memoised for the life of the process; throws `DegenerateCellError` for a cell trained to w = 0. */
export function memoCellLandscape(cell: Mnist2Cell, ds: Dataset, options: LandscapeOptions = {}): Landscape1D {
  assertMeasurable(cell);
  const resolved = resolvedLandscapeOptions(options);
  const k = key(cell, ds, resolved);
  let l = landscapes.get(k);
  if (l === undefined) {
    l = cellLandscape(cell, ds, resolved);
    landscapes.set(k, l);
  }
  return l;
}
