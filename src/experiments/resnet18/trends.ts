/**
 * The trends of the measured ResNet results that the paper's Section 5.2 states, as data: for each consecutive ε step
 * of each dataset (several seeds at one ε averaged), the quantity before and after and whether it increased.
 *
 * - `landscapeTrend`: the landscape's sharpness (default: the rise at the ends of the α grid) — Fig. 4's "the weight
 *   loss landscape becomes sharper as the noise magnitude of adversarial training becomes larger";
 * - `gapTrend`: train − test robust accuracy of the final or best checkpoint — Tables 5–6's "the generalization gap
 *   becomes larger in most cases".
 *
 * The `resnet-trend` checker decides the statements on them (every step; more than half of the steps); the section
 * shows them. `decidable` is false when fewer than two ε values were measured for a dataset.
 */
import type { DatasetName } from './config.ts';
import type { CellResult, ResNetResults } from './results.ts';

/** One consecutive ε step of one dataset. */
export interface TrendStep {
  readonly dataset: DatasetName;
  readonly fromEps: number;
  readonly toEps: number;
  readonly before: number;
  readonly after: number;
  readonly increased: boolean;
}

/** A quantity's steps over ε in measured results. */
export interface Trend {
  /** False when some dataset has fewer than two ε values (nothing to compare). */
  readonly decidable: boolean;
  /** What was compared, e.g. `landscape rise` or `gap (final checkpoint)`. */
  readonly quantity: string;
  readonly increasing: number;
  readonly steps: number;
  readonly perDataset: Readonly<
    Partial<Record<DatasetName, { readonly increasing: number; readonly steps: number; readonly seeds: number }>>
  >;
  readonly details: readonly TrendStep[];
}

function trend(
  results: ResNetResults,
  quantity: string,
  value: (c: CellResult) => number,
  datasets?: readonly DatasetName[],
): Trend {
  const byDataset = new Map<DatasetName, Map<number, number[]>>();
  for (const c of results.cells) {
    const ds = c.config.dataset;
    if (datasets !== undefined && !datasets.includes(ds)) continue;
    const m = byDataset.get(ds) ?? new Map<number, number[]>();
    const list = m.get(c.config.epsNumerator) ?? [];
    list.push(value(c));
    m.set(c.config.epsNumerator, list);
    byDataset.set(ds, m);
  }
  const details: TrendStep[] = [];
  const perDataset: Partial<Record<DatasetName, { increasing: number; steps: number; seeds: number }>> = {};
  let decidable = byDataset.size > 0;
  for (const [ds, m] of byDataset) {
    const eps = [...m.keys()].sort((a, b) => a - b);
    if (eps.length < 2) decidable = false;
    const mean = (k: number): number => {
      const v = m.get(k)!;
      return v.reduce((a, b) => a + b, 0) / v.length;
    };
    let inc = 0;
    for (let i = 1; i < eps.length; i++) {
      const before = mean(eps[i - 1]!);
      const after = mean(eps[i]!);
      const increased = after > before;
      if (increased) inc++;
      details.push({ dataset: ds, fromEps: eps[i - 1]!, toEps: eps[i]!, before, after, increased });
    }
    perDataset[ds] = {
      increasing: inc,
      steps: eps.length - 1,
      seeds: Math.min(...[...m.values()].map((v) => v.length)),
    };
  }
  const increasing = details.filter((d) => d.increased).length;
  const steps = details.length;
  return { decidable, quantity, increasing, steps, perDataset, details };
}

/**
 * The landscape sharpness (`rise`, or the second difference `curvature` at α = 0) over the consecutive ε steps of every
 * dataset measured (or of `datasets`).
 */
export function landscapeTrend(
  results: ResNetResults,
  options: { readonly metric?: 'rise' | 'curvature'; readonly datasets?: readonly DatasetName[] } = {},
): Trend {
  const metric = options.metric ?? 'rise';
  return trend(results, `landscape ${metric}`, (c) => c.landscape.sharpness[metric], options.datasets);
}

/** Train − test robust accuracy of the final (or best) checkpoint over the consecutive ε steps of the datasets measured. */
export function gapTrend(
  results: ResNetResults,
  options: { readonly checkpoint?: 'final' | 'best'; readonly datasets?: readonly DatasetName[] } = {},
): Trend {
  const checkpoint = options.checkpoint ?? 'final';
  return trend(results, `gap (${checkpoint} checkpoint)`, (c) => c[checkpoint].gap, options.datasets);
}
