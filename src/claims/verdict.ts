/**
 * Verdicts are data: what a check concluded about a claim, with the evidence that decided it.
 *
 * A verdict is never written by hand: every one is returned by a check in `checks/` that ran a computation.
 */

/** A point of a claim's domain at which the paper's value and the derived value were both computed. */
export interface Witness {
  /** Variable assignment (exact decimal strings so every precision sees the same point). */
  readonly point: Readonly<Record<string, string>>;
  /** What the paper's formula or statement gives there. */
  readonly paperValue: string;
  /** What follows from the derivation there. */
  readonly ourValue: string;
}

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
}

export interface Confirmed extends VerdictBase {
  readonly status: 'confirmed';
}

export interface Refuted extends VerdictBase {
  readonly status: 'refuted';
  readonly witness: Witness;
}

export interface HoldsUnder extends VerdictBase {
  readonly status: 'holds-under';
  /** The assumption under which the claim holds. */
  readonly assumption: string;
  /** Whether the assumption is realistic, and what it forces (computed evidence). */
  readonly assumptionEvidence: Evidence;
  /** Where the claim fails without the assumption, when a witness was found. */
  readonly witness?: Witness;
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
