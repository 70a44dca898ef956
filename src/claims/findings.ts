/**
 * Findings: the refuted and holds-under verdicts grouped by root cause, with a severity from one rule. Computed from
 * the verdicts, the dependency graph and the propagation, never from a hand-written list:
 * - one finding per cause: a reading of a convention (every claim that holds only under it), an assumption (every
 *   claim that holds only under it, and the refuted claims that state it as a fact, `states` in their records, with
 *   the refuted claims resting on them), or
 *   a refuted claim together with the refuted claims that rest on it directly;
 * - its roots are the members that rest on no other member; the rest are its consequences;
 * - what builds directly on the members outside the finding is listed with its verdict, so a reader sees what does
 *   and does not inherit the problem; confirmed claims whose truth under the finding's reading comes from errors cancelling are
 *   listed too.
 *
 * Severity (`severityOf`): a reading → `presentation` (the claims hold once the words are read that way), unless a
 * claim fails under a reading the paper defines in its own words; an assumption that holds where it matters →
 * `presentation` (unstated but true), raised to the worst category of the refuted claims that state it as a fact;
 * otherwise the most severe category of the members: `result` (a theorem, conclusion or reported number changes)
 * over `derivation` (a formula is wrong) over `presentation` (notation, references, wording).
 */
import type { Propagated } from './propagate.ts';
import type { Answer, Verdict, VerdictStatus } from './verdict.ts';

/** How much a finding changes: ordered from most to least severe. */
export const SEVERITIES = ['result', 'derivation', 'presentation'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What a failure of one claim alone would change (a record field). */
export type Category = Severity;

export interface FindingInput {
  readonly id: string;
  readonly category: Category;
  readonly dependsOn: readonly string[];
  /** The assumption this claim states as a fact, if any. */
  readonly states?: string | undefined;
  readonly verdict: Verdict;
}

export type Cause =
  | { readonly kind: 'reading'; readonly convention: string; readonly reading: string; readonly statement: string }
  | {
      readonly kind: 'assumption';
      readonly assumption: string;
      readonly statement: string;
      readonly whereItMatters: Answer['status'];
    }
  | { readonly kind: 'refuted'; readonly claim: string };

export interface Finding {
  /** A stable key: `reading:<convention>:<reading>`, `assumption:<id>` or `refuted:<claim>`. */
  readonly id: string;
  readonly cause: Cause;
  readonly severity: Severity;
  /** Why the rule gave this severity, in words. */
  readonly why: string;
  readonly roots: readonly string[];
  readonly consequences: readonly string[];
  /** Claims outside the finding that build directly on a member, with their verdicts. */
  readonly downstream: readonly { readonly id: string; readonly status: VerdictStatus }[];
  /** Confirmed claims that hold although two or more claims they build on fail under another reading of the same convention. */
  readonly cancellations: readonly { readonly id: string; readonly failing: readonly string[] }[];
}

const rank = (s: Severity): number => SEVERITIES.indexOf(s);

/**
 * The severity rule (see the module comment), with its reason. `statedFails`: some claim of the finding fails under a
 * reading the paper defines in its own words (`statedQuote`). `refutedStating`: the categories of the refuted claims
 * that state an assumption as a fact; an assumption's finding is at least as severe as the worst of them.
 */
export function severityOf(
  cause: Cause,
  categories: readonly Category[],
  statedFails = false,
  refutedStating: readonly Category[] = [],
): { severity: Severity; why: string } {
  const worstOf = (cs: readonly Category[]): Severity =>
    cs.reduce<Severity>((a, c) => (rank(c) < rank(a) ? c : a), 'presentation');
  const whatOf = (s: Severity): string =>
    ({
      result: 'a theorem, conclusion or reported number',
      derivation: 'a formula or derivation step',
      presentation: 'notation, a reference or wording',
    })[s];
  const worst = worstOf(categories);
  const what = whatOf(worst);
  if (cause.kind === 'reading') {
    return statedFails
      ? {
          severity: worst,
          why: `${what} fails under the reading the paper defines in its own words, and holds only under another reading`,
        }
      : { severity: 'presentation', why: 'every claim of the finding holds once the words are read this way' };
  }
  if (cause.kind === 'assumption') {
    const base: { severity: Severity; why: string } =
      cause.whereItMatters === 'yes'
        ? { severity: 'presentation', why: 'the assumption is unstated or loose but holds where it matters' }
        : {
            severity: worst,
            why: `the assumption ${cause.whereItMatters === 'unknown' ? 'could not be checked where it matters' : cause.whereItMatters === 'partly' ? 'holds only partly where it matters' : 'does not hold where it matters'}, and ${what} rests on it`,
          };
    const stating = worstOf(refutedStating);
    return refutedStating.length > 0 && rank(stating) < rank(base.severity)
      ? { severity: stating, why: `${whatOf(stating)} states the assumption as a fact and is refuted` }
      : base;
  }
  return { severity: worst, why: `${what} is wrong` };
}

function causeOf(v: Verdict, id: string): Cause | undefined {
  if (v.status === 'refuted') return { kind: 'refuted', claim: id };
  if (v.status !== 'holds-under') return undefined;
  const c = v.condition;
  return c.kind === 'reading'
    ? { kind: 'reading', convention: c.convention, reading: c.reading.id, statement: c.reading.statement }
    : {
        kind: 'assumption',
        assumption: c.assumption.id,
        statement: c.assumption.statement,
        whereItMatters: c.check.whereItMatters.status,
      };
}

function keyFor0(c: Cause): string {
  return c.kind === 'reading'
    ? `reading:${c.convention}:${c.reading}`
    : c.kind === 'assumption'
      ? `assumption:${c.assumption}`
      : `refuted:${c.claim}`;
}

/** Groups the refuted and holds-under verdicts into findings, most severe first, then in paper order. */
export function findings(inputs: readonly FindingInput[], propagated: readonly Propagated[]): Finding[] {
  const byId = new Map(inputs.map((r) => [r.id, r]));
  const order = new Map(inputs.map((r, i) => [r.id, i]));
  const prop = new Map(propagated.map((p) => [p.id, p]));
  const failsStated = (v: Verdict): boolean =>
    v.readings?.outcomes.some((o) => o.statedQuote !== undefined && o.outcome === 'fails') ?? false;
  // A refuted claim that rests directly on a refuted claim joins that claim's finding (the error is inherited),
  // resolved along the graph whatever the order of the inputs.
  const groupKey = new Map<string, string>();
  const causes = new Map<string, Cause>();
  const resolving = new Set<string>();
  const keyFor = (r: FindingInput): string | undefined => {
    const known = groupKey.get(r.id);
    if (known !== undefined) return known;
    const cause = causeOf(r.verdict, r.id);
    if (!cause) return undefined;
    let key = keyFor0(cause);
    if (cause.kind === 'refuted' && !resolving.has(r.id)) {
      resolving.add(r.id);
      const parent = r.dependsOn.map((d) => byId.get(d)).find((d) => d?.verdict.status === 'refuted');
      if (parent) key = keyFor(parent) ?? key;
      resolving.delete(r.id);
    }
    groupKey.set(r.id, key);
    if (key === keyFor0(cause) && !causes.has(key)) causes.set(key, cause);
    return key;
  };
  for (const r of inputs) keyFor(r);
  // The cause of an assumption's finding comes from a verdict that checked the assumption.
  for (const r of inputs) {
    const c = causeOf(r.verdict, r.id);
    if (c?.kind === 'assumption') causes.set(keyFor0(c), c);
  }
  // A refuted claim whose record states (or presumes) an assumption as a fact shares the root cause of the claims
  // that hold only under it; the refuted claims resting on it come along.
  for (const r of inputs) {
    if (!r.states || r.verdict.status !== 'refuted') continue;
    const key = `assumption:${r.states}`;
    const own = groupKey.get(r.id)!;
    if (!causes.has(key) || own === key) continue;
    const moving =
      own === `refuted:${r.id}` ? inputs.filter((m) => groupKey.get(m.id) === own).map((m) => m.id) : [r.id];
    for (const m of moving) groupKey.set(m, key);
    if (![...groupKey.values()].includes(own)) causes.delete(own);
  }
  const out: Finding[] = [];
  for (const [key, cause] of causes) {
    const members = inputs.filter((r) => groupKey.get(r.id) === key).map((r) => r.id);
    const memberSet = new Set(members);
    const roots = members.filter((m) => !(prop.get(m)?.restsOn ?? []).some((d) => memberSet.has(d)));
    const consequences = members.filter((m) => !roots.includes(m));
    const downstream = inputs
      .filter((r) => !memberSet.has(r.id) && r.dependsOn.some((d) => memberSet.has(d)))
      .map((r) => ({ id: r.id, status: r.verdict.status }));
    const cancellations =
      cause.kind === 'reading'
        ? propagated.flatMap((p) => {
            const hits = p.cancellations.filter(
              (c) => c.convention === cause.convention && c.failing.some((f) => memberSet.has(f)),
            );
            return hits.length > 0 ? [{ id: p.id, failing: [...new Set(hits.flatMap((c) => c.failing))] }] : [];
          })
        : [];
    const stated = members.filter((m) => failsStated(byId.get(m)!.verdict));
    const refutedMembers =
      cause.kind === 'assumption' ? members.filter((m) => byId.get(m)!.verdict.status === 'refuted') : [];
    const { severity, why } = severityOf(
      cause,
      (stated.length > 0 && cause.kind === 'reading' ? stated : members).map((m) => byId.get(m)!.category),
      stated.length > 0,
      refutedMembers.map((m) => byId.get(m)!.category),
    );
    out.push({ id: key, cause, severity, why, roots, consequences, downstream, cancellations });
  }
  return out.sort(
    (a, b) => rank(a.severity) - rank(b.severity) || order.get(a.roots[0] ?? '')! - order.get(b.roots[0] ?? '')!,
  );
}
