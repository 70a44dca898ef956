/**
 * The top of the report, shared by every renderer: what is wrong in the paper and how to fix it (the findings whose
 * cause is a refuted claim), what holds only under an assumption or a reading (and whether that assumption is
 * realistic where it matters), and what could not be decided here (with the command that would decide it). Built
 * from the errata document alone: every sentence is assembled from computed verdicts, witnesses and corrections.
 */
import type { Finding, Severity } from '../claims/findings.ts';
import type { Correction, Verdict } from '../claims/verdict.ts';
import type { ErrataDocument, ErrataEntry } from './errata.ts';
import { sourceText } from './conditions.ts';
import { findingTitle } from './finding-text.ts';

/** Whether a condition is realistic where it matters, in a few words, with the computed evidence. */
export interface Realism {
  /** `yes`: holds where it matters; `no`: fails there; `partly`; `unknown`: not decided there. */
  readonly status: 'yes' | 'no' | 'partly' | 'unknown';
  readonly label: string;
  readonly summary: string;
}

/** One finding as the top of the report shows it. */
export interface OverviewFinding {
  readonly finding: Finding;
  readonly severity: Severity;
  readonly title: string;
  /** The claims it holds (roots first), with where they stand. */
  readonly claims: readonly Pick<ErrataEntry, 'id' | 'title' | 'locationText'>[];
  /** What the paper says: the first root claim's statement. */
  readonly says: string;
  /** What the check found, in a sentence built from the root claim's witness. */
  readonly found: string | null;
  /** The correction computed for the root claim, checked by the same checker. */
  readonly correction: Correction | null;
  /** The assumption or reading a conditional finding rests on: where it comes from and whether it is realistic. */
  readonly condition: { readonly statement: string; readonly source: string; readonly realism: Realism } | null;
  /** The claim whose entry shows the assumption's computed check in full (the others link to it); null for none. */
  readonly checkedIn: string | null;
}

/** A claim that could not be decided here. */
export interface OverviewUnchecked {
  readonly entry: ErrataEntry;
  readonly reason: string;
  /** The commands the reason names (in backticks), which would decide it where their inputs are. */
  readonly commands: readonly string[];
}

export interface Overview {
  /** One sentence: how many claims, errors, conditional findings and undecided claims. */
  readonly headline: string;
  /** Findings caused by refuted claims, most severe first. */
  readonly wrong: readonly OverviewFinding[];
  /** Findings caused by an assumption or a reading, most severe first. */
  readonly conditional: readonly OverviewFinding[];
  readonly unchecked: readonly OverviewUnchecked[];
}

/** The verdict classes and marks, explained once for every format. */
export const VERDICT_LEGEND: readonly (readonly [string, string])[] = [
  [
    'confirmed',
    're-derived or re-measured and agrees with the paper; the entry says whether it was proved or tested, and on what.',
  ],
  [
    'refuted',
    'disagrees with the paper; a witness (a point, a measurement) shows where, and a correction is given when one was found and checked.',
  ],
  [
    'holds-under',
    'true only under an assumption (stated in the paper or supplied by claimcheck) or under one reading of the words; the assumption is itself checked: can it hold, what it forces, does it hold where it matters.',
  ],
  [
    'inconclusive',
    'could not be decided here; the reason is given, with the command that would decide it where one exists.',
  ],
  ['fragile', 'an empirical verdict that flips when its threshold moves within its stated band.'],
  [
    'severity',
    'what a finding changes: result (a theorem, conclusion or reported number) › derivation (a formula or step) › presentation (notation, a reference, wording).',
  ],
];

/** The command spans (`…`) of a text, in order. */
export function commandSpans(text: string): string[] {
  return [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!).filter((c) => /^(?:npx|npm|node|claimcheck)\b/.test(c));
}

/** Splits a text at its backtick spans: `[text, code, text, …]` pieces, code marked. */
export function codeParts(text: string): { readonly text: string; readonly code: boolean }[] {
  return text
    .split(/(`[^`]+`)/)
    .filter((p) => p !== '')
    .map((p) => (/^`[^`]+`$/.test(p) ? { text: p.slice(1, -1), code: true } : { text: p, code: false }));
}

/** A long decimal cut to 6 significant digits for a sentence (the entry keeps every digit). */
const short = (s: string): string => {
  const x = Number(s.replace('−', '-'));
  return Number.isFinite(x) && s.replace(/[^0-9]/g, '').length > 8 ? String(Number(x.toPrecision(6))) : s;
};

const isNumber = (s: string): boolean => /^[−+-]?\d+(?:\.\d+)?(?:e[−+-]?\d+)?$/i.test(s.trim());

/** The witness of a refuted or holds-under verdict as one sentence. */
function foundSentence(v: Verdict): string | null {
  if (v.status !== 'refuted' && v.status !== 'holds-under') return null;
  const w = v.witness;
  const where = v.status === 'holds-under' ? ' without it' : '';
  if (isNumber(w.paperValue) && isNumber(w.ourValue)) {
    const at = w.point.instance ? `a random point (${w.point.instance})` : 'a sampled point';
    const proof = w.enclosure?.excludesZero ? '; an interval enclosure proves the difference nonzero' : '';
    return `At ${at}${where}, the paper's form evaluates to ${short(w.paperValue)} where the check gives ${short(w.ourValue)}${proof}.`;
  }
  return `${w.ourValue}${where}; the claim, as checked, needs ${w.paperValue}.`;
}

function realismOf(v: Verdict | undefined): Realism | null {
  if (v?.status !== 'holds-under') return null;
  const c = v.condition;
  if (c.kind === 'assumption') {
    const s = c.check.whereItMatters.status;
    const label = {
      yes: 'realistic: it holds where it matters',
      partly: 'partly realistic: it holds only in part where it matters',
      no: 'not realistic: it fails where it matters',
      unknown: 'not decided where it matters',
    }[s];
    return { status: s, label, summary: c.check.whereItMatters.summary };
  }
  const failsStated = v.readings?.outcomes.find((o) => o.statedQuote !== undefined && o.outcome === 'fails');
  if (failsStated)
    return {
      status: 'no',
      label: 'not the paper’s own definition: under the reading the paper defines, the claim fails',
      summary: `${failsStated.statement}: ${failsStated.summary}`,
    };
  return c.reading.literal
    ? { status: 'yes', label: 'the literal reading of the words', summary: c.reading.statement }
    : {
        status: 'partly',
        label: 'a reading the words allow, not their literal one',
        summary: c.reading.statement,
      };
}

/** Builds the overview of an errata document. */
export function buildOverview(doc: ErrataDocument): Overview {
  const byId = new Map(doc.claims.map((c) => [c.id, c]));
  const item = (f: Finding): OverviewFinding => {
    const members = [...f.roots, ...f.consequences].flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
    const conditional = members.find((c) => c.verdict.status === 'holds-under');
    const root = f.cause.kind === 'refuted' ? byId.get(f.roots[0]!) : (conditional ?? byId.get(f.roots[0]!));
    const v = root?.verdict;
    const condition =
      f.cause.kind === 'refuted' || v?.status !== 'holds-under'
        ? null
        : {
            statement: f.cause.statement,
            source:
              v.condition.kind === 'assumption'
                ? sourceText(v.condition.assumption.source)
                : `a reading of the paper's words (convention ${v.condition.convention})`,
            realism: realismOf(v)!,
          };
    return {
      finding: f,
      severity: f.severity,
      title: findingTitle(f, doc),
      claims: members.map((c) => ({ id: c.id, title: c.title, locationText: c.locationText })),
      says: root?.statement.trim() ?? '',
      found: v ? foundSentence(v) : null,
      correction: v?.correction ?? null,
      condition,
      checkedIn:
        conditional?.verdict.status === 'holds-under' && conditional.verdict.condition.kind === 'assumption'
          ? conditional.id
          : null,
    };
  };
  const wrong = doc.findings.filter((f) => f.cause.kind === 'refuted').map(item);
  const conditional = doc.findings.filter((f) => f.cause.kind !== 'refuted').map(item);
  const unchecked = doc.claims
    .filter((c) => c.verdict.status === 'inconclusive')
    .map((entry) => {
      const reason = entry.verdict.status === 'inconclusive' ? entry.verdict.reason.trim() : '';
      return { entry, reason, commands: commandSpans(reason) };
    });
  const n = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;
  const results = [...wrong, ...conditional].filter((f) => f.severity === 'result').length;
  const headline =
    `${n(doc.counts.total, 'claim')} checked: ${n(wrong.length, 'error')} in the paper, ` +
    `${n(conditional.length, 'finding')} that hold only under an assumption or a reading, ` +
    `${n(unchecked.length, 'claim')} not decided here; ${results} of the findings change a result.`;
  return { headline, wrong, conditional, unchecked };
}
