/** A claim record as loaded against one paper text, and the result of checking it. */
import type { ParsedLatex } from '../latex/parse.ts';
import type { Locator } from '../paper/locate.ts';
import type { ClaimRecord } from './schema.ts';
import type { Verdict } from './verdict.ts';

/** A fragment of printed LaTeX with the expression parsed from it. */
export interface ParsedFragment {
  readonly role: string;
  readonly printed: string;
  readonly parsed: ParsedLatex;
}

/** A fragment as read from the paper: its text, and the line it stands on. */
export interface PrintedFragment {
  readonly role: string;
  readonly parse: boolean;
  readonly printed: string;
  readonly at?: Locator;
  /** 1-based line of the paper text. */
  readonly line?: number;
  /** The equation number it stands under in this version, when the record expected another (`at.equation`). */
  readonly renumbered?: string;
}

/** A validated claim record with its formulas as printed in the paper, parsed. */
export interface LoadedClaim extends Omit<ClaimRecord, 'latex' | 'quote'> {
  readonly latex: readonly PrintedFragment[];
  /** The quoted text as printed in the paper (a table's rows as read from it). */
  readonly quote?: string;
  readonly parsedLatex: readonly ParsedFragment[];
  /** Why this version of the paper does not make the claim: fragments or quote not found (empty when it does). */
  readonly notInPaper: readonly string[];
  /** Formulas of this version that could not be parsed or use symbols the record does not declare. */
  readonly unreadable: readonly string[];
  /** 1-based line of the paper where the quote stands, when it has one found there. */
  readonly quoteLine?: number;
}

/** One verdict with the time its check took. */
export interface CheckResult {
  readonly claim: LoadedClaim;
  readonly verdict: Verdict;
  readonly millis: number;
}
