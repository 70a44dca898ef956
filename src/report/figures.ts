/**
 * Experiment figures in the report: checks that sections are well formed and their SVG self-contained, names the
 * files figures are written to next to errata.md, and prepares each figure's body for errata.html (one inline SVG,
 * or a multi-panel figure's panels in a container that wraps them to the page's width; its CSS is `FIGURE_CSS`).
 */
import type { ReportFigure, ReportSection } from '../experiments/section.ts';

/** Directory, relative to the report directory, that holds the figures referenced by errata.md. */
export const FIGURES_DIR = 'figures';

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** `figures/<id>.svg`: where figure `id` is written, relative to the report directory. */
export function figureFile(id: string): string {
  return `${FIGURES_DIR}/${id}.svg`;
}

/** Why an SVG would reach outside the page, or null when it is self-contained. */
function outsideReference(svg: string): string | null {
  if (/<script[\s>]/i.test(svg)) return 'it contains a <script>';
  if (/<[^>]*\son[a-z]+\s*=/i.test(svg)) return 'it contains an event handler attribute';
  if (/(?:xlink:)?href\s*=\s*["'](?!#|data:)/i.test(svg))
    return 'it links to an external resource (href not "#…" or "data:")';
  if (/url\(\s*(?!["']?(?:#|data:))/i.test(svg)) return 'it loads an external resource through url(…)';
  if (/@import/i.test(svg)) return 'it imports a stylesheet';
  if (/<foreignObject[\s>]/i.test(svg)) return 'it embeds HTML (<foreignObject>)';
  return null;
}

/**
 * Checks experiment sections before they are rendered: every section, figure and table id is a file-safe name
 * (letters, digits, `.`, `_`, `-`), figure and table ids are unique across the report, every table row has as many
 * cells as columns, and every figure is a self-contained `<svg>` (no script, no external link or font). Throws a
 * `RangeError` naming the section, the item and what was received.
 */
export function validateSections(sections: readonly ReportSection[]): void {
  const seen = new Map<string, string>();
  const claim = (kind: string, id: string, section: string): void => {
    const key = `${kind}:${id}`;
    const previous = seen.get(key);
    if (previous !== undefined) {
      throw new RangeError(
        `report section ${section}: ${kind} id must be unique in the report, but "${id}" is also in section ${previous}`,
      );
    }
    seen.set(key, section);
  };
  for (const s of sections) {
    if (!ID.test(s.id))
      throw new RangeError(
        `report section: id must be letters, digits, ".", "_" or "-", but got ${JSON.stringify(s.id)}`,
      );
    claim('section', s.id, s.id);
    for (const f of s.figures) {
      if (!ID.test(f.id)) {
        throw new RangeError(
          `report section ${s.id}: figure id must be letters, digits, ".", "_" or "-", but got ${JSON.stringify(f.id)}`,
        );
      }
      claim('figure', f.id, s.id);
      if (!/<svg[\s>]/i.test(f.svg))
        throw new RangeError(
          `report section ${s.id}: figure ${f.id} must be an <svg> document, but got ${JSON.stringify(f.svg.slice(0, 40))}`,
        );
      const why = outsideReference(f.svg);
      if (why) throw new RangeError(`report section ${s.id}: figure ${f.id} must be self-contained SVG, but ${why}`);
      const parts = f.panels === undefined ? [] : [...f.panels.panels, ...(f.panels.legend ? [f.panels.legend] : [])];
      if (f.panels !== undefined && f.panels.panels.length === 0)
        throw new RangeError(`report section ${s.id}: figure ${f.id} has panels, but none is given`);
      for (const [i, part] of parts.entries()) {
        const which = i < f.panels!.panels.length ? `panel ${i}` : 'legend';
        if (!/<svg[\s>]/i.test(part))
          throw new RangeError(
            `report section ${s.id}: figure ${f.id} ${which} must be an <svg> document, but got ${JSON.stringify(part.slice(0, 40))}`,
          );
        const partWhy = outsideReference(part);
        if (partWhy)
          throw new RangeError(
            `report section ${s.id}: figure ${f.id} ${which} must be self-contained SVG, but ${partWhy}`,
          );
      }
    }
    for (const t of s.tables) {
      if (!ID.test(t.id)) {
        throw new RangeError(
          `report section ${s.id}: table id must be letters, digits, ".", "_" or "-", but got ${JSON.stringify(t.id)}`,
        );
      }
      claim('table', t.id, s.id);
      for (const [i, row] of t.rows.entries()) {
        if (row.length !== t.columns.length) {
          throw new RangeError(
            `report section ${s.id}: table ${t.id} row ${i} must have ${t.columns.length} cells, but got ${row.length}`,
          );
        }
      }
    }
  }
}

/** The SVG element of a figure without an XML declaration, doctype or comments before it. */
function svgElement(svg: string): string {
  const start = svg.search(/<svg[\s>]/i);
  return svg
    .slice(start)
    .replace(/<!--[\s\S]*?-->/g, '')
    .trim();
}

/** A figure as a standalone `.svg` file (the SVG namespace added when missing), ending with a newline. */
export function figureFileContent(figure: ReportFigure): string {
  let svg = svgElement(figure.svg);
  if (!/^<svg[^>]*\sxmlns\s*=/i.test(svg)) svg = svg.replace(/^<svg/i, '<svg xmlns="http://www.w3.org/2000/svg"');
  return `${svg}\n`;
}

const escapeHtml = (s: string): string => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * An SVG ready to be inlined in a page that holds other figures: every `id` it defines, and every `#id` reference to
 * it (`url(#…)`, `href="#…"`), is prefixed with `prefix` so ids cannot collide across figures; a `viewBox` is added
 * from numeric `width`/`height` when missing so the figure can scale to the page; it is labelled `label` for screen
 * readers.
 */
function inlineOne(source: string, prefix: string, label: string): string {
  let svg = svgElement(source);
  const ids = new Set([...svg.matchAll(/\sid\s*=\s*"([^"]+)"/g)].map((m) => m[1]!));
  if (ids.size > 0) {
    svg = svg
      .replace(/(\sid\s*=\s*")([^"]+)"/g, (_m, a: string, id: string) => `${a}${prefix}${id}"`)
      .replace(/url\(\s*(["']?)#([^)"'\s]+)\1\s*\)/g, (m, _q: string, id: string) =>
        ids.has(id) ? `url(#${prefix}${id})` : m,
      )
      .replace(/((?:xlink:)?href\s*=\s*")#([^"]+)"/g, (m, a: string, id: string) =>
        ids.has(id) ? `${a}#${prefix}${id}"` : m,
      );
  }
  const open = /^<svg[^>]*>/i.exec(svg)![0];
  let tag = open;
  if (!/\sviewBox\s*=/i.test(tag)) {
    const w = /\swidth\s*=\s*"([\d.]+)(?:px)?"/.exec(tag)?.[1];
    const h = /\sheight\s*=\s*"([\d.]+)(?:px)?"/.exec(tag)?.[1];
    if (w !== undefined && h !== undefined) tag = tag.replace(/^<svg/i, `<svg viewBox="0 0 ${w} ${h}"`);
  }
  if (!/\srole\s*=/i.test(tag)) tag = tag.replace(/^<svg/i, '<svg role="img"');
  if (!/\saria-label\s*=/i.test(tag)) tag = tag.replace(/^<svg/i, `<svg aria-label="${escapeHtml(label)}"`);
  return tag + svg.slice(open.length);
}

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of an SVG's `<title>` (XML entities decoded), or undefined. */
function svgTitle(svg: string): string | undefined {
  return /<title>([^<]*)<\/title>/i
    .exec(svg)?.[1]
    ?.replace(/&(amp|lt|gt|quot|apos);/g, (_m, e: string) => XML_ENTITIES[e]!);
}

/**
 * The body of a figure in errata.html (what goes inside its `<figure>`, before the caption). A figure without
 * `panels`: its SVG inlined (ids prefixed with `prefix` so they cannot collide across figures, a `viewBox` added from
 * numeric `width`/`height` so it scales to the page, labelled with the figure's title for screen readers). A figure
 * with `panels`: `<div class="figure-panels">` holding its title (and subtitle) as text, a `figure-grid` of one
 * `figure-panel` per panel SVG plus the `figure-legend` SVG, and its note as text, each SVG inlined as above with
 * its own prefix; `FIGURE_CSS` (`src/report/figure-style.ts`) lays the grid out side by side where the page is wide
 * and one panel under another on a phone (without it the panels simply stack).
 */
export function inlineSvg(figure: ReportFigure, prefix: string): string {
  const p = figure.panels;
  if (p === undefined) return inlineOne(figure.svg, prefix, figure.title);
  const panels = p.panels.map(
    (svg, k) =>
      `<div class="figure-panel">${inlineOne(svg, `${prefix}p${k}-`, svgTitle(svg) ?? `${figure.title}, panel ${k + 1}`)}</div>`,
  );
  const legend =
    p.legend === undefined
      ? ''
      : `<div class="figure-legend">${inlineOne(p.legend, `${prefix}legend-`, `Legend: ${svgTitle(p.legend) ?? figure.title}`)}</div>`;
  return (
    `<div class="figure-panels" role="group" aria-label="${escapeHtml(figure.title)}">` +
    `<p class="figure-heading">${escapeHtml(p.title)}</p>` +
    (p.subtitle === undefined ? '' : `<p class="figure-subtitle">${escapeHtml(p.subtitle)}</p>`) +
    `<div class="figure-grid">${panels.join('')}${legend}</div>` +
    (p.note === undefined ? '' : `<p class="figure-note">${escapeHtml(p.note)}</p>`) +
    '</div>'
  );
}
