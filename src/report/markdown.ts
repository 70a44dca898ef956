/**
 * errata.md: the errata document as Markdown (GitHub flavour, LaTeX in `$$…$$`, figures as `figures/<id>.svg`
 * written next to it, tables inline).
 */
import { enginesNote, findingNotes, HOW_VERDICTS_ARISE } from './finding-text.ts';
import {
  buildOverview,
  checkedElsewhere,
  CONDITIONAL_INTRO,
  type Overview,
  type OverviewFinding,
  VERDICT_LEGEND,
} from './overview.ts';
import { anchor } from './anchor.ts';
import { plainMathParts } from './plain-math.ts';
import { pointKeyLatex, pointKeyText, roleLabel } from './labels.ts';
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
  statusText,
  thresholdRows,
  verdictLine,
} from './conditions.ts';
import type { CheckResult } from '../claims/loaded.ts';
import type { EngineAgreement, Robustness, Verdict, Witness } from '../claims/verdict.ts';
import { VERDICT_STATUSES } from '../claims/verdict.ts';
import {
  buildErrata,
  type ErrataDocument,
  type ErrataEntry,
  type ErrataReference,
  type ErrataSection,
} from './errata.ts';
import { displayFixups } from './math.ts';
import { oneLine } from './one-line.ts';
import type { ReportProvenance } from './provenance.ts';
import { splitQuoteMath } from './quote-math.ts';
import type { ReportSection } from '../experiments/section.ts';
import { TRANSCRIBED_MARK } from './verdict-rows.ts';

/** The longest evidence cell of the summary table; the entry has the whole text. */
const SUMMARY_CELL = 110;

/** Escapes a table cell: pipes, and newlines (a cell is one line). */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

/** An inline code span that survives backticks inside `text`. */
function code(text: string): string {
  const runs = text.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function math(latex: string): string[] {
  return ['$$', latex.trim(), '$$'];
}

/** Plain text with its indexed symbols (`x_i^n`, `w*`) as inline math. */
function prose(text: string): string {
  return plainMathParts(text)
    .map((p) => ('text' in p ? p.text : `$${p.base === '' ? displayFixups(p.latex) : p.latex}$`))
    .join('');
}

/** The anchor of a claim's entry (the same as errata.html's). */
function claimAnchor(id: string): string {
  return anchor('claim', id);
}

function table(headers: readonly string[], rows: readonly (readonly string[])[], align?: readonly string[]): string[] {
  return [
    `| ${headers.map(cell).join(' | ')} |`,
    `|${(align ?? headers.map(() => '---')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
}

function evidenceLines(v: Verdict): string[] {
  const { summary, details } = evidenceShown(v);
  return [...(summary ? [summary] : []), ...details.map((d) => `- ${d.replace(/\r?\n/g, ' ')}`)];
}

function witnessLines(witness: Witness, heading: string): string[] {
  const point = Object.entries(witness.point)
    .map(([k, v]) => {
      const latex = pointKeyLatex(k);
      return `${latex !== null ? `$${latex}$` : prose(pointKeyText(k))} = ${code(v)}`;
    })
    .join(', ');
  return [
    heading,
    '',
    ...table(
      ['witness', 'value'],
      [
        ['at', point || '(none)'],
        ['claimed (as checked)', prose(witness.paperValue)],
        ['found', prose(witness.ourValue)],
        ...(enclosureText(witness) ? [['enclosure', enclosureText(witness)!]] : []),
      ],
    ),
  ];
}

function engineLines(engines: readonly EngineAgreement[] | undefined): string[] {
  if (!engines || engines.length === 0) return ['No engine comparison was made for this check.'];
  const agrees = (a: boolean | null): string => (a === null ? 'could not run' : a ? 'yes' : 'no');
  return [
    enginesNote(engines),
    '',
    ...table(
      ['engine', 'agrees', 'note'],
      engines.map((e) => [e.engine, agrees(e.agrees), e.note]),
    ),
  ];
}

function statusLines(verdict: Verdict, checkedIn: string | null): string[] {
  const out: string[] = [];
  switch (verdict.status) {
    case 'confirmed':
      out.push(`**How it was confirmed:** ${basisText(verdict.basis)}`, '');
      break;
    case 'refuted':
      out.push(
        ...witnessLines(
          verdict.witness,
          "**Witness** (a point of the claim's domain where the paper and the derivation differ):",
        ),
        '',
      );
      break;
    case 'holds-under': {
      const c = verdict.condition;
      out.push(`**Holds under the ${c.kind}:** ${prose(conditionTitle(c).trim())} (${conditionSource(c)})`, '');
      out.push(...witnessLines(verdict.witness, `**Without the ${c.kind}** (where the claim fails):`), '');
      if (!restatesReading(verdict)) out.push(`**Under the ${c.kind}:** ${verdict.underCondition.summary}`, '');
      if (c.kind === 'assumption' && checkedIn !== null)
        out.push(
          `**The assumption, checked:** in the entry of [${code(checkedIn)}](#${claimAnchor(checkedIn)}), with the same result.`,
          '',
        );
      if (c.kind === 'assumption' && checkedIn === null)
        out.push(
          '**The assumption, checked:**',
          '',
          ...table(['question', 'answer', 'evidence'], checkRows(c.check)),
          '',
        );
      break;
    }
    case 'inconclusive':
      out.push(`**Why inconclusive:** ${verdict.reason.trim()}`, '');
      break;
  }
  return out;
}

function entrySection(entry: ErrataEntry, runSeed: number, checkedIn: string | null): string[] {
  const v = entry.verdict;
  const out: string[] = [
    `<a id="${claimAnchor(entry.id)}"></a>`,
    '',
    `### ${entry.id}: ${prose(entry.title)}`,
    '',
    `**${statusText(v)}** · ${entry.locationText}`,
    '',
  ];
  if (entry.transcribed) {
    out.push(
      `> **${TRANSCRIBED_MARK} Transcribed by hand.** The printed LaTeX could not be parsed mechanically; the check used this transcription${entry.transcription ? `: ${code(entry.transcription)}` : '.'}`,
      '',
    );
  }
  out.push(`**Statement.** ${prose(entry.statement.trim())}`, '');
  if (entry.quote) {
    const quote = splitQuoteMath(entry.quote.trim())
      .map((p) => ('text' in p ? p.text : `$${displayFixups(p.latex)}$`))
      .join('');
    out.push('**Quoted from the paper:**', '', ...quote.split(/\r?\n/).map((l) => `> ${l}`), '');
  }
  for (const formula of entry.printedDisplay) {
    const rows = formula.fragments > 1 ? `, ${formula.fragments} printed rows joined` : '';
    out.push(`**Printed in the paper** (${roleLabel(formula.role)}${rows}):`, '', ...math(formula.latex), '');
  }
  const merged = correctionIsDerived(v);
  if (v.derivedLatex)
    out.push(
      merged
        ? `**Derived form, and the correction** (the same check on it: ${v.correction!.check}; ${oneLine(v.correction!.evidence)}):`
        : '**Derived form:**',
      '',
      ...math(displayFixups(v.derivedLatex)),
      '',
    );
  if (v.correction && !merged) {
    const c = v.correction;
    out.push(`**Corrected form** (the same check on the correction: ${c.check}; ${oneLine(c.evidence)}):`, '');
    if (c.latex) out.push(...math(displayFixups(c.latex)), '');
    if (c.statement) out.push(prose(c.statement.trim()), '');
  }
  if (v.readings)
    out.push(
      `**Readings** (${v.readings.question}${v.readings.quote ? ` The paper's words: “${v.readings.quote}”` : ''}):`,
      '',
      ...table(['reading', 'literal', 'outcome', 'evidence'], readingRows(v.readings)),
      '',
    );
  if (v.robustness) out.push(...robustnessLines(v.robustness));
  out.push(...statusLines(v, checkedIn));
  const needs = needLines(entry.needs, entry.id);
  if (needs.length > 0) out.push(`**Rests on:** ${needs.join('; ')}`, '');
  for (const c of entry.cancellations)
    out.push(
      `**Errors cancel:** this claim holds under the reading "${c.reading}" although ${c.failing.join(' and ')} fail under it`,
      '',
    );
  for (const c of entry.conflicts)
    out.push(`**Conflicting readings:** no reading of ${c.convention} makes ${c.claims.join(', ')} all hold`, '');
  if (entry.finding) out.push(`**Finding:** ${entry.finding.id} (severity ${entry.finding.severity})`, '');
  const evidence = evidenceLines(v);
  if (evidence.length > 0) out.push('**Evidence:**', '', ...evidence, '');
  if (entry.dependsOn.length > 0)
    out.push(`**Builds on:** ${entry.dependsOn.map((d) => `[${code(d)}](#${claimAnchor(d)})`).join(', ')}`, '');
  if (entry.restsOn.length > 0) out.push(`**Rests on:** ${entry.restsOn.map(reference).join('; ')}`, '');
  out.push(
    '<details><summary>How it was checked: checker, engines, seed</summary>',
    '',
    `Kind ${code(entry.kind)}, checker ${code(v.checker)}.`,
    '',
  );
  if (entry.assumptions.length > 0)
    out.push('Assumptions in the record:', '', ...entry.assumptions.map((a) => `- ${prose(a)}`), '');
  out.push(...engineLines(v.engines), '');
  out.push(`Seed ${v.seed} (derived from run seed ${runSeed} and the claim id).`, '', '</details>', '');
  out.push(`**Reproduce:** ${code(entry.reproduce)}`, '');
  return out;
}

function reference(ref: ErrataReference): string {
  switch (ref.kind) {
    case 'figure':
      return `figure [${ref.title}](figures/${ref.id}.svg) (${code(ref.id)})`;
    case 'table':
      return `table *${ref.title}* (${code(ref.id)}, section ${code(ref.section)})`;
    case 'section':
      return `section *${ref.title}* (${code(ref.id)})`;
  }
}

function experimentSection(section: ErrataSection): string[] {
  const out: string[] = [`### ${section.title}`, '', `Section ${code(section.id)}.`, ''];
  if (section.summary.trim()) out.push(section.summary.trim(), '');
  if (section.notMeasured) {
    out.push(
      `> **Not measured here.** ${section.notMeasured.reason.trim().replace(/\r?\n/g, ' ')}`,
      '>',
      `> Measure it with: ${code(section.notMeasured.command)}`,
      '',
    );
  }
  for (const f of section.figures) {
    out.push(
      `![${f.title.replace(/[[\]]/g, '')}](${f.file})`,
      '',
      `*Figure ${code(f.id)}: ${f.title}.* ${f.caption.trim()}`,
      '',
    );
  }
  for (const t of section.tables) {
    out.push(
      `**Table ${code(t.id)}: ${t.title}.**${t.caption ? ` ${t.caption.trim()}` : ''}`,
      '',
      ...table(t.columns, t.rows),
      '',
    );
  }
  const prov = Object.entries(section.provenance);
  if (prov.length > 0) out.push('**Provenance:**', '', ...table(['item', 'value'], prov), '');
  const claims = [
    ...new Set([
      ...section.claims,
      ...section.figures.flatMap((f) => f.claims),
      ...section.tables.flatMap((t) => t.claims),
    ]),
  ];
  if (claims.length > 0) out.push(`**Bears on:** ${claims.map(code).join(', ')}`, '');
  return out;
}

function overviewFinding(o: OverviewFinding, n: number): string[] {
  const out = [`### ${n}. [${o.severity}] ${prose(o.title)}`, '', `- **The paper:** ${prose(o.says)}`];
  if (o.found) out.push(`- **Found:** ${prose(o.found)}`);
  if (o.condition) {
    out.push(
      `- **Needs:** ${prose(o.condition.statement)} (${o.condition.source})`,
      `- **${o.condition.realism.kind === 'assumption' ? 'Realistic?' : 'Readings:'}** **${o.condition.realism.label}.** ${prose(o.condition.realism.summary)}`,
    );
  }
  if (o.correction) {
    const c = o.correction;
    out.push(
      `- **Fix** (the same check on the correction: ${c.check}):${c.statement ? ` ${prose(c.statement.trim())}` : ''}`,
    );
    if (c.latex) out.push('', ...math(displayFixups(c.latex)).map((l) => `  ${l}`), '');
  }
  const claims = o.claims
    .map(
      (c) =>
        `[${prose(c.title)}](#${claimAnchor(c.id)}) (${c.locationText}${c.root && o.claims.length > 1 ? ', root' : ''})`,
    )
    .join('; ');
  out.push(
    `- ${o.claims.length > 1 ? 'Claims' : 'Claim'}: ${claims}. Severity ${o.severity}: ${o.finding.why}.`,
    ...findingNotes(o.finding).map((note) => `- ${note}`),
    '',
  );
  return out;
}

function findingsLines(o: Overview): string[] {
  const out = ['## What is wrong, and how to fix it', '', `**${o.headline}**`, ''];
  if (o.wrong.length === 0) out.push('No claim was refuted.', '');
  o.wrong.forEach((f, i) => out.push(...overviewFinding(f, i + 1)));
  if (o.conditional.length > 0) {
    out.push('## Holds only under an assumption or a reading', '', CONDITIONAL_INTRO, '');
    o.conditional.forEach((f, i) => out.push(...overviewFinding(f, o.wrong.length + i + 1)));
  }
  if (o.unchecked.length > 0) {
    out.push('## Could not be decided here', '');
    for (const u of o.unchecked)
      out.push(`- [${prose(u.entry.title)}](#${claimAnchor(u.entry.id)}) (${u.entry.locationText}): ${u.reason}`);
    out.push('');
  }
  out.push(
    '## How to read the verdicts',
    '',
    ...VERDICT_LEGEND.map(([k, text]) => `- **${k}**: ${text}`),
    '',
    HOW_VERDICTS_ARISE,
    '',
  );
  return out;
}

function provenanceLines(p: ReportProvenance): string[] {
  const commit = p.commit === null ? 'not available' : `${p.commit}${p.dirty ? ' (with uncommitted changes)' : ''}`;
  const engines = p.engines.map((e) => `${e.role}: ${e.name}${e.version ? ` ${e.version}` : ''}`).join('; ');
  const packages = Object.entries(p.packages)
    .map(([name, version]) => `${name} ${version ?? '(not installed)'}`)
    .join(', ');
  return [
    '## Provenance',
    '',
    ...table(
      ['item', 'value'],
      [
        ['tool', `${p.tool} ${p.version}`],
        ['git commit', commit],
        ['seed', String(p.seed)],
        ['claims', p.selection === null ? 'every claim of the registry' : `only ${p.selection.join(', ')}`],
        ['node', p.node],
        ['engines', engines || '(none)'],
        ['packages', packages || '(none)'],
        ...(p.experiments
          ? [['experiments', `setting ${p.experiments.setting}, backend ${p.experiments.backend}`]]
          : []),
      ],
    ),
    '',
    'Times and host details of the run are in `provenance.json`, kept apart so that this file is byte-identical for the same inputs and seed.',
    '',
  ];
}

/** Renders an errata document as Markdown. */
export function renderErrataDocumentMarkdown(doc: ErrataDocument): string {
  const seed = doc.provenance.seed;
  const overview = buildOverview(doc);
  const lines: string[] = [
    `# ${doc.title}`,
    '',
    `*${doc.paper.authors}.* Checked by ${doc.provenance.tool} ${doc.provenance.version}; provenance at the end.`,
    '',
    ...findingsLines(overview),
    '## All verdicts',
    '',
    ...table(
      ['verdict', 'claims'],
      [...VERDICT_STATUSES.map((s) => [s, String(doc.counts[s])]), ['total', String(doc.counts.total)]],
      ['---', '--:'],
    ),
    '',
  ];
  if (doc.claims.length === 0) {
    lines.push('No claims were checked.', '');
  } else {
    lines.push(
      ...table(
        ['claim', 'location', 'verdict', 'evidence'],
        doc.claims.map((e) => [
          `[${e.id}](#${claimAnchor(e.id)})${e.transcribed ? ` ${TRANSCRIBED_MARK}` : ''}`,
          e.locationText,
          statusText(e.verdict),
          oneLine(verdictLine(e.verdict), SUMMARY_CELL),
        ]),
      ),
      '',
    );
    if (doc.claims.some((e) => e.transcribed)) {
      lines.push(
        `Claims marked ${TRANSCRIBED_MARK} were checked against a hand transcription of the printed formula, not a mechanical parse of it.`,
        '',
      );
    }
    lines.push('## Claims', '');
    // An assumption's computed check is printed once per finding; an entry with the same check names that entry.
    for (const entry of doc.claims) lines.push(...entrySection(entry, seed, checkedElsewhere(overview, doc, entry)));
  }
  if (doc.sections.length > 0) {
    lines.push('## Experiments', '');
    for (const section of doc.sections) lines.push(...experimentSection(section));
  }
  lines.push(
    ...provenanceLines(doc.provenance),
    `Paper read from \`${doc.provenance.paper.file}\` (sha256 \`${doc.provenance.paper.sha256}\`, ${doc.provenance.paper.bytes} bytes).`,
    '',
  );
  return lines.join('\n').replace(/\n+$/, '') + '\n';
}

/**
 * Renders errata.md from check results, the experiments' sections and the run's deterministic provenance (no
 * times, no host details). Figures are referenced as `figures/<id>.svg`; write them with `reportFiles`.
 */
export function renderErrataMarkdown(
  results: readonly CheckResult[],
  provenance: ReportProvenance,
  sections: readonly ReportSection[] = [],
): string {
  return renderErrataDocumentMarkdown(buildErrata(results, provenance, sections));
}

/** The robustness of an empirical verdict: summary, split sizes, protocols × seeds, and the threshold probes. */
function robustnessLines(r: Robustness): string[] {
  const splits = splitsText(r);
  const out = [`**Robustness${r.fragile ? ' (fragile)' : ''}:** ${r.summary}${splits ? `. Data: ${splits}.` : ''}`, ''];
  if (r.protocols.length > 0) out.push(...table(['protocol', 'seeds', 'verdict'], protocolRows(r)), '');
  if (r.thresholds.length > 0)
    out.push(...table(['threshold', 'value ± band', 'source', 'where the verdict flips'], thresholdRows(r)), '');
  return out;
}
