/**
 * errata.html: the errata document as one self-contained page. Math is rendered with KaTeX at build time, KaTeX's
 * fonts are inlined (only those used), figures are inline SVG, and a Content-Security-Policy forbids every fetch,
 * so the page shows the same with no network. One small inline script filters and sorts the claim table.
 */
import { enginesNote, findingNotes, HOW_VERDICTS_ARISE } from './finding-text.ts';
import {
  buildOverview,
  checkedElsewhere,
  codeParts,
  CONDITIONAL_INTRO,
  type Overview,
  type OverviewFinding,
  VERDICT_LEGEND,
} from './overview.ts';
import { anchor } from './anchor.ts';
import { plainMathParts } from './plain-math.ts';
import { pointKeyLatex, pointKeyText, roleLabel } from './labels.ts';
import { locationSortKey } from './location.ts';
import {
  basisText,
  enclosureText,
  needLines,
  checkRows,
  conditionSource,
  conditionTitle,
  correctionIsDerived,
  evidenceShown,
  restatesReading,
  protocolRows,
  readingRows,
  splitsText,
  thresholdRows,
  verdictLine,
} from './conditions.ts';
import { createHash } from 'node:crypto';
import type { CheckResult } from '../claims/loaded.ts';
import {
  VERDICT_STATUSES,
  type EngineAgreement,
  type Robustness,
  type Verdict,
  type Witness,
} from '../claims/verdict.ts';
import {
  buildErrata,
  type ErrataDocument,
  type ErrataEntry,
  type ErrataReference,
  type ErrataSection,
} from './errata.ts';
import { inlineSvg } from './figures.ts';
import { PAGE_SCRIPT } from './html-script.ts';
import { PAGE_CSS } from './html-style.ts';
import { FIGURE_CSS } from './figure-style.ts';
import { katexStylesheet } from './katex-css.ts';
import { displayFixups, KATEX_VERSION, renderMath } from './math.ts';
import { oneLine } from './one-line.ts';
import type { ReportProvenance, RunProvenance } from './provenance.ts';
import { splitQuoteMath } from './quote-math.ts';
import type { ReportFigure, ReportSection } from '../experiments/section.ts';
import { TRANSCRIBED_MARK } from './verdict-rows.ts';

/** A formula KaTeX could not render: which claim, which role, the LaTeX and KaTeX's message. */
export interface MathFailure {
  readonly claim: string;
  readonly role: string;
  readonly latex: string;
  readonly message: string;
}

/** errata.html and the formulas that failed to render in it (shown in the page too; empty when all rendered). */
export interface HtmlReport {
  readonly html: string;
  readonly mathFailures: readonly MathFailure[];
}

/** Escapes text for HTML element content and attribute values. */
function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Up to this many claims, the entries of claims in a finding start open (a short report); beyond it all start closed. */
const OPEN_ALL_AT_MOST = 12;

/** The anchor of the overview's n-th finding (1-based, in report order). */
const findingAnchor = (n: number): string => `finding-${n}`;

class Renderer {
  readonly failures: MathFailure[] = [];
  readonly mathHtml: string[] = [];
  private readonly overview: Overview;
  /** Each finding of the overview by finding id, with its number there (1-based, in report order). */
  private readonly numbered: Map<string, { readonly item: OverviewFinding; readonly n: number }>;
  constructor(
    private readonly doc: ErrataDocument,
    private readonly svgs: ReadonlyMap<string, ReportFigure>,
  ) {
    this.overview = buildOverview(doc);
    this.numbered = new Map(
      [...this.overview.wrong, ...this.overview.conditional].map((item, i) => [item.finding.id, { item, n: i + 1 }]),
    );
  }

  math(latex: string, claim: string, role: string, display = true): string {
    const { html, error } = renderMath(latex, display);
    if (error !== null) this.failures.push({ claim, role, latex, message: error });
    this.mathHtml.push(html);
    return html;
  }

  /**
   * Plain text with its indexed symbols (`x_i^n`, `w*`) set as math: the letter in the math italic, indices below and
   * above (stacked when both). Light HTML rather than KaTeX's, since a report has a thousand of them; LaTeX written
   * in the text goes through KaTeX.
   */
  prose(text: string): string {
    const script = (xs: readonly string[]): string => xs.map((x) => (x === '*' ? '∗' : esc(x))).join(',');
    return plainMathParts(text)
      .map((p) => {
        if ('text' in p) return esc(p.text);
        // LaTeX written in the text (a witness naming a printed symbol) is rendered by KaTeX.
        if (p.base === '') {
          // Text that only looks like LaTeX (KaTeX cannot render it) stays text.
          const { html, error } = renderMath(displayFixups(p.latex), false);
          if (error !== null) return esc(p.latex);
          this.mathHtml.push(html);
          return html;
        }
        const indices =
          p.sub.length > 0 && p.sup.length > 0
            ? `<span class="ss"><span>${script(p.sup)}</span><span>${script(p.sub)}</span></span>`
            : p.sub.length > 0
              ? `<sub>${script(p.sub)}</sub>`
              : `<sup>${script(p.sup)}</sup>`;
        return `<span class="sym" title="${esc(p.latex)}"><var>${esc(p.base)}</var>${indices}</span>`;
      })
      .join('');
  }

  /** Text with its backtick spans as code. */
  codeText(text: string): string {
    return codeParts(text)
      .map((p) => (p.code ? `<code>${esc(p.text)}</code>` : esc(p.text)))
      .join('');
  }

  badge(status: string): string {
    return `<span class="badge v-${esc(status)}">${esc(status)}</span>`;
  }

  claimLink(id: string): string {
    return this.doc.claims.some((c) => c.id === id)
      ? `<a href="#${anchor('claim', id)}"><code>${esc(id)}</code></a>`
      : `<code>${esc(id)}</code>`;
  }

  evidence(v: Verdict): string {
    const { summary, details } = evidenceShown(v);
    return (
      (summary ? `<p>${esc(summary)}</p>` : '') +
      (details.length > 0 ? `<ul>${details.map((d) => `<li>${esc(d)}</li>`).join('')}</ul>` : '')
    );
  }

  /** A witness point: symbols as math, words as words; a long point (a random instance) in its own fold. */
  point(point: Readonly<Record<string, string>>, claim: string): string {
    const entries = Object.entries(point);
    if (entries.length === 0) return '(none)';
    const one = ([k, v]: [string, string]): string => {
      const latex = pointKeyLatex(k);
      const name = latex !== null ? this.math(latex, claim, 'witness', false) : this.prose(pointKeyText(k));
      return `<span class="pt">${name}&#8239;=&#8239;<code>${esc(v)}</code></span>`;
    };
    const words = entries.filter(([k]) => pointKeyLatex(k) === null);
    const symbols = entries.filter(([k]) => pointKeyLatex(k) !== null);
    if (symbols.length <= 4) return entries.map(one).join(', ');
    return (
      (words.length > 0 ? `${words.map(one).join(', ')} ` : '') +
      `<details class="inline"><summary>the ${symbols.length} values of the point</summary>${symbols.map(one).join(', ')}</details>`
    );
  }

  witness(w: Witness, heading: string, claim: string): string {
    return (
      `<div class="callout witness"><h4>${heading}</h4><table class="kv"><tbody>` +
      `<tr><th scope="row">at</th><td>${this.point(w.point, claim)}</td></tr>` +
      `<tr><th scope="row" title="what the paper states, as the check reads it">claimed</th><td>${this.prose(w.paperValue)}</td></tr>` +
      `<tr><th scope="row">found</th><td>${this.prose(w.ourValue)}</td></tr>` +
      (enclosureText(w) ? `<tr><th scope="row">enclosure</th><td>${esc(enclosureText(w)!)}</td></tr>` : '') +
      `</tbody></table></div>`
    );
  }

  engines(engines: readonly EngineAgreement[] | undefined): string {
    if (!engines || engines.length === 0) return '<p class="meta">No engine comparison was made for this check.</p>';
    const agrees = (a: boolean | null): string => (a === null ? 'could not run' : a ? 'yes' : 'no');
    return (
      `<p class="meta">${esc(enginesNote(engines))}</p>` +
      htmlTable(
        ['engine', 'agrees', 'note'],
        engines.map((e) => [e.engine, agrees(e.agrees), e.note]),
      )
    );
  }

  /** The holds-under condition; its computed check in full unless another entry of its finding shows the same. */
  condition(v: Verdict & { status: 'holds-under' }, e: ErrataEntry): string {
    const c = v.condition;
    const elsewhere = checkedElsewhere(this.overview, this.doc, e);
    let checked = '';
    if (c.kind === 'assumption') {
      const realism = e.finding ? this.numbered.get(e.finding.id)?.item.condition?.realism.label : undefined;
      checked =
        elsewhere === null
          ? '<h5>The assumption, checked</h5>' + htmlTable(['question', 'answer', 'evidence'], checkRows(c.check))
          : `<p class="meta">Checked once, in the entry of <a href="#${anchor('claim', elsewhere)}">${esc(elsewhere)}</a>${realism ? `: ${esc(realism)}` : ''}.</p>`;
    }
    return (
      `<div class="callout assumption"><h4>Holds under the ${c.kind}</h4><p>${this.prose(conditionTitle(c).trim())}</p><p class="meta">${esc(conditionSource(c))}</p>` +
      (restatesReading(v) ? '' : `<h5>Under the ${c.kind}</h5><p>${esc(v.underCondition.summary)}</p>`) +
      `${checked}</div>` +
      this.witness(v.witness, `Without the ${c.kind}: where the claim fails`, e.id)
    );
  }

  status(v: Verdict, e: ErrataEntry): string {
    switch (v.status) {
      case 'confirmed':
        return `<p class="meta">How it was confirmed: ${esc(basisText(v.basis))}</p>`;
      case 'refuted':
        return this.witness(v.witness, 'Witness: where the paper and the check differ', e.id);
      case 'holds-under':
        return this.condition(v, e);
      case 'inconclusive':
        return `<div class="callout reason"><h4>Why inconclusive</h4><p>${this.codeText(v.reason.trim())}</p></div>`;
    }
  }

  reference(ref: ErrataReference): string {
    const target =
      ref.kind === 'figure'
        ? anchor('fig', ref.id)
        : ref.kind === 'table'
          ? anchor('tab', ref.id)
          : anchor('sec', ref.id);
    return `${ref.kind} <a href="#${target}">${esc(ref.title)}</a> (<code>${esc(ref.id)}</code>)`;
  }

  formulas(e: ErrataEntry): string {
    const v = e.verdict;
    const printed = e.printedDisplay.map(
      (f) =>
        `<figure class="formula printed"><figcaption>${esc(roleLabel(f.role))}${f.fragments > 1 ? ` · ${f.fragments} printed rows joined` : ''}</figcaption>${this.math(f.latex, e.id, f.role)}</figure>`,
    );
    const derived: string[] = [];
    const merged = correctionIsDerived(v);
    if (v.derivedLatex) {
      const caption = merged
        ? `derived, and the correction (the same check on it: ${v.correction!.check}; ${oneLine(v.correction!.evidence)})`
        : 'derived';
      derived.push(
        `<figure class="formula ${merged ? 'corrected' : 'derived'}"><figcaption>${esc(caption)}</figcaption>${this.math(displayFixups(v.derivedLatex), e.id, 'derived')}</figure>`,
      );
    }
    if (v.correction && !merged) {
      const c = v.correction;
      const body =
        (c.latex ? this.math(displayFixups(c.latex), e.id, 'corrected') : '') +
        (c.statement ? `<p>${this.prose(c.statement.trim())}</p>` : '');
      derived.push(
        `<figure class="formula corrected"><figcaption>corrected · the same check on the correction: ${esc(c.check)}; ${esc(oneLine(c.evidence))}</figcaption>${body}</figure>`,
      );
    }
    if (printed.length === 0 && derived.length === 0) return '';
    return (
      '<div class="formulas">' +
      (printed.length > 0 ? `<h4>Printed in the paper</h4>${printed.join('')}` : '') +
      (derived.length > 0 ? `<h4>${v.correction ? 'Derived and corrected' : 'Derived'}</h4>${derived.join('')}` : '') +
      '</div>'
    );
  }

  entry(e: ErrataEntry): string {
    const v = e.verdict;
    const open = e.finding !== null && this.doc.claims.length <= OPEN_ALL_AT_MOST;
    const out: string[] = [];
    out.push(`<article class="claim" id="${anchor('claim', e.id)}" data-verdict="${esc(v.status)}">`);
    out.push(
      `<details class="entry"${open ? ' open' : ''}><summary><span class="line">${this.badge(v.status)}${v.robustness?.fragile ? ' <span class="badge fragile">fragile</span>' : ''} <strong>${this.prose(e.title)}</strong> <code class="id">${esc(e.id)}</code> <span class="loc">${esc(e.locationText)}${e.transcribed ? ` · ${TRANSCRIBED_MARK}` : ''}</span></span>` +
        `<span class="why">${esc(oneLine(verdictLine(v), 200))}</span></summary>`,
    );
    if (e.transcribed) {
      out.push(
        `<div class="callout transcribed"><p><strong>Transcribed by hand.</strong> The printed LaTeX could not be parsed mechanically; the check used this transcription${e.transcription ? `: <code>${esc(e.transcription)}</code>` : '.'}</p></div>`,
      );
    }
    out.push(`<p class="statement">${this.prose(e.statement.trim())}</p>`);
    if (e.quote) {
      const quote = splitQuoteMath(e.quote.trim())
        .map((p) => ('text' in p ? esc(p.text) : this.math(displayFixups(p.latex), e.id, 'quote', false)))
        .join('');
      out.push(`<blockquote>${quote}</blockquote>`);
    }
    out.push(this.formulas(e));
    if (v.readings) {
      out.push(
        `<h5>Readings: ${esc(v.readings.question)}</h5>${v.readings.quote ? `<p class="meta">The paper’s words: “${esc(v.readings.quote)}”</p>` : ''}` +
          htmlTable(['reading', 'literal', 'outcome', 'evidence'], readingRows(v.readings)),
      );
    }
    if (v.robustness) out.push(robustnessHtml(v.robustness));
    out.push(this.status(v, e));
    const needs = needLines(e.needs, e.id);
    const n = e.finding ? this.numbered.get(e.finding.id)?.n : undefined;
    const findingLink = e.finding
      ? `<a href="#${n === undefined ? 'findings' : findingAnchor(n)}">finding ${n ?? ''}</a> (severity ${esc(e.finding.severity)})`
      : '';
    const notes = [
      ...(needs.length > 0 ? [this.prose(`Rests on ${needs.join('; ')}.`)] : []),
      ...e.cancellations.map((c) =>
        esc(
          `Errors cancel: this claim holds under the reading “${c.reading}” although ${c.failing.join(' and ')} fail under it.`,
        ),
      ),
      ...e.conflicts.map((c) =>
        esc(`Conflicting readings: no reading of ${c.convention} makes ${c.claims.join(', ')} all hold.`),
      ),
      ...(findingLink ? [`Part of ${findingLink}.`] : []),
    ];
    if (notes.length > 0) out.push(`<p class="meta">${notes.join(' ')}</p>`);
    const evidence = this.evidence(v);
    if (evidence) out.push(`<h4>Evidence</h4><div class="evidence">${evidence}</div>`);
    if (e.restsOn.length > 0)
      out.push(`<p class="refs"><strong>Rests on:</strong> ${e.restsOn.map((r) => this.reference(r)).join('; ')}</p>`);
    if (e.dependsOn.length > 0)
      out.push(
        `<p class="refs"><strong>Builds on:</strong> ${e.dependsOn.map((d) => this.claimLink(d)).join(', ')}</p>`,
      );
    const details: string[] = [`<p>Kind <code>${esc(e.kind)}</code>, checker <code>${esc(v.checker)}</code>.</p>`];
    if (e.assumptions.length > 0)
      details.push(
        `<h5>Assumptions in the record</h5><ul>${e.assumptions.map((a) => `<li>${this.prose(a)}</li>`).join('')}</ul>`,
      );
    details.push(`<h5>Engines</h5>${this.engines(v.engines)}`);
    details.push(`<p>Seed ${v.seed} (derived from run seed ${this.doc.provenance.seed} and the claim id).</p>`);
    out.push(
      `<details class="details"><summary>How it was checked: checker, engines, seed</summary>${details.join('')}</details>`,
    );
    out.push(`<p class="reproduce"><span>Reproduce:</span> <code>${esc(e.reproduce)}</code></p>`);
    out.push('</details></article>');
    return out.join('\n');
  }

  summaryTable(): string {
    const order = new Map<string, number>(VERDICT_STATUSES.map((s, i) => [s, i]));
    const head =
      '<thead><tr>' +
      ['location', 'claim', 'title', 'verdict', 'evidence']
        .map((h) => `<th scope="col"><button type="button">${h}</button></th>`)
        .join('') +
      '</tr></thead>';
    const rows = this.doc.claims.map((e, i) => {
      const evidence = oneLine(verdictLine(e.verdict), 160);
      return (
        `<tr data-verdict="${esc(e.verdict.status)}" data-index="${i}">` +
        `<td data-sort="${esc(locationSortKey(e.location))}">${esc(e.locationText)}</td>` +
        `<td><a href="#${anchor('claim', e.id)}">${esc(e.id)}</a>${e.transcribed ? ` <span title="transcribed by hand">${TRANSCRIBED_MARK}</span>` : ''}</td>` +
        `<td title="${esc(oneLine(e.statement))}">${esc(e.title)}</td>` +
        `<td data-sort="${order.get(e.verdict.status) ?? 9}">${this.badge(e.verdict.status)}${e.verdict.robustness?.fragile ? ' <span class="badge fragile">fragile</span>' : ''}</td>` +
        `<td title="${esc(oneLine(verdictLine(e.verdict)))}">${esc(evidence)}</td></tr>`
      );
    });
    return `<p class="meta">Rows in the order of the claim records; a header sorts by its column (location: the paper's order).</p><div class="table-wrap"><table id="claims-table" class="claims">${head}<tbody>\n${rows.join('\n')}\n</tbody></table></div>`;
  }

  counts(): string {
    const c = this.doc.counts;
    const buttons = VERDICT_STATUSES.map(
      (s) =>
        `<button type="button" class="v-${s}" data-filter="${s}" aria-pressed="false"><span class="n">${c[s]}</span>${s}</button>`,
    );
    buttons.push(
      `<button type="button" data-filter="all" aria-pressed="true"><span class="n">${c.total}</span>all claims</button>`,
    );
    return `<div class="counts" role="group" aria-label="Filter the claims by verdict">${buttons.join('')}</div><p class="filter-status" id="filter-status" aria-live="polite"></p>`;
  }

  section(s: ErrataSection): string {
    const out: string[] = [`<section class="experiment" id="${anchor('sec', s.id)}">`, `<h3>${esc(s.title)}</h3>`];
    if (s.summary.trim()) out.push(`<p>${esc(s.summary.trim())}</p>`);
    if (s.notMeasured) {
      out.push(
        `<aside class="callout not-measured"><h4>Not measured here</h4><p>${esc(s.notMeasured.reason.trim())}</p>` +
          `<p>Measure it with:</p><pre class="cmd"><code>${esc(s.notMeasured.command)}</code></pre></aside>`,
      );
    }
    for (const f of s.figures) {
      const figure = this.svgs.get(f.id)!;
      out.push(
        `<figure class="plot" id="${anchor('fig', f.id)}">${inlineSvg(figure, `${anchor('f', f.id)}-`)}` +
          `<figcaption><strong>Figure <code>${esc(f.id)}</code>: ${esc(f.title)}.</strong> ${esc(f.caption.trim())}</figcaption></figure>`,
      );
    }
    for (const t of s.tables) {
      const head = `<thead><tr>${t.columns.map((c) => `<th scope="col">${esc(c)}</th>`).join('')}</tr></thead>`;
      const numeric = (cell: string): boolean => /^[\s−+-]*[\d.,]+(?:[eE][+-−]?\d+)?\s*%?$/.test(cell);
      const body = t.rows
        .map(
          (r) => `<tr>${r.map((cell) => `<td${numeric(cell) ? ' class="num"' : ''}>${esc(cell)}</td>`).join('')}</tr>`,
        )
        .join('');
      // Tables start folded under their title (the figures carry the section); a link to one opens it.
      out.push(
        `<figure class="data" id="${anchor('tab', t.id)}"><details><summary>Table <code>${esc(t.id)}</code>: ${esc(t.title)} <span class="meta">(${t.rows.length} rows)</span></summary>` +
          `<figcaption>${t.caption ? esc(t.caption.trim()) : ''}</figcaption>` +
          `<div class="table-wrap"><table>${head}<tbody>${body}</tbody></table></div></details></figure>`,
      );
    }
    const prov = Object.entries(s.provenance);
    if (prov.length > 0) {
      out.push(
        `<details><summary>Provenance of this section</summary><table class="kv provenance"><tbody>${prov
          .map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${esc(v)}</td></tr>`)
          .join('')}</tbody></table></details>`,
      );
    }
    const claims = [
      ...new Set([...s.claims, ...s.figures.flatMap((f) => f.claims), ...s.tables.flatMap((t) => t.claims)]),
    ];
    if (claims.length > 0)
      out.push(`<p class="refs"><strong>Bears on:</strong> ${claims.map((id) => this.claimLink(id)).join(', ')}</p>`);
    out.push('</section>');
    return out.join('\n');
  }
  provenance(run: RunProvenance | undefined): string {
    const p: ReportProvenance = this.doc.provenance;
    const commit = p.commit === null ? 'not available' : `${p.commit}${p.dirty ? ' (with uncommitted changes)' : ''}`;
    const rows: [string, string][] = [
      ['tool', `${p.tool} ${p.version}`],
      ['git commit', commit],
      ['run seed', `${p.seed} (each claim’s seed is derived from it and the claim id)`],
      ['claims', p.selection === null ? 'every claim of the registry' : `only ${p.selection.join(', ')}`],
      ['node', p.node],
      [
        'engines',
        p.engines.map((e) => `${e.role}: ${e.name}${e.version ? ` ${e.version}` : ''}`).join('; ') || '(none)',
      ],
      [
        'library versions',
        Object.entries(p.packages)
          .map(([n, v]) => `${n} ${v ?? '(not installed)'}`)
          .join(', ') || '(none)',
      ],
      ['math', `KaTeX ${KATEX_VERSION}, rendered when the report was built`],
    ];
    if (p.experiments) rows.push(['experiments', `setting ${p.experiments.setting}, backend ${p.experiments.backend}`]);
    const table = (r: readonly (readonly [string, string])[]): string =>
      `<div class="table-wrap"><table class="kv provenance"><tbody>${r.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${v}</td></tr>`).join('')}</tbody></table></div>`;
    const escaped = rows.map(([k, v]) => [k, esc(v)] as [string, string]);
    for (const s of this.doc.sections) {
      const entries = Object.entries(s.provenance);
      if (entries.length > 0) {
        escaped.push([
          s.title,
          `<ul class="plain">${entries.map(([k, v]) => `<li><strong>${esc(k)}:</strong> ${esc(v)}</li>`).join('')}</ul>`,
        ]);
      } else if (s.notMeasured) {
        escaped.push([s.title, 'not measured here']);
      }
    }
    const out = [table(escaped)];
    if (run) {
      const cached = run.claims.filter((c) => c.cached).length;
      const runRows: [string, string][] = [
        ['generated at', run.generatedAt],
        [
          'run time',
          `${(run.durationMillis / 1000).toFixed(1)} s${cached > 0 ? ` (${cached} of ${run.claims.length} verdicts reused from the cache)` : ''}`,
        ],
        [
          'device',
          `${run.host.cpuModel} × ${run.host.cpus}, ${Math.round(run.host.totalMemoryBytes / 2 ** 30)} GiB, ${run.host.platform} ${run.host.arch} ${run.host.release}`,
        ],
      ];
      for (const e of run.experiments ?? [])
        runRows.push([`experiment ${e.id}`, `${e.status}${e.millis > 0 ? `, ${(e.millis / 1000).toFixed(1)} s` : ''}`]);
      out.push('<h3>This run</h3>', table(runRows.map(([k, v]) => [k, esc(v)])));
    }
    out.push(
      run
        ? '<p class="meta">errata.md and errata.json hold everything above but “This run”, so the same inputs and seed give byte-identical files; times and host details are in provenance.json.</p>'
        : '<p class="meta">Times and host details of the run are in provenance.json, so the same inputs and seed give byte-identical files.</p>',
    );
    return out.join('\n');
  }

  /** The n-th finding of the overview: what the paper says, what was found, its condition and how to fix it. */
  overviewFinding(o: OverviewFinding, n: number, open: boolean): string {
    const root = o.finding.roots[0]!;
    const rows: string[] = [];
    rows.push(`<p class="says"><span class="lbl">The paper</span> ${this.prose(o.says)}</p>`);
    if (o.found) rows.push(`<p class="found"><span class="lbl">Found</span> ${this.prose(o.found)}</p>`);
    if (o.condition) {
      rows.push(
        `<p class="cond"><span class="lbl">Needs</span> ${this.prose(o.condition.statement)} <span class="meta">(${esc(o.condition.source)})</span></p>`,
        `<p class="realism r-${o.condition.realism.status}"><span class="lbl">${o.condition.realism.kind === 'assumption' ? 'Realistic?' : 'Readings'}</span> <strong>${esc(o.condition.realism.label)}</strong>. ${this.prose(o.condition.realism.summary)}</p>`,
      );
    }
    if (o.correction) {
      const c = o.correction;
      const body =
        (c.latex ? this.math(displayFixups(c.latex), root, 'corrected') : '') +
        (c.statement ? `<span>${this.prose(c.statement.trim())}</span>` : '');
      rows.push(
        `<div class="fix"><span class="lbl">Fix</span> ${body}<p class="meta">The same check on the correction: ${esc(c.check)}.</p></div>`,
      );
    }
    const claims = o.claims
      .map(
        (c) =>
          `<a href="#${anchor('claim', c.id)}">${this.prose(c.title)}</a> <span class="loc">${esc(c.locationText)}${c.root && o.claims.length > 1 ? ', root' : ''}</span>`,
      )
      .join('; ');
    rows.push(
      `<p class="meta">${o.claims.length > 1 ? 'Claims' : 'Claim'}: ${claims}. Severity ${esc(o.severity)}: ${esc(o.finding.why)}.</p>`,
    );
    for (const note of findingNotes(o.finding)) rows.push(`<p class="meta">${esc(note)}</p>`);
    return (
      `<li class="finding severity-${o.severity}" id="${findingAnchor(n)}"><details${open ? ' open' : ''}><summary>` +
      `<span class="badge sev-${o.severity}">${esc(o.severity)}</span> ${this.prose(o.title)}</summary>${rows.join('')}</details></li>`
    );
  }

  findings(): string {
    const o = this.overview;
    // Every error is open; a conditional finding is open unless it only touches presentation (its claims hold once
    // the words are read its way, or under an assumption that holds where it matters).
    const wrong = o.wrong.map((f, i) => this.overviewFinding(f, i + 1, true));
    const conditional = o.conditional.map((f, i) =>
      this.overviewFinding(f, o.wrong.length + i + 1, f.severity !== 'presentation'),
    );
    const unchecked = o.unchecked.map(
      (u) =>
        `<li><a href="#${anchor('claim', u.entry.id)}">${this.prose(u.entry.title)}</a> <span class="loc">${esc(u.entry.locationText)}</span>` +
        `<p>${this.codeText(u.reason)}</p></li>`,
    );
    const legend = VERDICT_LEGEND.map(
      ([k, text]) =>
        `<dt>${(VERDICT_STATUSES as readonly string[]).includes(k) ? this.badge(k) : k === 'fragile' ? '<span class="badge fragile">fragile</span>' : `<strong>${esc(k)}</strong>`}</dt><dd>${esc(text)}</dd>`,
    ).join('');
    return (
      '<section id="findings">' +
      `<h2>What is wrong, and how to fix it</h2><p class="headline">${esc(o.headline)}</p>` +
      (wrong.length > 0 ? `<ol class="findings">${wrong.join('')}</ol>` : '<p>No claim was refuted.</p>') +
      (conditional.length > 0
        ? `<h2 id="conditional">Holds only under an assumption or a reading</h2><p class="meta">${esc(CONDITIONAL_INTRO)} Findings that touch only the presentation start folded.</p><ol class="findings" start="${wrong.length + 1}">${conditional.join('')}</ol>`
        : '') +
      (unchecked.length > 0
        ? `<h2 id="unchecked">Could not be decided here</h2><ul class="unchecked">${unchecked.join('')}</ul>`
        : '') +
      `<h2 id="legend">How to read the verdicts</h2><dl class="legend">${legend}</dl>` +
      `<p class="lede">${this.codeText(HOW_VERDICTS_ARISE)} Each claim gives the command that reproduces it.</p>` +
      '</section>'
    );
  }

  page(run: RunProvenance | undefined): string {
    const d = this.doc;
    const findings = this.findings();
    const claims = d.claims.map((e) => this.entry(e)).join('\n');
    const sections = d.sections.map((s) => this.section(s)).join('\n');
    const provenance = this.provenance(run);
    const failureBox =
      this.failures.length > 0
        ? `<div class="callout error" role="alert"><h4>${this.failures.length} formula${this.failures.length === 1 ? '' : 's'} could not be rendered</h4><ul>${this.failures
            .map(
              (f) =>
                `<li><a href="#${anchor('claim', f.claim)}">${esc(f.claim)}</a> (${esc(f.role)}): ${esc(f.message)}</li>`,
            )
            .join('')}</ul></div>`
        : '';
    const toc = [
      '<a href="#findings">Findings</a>',
      '<a href="#verdicts">All verdicts</a>',
      '<a href="#claims">Claims</a>',
      ...(d.sections.length > 0 ? ['<a href="#experiments">Experiments</a>'] : []),
      '<a href="#provenance">Provenance</a>',
    ];
    const scriptHash = createHash('sha256').update(PAGE_SCRIPT, 'utf8').digest('base64');
    const csp = `default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; script-src 'sha256-${scriptHash}'; base-uri 'none'; form-action 'none'`;
    return [
      '<!doctype html>',
      '<html lang="en">',
      '<head>',
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
      `<meta name="generator" content="${esc(`${d.provenance.tool} ${d.provenance.version}`)}">`,
      `<title>${esc(d.title)}</title>`,
      `<style>${katexStylesheet(this.mathHtml.join(''))}</style>`,
      `<style>${PAGE_CSS}${FIGURE_CSS}</style>`,
      '</head>',
      '<body>',
      '<header class="masthead"><div class="wrap">',
      `<p class="kicker">Errata · ${esc(d.paper.authors.split(',')[0]!.trim())}${d.paper.authors.includes(',') ? ' et al.' : ''}</p>`,
      `<h1>${esc(d.paper.title)}</h1>`,
      `<nav><ul class="toc">${toc.map((t) => `<li>${t}</li>`).join('')}</ul></nav>`,
      '</div></header>',
      '<main class="wrap">',
      failureBox,
      findings,
      '<section id="verdicts">',
      '<h2>All verdicts</h2>',
      d.claims.length === 0 ? '<p>No claims were checked.</p>' : `${this.counts()}${this.summaryTable()}`,
      d.claims.some((e) => e.transcribed)
        ? `<p class="meta">Claims marked ${TRANSCRIBED_MARK} were checked against a hand transcription of the printed formula, not a mechanical parse of it.</p>`
        : '',
      '</section>',
      '<section id="claims">',
      `<h2>Claims</h2><p class="entry-tools"><button type="button" data-entries="open">Expand all</button> <button type="button" data-entries="close">Collapse all</button></p>`,
      claims,
      '</section>',
      d.sections.length > 0 ? `<section id="experiments">\n<h2>Experiments</h2>\n${sections}\n</section>` : '',
      '<section id="provenance">',
      '<h2>Provenance</h2>',
      `<p class="meta">Paper: <em>${esc(d.paper.title)}</em>, ${esc(d.paper.authors)}. Read from <code>${esc(d.provenance.paper.file)}</code> (sha256 <code>${esc(d.provenance.paper.sha256)}</code>, ${d.provenance.paper.bytes} bytes).</p>`,
      provenance,
      '</section>',
      '</main>',
      `<footer><div class="wrap">${esc(d.title)} · ${esc(`${d.provenance.tool} ${d.provenance.version}`)} · run seed ${d.provenance.seed}</div></footer>`,
      `<script>${PAGE_SCRIPT}</script>`,
      '</body>',
      '</html>',
      '',
    ]
      .filter((line) => line !== '')
      .join('\n')
      .concat('\n');
  }
}

/**
 * Renders an errata document as errata.html. `sections` supplies the figures' SVG (the document only names their
 * files); `run`, when given, adds a "This run" block (time, duration, device), so only then does the page depend on
 * more than the inputs and seed. Every formula KaTeX cannot render is listed in `mathFailures` and at the top of the
 * page.
 */
export function renderErrataDocumentHtml(
  doc: ErrataDocument,
  sections: readonly ReportSection[],
  run?: RunProvenance,
): HtmlReport {
  const svgs = new Map(sections.flatMap((s) => s.figures.map((f) => [f.id, f] as const)));
  for (const s of doc.sections) {
    for (const f of s.figures)
      if (!svgs.has(f.id))
        throw new RangeError(`renderErrataDocumentHtml: figure ${f.id} of section ${s.id} has no SVG in sections`);
  }
  const renderer = new Renderer(doc, svgs);
  const html = renderer.page(run);
  return { html, mathFailures: renderer.failures };
}

/**
 * Renders errata.html from check results, the experiments' sections, the run's deterministic provenance and,
 * optionally, the run's times and host (the "This run" block).
 */
export function renderErrataHtml(
  results: readonly CheckResult[],
  provenance: ReportProvenance,
  sections: readonly ReportSection[] = [],
  run?: RunProvenance,
): HtmlReport {
  return renderErrataDocumentHtml(buildErrata(results, provenance, sections), sections, run);
}

/** A table of rows under a header, escaped. */
function htmlTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  return (
    `<div class="table-wrap"><table><thead><tr>${headers.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>` +
    rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('') +
    '</tbody></table></div>'
  );
}

/** The robustness of an empirical verdict: summary, split sizes, protocols × seeds, and the threshold probes. */
function robustnessHtml(r: Robustness): string {
  const splits = splitsText(r);
  return (
    `<h5>Robustness${r.fragile ? ' <span class="badge fragile">fragile</span>' : ''}</h5><p>${esc(r.summary)}${splits ? `. Data: ${esc(splits)}.` : ''}</p>` +
    (r.protocols.length > 0 ? htmlTable(['protocol', 'seeds', 'verdict'], protocolRows(r)) : '') +
    (r.thresholds.length > 0
      ? htmlTable(['threshold', 'value ± band', 'source', 'where the verdict flips'], thresholdRows(r))
      : '')
  );
}
