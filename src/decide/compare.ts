/**
 * Compares a printed form with a reference form over instances (d, N, index bindings) with the randomized zero test,
 * and gathers what a verdict needs: the decision, a witness, residuals, and the instances tried.
 */
import type { Variable } from '../claims/schema.ts';
import type { Basis, Enclosure, ReadingOutcome, Witness } from '../claims/verdict.ts';
import { encloseDifference } from './enclosure.ts';
import type { Engines } from '../engines/types.ts';
import { makeRng, deriveSeed } from '../rng.ts';
import { samplePoints, type Construction, type Point } from './sampler.ts';
import { zeroTest, type ZeroTestResult } from './zero-test.ts';
import { scalarSymbols, indexBindings, type Instance } from './formula.ts';
import { TOLERANCES } from './tolerances.ts';

export interface CompareSpec {
  readonly variables: readonly Variable[];
  readonly dims: readonly number[];
  readonly points: readonly number[];
  readonly indices: readonly string[];
  /** Builds the two expressions at an instance: [printed, reference]. */
  readonly build: (inst: Instance) => readonly [string, string];
  readonly constructions?: readonly Construction[];
  readonly seed: number;
  readonly label: string;
  readonly pointsPerTest?: number;
}

export interface CompareOutcome {
  readonly status: 'equal' | 'different' | 'inconclusive';
  readonly tests: number;
  readonly instances: readonly string[];
  readonly witness?: {
    readonly instance: Instance;
    readonly point: Point;
    readonly printed: string;
    readonly reference: string;
  };
  readonly worst64: number;
  readonly worst128: number;
  readonly reason?: string;
  /** One instance's expressions, for the engines cross-checks. */
  readonly sample?: {
    readonly instance: Instance;
    readonly printed: string;
    readonly reference: string;
    readonly points: readonly Point[];
  };
}

function describe(inst: Instance): string {
  const b = [...inst.bind].map(([k, v]) => `${k}=${v}`).join(',');
  return `d=${inst.d},N=${inst.N}${b ? `,${b}` : ''}`;
}

/** Runs the zero test at every instance; stops at the first `different`. */
export function compareForms(spec: CompareSpec, engines: Engines): CompareOutcome {
  let worst64 = -Infinity;
  let worst128 = -Infinity;
  const instances: string[] = [];
  let inconclusive: string | undefined;
  let sample: CompareOutcome['sample'];
  let tests = 0;
  for (const d of spec.dims) {
    for (const N of spec.points) {
      for (const bind of indexBindings(spec.indices, d)) {
        const inst: Instance = { d, N, bind };
        const [printed, reference] = spec.build(inst);
        const symbols = [...new Set([...scalarSymbols(printed), ...scalarSymbols(reference)])];
        const rng = makeRng(deriveSeed(spec.seed, `${spec.label}:${describe(inst)}`));
        const count = Math.max(spec.pointsPerTest ?? TOLERANCES.pointsPerTest, 2 ** N);
        const pts = samplePoints(
          spec.variables,
          { d, N, symbols, constructions: spec.constructions },
          count,
          rng,
          engines.evaluator,
        );
        const r: ZeroTestResult = zeroTest(printed, reference, pts, engines.evaluator);
        tests++;
        instances.push(describe(inst));
        sample ??= { instance: inst, printed, reference, points: pts.slice(0, 2) };
        worst64 = Math.max(worst64, r.worst64);
        worst128 = Math.max(worst128, r.worst128);
        if (r.status === 'different') {
          return {
            status: 'different',
            tests,
            instances,
            witness: { instance: inst, point: r.witness!.point, printed: r.witness!.a, reference: r.witness!.b },
            worst64,
            worst128,
            sample: { instance: inst, printed, reference, points: [r.witness!.point] },
          };
        }
        if (r.status === 'inconclusive') inconclusive ??= `${describe(inst)}: ${r.reason}`;
      }
    }
  }
  if (inconclusive)
    return { status: 'inconclusive', tests, instances, worst64, worst128, reason: inconclusive, sample };
  return { status: 'equal', tests, instances, worst64, worst128, sample };
}

/** A witness point restricted to the symbols that matter, with the instance named. */
export function witnessPoint(w: NonNullable<CompareOutcome['witness']>): Record<string, string> {
  const out: Record<string, string> = { instance: describe(w.instance) };
  for (const [k, v] of Object.entries(w.point)) out[k] = v.length > 24 ? `${v.slice(0, 22)}…` : v;
  return out;
}

/** Formats a residual summary: "residual ≤ 10^-127 (128 digits), 10^-63 (64 digits) over 12 instances". */
export function residualSummary(o: CompareOutcome): string {
  const f = (x: number, digits: number) =>
    x === -Infinity ? `exactly 0 at ${digits} digits` : `≤ 10^${Math.round(x)} at ${digits} digits`;
  return `relative residual ${f(o.worst128, 128)} and ${f(o.worst64, 64)} over ${o.tests} instances (${o.instances[0]} … ${o.instances.at(-1)})`;
}

/**
 * The witness of a `different` outcome: the point, both values at 128 digits, and a rigorous interval enclosure of
 * (printed − reference) there (outward-rounded interval arithmetic, `src/decide/enclosure.ts`), which proves the
 * difference nonzero when it excludes 0.
 */
export function symbolicWitness(o: CompareOutcome): Witness {
  const w = o.witness;
  if (!w) throw new Error(`symbolicWitness: outcome ${o.status} has no witness`);
  let enclosure: Enclosure | undefined;
  if (o.sample) {
    try {
      enclosure = encloseDifference(o.sample.printed, o.sample.reference, w.point);
    } catch {
      enclosure = undefined; // a domain the interval arithmetic cannot enclose: the zero test's residuals stand alone
    }
  }
  return { point: witnessPoint(w), paperValue: w.printed, ourValue: w.reference, ...(enclosure ? { enclosure } : {}) };
}

/**
 * Whether a zero-test witness stands: it does unless its interval enclosure was computed and contains 0 (then the
 * difference is not proved nonzero, and a refutation would rest on rounding).
 */
export function witnessStands(w: Witness): boolean {
  return w.enclosure === undefined || w.enclosure.excludesZero;
}

/** What a confirmation by the randomized zero test rests on (it is tested, not proved). */
export function testedBasis(...outcomes: readonly CompareOutcome[]): Basis {
  const tests = outcomes.reduce((a, o) => a + o.tests, 0);
  const worst = Math.max(...outcomes.map((o) => o.worst128));
  return {
    kind: 'tested',
    what: `randomized zero test at ${tests} instance(s) (${[...new Set(outcomes.flatMap((o) => [o.instances[0], o.instances.at(-1)]))].join(' … ')}), seeded points at 64 and 128 digits; worst 128-digit relative residual ${worst === -Infinity ? 'exactly 0' : `10^${Math.round(worst)}`}`,
  };
}

/** One reading's outcome from a comparison: equal → holds, different → fails (with its witness), else undecided. */
export function readingOutcome(
  reading: {
    readonly id: string;
    readonly statement: string;
    readonly literal: boolean;
    readonly statedQuote?: string | undefined;
  },
  o: CompareOutcome,
): ReadingOutcome {
  const r = {
    id: reading.id,
    statement: reading.statement,
    literal: reading.literal,
    ...(reading.statedQuote !== undefined ? { statedQuote: reading.statedQuote } : {}),
  };
  if (o.status === 'equal') return { ...r, outcome: 'holds', summary: `equal: ${residualSummary(o)}` };
  if (o.status === 'different') {
    const w = symbolicWitness(o);
    if (!witnessStands(w))
      return {
        ...r,
        outcome: 'undecided',
        summary: `the zero test separates the sides at ${w.point.instance}, but the interval enclosure of their difference contains 0`,
      };
    return {
      ...r,
      outcome: 'fails',
      summary: `the two sides differ at ${w.point.instance}: ${w.paperValue.slice(0, 14)} vs ${w.ourValue.slice(0, 14)} (stable across 64/128 digits${w.enclosure ? ', proved by interval enclosure' : ''})`,
      witness: w,
    };
  }
  return { ...r, outcome: 'undecided', summary: o.reason ?? 'zero test inconclusive' };
}
