/**
 * The two statements of the paper's Section 5.2, decided from measured ResNet results (by the `resnet-trend` checker,
 * `checks/resnet-trend.ts`, for claims `fig4-sharper-with-eps` and `tab56-gap-grows-remeasured`):
 *
 * - "the weight loss landscape becomes sharper as the noise magnitude of adversarial training becomes larger"
 *   (Fig. 4): the landscape's sharpness (default: the rise at the ends of the α grid) increases from each ε to the
 *   next, for every dataset (`sharperAsEpsGrows`);
 * - "the generalization gap becomes larger in most cases as the magnitude of noise becomes larger" (Tables 5–6):
 *   train − test robust accuracy increases in more than half of the consecutive ε steps of both datasets together
 *   (`gapGrowsInMostCases`, the reading of proofs/txt-sec52-gap-grows.ts).
 *
 * Several seeds at one ε are averaged. Each returns the counts and every step, and `decidable: false` when fewer than
 * two ε values were measured for any dataset.
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

/** The outcome of a trend statement over measured results. */
export interface TrendOutcome {
  /** Whether the statement holds on these results (false when not decidable). */
  readonly holds: boolean;
  /** False when some dataset has fewer than two ε values (nothing to compare). */
  readonly decidable: boolean;
  /** `every`: every step must increase; `most`: more than half of the steps. */
  readonly quantifier: 'every' | 'most';
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
  quantifier: 'every' | 'most',
  datasets?: readonly DatasetName[],
): TrendOutcome {
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
  const holds = decidable && (quantifier === 'every' ? increasing === steps : increasing * 2 > steps);
  return { holds, decidable, quantifier, quantity, increasing, steps, perDataset, details };
}

/**
 * "Sharper as ε grows" (Fig. 4): the landscape sharpness (`rise`, or the second difference `curvature` at α = 0)
 * increases at every consecutive ε step of every dataset measured (or of `datasets`).
 */
export function sharperAsEpsGrows(
  results: ResNetResults,
  options: { readonly metric?: 'rise' | 'curvature'; readonly datasets?: readonly DatasetName[] } = {},
): TrendOutcome {
  const metric = options.metric ?? 'rise';
  return trend(results, `landscape ${metric}`, (c) => c.landscape.sharpness[metric], 'every', options.datasets);
}

/**
 * "The generalization gap becomes larger in most cases" (Tables 5–6): train − test robust accuracy of the final (or
 * best) checkpoint increases in more than half of all consecutive ε steps of the datasets measured.
 */
export function gapGrowsInMostCases(
  results: ResNetResults,
  options: { readonly checkpoint?: 'final' | 'best'; readonly datasets?: readonly DatasetName[] } = {},
): TrendOutcome {
  const checkpoint = options.checkpoint ?? 'final';
  return trend(results, `gap (${checkpoint} checkpoint)`, (c) => c[checkpoint].gap, 'most', options.datasets);
}
