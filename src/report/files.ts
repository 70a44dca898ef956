/**
 * Every file of a report, rendered from the same inputs: errata.md, errata.json, errata.html, provenance.json and
 * the figures (`figures/<id>.svg`) errata.md refers to.
 */
import type { CheckResult } from '../claims/loaded.ts';
import { buildErrata } from './errata.ts';
import { figureFile, figureFileContent } from './figures.ts';
import { renderErrataDocumentHtml, type MathFailure } from './html.ts';
import { stableJson } from '../fs/json.ts';
import { renderErrataDocumentMarkdown } from './markdown.ts';
import type { ReportProvenance, RunProvenance } from './provenance.ts';
import type { ReportSection } from '../experiments/section.ts';
import type { OutputFile } from '../fs/write-dir-atomic.ts';
import { svgToPng } from '../plot/png.ts';

/** The files of a report and the formulas that failed to render in its HTML. */
export interface ReportFiles {
  /** errata.md, errata.json, errata.html, provenance.json, then one `figures/<id>.svg` per figure. */
  readonly files: readonly OutputFile[];
  readonly mathFailures: readonly MathFailure[];
}

/**
 * Renders every file of a report. errata.md, errata.json and the figures depend only on `results`, `sections` and
 * `provenance` (so the same inputs and seed give the same bytes); errata.html also shows `run`'s time and host, and
 * provenance.json holds both provenances and each section's provenance (its data files, seeds, results files).
 */
export function reportFiles(
  results: readonly CheckResult[],
  provenance: ReportProvenance,
  sections: readonly ReportSection[],
  run: RunProvenance,
): ReportFiles {
  const doc = buildErrata(results, provenance, sections);
  const { html, mathFailures } = renderErrataDocumentHtml(doc, sections, run);
  const files: OutputFile[] = [
    { name: 'errata.md', content: renderErrataDocumentMarkdown(doc) },
    { name: 'errata.json', content: stableJson(doc) },
    { name: 'errata.html', content: html },
    {
      name: 'provenance.json',
      content: stableJson({
        report: provenance,
        run,
        sections: Object.fromEntries(sections.map((s) => [s.id, s.provenance])),
      }),
    },
    ...sections.flatMap((s) => s.figures.map((f) => ({ name: figureFile(f.id), content: figureFileContent(f) }))),
  ];
  return { files, mathFailures };
}

/**
 * PNG renderings (`figures/<id>.png`, 1200 px wide) of every figure, for viewers that want raster images; empty when
 * the rasteriser (`@resvg/resvg-js`) is not available. Not part of the byte-identical set (fonts are the system's).
 */
export async function figurePngFiles(sections: readonly ReportSection[]): Promise<OutputFile[]> {
  const out: OutputFile[] = [];
  for (const f of sections.flatMap((s) => s.figures)) {
    const png = await svgToPng(figureFileContent(f), { width: 1200 });
    if (png.ok) out.push({ name: figureFile(f.id).replace(/\.svg$/, '.png'), content: png.png });
  }
  return out;
}
