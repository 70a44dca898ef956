/**
 * The top of the report, shared by every renderer: what is wrong in the paper and how to fix it (the findings that
 * hold a refuted claim), what holds only under an assumption or a reading (whether an assumption holds where it
 * matters; which readings of the words make the claim hold), and what could not be decided here (with the command that would decide it). Built
 * from the errata document alone: every sentence is assembled from computed verdicts, witnesses and corrections.
 */
import type { Finding, Severity } from '../claims/findings.ts';
import type { AssumptionCheck, Correction, Verdict } from '../claims/verdict.ts';
import type { ErrataDocument, ErrataEntry } from './errata.ts';
import { sourceText } from './conditions.ts';
import { findingTitle } from './finding-text.ts';

/** Whether a condition is realistic where it matters, in a few words, with the computed evidence. */
export interface Realism {
  /** What the condition is: an assumption (realistic where it matters?) or a reading (which readings hold?). */
  readonly kind: 'assumption' | 'reading';
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
  /** The claims it holds (roots first, marked), with where they stand. */
  readonly claims: readonly (Pick<ErrataEntry, 'id' | 'title' | 'locationText'> & { readonly root: boolean })[];
  /** What the paper says: the statement of its first refuted claim, else of its first conditional one. */
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

/** A claim that could not be decided here, with its reason (which names the command that would decide it). */
export interface OverviewUnchecked {
  readonly entry: ErrataEntry;
  readonly reason: string;
}

export interface Overview {
  /** One sentence: how many claims, errors, conditional findings and undecided claims. */
  readonly headline: string;
  /** Findings that hold a refuted claim (whatever their cause), most severe first. */
  readonly wrong: readonly OverviewFinding[];
  /** Findings whose every claim holds under their assumption or reading, most severe first. */
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

/** What the conditional findings are, in one sentence. */
export const CONDITIONAL_INTRO =
  'Every claim here holds under the condition named. For an assumption, whether it holds where it matters was computed; for a reading, which readings of the words make the claim hold.';

/** The computed check of a holds-under assumption verdict, else undefined. */
function assumptionCheck(v: Verdict | undefined): AssumptionCheck | undefined {
  return v?.status === 'holds-under' && v.condition.kind === 'assumption' ? v.condition.check : undefined;
}

/**
 * The claim whose entry shows the same computed assumption check as `entry`'s, when that is another claim (the check
 * is computed per claim: an entry shows its own table unless one entry of its finding shows the same), else null.
 */
export function checkedElsewhere(overview: Overview, doc: ErrataDocument, entry: ErrataEntry): string | null {
  const check = assumptionCheck(entry.verdict);
  const owner = [...overview.wrong, ...overview.conditional].find((o) => o.finding.id === entry.finding?.id)?.checkedIn;
  if (check === undefined || !owner || owner === entry.id) return null;
  const shown = assumptionCheck(doc.claims.find((c) => c.id === owner)?.verdict);
  return JSON.stringify(shown) === JSON.stringify(check) ? owner : null;
}

/** Splits a text at its backtick spans: `[text, code, text, …]` pieces, code marked. */
export function codeParts(text: string): { readonly text: string; readonly code: boolean }[] {
  return text
    .split(/(`[^`]+`)/)
    .filter((p) => p !== '')
    .map((p) => (/^`[^`]+`$/.test(p) ? { text: p.slice(1, -1), code: true } : { text: p, code: false }));
}

/**
 * Two numbers for a sentence: cut to 6 significant digits, or to as many as it takes for them to differ (the entry
 * keeps every digit).
 */
function shortPair(a: string, b: string): [string, string] {
  const x = Number(a.replace('−', '-'));
  const y = Number(b.replace('−', '-'));
  if (!Number.isFinite(x) || !Number.isFinite(y)) return [a, b];
  for (let digits = 6; digits <= 17; digits++) {
    const [p, q] = [x.toPrecision(digits), y.toPrecision(digits)];
    if (p === q && digits < 17) continue;
    // At six digits, trailing zeros go; beyond, they are the digits that tell the two apart.
    const [sp, sq] = digits === 6 ? [String(Number(p)), String(Number(q))] : [p, q];
    return [sp.length < a.length ? sp : a, sq.length < b.length ? sq : b];
  }
  return [a, b];
}

const isNumber = (s: string): boolean => /^[−+-]?\d+(?:\.\d+)?(?:e[−+-]?\d+)?$/i.test(s.trim());

/**
 * The witness of a refuted or holds-under verdict as one sentence, in the witness's own terms: what the claim needs
 * as the check reads it, and what was found (for a formula, the two values at a random point of its domain).
 */
function foundSentence(v: Verdict): string | null {
  if (v.status !== 'refuted' && v.status !== 'holds-under') return null;
  const w = v.witness;
  const where = v.status === 'holds-under' ? ' without the condition' : '';
  if (isNumber(w.paperValue) && isNumber(w.ourValue)) {
    const [claimed, found] = shortPair(w.paperValue, w.ourValue);
    const at = w.point.instance
      ? `At a random point (${w.point.instance})${where}: `
      : where
        ? 'Without the condition: '
        : '';
    const proof = w.enclosure?.excludesZero ? '; an interval enclosure proves the difference nonzero' : '';
    return `${at}${found}, where the claim, as checked, gives ${claimed}${proof}.`;
  }
  return `${w.ourValue}${where} (the claim, as checked: ${w.paperValue}).`;
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
    return { kind: 'assumption', status: s, label, summary: c.check.whereItMatters.summary };
  }
  const outcomes = v.readings?.outcomes ?? [];
  const holds = outcomes.filter((o) => o.outcome === 'holds');
  const fails = outcomes.filter((o) => o.outcome === 'fails');
  const list = (os: readonly { statement: string }[]) => os.map((o) => o.statement).join('; ');
  const summary = [
    holds.length > 0 ? `Holds under: ${list(holds)}.` : '',
    fails.length > 0 ? `Fails under: ${list(fails)}.` : '',
  ]
    .filter((x) => x)
    .join(' ');
  const reading = (status: Realism['status'], label: string): Realism => ({ kind: 'reading', status, label, summary });
  const statedFails = fails.filter((o) => o.statedQuote !== undefined);
  const statedHolds = holds.filter((o) => o.statedQuote !== undefined);
  if (statedFails.length > 0)
    return statedHolds.length > 0
      ? reading('partly', 'the readings the paper defines disagree: it fails under one and holds under another')
      : reading('no', 'it fails under the reading the paper defines, and holds only under another');
  const literal = outcomes.find((o) => o.literal);
  if (literal === undefined) return reading('unknown', 'the words fix no reading; it holds under the one named');
  return literal.outcome === 'holds'
    ? reading('yes', 'it holds under the literal reading')
    : reading('partly', 'it fails under the literal reading and holds only under another');
}

/** Builds the overview of an errata document. */
export function buildOverview(doc: ErrataDocument): Overview {
  const byId = new Map(doc.claims.map((c) => [c.id, c]));
  const membersOf = (f: Finding) =>
    [...f.roots, ...f.consequences].flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  const refutedIn = (f: Finding) => membersOf(f).filter((c) => c.verdict.status === 'refuted');
  const item = (f: Finding): OverviewFinding => {
    const members = membersOf(f);
    const conditional = members.find((c) => c.verdict.status === 'holds-under');
    // What the paper says and what was found: a refuted member when there is one (roots first), else the first
    // member that holds under the condition.
    const root = refutedIn(f)[0] ?? conditional ?? byId.get(f.roots[0]!);
    const v = root?.verdict;
    const cv = conditional?.verdict;
    const condition =
      f.cause.kind === 'refuted' || cv?.status !== 'holds-under'
        ? null
        : {
            statement: f.cause.statement,
            source:
              cv.condition.kind === 'assumption'
                ? sourceText(cv.condition.assumption.source)
                : cv.readings?.quote
                  ? `a reading of the paper's words “${cv.readings.quote}”; the question: ${cv.readings.question}`
                  : `a question the paper's words leave open: ${cv.readings?.question ?? cv.condition.convention}`,
            realism: realismOf(cv)!,
          };
    return {
      finding: f,
      severity: f.severity,
      title: findingTitle(f, doc),
      claims: members.map((c) => ({
        id: c.id,
        title: c.title,
        locationText: c.locationText,
        root: f.roots.includes(c.id),
      })),
      says: root?.statement.trim() ?? '',
      found: v ? foundSentence(v) : null,
      correction: v?.correction ?? null,
      condition,
      checkedIn: assumptionCheck(cv) !== undefined ? conditional!.id : null,
    };
  };
  // A finding with a refuted claim is an error, whatever its cause; the rest hold under their condition.
  const wrong = doc.findings.filter((f) => refutedIn(f).length > 0).map(item);
  const conditional = doc.findings.filter((f) => refutedIn(f).length === 0).map(item);
  const unchecked = doc.claims
    .filter((c) => c.verdict.status === 'inconclusive')
    .map((entry) => {
      const reason = entry.verdict.status === 'inconclusive' ? entry.verdict.reason.trim() : '';
      return { entry, reason };
    });
  const c = doc.counts;
  const results = doc.findings.filter((f) => f.severity === 'result').length;
  const n = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;
  const headline =
    `${n(c.total, 'claim')} checked: ${c.refuted} refuted (${n(wrong.length, 'finding')}), ` +
    `${c['holds-under']} hold only under an assumption or a reading, ${c.inconclusive} could not be decided here; ` +
    `${n(results, 'finding')} change${results === 1 ? 's' : ''} a result.`;
  return { headline, wrong, conditional, unchecked };
}
