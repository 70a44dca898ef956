/**
 * errata.html: the errata document as one self-contained page. Math is rendered with KaTeX at build time, KaTeX's
 * fonts are inlined (only those used), figures are inline SVG, and a Content-Security-Policy forbids every fetch,
 * so the page shows the same with no network. One small inline script filters and sorts the claim table.
 */
import { findingLines, findingTitle, HOW_VERDICTS_ARISE } from './finding-text.ts';
import {
  basisText,
  enclosureText,
  needLines,
  checkRows,
  conditionSource,
  conditionTitle,
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
  type Evidence,
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

/** `id` as an HTML id fragment: anything but letters, digits, `-`, `_`, `.` becomes `-`. */
function anchor(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9._-]/g, '-')}`;
}

class Renderer {
  readonly failures: MathFailure[] = [];
  readonly mathHtml: string[] = [];
  constructor(
    private readonly doc: ErrataDocument,
    private readonly svgs: ReadonlyMap<string, ReportFigure>,
  ) {}

  math(latex: string, claim: string, role: string, display = true): string {
    const { html, error } = renderMath(latex, display);
    if (error !== null) this.failures.push({ claim, role, latex, message: error });
    this.mathHtml.push(html);
    return html;
  }

  badge(status: string): string {
    return `<span class="badge v-${esc(status)}">${esc(status)}</span>`;
  }

  claimLink(id: string): string {
    return this.doc.claims.some((c) => c.id === id)
      ? `<a href="#${anchor('claim', id)}"><code>${esc(id)}</code></a>`
      : `<code>${esc(id)}</code>`;
  }

  evidence(e: Evidence): string {
    const details =
      e.details && e.details.length > 0 ? `<ul>${e.details.map((d) => `<li>${esc(d)}</li>`).join('')}</ul>` : '';
    return `<p>${esc(e.summary.trim())}</p>${details}`;
  }

  witness(w: Witness, heading: string): string {
    const point = Object.entries(w.point);
    const pointHtml =
      point.length === 0
        ? '(none)'
        : point.map(([k, v]) => `<code>${esc(k)}&#8239;=&#8239;${esc(v)}</code>`).join(', ');
    return (
      `<div class="callout witness"><h4>${heading}</h4><table class="kv"><tbody>` +
      `<tr><th scope="row">point</th><td>${pointHtml}</td></tr>` +
      `<tr><th scope="row">paper’s value</th><td><code>${esc(w.paperValue)}</code></td></tr>` +
      `<tr><th scope="row">derived value</th><td><code>${esc(w.ourValue)}</code></td></tr>` +
      (enclosureText(w) ? `<tr><th scope="row">enclosure</th><td>${esc(enclosureText(w)!)}</td></tr>` : '') +
      `</tbody></table></div>`
    );
  }

  engines(engines: readonly EngineAgreement[] | undefined): string {
    if (!engines || engines.length === 0) return '<p class="meta">No engine comparison was made for this check.</p>';
    const agrees = (a: boolean | null): string => (a === null ? 'n/a' : a ? 'yes' : '<strong>no</strong>');
    return (
      '<div class="table-wrap"><table><thead><tr><th scope="col">engine</th><th scope="col">agrees</th><th scope="col">note</th></tr></thead><tbody>' +
      engines
        .map((e) => `<tr><td>${esc(e.engine)}</td><td>${agrees(e.agrees)}</td><td>${esc(e.note)}</td></tr>`)
        .join('') +
      '</tbody></table></div>'
    );
  }

  status(v: Verdict): string {
    switch (v.status) {
      case 'confirmed':
        return `<p class="meta">How it was confirmed: ${esc(basisText(v.basis))}</p>`;
      case 'refuted':
        return this.witness(
          v.witness,
          'Witness: a point of the claim’s domain where the paper and the derivation differ',
        );
      case 'holds-under': {
        const c = v.condition;
        const checked =
          c.kind === 'assumption'
            ? '<h5>The assumption, checked</h5><div class="table-wrap"><table><thead><tr><th scope="col">question</th><th scope="col">answer</th><th scope="col">evidence</th></tr></thead><tbody>' +
              checkRows(c.check)
                .map((r) => `<tr><td>${esc(r[0])}</td><td>${esc(r[1])}</td><td>${esc(r[2])}</td></tr>`)
                .join('') +
              '</tbody></table></div>'
            : '';
        return (
          `<div class="callout assumption"><h4>Holds under the ${c.kind}</h4><p>${esc(conditionTitle(c).trim())}</p><p class="meta">${esc(conditionSource(c))}</p>` +
          `<h5>Under the ${c.kind}</h5><p>${esc(v.underCondition.summary)}</p>${checked}</div>` +
          this.witness(v.witness, `Witness without the ${c.kind}: where the claim fails`)
        );
      }
      case 'inconclusive':
        return `<div class="callout reason"><h4>Why inconclusive</h4><p>${esc(v.reason.trim())}</p></div>`;
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

  entry(e: ErrataEntry): string {
    const v = e.verdict;
    const out: string[] = [];
    out.push(`<article class="claim" id="${anchor('claim', e.id)}" data-verdict="${esc(v.status)}">`);
    out.push(
      `<header><h3>${this.badge(v.status)}${v.robustness?.fragile ? ' <span class="badge fragile">fragile</span>' : ''} <span>${esc(e.title)}</span> <code class="id">${esc(e.id)}</code></h3>` +
        `<p class="meta">${esc(e.locationText)} · kind <code>${esc(e.kind)}</code> · checker <code>${esc(v.checker)}</code>${e.transcribed ? ` · ${TRANSCRIBED_MARK}` : ''}</p></header>`,
    );
    if (e.transcribed) {
      out.push(
        `<div class="callout transcribed"><p><strong>Transcribed by hand.</strong> The printed LaTeX could not be parsed mechanically; the check used this transcription${e.transcription ? `: <code>${esc(e.transcription)}</code>` : '.'}</p></div>`,
      );
    }
    out.push(`<p class="statement">${esc(e.statement.trim())}</p>`);
    if (e.quote) {
      const quote = splitQuoteMath(e.quote.trim())
        .map((p) => ('text' in p ? esc(p.text) : this.math(displayFixups(p.latex), e.id, 'quote', false)))
        .join('');
      out.push(`<blockquote>${quote}</blockquote>`);
    }
    const printed = e.printedDisplay.map(
      (f) =>
        `<figure class="formula printed"><figcaption>${esc(f.role)}${f.fragments > 1 ? ` · ${f.fragments} printed rows joined` : ''}</figcaption>${this.math(f.latex, e.id, f.role)}</figure>`,
    );
    const derived: string[] = [];
    if (v.derivedLatex) {
      derived.push(
        `<figure class="formula derived"><figcaption>derived</figcaption>${this.math(displayFixups(v.derivedLatex), e.id, 'derived')}</figure>`,
      );
    }
    if (v.correction) {
      const c = v.correction;
      const body =
        (c.latex ? this.math(displayFixups(c.latex), e.id, 'corrected') : '') +
        (c.statement ? `<p>${esc(c.statement.trim())}</p>` : '');
      derived.push(
        `<figure class="formula corrected"><figcaption>corrected · the same check on the correction: ${esc(c.check)}; ${esc(oneLine(c.evidence))}</figcaption>${body}</figure>`,
      );
    }
    if (printed.length > 0 || derived.length > 0) {
      out.push('<div class="formulas">');
      if (printed.length > 0) out.push(`<div><h4>Printed in the paper</h4>${printed.join('')}</div>`);
      if (derived.length > 0)
        out.push(`<div><h4>${v.correction ? 'Derived and corrected' : 'Derived'}</h4>${derived.join('')}</div>`);
      out.push('</div>');
    }
    if (v.readings) {
      out.push(
        `<h5>Readings: ${esc(v.readings.question)}</h5>${v.readings.quote ? `<p class="meta">The paper’s words: “${esc(v.readings.quote)}”</p>` : ''}<div class="table-wrap"><table><thead><tr><th scope="col">reading</th><th scope="col">literal</th><th scope="col">outcome</th><th scope="col">evidence</th></tr></thead><tbody>` +
          readingRows(v.readings)
            .map((r) => `<tr><td>${esc(r[0])}</td><td>${esc(r[1])}</td><td>${esc(r[2])}</td><td>${esc(r[3])}</td></tr>`)
            .join('') +
          '</tbody></table></div>',
      );
    }
    if (v.robustness) out.push(robustnessHtml(v.robustness));
    out.push(this.status(v));
    const needs = needLines(e.needs, e.id);
    const notes = [
      ...(needs.length > 0 ? [`Rests on ${needs.join('; ')}.`] : []),
      ...e.cancellations.map(
        (c) =>
          `Errors cancel: this claim holds under the reading “${c.reading}” although ${c.failing.join(' and ')} fail under it.`,
      ),
      ...e.conflicts.map(
        (c) => `Conflicting readings: no reading of ${c.convention} makes ${c.claims.join(', ')} all hold.`,
      ),
      ...(e.finding ? [`Finding ${e.finding.id} (severity ${e.finding.severity}).`] : []),
    ];
    if (notes.length > 0) out.push(`<p class="meta">${notes.map(esc).join(' ')}</p>`);
    out.push(`<h4>Evidence</h4><div class="evidence">${this.evidence(v.evidence)}</div>`);
    if (e.restsOn.length > 0)
      out.push(`<p class="refs"><strong>Rests on:</strong> ${e.restsOn.map((r) => this.reference(r)).join('; ')}</p>`);
    if (e.dependsOn.length > 0)
      out.push(
        `<p class="refs"><strong>Builds on:</strong> ${e.dependsOn.map((d) => this.claimLink(d)).join(', ')}</p>`,
      );
    const details: string[] = [];
    if (e.assumptions.length > 0)
      details.push(
        `<h5>Assumptions in the record</h5><ul>${e.assumptions.map((a) => `<li>${esc(a)}</li>`).join('')}</ul>`,
      );
    details.push(`<h5>Engine agreement</h5>${this.engines(v.engines)}`);
    details.push(`<p>Seed ${v.seed} (derived from run seed ${this.doc.provenance.seed} and the claim id).</p>`);
    out.push(`<details class="details"><summary>Assumptions, engines and seed</summary>${details.join('')}</details>`);
    out.push(`<p class="reproduce"><span>Reproduce:</span> <code>${esc(e.reproduce)}</code></p>`);
    out.push('</article>');
    return out.join('\n');
  }

  summaryTable(): string {
    const order = new Map<string, number>(VERDICT_STATUSES.map((s, i) => [s, i]));
    const head =
      '<thead><tr>' +
      ['location', 'claim', 'statement', 'verdict', 'evidence']
        .map(
          (h, i) =>
            `<th scope="col"${i === 0 ? ' aria-sort="ascending"' : ''}><button type="button">${h}</button></th>`,
        )
        .join('') +
      '</tr></thead>';
    const rows = this.doc.claims.map((e, i) => {
      const statement = oneLine(e.statement, 140);
      const evidence = oneLine(verdictLine(e.verdict), 160);
      return (
        `<tr data-verdict="${esc(e.verdict.status)}" data-index="${i}">` +
        `<td data-sort="${i}">${esc(e.locationText)}</td>` +
        `<td><a href="#${anchor('claim', e.id)}">${esc(e.id)}</a>${e.transcribed ? ` <span title="transcribed by hand">${TRANSCRIBED_MARK}</span>` : ''}</td>` +
        `<td title="${esc(oneLine(e.statement))}">${esc(statement)}</td>` +
        `<td data-sort="${order.get(e.verdict.status) ?? 9}">${this.badge(e.verdict.status)}${e.verdict.robustness?.fragile ? ' <span class="badge fragile">fragile</span>' : ''}</td>` +
        `<td>${esc(evidence)}</td></tr>`
      );
    });
    return `<div class="table-wrap"><table id="claims-table" class="claims">${head}<tbody>\n${rows.join('\n')}\n</tbody></table></div>`;
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
      out.push(
        `<figure class="data" id="${anchor('tab', t.id)}"><figcaption><strong>Table <code>${esc(t.id)}</code>: ${esc(t.title)}.</strong>${t.caption ? ` ${esc(t.caption.trim())}` : ''}</figcaption>` +
          `<div class="table-wrap"><table>${head}<tbody>${body}</tbody></table></div></figure>`,
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

  findings(): string {
    const d = this.doc;
    if (d.findings.length === 0) return '';
    const items = d.findings.map(
      (f) =>
        `<li class="finding severity-${f.severity}"><h3><span class="badge">${esc(f.severity)}</span> ${esc(findingTitle(f, d))}</h3><dl>` +
        findingLines(f)
          .map(([label, text]) => `<dt>${esc(label)}</dt><dd>${esc(text)}</dd>`)
          .join('') +
        '</dl></li>',
    );
    return `<section id="findings"><h2>Findings</h2><p class="meta">The refuted and holds-under verdicts grouped by root cause, most severe first (severity: result › derivation › presentation).</p><ol class="findings">${items.join('')}</ol></section>`;
  }

  page(run: RunProvenance | undefined): string {
    const d = this.doc;
    const claims = d.claims.map((e) => this.entry(e)).join('\n');
    const sections = d.sections.map((s) => this.section(s)).join('\n');
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
      ...(d.findings.length > 0 ? ['<a href="#findings">Findings</a>'] : []),
      '<a href="#verdicts">Verdicts</a>',
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
      `<style>${PAGE_CSS}</style>`,
      '</head>',
      '<body>',
      '<header class="masthead"><div class="wrap">',
      '<p class="kicker">Errata</p>',
      `<h1>${esc(d.paper.title)}</h1>`,
      `<p class="authors">${esc(d.paper.authors)}</p>`,
      `<p class="meta">Read from <code>${esc(d.provenance.paper.file)}</code> (sha256 <code>${esc(d.provenance.paper.sha256)}</code>, ${d.provenance.paper.bytes} bytes).</p>`,
      `<p class="lede">${esc(HOW_VERDICTS_ARISE).replace(/`([^`]+)`/g, '<code>$1</code>')} Each claim gives the command that reproduces it.</p>`,
      `<nav><ul class="toc">${toc.map((t) => `<li>${t}</li>`).join('')}</ul></nav>`,
      '</div></header>',
      '<main class="wrap">',
      failureBox,
      this.findings(),
      '<section id="verdicts">',
      '<h2>Verdicts</h2>',
      d.claims.length === 0 ? '<p>No claims were checked.</p>' : `${this.counts()}${this.summaryTable()}`,
      d.claims.some((e) => e.transcribed)
        ? `<p class="meta">Claims marked ${TRANSCRIBED_MARK} were checked against a hand transcription of the printed formula, not a mechanical parse of it.</p>`
        : '',
      '</section>',
      '<section id="claims">',
      '<h2>Claims</h2>',
      claims,
      '</section>',
      d.sections.length > 0 ? `<section id="experiments">\n<h2>Experiments</h2>\n${sections}\n</section>` : '',
      '<section id="provenance">',
      '<h2>Provenance</h2>',
      this.provenance(run),
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
