/**
 * The stylesheet of errata.html: system fonts only (nothing to fetch), a readable measure, verdict colours that
 * survive printing in grey, findings first, collapsible claim entries, tables that wrap and formulas that shrink to fit
 * a phone (the page script scales them), and a print layout.
 */

/** The page's own CSS (KaTeX's comes from `katexStylesheet`). */
export const PAGE_CSS = `
:root {
  --ink: #1f2328; --muted: #59636e; --rule: #d1d9e0; --paper: #ffffff; --tint: #f6f8fa; --link: #0a58ca;
  --confirmed: #1a7f37; --confirmed-bg: #dafbe1; --refuted: #b42318; --refuted-bg: #ffebe9;
  --holds-under: #8a5a00; --holds-under-bg: #fff4d6; --inconclusive: #57606a; --inconclusive-bg: #eaeef2;
  --serif: Charter, "Bitstream Charter", "Sitka Text", Cambria, "Noto Serif", "DejaVu Serif", Georgia, serif;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
  --mono: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace;
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 1.0625rem/1.6 var(--serif); }
a { color: var(--link); text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
code, kbd { font-family: var(--mono); font-size: 0.86em; }
h1, h2, h3, h4, h5 { font-family: var(--sans); line-height: 1.25; margin: 1.6em 0 0.5em; }
h1 { font-size: clamp(1.15rem, 2.6vw, 1.6rem); margin: 0.15em 0 0.2em; letter-spacing: -0.01em; }
h2 { font-size: 1.45rem; border-bottom: 1px solid var(--rule); padding-bottom: 0.25em; }
h3 { font-size: 1.15rem; }
h4 { font-size: 0.82rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); margin: 1.2em 0 0.4em; }
h5 { font-size: 0.9rem; margin: 0.8em 0 0.3em; }
p { margin: 0.5em 0; }
.wrap { max-width: 74rem; margin: 0 auto; padding: 0 1.25rem; }
.measure, .lede, .statement, blockquote, .evidence, .callout, .experiment > p, details.details { max-width: 48rem; }
header.masthead { background: var(--tint); border-bottom: 1px solid var(--rule); padding: 0.9rem 0 0.6rem; }
header.masthead code { overflow-wrap: anywhere; }
.kicker { font: 600 0.8rem/1 var(--sans); letter-spacing: 0.12em; text-transform: uppercase; color: var(--muted); margin: 0; }
.authors { color: var(--muted); margin: 0.25em 0 0.75em; }
.lede { max-width: 44rem; }
.toc { font: 0.9rem/1.5 var(--sans); display: flex; flex-wrap: wrap; gap: 0.1rem 1.1rem; margin: 0.3rem 0 0; padding: 0; list-style: none; }
.badge { display: inline-block; font: 600 0.78rem/1.3 var(--sans); padding: 0.1em 0.55em; border-radius: 999px; border: 1px solid currentColor; white-space: nowrap; }
.v-confirmed { color: var(--confirmed); background: var(--confirmed-bg); }
.v-refuted { color: var(--refuted); background: var(--refuted-bg); }
.v-holds-under { color: var(--holds-under); background: var(--holds-under-bg); }
.v-inconclusive { color: var(--inconclusive); background: var(--inconclusive-bg); }
.badge.fragile { color: var(--holds-under); border-style: dashed; }
.counts { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 1rem 0 0.5rem; }
.counts button { font: 500 0.95rem/1.2 var(--sans); padding: 0.45em 0.9em; border-radius: 0.5rem; border: 1px solid var(--rule); background: var(--paper); color: var(--ink); cursor: pointer; }
.counts button .n { font-weight: 700; font-size: 1.15em; margin-right: 0.25em; font-variant-numeric: tabular-nums; }
.counts button.v-confirmed .n { color: var(--confirmed); } .counts button.v-refuted .n { color: var(--refuted); }
.counts button.v-holds-under .n { color: var(--holds-under); } .counts button.v-inconclusive .n { color: var(--inconclusive); }
.counts button[aria-pressed="true"] { border-color: var(--ink); box-shadow: inset 0 0 0 1px var(--ink); background: var(--tint); }
.counts button:focus-visible, th button:focus-visible { outline: 2px solid var(--link); outline-offset: 2px; }
.filter-status { font: 0.85rem var(--sans); color: var(--muted); min-height: 1.3em; }
.table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; border: 1px solid var(--rule); border-radius: 0.5rem; }
table { border-collapse: collapse; width: 100%; font: 0.9rem/1.45 var(--sans); }
th, td { text-align: left; vertical-align: top; padding: 0.45rem 0.65rem; border-bottom: 1px solid var(--rule); overflow-wrap: anywhere; }
thead th { background: var(--tint); position: sticky; top: 0; z-index: 1; white-space: nowrap; }
tbody tr:last-child td { border-bottom: 0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
th button { all: unset; cursor: pointer; font-weight: 600; }
th button::after { content: "↕"; color: var(--muted); font-size: 0.8em; margin-left: 0.35em; }
th[aria-sort="ascending"] button::after { content: "▲"; color: var(--ink); }
th[aria-sort="descending"] button::after { content: "▼"; color: var(--ink); }
table.claims td:nth-child(1) { white-space: nowrap; }
table.claims td:nth-child(2) a { font-family: var(--mono); font-size: 0.85em; white-space: nowrap; }
table.claims td:nth-child(3) { min-width: 14rem; }
table.claims td:nth-child(5) { color: var(--muted); font-size: 0.95em; }
@media (min-width: 40.01rem) {
  /* One line per claim on a wide screen: the entry below has the whole text (and the cell its title). */
  table.claims { table-layout: fixed; }
  table.claims th:nth-child(1) { width: 11rem; } table.claims th:nth-child(2) { width: 15rem; }
  table.claims th:nth-child(3) { width: 22rem; } table.claims th:nth-child(4) { width: 8.5rem; }
  table.claims td { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; padding-top: 0.25rem; padding-bottom: 0.25rem; }
  table.claims td:nth-child(3) { min-width: 0; }
}
figure.data > details > summary { font: 600 0.92rem var(--sans); color: var(--ink); }
table.kv th { width: 11rem; background: none; position: static; white-space: normal; }
table.kv code { overflow-wrap: anywhere; }
article.claim { border-top: 1px solid var(--rule); padding: 0.35rem 0; scroll-margin-top: 1rem; }
article.claim > details.entry { margin: 0; }
article.claim > details.entry > summary { font: 0.95rem/1.4 var(--sans); color: var(--ink); padding: 0.15rem 0; }
article.claim > details.entry > summary .line { display: inline; }
article.claim > details.entry > summary .id { font-size: 0.8em; color: var(--muted); }
article.claim > details.entry > summary .why { display: block; margin: 0.1rem 0 0 1.1rem; font-size: 0.84rem; color: var(--muted); font-weight: 400; overflow-wrap: anywhere; }
article.claim > details.entry[open] > summary .why { display: none; }
article.claim > details.entry[open] { padding-bottom: 0.8rem; }
.entry-tools button { font: 0.85rem var(--sans); padding: 0.2em 0.7em; border: 1px solid var(--rule); border-radius: 0.4rem; background: var(--paper); cursor: pointer; }
.sym { white-space: nowrap; font-family: KaTeX_Main, var(--serif); font-style: normal; }
.sym var { font-family: KaTeX_Math, var(--serif); font-style: italic; }
.sym sub, .sym sup, .sym .ss { font-size: 0.72em; }
.sym sub { vertical-align: -0.3em; } .sym sup { vertical-align: 0.45em; }
.sym .ss { display: inline-flex; flex-direction: column; line-height: 1.1; vertical-align: -0.42em; margin-left: 0.06em; }
details.inline { display: inline; margin: 0; } details.inline > summary { display: inline; font-weight: 400; }
.meta { font: 0.85rem var(--sans); color: var(--muted); margin: 0 0 0.6rem; }
.statement { font-size: 1.05em; }
blockquote { margin: 0.75em 0; padding: 0.1em 0 0.1em 1em; border-left: 3px solid var(--rule); color: var(--muted); font-style: italic; }
.formulas { margin: 0.75rem 0; max-width: 60rem; }
.formula { margin: 0 0 0.6rem; padding: 0.35rem 0.75rem; background: var(--tint); border-radius: 0.4rem; border: 1px solid var(--rule); min-width: 0; }
.formula > figcaption { font: 0.75rem var(--sans); color: var(--muted); }
.formula.derived { border-color: #9fc5a8; }
.formula.corrected { border-color: var(--confirmed); background: var(--confirmed-bg); }
.katex-display { overflow-x: auto; overflow-y: hidden; padding: 0.2rem 0; margin: 0.4em 0; }
.fix .katex-display { margin: 0.2em 0; text-align: left; }
.fix .katex-display > .katex { text-align: left; }
.katex { font-size: 1.08em; }
.callout { border-left: 4px solid var(--rule); background: var(--tint); padding: 0.5rem 0.9rem; margin: 0.9rem 0; border-radius: 0 0.4rem 0.4rem 0; }
.callout > h4:first-child { margin-top: 0.3em; }
#findings > h2:first-child { margin-top: 0.9rem; }
.headline { font: 600 1rem/1.45 var(--sans); margin: 0.3rem 0 0.6rem; }
.findings { padding-left: 1.6em; margin: 0.4rem 0; }
.findings > li { margin: 0 0 0.35rem; }
.findings > li > details { margin: 0; }
.findings > li > details > summary { font: 600 0.98rem/1.4 var(--sans); color: var(--ink); overflow-wrap: anywhere; }
.findings > li > details > :not(summary) { margin: 0.25rem 0 0.25rem 0.2rem; max-width: 60rem; overflow-wrap: anywhere; }
.findings .fix { background: var(--confirmed-bg); border-left: 3px solid var(--confirmed); padding: 0.2rem 0.6rem; border-radius: 0 0.3rem 0.3rem 0; }
.findings .fix .meta { margin: 0; }
.lbl { display: inline-block; min-width: 4.8rem; font: 600 0.74rem/1.6 var(--sans); text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
.badge.sev-result { color: var(--refuted); } .badge.sev-derivation { color: var(--holds-under); } .badge.sev-presentation { color: var(--muted); }
.realism.r-no strong { color: var(--refuted); } .realism.r-yes strong { color: var(--confirmed); } .realism.r-partly strong, .realism.r-unknown strong { color: var(--holds-under); }
.unchecked > li { margin: 0 0 0.6rem; } .unchecked p { margin: 0.15rem 0; }
.loc { font: 0.82rem var(--sans); color: var(--muted); white-space: nowrap; }
dl.legend { display: grid; grid-template-columns: max-content 1fr; gap: 0.25em 0.9em; font-size: 0.93rem; max-width: 60rem; }
dl.legend dd { margin: 0; }
@media (max-width: 600px) { dl.legend { grid-template-columns: 1fr; } dl.legend dd { margin-bottom: 0.4em; } }
.callout.assumption { border-color: var(--holds-under); background: var(--holds-under-bg); }
.callout.witness { border-color: var(--refuted); background: #fff8f7; }
.callout.reason { border-color: var(--inconclusive); }
.callout.transcribed { border-color: var(--holds-under); }
.callout.not-measured { border-color: var(--inconclusive); background: var(--inconclusive-bg); }
.callout.error { border-color: var(--refuted); background: var(--refuted-bg); }
.evidence ul, .details ul { margin: 0.3em 0; padding-left: 1.3em; }
.evidence li, .details li { margin: 0.15em 0; }
.evidence, .details { overflow-wrap: anywhere; }
.refs { font: 0.9rem var(--sans); }
.reproduce { font: 0.85rem var(--sans); display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: baseline; margin-top: 0.8rem; }
.reproduce code, pre.cmd { background: #24292f; color: #f6f8fa; padding: 0.25em 0.6em; border-radius: 0.3rem; overflow-wrap: anywhere; }
pre.cmd { white-space: pre-wrap; margin: 0.4em 0; padding: 0.5em 0.8em; }
pre.cmd code { font-size: 0.9em; }
details { margin: 0.6rem 0; }
details > summary { cursor: pointer; font: 600 0.85rem var(--sans); color: var(--muted); }
section.experiment { border-top: 1px solid var(--rule); padding-bottom: 1rem; }
figure.plot { margin: 1.25rem 0; text-align: center; }
figure.plot svg { display: block; margin: 0 auto; max-width: 100%; height: auto; background: #fff; }
figure.plot figcaption, figure.data figcaption { font: 0.88rem/1.45 var(--sans); color: var(--muted); text-align: left; margin-top: 0.5rem; }
figure.data { margin: 1.25rem 0; }
figure.data figcaption { margin: 0 0 0.5rem; }
.provenance td, #provenance code { overflow-wrap: anywhere; }
figure.data thead th { white-space: normal; }
footer { color: var(--muted); font: 0.8rem var(--sans); border-top: 1px solid var(--rule); margin-top: 3rem; padding: 1rem 0 2rem; }
h2 + article.claim, h2 + section.experiment { border-top: 0; }
figure.data table { width: auto; min-width: min(100%, 32rem); }
ul.plain { list-style: none; margin: 0; padding: 0; }
@media (max-width: 40rem) {
  body { font-size: 1rem; }
  .wrap { padding: 0 0.85rem; }
  table.kv th { width: auto; }
  thead th { white-space: normal; }
  th, td { padding: 0.3rem 0.35rem; }
  figure.data table { font-size: 0.78rem; }
  .lbl { min-width: 0; margin-right: 0.3rem; }
  .loc { white-space: normal; }
  /* The claim table as one card per claim. */
  table.claims, table.claims tbody, table.claims td { display: block; }
  table.claims thead tr { display: flex; flex-wrap: wrap; gap: 0.15rem 0.4rem; background: var(--tint); }
  table.claims thead th { position: static; border: 0; padding: 0.35rem 0.5rem; }
  table.claims tbody tr { display: grid; grid-template-columns: 1fr auto; grid-template-areas: "loc verdict" "claim claim" "stmt stmt"; gap: 0.15rem 0.5rem; padding: 0.6rem 0.7rem; border-bottom: 1px solid var(--rule); }
  table.claims tbody tr[hidden] { display: none; }
  table.claims td { border: 0; padding: 0; min-width: 0; }
  table.claims td:nth-child(1) { grid-area: loc; font-size: 0.8rem; color: var(--muted); }
  table.claims td:nth-child(2) { grid-area: claim; }
  table.claims td:nth-child(3) { grid-area: stmt; min-width: 0; }
  table.claims td:nth-child(4) { grid-area: verdict; }
  /* The evidence is in the entry below; a card keeps the claim and its verdict. */
  table.claims td:nth-child(5) { display: none; }
}
@media print {
  @page { margin: 16mm 14mm; }
  body { font-size: 10.5pt; }
  header.masthead { background: none; border: 0; padding: 0; }
  .counts button, .counts button[aria-pressed="true"] { border: 1px solid #999; box-shadow: none; background: none; }
  table { font-size: 8.5pt; }
  table.claims td { min-width: 0 !important; }
  table.claims td:nth-child(2) a { white-space: normal; overflow-wrap: anywhere; }
  .filter-status, .toc, th button::after { display: none; }
  tr[hidden] { display: table-row; }
  article[hidden] { display: block; }
  .table-wrap { overflow: visible; border: 0; }
  thead th { position: static; }
  .katex-display { overflow: visible; }
  a { color: inherit; text-decoration: none; }
  figure, .formula, .callout, table.kv, tr { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
  .reproduce code, pre.cmd { background: none; color: inherit; border: 1px solid #999; }
}
`;
