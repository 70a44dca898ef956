/**
 * The errata document: every checked claim with its verdict and evidence, the experiments' sections, provenance and
 * counts. errata.md, errata.json and errata.html are all rendered from it, so they always say the same thing.
 */
import type { CheckResult } from '../claims/loaded.ts';
import type { Location } from '../claims/schema.ts';
import type { Verdict } from '../claims/verdict.ts';
import { propagate, type Need, type Propagated } from '../claims/propagate.ts';
import { findings as groupFindings, type Finding, type Severity } from '../claims/findings.ts';
import { countVerdicts, type VerdictCounts } from './counts.ts';
import { formatLocation } from './location.ts';
import { figureFile, validateSections } from './figures.ts';
import { joinRoleFragments, type DisplayFormula } from './math.ts';
import type { ReportProvenance } from './provenance.ts';
import path from 'node:path';
import { DEFAULT_PAPER } from '../paper/paper.ts';
import { reproduceCommand } from './reproduce.ts';
import type { ReportSection } from '../experiments/section.ts';

/** The paper the errata are about, as read from the paper file. */
export interface ErrataPaper {
  readonly title: string;
  readonly authors: string;
}

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
  /** The printed fragments as displayed: one formula per role, fragments joined, display-safe fix-ups only. */
  readonly printedDisplay: readonly DisplayFormula[];
  /** The experiment figures, tables and sections this claim rests on (those that name it). */
  readonly restsOn: readonly ErrataReference[];
  readonly assumptions: readonly string[];
  readonly dependsOn: readonly string[];
  readonly verdict: Verdict;
  /** What a failure of this claim alone would change (the record's category). */
  readonly category: Severity;
  /** The readings and assumptions this claim needs, its own and those of the claims it rests on. */
  readonly needs: readonly Need[];
  /** Shared conventions with no reading under which this claim and everything it rests on hold. */
  readonly conflicts: Propagated['conflicts'];
  /** Readings under which this claim holds although two or more claims it rests on fail (errors cancelling). */
  readonly cancellations: Propagated['cancellations'];
  /** The finding this claim belongs to (refuted and holds-under claims), with its severity. */
  readonly finding: { readonly id: string; readonly severity: Severity } | null;
  /** The command that replays this check. */
  readonly reproduce: string;
}

/** A figure, table or whole section of an experiment that a claim rests on. */
export interface ErrataReference {
  readonly kind: 'figure' | 'table' | 'section';
  readonly id: string;
  readonly title: string;
  /** Id of the section that holds it (its own id for a section). */
  readonly section: string;
}

/** An experiment figure as the report lists it: the SVG itself is written to `file`, next to errata.md. */
export interface ErrataFigure {
  readonly id: string;
  readonly title: string;
  readonly caption: string;
  /** `figures/<id>.svg`, relative to the report directory. */
  readonly file: string;
  readonly png: string | null;
  readonly claims: readonly string[];
}

/** An experiment table (the paper's values beside ours), inline in every format. */
export interface ErrataTable {
  readonly id: string;
  readonly title: string;
  readonly caption: string | null;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly claims: readonly string[];
}

/** An experiment's section of the report, or the box saying it was not measured here and how to measure it. */
export interface ErrataSection {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly figures: readonly ErrataFigure[];
  readonly tables: readonly ErrataTable[];
  readonly provenance: Readonly<Record<string, string>>;
  readonly notMeasured: { readonly reason: string; readonly command: string } | null;
  readonly claims: readonly string[];
}

/** The whole errata report. */
export interface ErrataDocument {
  readonly title: string;
  readonly paper: ErrataPaper;
  readonly provenance: ReportProvenance;
  readonly counts: VerdictCounts;
  /** Refuted and holds-under verdicts grouped by root cause, most severe first (src/claims/findings.ts). */
  readonly findings: readonly Finding[];
  readonly claims: readonly ErrataEntry[];
  /** The experiments' sections, in the order given. */
  readonly sections: readonly ErrataSection[];
}

function errataSection(s: ReportSection): ErrataSection {
  return {
    id: s.id,
    title: s.title,
    summary: s.summary,
    figures: s.figures.map((f) => ({
      id: f.id,
      title: f.title,
      caption: f.caption,
      file: figureFile(f.id),
      png: f.png ?? null,
      claims: [...(f.claims ?? [])],
    })),
    tables: s.tables.map((t) => ({
      id: t.id,
      title: t.title,
      caption: t.caption ?? null,
      columns: [...t.columns],
      rows: t.rows.map((r) => [...r]),
      claims: [...(t.claims ?? [])],
    })),
    provenance: { ...s.provenance },
    notMeasured: s.notMeasured ? { reason: s.notMeasured.reason, command: s.notMeasured.command } : null,
    claims: [...(s.claims ?? [])],
  };
}

/** What claim `id` rests on: the figures and tables that name it, else the sections that name it. */
function restsOn(id: string, sections: readonly ErrataSection[]): ErrataReference[] {
  const refs: ErrataReference[] = [];
  for (const s of sections) {
    const before = refs.length;
    for (const f of s.figures)
      if (f.claims.includes(id)) refs.push({ kind: 'figure', id: f.id, title: f.title, section: s.id });
    for (const t of s.tables)
      if (t.claims.includes(id)) refs.push({ kind: 'table', id: t.id, title: t.title, section: s.id });
    if (refs.length === before && s.claims.includes(id))
      refs.push({ kind: 'section', id: s.id, title: s.title, section: s.id });
  }
  return refs;
}

/**
 * Builds the errata document from check results (in the order given), the experiments' sections (validated with
 * `validateSections`) and the run's deterministic provenance.
 */
export function buildErrata(
  results: readonly CheckResult[],
  provenance: ReportProvenance,
  sections: readonly ReportSection[] = [],
): ErrataDocument {
  validateSections(sections);
  const errataSections = sections.map(errataSection);
  const inputs = results.map(({ claim, verdict }) => ({
    id: claim.id,
    dependsOn: claim.dependsOn,
    category: claim.category,
    states: claim.states,
    verdict,
  }));
  const propagated = propagate(inputs);
  const found = groupFindings(inputs, propagated);
  const prop = new Map(propagated.map((p) => [p.id, p]));
  const findingOf = new Map(
    found.flatMap((f) =>
      [...f.roots, ...f.consequences].map((id) => [id, { id: f.id, severity: f.severity }] as const),
    ),
  );
  return {
    title: `Errata: ${provenance.paper.title}`,
    paper: { title: provenance.paper.title, authors: provenance.paper.authors },
    provenance,
    counts: countVerdicts(results.map((r) => r.verdict)),
    findings: found,
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
      printedDisplay: joinRoleFragments(claim.latex),
      restsOn: restsOn(claim.id, errataSections),
      assumptions: claim.assumptions,
      dependsOn: claim.dependsOn,
      verdict,
      category: claim.category,
      needs: prop.get(claim.id)!.needs,
      conflicts: prop.get(claim.id)!.conflicts,
      cancellations: prop.get(claim.id)!.cancellations,
      finding: findingOf.get(claim.id) ?? null,
      reproduce: reproduceCommand(
        claim.id,
        provenance.seed,
        [
          provenance.experiments?.claims?.includes(claim.id) ? provenance.experiments.flags : '',
          // Another paper text than the shipped one is named FILE, as data directories are DIR (paths are host details).
          provenance.paper.file === path.basename(DEFAULT_PAPER) ? '' : '--paper FILE',
        ]
          .filter((f) => f)
          .join(' '),
      ),
    })),
    sections: errataSections,
  };
}
