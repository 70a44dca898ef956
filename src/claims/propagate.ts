/**
 * Carries readings and assumptions along the dependency graph of the claims, after every claim is checked. A
 * convention decided by two or more claims is shared (one θ, one ball across the paper); the rest are a claim's own.
 * - what each claim needs: the reading or assumption its own verdict holds under, and those of every claim it rests
 *   on (transitively);
 * - conflicts: a shared convention (one θ, one ball across the paper) under which no single reading makes every claim
 *   of a dependency chain hold;
 * - errors cancelling: a claim that holds under a reading of a shared convention while two or more of the claims it
 *   builds on directly fail under that same reading (each step wrong, the combination right).
 */
import type { Verdict } from './verdict.ts';

/** What the propagation reads of a checked claim. */
export interface PropagationInput {
  readonly id: string;
  readonly dependsOn: readonly string[];
  readonly verdict: Verdict;
}

/** A reading or assumption a claim needs, and the claim whose verdict needs it first. */
export type Need =
  | {
      readonly kind: 'reading';
      readonly convention: string;
      readonly reading: string;
      readonly statement: string;
      readonly from: string;
    }
  | { readonly kind: 'assumption'; readonly assumption: string; readonly statement: string; readonly from: string };

export interface Propagated {
  readonly id: string;
  /** Own need first, then inherited ones (one per reading or assumption, from the nearest claim). */
  readonly needs: readonly Need[];
  /** Every claim this one rests on, transitively, in paper order. */
  readonly restsOn: readonly string[];
  /** Shared conventions with no reading under which this claim and every claim it rests on hold. */
  readonly conflicts: readonly { readonly convention: string; readonly claims: readonly string[] }[];
  /** Readings under which this claim holds although two or more claims it builds on directly fail. */
  readonly cancellations: readonly {
    readonly convention: string;
    readonly reading: string;
    readonly failing: readonly string[];
  }[];
}

function ownNeed(r: PropagationInput): Need | undefined {
  const v = r.verdict;
  if (v.status !== 'holds-under') return undefined;
  return v.condition.kind === 'reading'
    ? {
        kind: 'reading',
        convention: v.condition.convention,
        reading: v.condition.reading.id,
        statement: v.condition.reading.statement,
        from: r.id,
      }
    : {
        kind: 'assumption',
        assumption: v.condition.assumption.id,
        statement: v.condition.assumption.statement,
        from: r.id,
      };
}

/** The readings of `convention` under which the claim holds (undefined: the claim does not decide that convention). */
function holdingReadings(v: Verdict, convention: string): Set<string> | undefined {
  if (!v.readings || v.readings.convention !== convention) return undefined;
  return new Set(v.readings.outcomes.filter((o) => o.outcome === 'holds').map((o) => o.id));
}

/** The readings of `convention` the claim does not rule out: those that hold or are undecided. */
function possibleReadings(v: Verdict, convention: string): Set<string> | undefined {
  if (!v.readings || v.readings.convention !== convention) return undefined;
  return new Set(v.readings.outcomes.filter((o) => o.outcome !== 'fails').map((o) => o.id));
}

function failingReadings(v: Verdict, convention: string): Set<string> {
  if (!v.readings || v.readings.convention !== convention) return new Set();
  return new Set(v.readings.outcomes.filter((o) => o.outcome === 'fails').map((o) => o.id));
}

/** The conventions decided by two or more claims: their readings must agree across the paper. */
export function sharedConventions(inputs: readonly PropagationInput[]): string[] {
  const count = new Map<string, number>();
  for (const r of inputs)
    if (r.verdict.readings)
      count.set(r.verdict.readings.convention, (count.get(r.verdict.readings.convention) ?? 0) + 1);
  return [...count].filter(([, n]) => n >= 2).map(([c]) => c);
}

/** Propagates over the claims (any order; dependencies outside the list are ignored). */
export function propagate(inputs: readonly PropagationInput[]): Propagated[] {
  const shared = sharedConventions(inputs);
  const byId = new Map(inputs.map((r) => [r.id, r]));
  const order = new Map(inputs.map((r, i) => [r.id, i]));
  const closure = new Map<string, string[]>();
  const restsOn = (id: string, seen: Set<string> = new Set()): string[] => {
    const known = closure.get(id);
    if (known) return known;
    if (seen.has(id)) return [];
    seen.add(id);
    const out = new Set<string>();
    for (const d of byId.get(id)?.dependsOn ?? []) {
      if (!byId.has(d)) continue;
      out.add(d);
      for (const t of restsOn(d, seen)) out.add(t);
    }
    const sorted = [...out].filter((x) => x !== id).sort((a, b) => order.get(a)! - order.get(b)!);
    closure.set(id, sorted);
    return sorted;
  };
  return inputs.map((r) => {
    const deps = restsOn(r.id);
    const needs: Need[] = [];
    const seenNeed = new Set<string>();
    for (const c of [r, ...deps.map((d) => byId.get(d)!)]) {
      const n = ownNeed(c);
      if (!n) continue;
      const key = n.kind === 'reading' ? `r:${n.convention}:${n.reading}` : `a:${n.assumption}`;
      if (seenNeed.has(key)) continue;
      seenNeed.add(key);
      needs.push(n);
    }
    const conflicts: Propagated['conflicts'][number][] = [];
    const cancellations: Propagated['cancellations'][number][] = [];
    for (const conv of shared) {
      const chain = [r, ...deps.map((d) => byId.get(d)!)];
      const deciding = chain
        .map((c) => ({ id: c.id, holds: possibleReadings(c.verdict, conv) }))
        .filter((x) => x.holds !== undefined);
      if (deciding.length > 1) {
        const common = deciding
          .slice(1)
          .reduce((acc, x) => new Set([...acc].filter((id) => x.holds!.has(id))), new Set(deciding[0]!.holds!));
        if (common.size === 0) conflicts.push({ convention: conv, claims: deciding.map((x) => x.id) });
      }
      if (r.verdict.status === 'refuted' || r.verdict.status === 'inconclusive') continue;
      const own = holdingReadings(r.verdict, conv);
      const direct = r.dependsOn.filter((d) => byId.has(d));
      const readingIds = new Set(direct.flatMap((d) => [...failingReadings(byId.get(d)!.verdict, conv)]));
      for (const reading of readingIds) {
        if (own && !own.has(reading)) continue;
        if (!own && r.verdict.status !== 'confirmed') continue;
        const failing = direct.filter((d) => failingReadings(byId.get(d)!.verdict, conv).has(reading));
        if (failing.length >= 2) cancellations.push({ convention: conv, reading, failing });
      }
    }
    return { id: r.id, needs, restsOn: deps, conflicts, cancellations };
  });
}
