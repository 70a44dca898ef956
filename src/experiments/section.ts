/**
 * What experiments contribute to the errata report besides verdicts: sections with figures (inline SVG) and tables
 * (the paper's values beside ours), plus their provenance, or a "not measured here" entry saying how to measure.
 */

/**
 * A multi-panel figure in pieces, for pages that lay panels out to the screen's width (side by side, or one under
 * another on a phone): its heading and small print as text, one self-contained SVG per panel and the shared legend.
 */
export interface FigurePanels {
  readonly title: string;
  readonly subtitle?: string;
  readonly note?: string;
  readonly panels: readonly string[];
  readonly legend?: string;
}

/** A figure drawn as self-contained SVG (no external fonts or links). */
export interface ReportFigure {
  readonly id: string;
  readonly title: string;
  readonly caption: string;
  /** The whole figure as one SVG: the file `figures/<id>.svg` (and its PNG). */
  readonly svg: string;
  /** The same figure in pieces (multi-panel figures), which errata.html lays out to the page's width. */
  readonly panels?: FigurePanels;
  /** Path of a PNG rendering written next to the report, where one was made. */
  readonly png?: string;
  /** Ids of the claims this figure bears on: each claim's entry in the report links to it. */
  readonly claims?: readonly string[];
}

/** A table: header and rows of already formatted cells. */
export interface ReportTable {
  readonly id: string;
  readonly title: string;
  readonly caption?: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Ids of the claims this table bears on: each claim's entry in the report links to it. */
  readonly claims?: readonly string[];
}

/** One experiment's contribution to the report. */
export interface ReportSection {
  readonly id: string;
  readonly title: string;
  /** One paragraph: what was measured, on what data, with which settings. */
  readonly summary: string;
  readonly figures: readonly ReportFigure[];
  readonly tables: readonly ReportTable[];
  /** Data files, image counts, seeds, backend, settings: deterministic fields only (times go to provenance.json). */
  readonly provenance: Readonly<Record<string, string>>;
  /** Set when the experiment could not run here (e.g. CIFAR-10 absent): why, and the command that measures it. */
  readonly notMeasured?: { readonly reason: string; readonly command: string };
  /** Ids of the claims the section as a whole bears on (linked from their entries when no figure or table names them). */
  readonly claims?: readonly string[];
}
