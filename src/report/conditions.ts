/**
 * Text for what a verdict rests on, shared by every renderer: the condition of a holds-under verdict (assumption or
 * reading, where it comes from, and what was computed about it), the per-reading outcomes, and how a confirmation was
 * reached.
 */
import type {
  AssumptionCheck,
  Basis,
  Condition,
  ReadingsResult,
  Robustness,
  Source,
  Verdict,
  Witness,
} from '../claims/verdict.ts';
import { formatNumber } from '../format/number.ts';
import type { Need } from '../claims/propagate.ts';

/** "the assumption …" / "the reading …". */
export function conditionTitle(c: Condition): string {
  return c.kind === 'assumption' ? c.assumption.statement : c.reading.statement;
}

/** "stated in the paper: “…”" or "supplied by claimcheck: …". */
export function sourceText(s: Source): string {
  return s.kind === 'paper' ? `stated in the paper: “${s.quote}”` : `supplied by claimcheck: ${s.reason}`;
}

/** Where the condition comes from, in one line. */
export function conditionSource(c: Condition): string {
  if (c.kind === 'assumption') return sourceText(c.assumption.source);
  return `a reading of the paper's words (convention ${c.convention}${c.reading.literal ? ', the literal one' : ''})`;
}

/** The three computed answers about an assumption: [question, answer status, summary]. */
export function checkRows(check: AssumptionCheck): [string, string, string][] {
  return [
    ['can it hold at all?', check.satisfiable.status, check.satisfiable.summary],
    ...check.forces.map((f): [string, string, string] => ['what it forces', f.status, f.statement]),
    ['does it hold where it matters?', check.whereItMatters.status, check.whereItMatters.summary],
  ];
}

/** The per-reading rows: [reading, literal, outcome, summary]. */
export function readingRows(r: ReadingsResult): [string, string, string, string][] {
  return r.outcomes.map((o) => [
    o.statement + (o.statedQuote !== undefined ? ` (the paper's definition: “${o.statedQuote}”)` : ''),
    o.literal ? 'yes' : '',
    o.outcome,
    o.summary,
  ]);
}

/** How a confirmation was reached, in one line. */
export function basisText(b: Basis): string {
  return b.kind === 'proved' ? `proved: ${b.method}` : `tested: ${b.what}`;
}

/** The note a one-line summary needs for a holds-under verdict whose assumption fails where it matters. */
export function whereItMattersNote(v: Verdict): string | undefined {
  if (v.status !== 'holds-under' || v.condition.kind !== 'assumption') return undefined;
  const s = v.condition.check.whereItMatters.status;
  return s === 'no'
    ? 'the assumption fails everywhere it was measured'
    : s === 'partly'
      ? 'the assumption holds only partly where it was measured'
      : undefined;
}

/** The evidence of a verdict in one line, led by the warning when its assumption fails where it matters. */
export function verdictLine(v: Verdict): string {
  const base = v.status === 'inconclusive' && !v.evidence.summary ? v.reason : v.evidence.summary;
  const note = whereItMattersNote(v);
  return note ? `${note}. ${base}` : base;
}

/** The enclosure of a witness in one line ("paper − derived ∈ [lo, hi]: proved nonzero …"). */
export function enclosureText(w: Witness): string | undefined {
  const e = w.enclosure;
  if (!e) return undefined;
  const short = (x: string) => (x.length > 24 ? `${x.slice(0, 22)}…` : x);
  return `paper − derived ∈ [${short(e.lo)}, ${short(e.hi)}] (${e.excludesZero ? 'excludes 0: the difference is proved nonzero' : 'contains 0: not proved'}; ${e.method})`;
}

/** What a claim needs beyond itself, in one line per need. */
export function needLines(needs: readonly Need[], self: string): string[] {
  return needs
    .filter((n) => n.from !== self)
    .map((n) =>
      n.kind === 'reading'
        ? `the reading "${n.statement}" (via ${n.from})`
        : `the assumption "${n.statement}" (via ${n.from})`,
    );
}

/** The rows of a robust verdict's protocol table: [protocol, seeds, verdict] (the experiment section describes each protocol). */
export function protocolRows(r: Robustness): [string, string, string][] {
  return r.protocols.map((p) => [p.id, String(p.seeds), p.verdict]);
}

/** The rows of a verdict's threshold probes: [threshold, value ± band, source, where the verdict flips]. */
export function thresholdRows(r: Robustness): [string, string, string, string][] {
  const f = (v: number) => formatNumber(v, 4);
  return r.thresholds.map((t) => [
    t.name,
    `${f(t.value)} ± ${f(t.band)}`,
    sourceText(t.source),
    t.flipsAt === null
      ? 'no flip within ±10 bands'
      : `flips to ${t.flipsTo} at ${f(t.flipsAt)} (margin ${f(Math.abs(t.flipsAt - t.value))}${t.fragile ? ', within the band: fragile' : ''})`,
  ]);
}

/** The split sizes an empirical verdict used, beside the paper's. */
export function splitsText(r: Robustness): string | undefined {
  const s = r.splits;
  if (s === undefined) return undefined;
  const n = (v: number) => v.toLocaleString('en-US');
  return `${n(s.train)} training / ${n(s.test)} test images (the paper's MNIST2: ${n(s.paperTrain)} / ${n(s.paperTest)})`;
}

/** The verdict's status as the summary tables show it: with `(fragile)` when a threshold flips it within its band. */
export function statusText(v: Verdict): string {
  return v.robustness?.fragile ? `${v.status} (fragile)` : v.status;
}

/**
 * The evidence an entry shows: its summary and details less what the readings table already says (a summary composed
 * of every reading's outcome, and detail lines restating one).
 */
export function evidenceShown(v: Verdict): { summary: string | null; details: string[] } {
  const r = v.readings;
  // Only a substantial text counts as restated (an empty or one-word summary is in every line).
  const within = (line: string, text: string): boolean => text.trim().length >= 20 && line.includes(text);
  const restates = (line: string): boolean =>
    r !== undefined && r.outcomes.some((o) => within(line, o.summary) || within(line, o.statement));
  const composed = r !== undefined && r.outcomes.every((o) => within(v.evidence.summary, o.summary));
  return {
    summary: composed ? null : v.evidence.summary.trim(),
    details: (v.evidence.details ?? []).filter((d) => !restates(d)),
  };
}

/** Whether the correction is the derived form itself (one box says both). */
export function correctionIsDerived(v: Verdict): boolean {
  const same = (a: string, b: string): boolean => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
  return v.correction?.latex !== undefined && v.derivedLatex !== undefined && same(v.correction.latex, v.derivedLatex);
}

/** Whether what a holds-under verdict says under its condition is a row of its readings table already. */
export function restatesReading(v: Verdict): boolean {
  return (
    v.status === 'holds-under' &&
    v.readings !== undefined &&
    v.readings.outcomes.some((o) => o.summary.trim() === v.underCondition.summary.trim())
  );
}
