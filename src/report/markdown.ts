/**
 * errata.md: the errata document as Markdown (GitHub flavour, LaTeX in `$$…$$`, figures as `figures/<id>.svg`
 * written next to it, tables inline).
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
  statusText,
  thresholdRows,
  verdictLine,
} from './conditions.ts';
import type { CheckResult } from '../claims/loaded.ts';
import type { EngineAgreement, Evidence, Robustness, Verdict, Witness } from '../claims/verdict.ts';
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

function table(headers: readonly string[], rows: readonly (readonly string[])[], align?: readonly string[]): string[] {
  return [
    `| ${headers.map(cell).join(' | ')} |`,
    `|${(align ?? headers.map(() => '---')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
}

function evidenceLines(evidence: Evidence): string[] {
  return [evidence.summary.trim(), ...(evidence.details ?? []).map((d) => `- ${d.replace(/\r?\n/g, ' ')}`)];
}

function witnessLines(witness: Witness, heading: string): string[] {
  const point = Object.entries(witness.point)
    .map(([k, v]) => `${k} = ${v}`)
    .join(', ');
  return [
    heading,
    '',
    ...table(
      ['witness', 'value'],
      [
        ['point', code(point || '(none)')],
        ["paper's value", code(witness.paperValue)],
        ['derived value', code(witness.ourValue)],
        ...(enclosureText(witness) ? [['enclosure', enclosureText(witness)!]] : []),
      ],
    ),
  ];
}

function engineLines(engines: readonly EngineAgreement[] | undefined): string[] {
  if (!engines || engines.length === 0) return ['**Engine agreement:** no engine comparison was made for this check.'];
  const agrees = (a: boolean | null): string => (a === null ? 'n/a' : a ? 'yes' : '**no**');
  return [
    '**Engine agreement:**',
    '',
    ...table(
      ['engine', 'agrees', 'note'],
      engines.map((e) => [e.engine, agrees(e.agrees), e.note]),
    ),
  ];
}

function statusLines(verdict: Verdict): string[] {
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
      out.push(`**Holds under the ${c.kind}:** ${conditionTitle(c).trim()} (${conditionSource(c)})`, '');
      out.push(...witnessLines(verdict.witness, `**Witness without the ${c.kind}** (where the claim fails):`), '');
      out.push(`**Under the ${c.kind}:** ${verdict.underCondition.summary}`, '');
      if (c.kind === 'assumption')
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

function entrySection(entry: ErrataEntry, runSeed: number): string[] {
  const v = entry.verdict;
  const out: string[] = [
    `### ${entry.id}: ${entry.title}`,
    '',
    `**Verdict: ${statusText(v)}** · ${entry.locationText} · kind ${code(entry.kind)} · checker ${code(v.checker)}`,
    '',
  ];
  if (entry.transcribed) {
    out.push(
      `> **${TRANSCRIBED_MARK} Transcribed by hand.** The printed LaTeX could not be parsed mechanically; the check used this transcription${entry.transcription ? `: ${code(entry.transcription)}` : '.'}`,
      '',
    );
  }
  out.push(`**Statement.** ${entry.statement.trim()}`, '');
  if (entry.quote) {
    const quote = splitQuoteMath(entry.quote.trim())
      .map((p) => ('text' in p ? p.text : `$${displayFixups(p.latex)}$`))
      .join('');
    out.push('**Quoted from the paper:**', '', ...quote.split(/\r?\n/).map((l) => `> ${l}`), '');
  }
  for (const formula of entry.printedDisplay) {
    const rows = formula.fragments > 1 ? `, ${formula.fragments} printed rows joined` : '';
    out.push(`**Printed in the paper** (${formula.role}${rows}):`, '', ...math(formula.latex), '');
  }
  if (v.derivedLatex) out.push('**Derived form:**', '', ...math(displayFixups(v.derivedLatex)), '');
  if (v.correction) {
    const c = v.correction;
    out.push(`**Corrected form** (the same check on the correction: ${c.check}; ${oneLine(c.evidence)}):`, '');
    if (c.latex) out.push(...math(displayFixups(c.latex)), '');
    if (c.statement) out.push(c.statement.trim(), '');
  }
  if (v.readings)
    out.push(
      `**Readings** (${v.readings.question}${v.readings.quote ? ` The paper's words: “${v.readings.quote}”` : ''}):`,
      '',
      ...table(['reading', 'literal', 'outcome', 'evidence'], readingRows(v.readings)),
      '',
    );
  if (v.robustness) out.push(...robustnessLines(v.robustness));
  out.push(...statusLines(v));
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
  out.push('**Evidence:**', '', ...evidenceLines(v.evidence), '');
  if (entry.assumptions.length > 0) {
    out.push('**Assumptions in the record:**', '', ...entry.assumptions.map((a) => `- ${a}`), '');
  }
  if (entry.dependsOn.length > 0) out.push(`**Builds on:** ${entry.dependsOn.map(code).join(', ')}`, '');
  if (entry.restsOn.length > 0) out.push(`**Rests on:** ${entry.restsOn.map(reference).join('; ')}`, '');
  out.push(...engineLines(v.engines), '');
  out.push(`**Seed:** ${v.seed} (derived from run seed ${runSeed} and the claim id).`, '');
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

function findingsLines(doc: ErrataDocument): string[] {
  if (doc.findings.length === 0) return [];
  const out = [
    '## Findings',
    '',
    'The refuted and holds-under verdicts grouped by root cause, most severe first (severity: result › derivation › presentation).',
    '',
  ];
  doc.findings.forEach((f, i) => {
    out.push(`### ${i + 1}. [${f.severity}] ${findingTitle(f, doc)}`, '');
    for (const [label, text] of findingLines(f)) out.push(`- **${label}:** ${text}`);
    out.push('');
  });
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
  const lines: string[] = [
    `# ${doc.title}`,
    '',
    `Paper: *${doc.paper.title}*, ${doc.paper.authors}.`,
    '',
    `Read from \`${doc.provenance.paper.file}\` (sha256 \`${doc.provenance.paper.sha256}\`, ${doc.provenance.paper.bytes} bytes).`,
    '',
    HOW_VERDICTS_ARISE,
    '',
    ...findingsLines(doc),
    ...provenanceLines(doc.provenance),
    '## Verdicts',
    '',
    ...table(
      ['verdict', 'claims'],
      [...VERDICT_STATUSES.map((s) => [s, String(doc.counts[s])]), ['total', String(doc.counts.total)]],
      ['---', '--:'],
    ),
    '',
    '## Summary',
    '',
  ];
  if (doc.claims.length === 0) {
    lines.push('No claims were checked.', '');
  } else {
    lines.push(
      ...table(
        ['claim', 'location', 'verdict', 'evidence'],
        doc.claims.map((e) => [
          e.transcribed ? `${e.id} ${TRANSCRIBED_MARK}` : e.id,
          e.locationText,
          e.verdict.status,
          oneLine(verdictLine(e.verdict)),
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
    for (const entry of doc.claims) lines.push(...entrySection(entry, seed));
  }
  if (doc.sections.length > 0) {
    lines.push('## Experiments', '');
    for (const section of doc.sections) lines.push(...experimentSection(section));
  }
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
