/**
 * Verdicts are data: what a check concluded about a claim, with the evidence that decided it.
 *
 * A verdict is never written by hand: every one is returned by a check in `checks/` that ran a computation. A record
 * chooses what is checked (a reading, a threshold, a grid), never the outcome.
 */

/** A point of a claim's domain at which the paper's value and the derived value were both computed. */
export interface Witness {
  /** Variable assignment (exact decimal strings so every precision sees the same point). */
  readonly point: Readonly<Record<string, string>>;
  /** What the paper's formula or statement gives there. */
  readonly paperValue: string;
  /** What follows from the derivation there. */
  readonly ourValue: string;
  /**
   * For a symbolic refutation: a rigorous enclosure of (paper − derived) at the point, computed with outward-rounded
   * interval arithmetic; it excludes 0, so the difference is proved nonzero there.
   */
  readonly enclosure?: Enclosure;
}

/** A rigorous interval [lo, hi] (decimal strings, rounded outward) that contains a value. */
export interface Enclosure {
  readonly lo: string;
  readonly hi: string;
  readonly excludesZero: boolean;
  /** Working precision (significant digits) of the interval arithmetic. */
  readonly digits: number;
  readonly method: string;
}

/** Where an assumption or a reading comes from: the paper (with the words that state it) or claimcheck. */
export type Source =
  | { readonly kind: 'paper'; readonly quote: string }
  | { readonly kind: 'claimcheck'; readonly reason: string };

/** An assumption a claim may hold under (the registry is `proofs/_data/assumptions.ts`). */
export interface Assumption {
  readonly id: string;
  readonly statement: string;
  readonly source: Source;
}

/** A computed answer to one question about an assumption, with what decided it. */
export interface Answer {
  readonly status: 'yes' | 'no' | 'partly' | 'unknown';
  readonly summary: string;
  readonly details?: readonly string[];
  readonly data?: Readonly<Record<string, unknown>>;
}

/** What was computed about an assumption itself. */
export interface AssumptionCheck {
  /** Is there any data, weight and loss that satisfies it (shown by constructing one, or by contradiction)? */
  readonly satisfiable: Answer;
  /** What it forces on data, weights and loss, each consequence zero-tested at points that satisfy it. */
  readonly forces: readonly { readonly statement: string; readonly status: 'forced' | 'not-forced' | 'undecided' }[];
  /** Does it hold where it matters: at real optima, in the real experiment? */
  readonly whereItMatters: Answer;
}

/** One reading of words of the paper that admit several (the reference direction of θ, the ball's centre …). */
export interface Reading {
  readonly id: string;
  readonly statement: string;
  /** The reading the words give when taken literally, where there is one. */
  readonly literal: boolean;
  /**
   * The paper's own words that state this reading as a definition, verbatim (checked against the paper text): failing
   * under it is an error of the paper, not an ambiguity of its words (the severity rule of src/claims/findings.ts).
   * A printed formula that a misprint reading explains is not such a definition.
   */
  readonly statedQuote?: string;
}

/** What the check found under one reading. */
export interface ReadingOutcome extends Reading {
  readonly outcome: 'holds' | 'fails' | 'undecided';
  readonly summary: string;
  readonly witness?: Witness;
}

/** The outcome under every reading of one convention (`proofs/_data/conventions.ts`, or the claim's own). */
export interface ReadingsResult {
  /** Convention id shared by every claim that uses it (`theta`, `ball` …), or the claim's own id. */
  readonly convention: string;
  /** The question the readings answer ("from which direction is θ^n measured?"). */
  readonly question: string;
  /** The paper's words that admit the readings, verbatim. */
  readonly quote?: string;
  readonly outcomes: readonly ReadingOutcome[];
}

/** What a holds-under claim needs: a stated or supplied assumption (checked), or one reading of the paper's words. */
export type Condition =
  | { readonly kind: 'assumption'; readonly assumption: Assumption; readonly check: AssumptionCheck }
  | { readonly kind: 'reading'; readonly convention: string; readonly reading: Reading };

/** How a confirmation was reached: proved (exact simplification or exact arithmetic), or tested (what, how often). */
export type Basis =
  | { readonly kind: 'proved'; readonly method: string }
  | { readonly kind: 'tested'; readonly what: string };

/** A piece of evidence: one line a reader can follow, plus optional structured numbers. */
export interface Evidence {
  readonly summary: string;
  readonly details?: readonly string[];
  /** Numbers behind the summary (residuals, eigenvalues, counts …), kept for the JSON report. */
  readonly data?: Readonly<Record<string, unknown>>;
}

/** A corrected form of a claim that the paper got wrong, checked by the same machinery. */
export interface Correction {
  /** The corrected formula in LaTeX, or the corrected statement in words. */
  readonly latex?: string;
  readonly statement?: string;
  /** The verdict of the same check applied to the correction (must be `confirmed`). */
  readonly check: 'confirmed' | 'refuted' | 'inconclusive';
  readonly evidence: string;
}

/** How independent engines agreed on a derivation (mathjs, nerdamer, finite differences). */
export interface EngineAgreement {
  readonly engine: string;
  readonly agrees: boolean | null;
  readonly note: string;
}

/** What probing one threshold found. */
export interface ThresholdProbe {
  /** The record's parameter name (`minR2`). */
  readonly name: string;
  readonly value: number;
  readonly band: number;
  readonly source: Source;
  /** Where the verdict class changes nearest to `value` (within ±10 bands), or null when it does not there. */
  readonly flipsAt: number | null;
  /** The class on the other side of `flipsAt`. */
  readonly flipsTo: string | null;
  /** True when the flip lies within the band. */
  readonly fragile: boolean;
}

/** One replicate's outcome, as the report lists it. */
export interface ReplicateOutcome {
  readonly protocol: string;
  readonly replicate: number;
  readonly seed: number;
  /** `confirmed`, `refuted`, `inconclusive` or `holds-under <condition>`. */
  readonly verdict: string;
  readonly summary: string;
}

/** One protocol's outcome over its seeds. */
export interface ProtocolOutcome {
  readonly id: string;
  readonly label: string;
  /** Where its choices come from. */
  readonly source: string;
  readonly seeds: number;
  /** The class every seed gave, or `seed-dependent`. */
  readonly verdict: string;
}

/** The robustness of an empirical verdict (protocols × seeds × threshold bands). */
export interface Robustness {
  /** One line: how the verdict fared across protocols, seeds and thresholds. */
  readonly summary: string;
  readonly protocols: readonly ProtocolOutcome[];
  readonly replicates: readonly ReplicateOutcome[];
  readonly thresholds: readonly ThresholdProbe[];
  /** A threshold flips the verdict within its band. */
  readonly fragile: boolean;
  /** The data sizes the replicates used beside the paper's. */
  readonly splits?: {
    readonly train: number;
    readonly test: number;
    readonly paperTrain: number;
    readonly paperTest: number;
  };
}

interface VerdictBase {
  readonly claimId: string;
  /** Seed of every random draw the check made; replaying with it gives the same verdict. */
  readonly seed: number;
  readonly evidence: Evidence;
  readonly engines?: readonly EngineAgreement[];
  /** The derived form in LaTeX, where the check derived one. */
  readonly derivedLatex?: string;
  readonly correction?: Correction;
  /** Name of the checker that produced the verdict. */
  readonly checker: string;
  /** The outcome under each reading, where the paper's words admit several. */
  readonly readings?: ReadingsResult;
  /** For an empirical claim: the verdict under every protocol and seed, and its thresholds probed. */
  readonly robustness?: Robustness;
}

export interface Confirmed extends VerdictBase {
  readonly status: 'confirmed';
  readonly basis: Basis;
}

export interface Refuted extends VerdictBase {
  readonly status: 'refuted';
  readonly witness: Witness;
}

/**
 * Three computed results: the claim fails in general (`witness`), holds under a condition (`underCondition`), and, for
 * an assumption, the assumption itself is checked (`condition.check`).
 */
export interface HoldsUnder extends VerdictBase {
  readonly status: 'holds-under';
  /** The assumption or reading under which the claim holds. */
  readonly condition: Condition;
  /** Where the claim fails without the condition (in general, or under another reading). */
  readonly witness: Witness;
  /** That it holds under the condition: computed by the same machinery at points that satisfy it, or exactly. */
  readonly underCondition: Evidence;
}

export interface Inconclusive extends VerdictBase {
  readonly status: 'inconclusive';
  readonly reason: string;
}

/** The result of checking one claim. */
export type Verdict = Confirmed | Refuted | HoldsUnder | Inconclusive;

/** The four verdict statuses, in report order. */
export const VERDICT_STATUSES = ['confirmed', 'refuted', 'holds-under', 'inconclusive'] as const;
export type VerdictStatus = (typeof VERDICT_STATUSES)[number];
