/**
 * The errata document: every checked claim with its verdict and evidence, plus provenance and counts. Both
 * errata.md and errata.json are rendered from it, so they always say the same thing.
 */
import type { CheckResult } from '../run.ts';
import type { Location } from '../claims/schema.ts';
import type { Verdict } from '../claims/verdict.ts';
import { countVerdicts, type VerdictCounts } from './counts.ts';
import { formatLocation } from './location.ts';
import type { ReportProvenance } from './provenance.ts';
import { reproduceCommand } from './reproduce.ts';

/** The paper the errata are about. */
export const PAPER = {
  title: 'Adversarial Training Makes Weight Loss Landscape Sharper in Logistic Regression',
  authors: 'Masanori Yamada, Sekitoshi Kanai, Tomoharu Iwata, Tomokatsu Takahashi, Yuki Yamanaka, Hiroshi Takahashi, Atsutoshi Kumagai',
} as const;

/** One claim of the errata: the record's text and the verdict computed for it. */
export interface ErrataEntry {
  readonly id: string;
  readonly title: string;
  readonly statement: string;
  readonly location: Location;
  /** `formatLocation(location)`. */
  readonly locationText: string;
  readonly kind: string;
  /** True when the printed formula could not be parsed and was transcribed by hand. */
  readonly transcribed: boolean;
  /** The hand transcription (mathjs syntax), when `transcribed`. */
  readonly transcription: string | null;
  readonly quote: string | null;
  /** LaTeX fragments exactly as printed in the paper. */
  readonly printedLatex: readonly { readonly role: string; readonly printed: string }[];
  readonly assumptions: readonly string[];
  readonly dependsOn: readonly string[];
  readonly verdict: Verdict;
  /** The command that replays this check. */
  readonly reproduce: string;
}

/** The whole errata report. */
export interface ErrataDocument {
  readonly title: string;
  readonly paper: typeof PAPER;
  readonly provenance: ReportProvenance;
  readonly counts: VerdictCounts;
  readonly claims: readonly ErrataEntry[];
}

/** Builds the errata document from check results (in the order given) and the run's deterministic provenance. */
export function buildErrata(results: readonly CheckResult[], provenance: ReportProvenance): ErrataDocument {
  return {
    title: `Errata: ${PAPER.title}`,
    paper: PAPER,
    provenance,
    counts: countVerdicts(results.map((r) => r.verdict)),
    claims: results.map(({ claim, verdict }) => ({
      id: claim.id,
      title: claim.title,
      statement: claim.statement,
      location: claim.location,
      locationText: formatLocation(claim.location),
      kind: claim.kind,
      transcribed: claim.transcribed,
      transcription: claim.transcribed ? (claim.transcription ?? null) : null,
      quote: claim.quote ?? null,
      printedLatex: claim.latex.map((f) => ({ role: f.role, printed: f.printed })),
      assumptions: claim.assumptions,
      dependsOn: claim.dependsOn,
      verdict,
      reproduce: reproduceCommand(claim.id, provenance.seed),
    })),
  };
}
