/**
 * Comparing two runs: which claims changed their verdict (status, or the assumption or reading a holds-under verdict
 * needs), their witness, the formula printed in the paper, or the text they quote (a table's rows). The two sides are two errata.json files (`claimcheck
 * diff`), or a baseline errata.json and the verdicts of this run (`claimcheck check --baseline`).
 */
import { z } from 'zod';
import { ClaimcheckError } from '../errors.ts';
import type { CheckResult } from '../claims/loaded.ts';
import { stableJson } from '../fs/json.ts';

/** What a comparison looks at in one claim. */
export interface ComparableClaim {
  readonly id: string;
  readonly status: string;
  /** `assumption <id>` or `reading <convention>:<id>` for holds-under, else null. */
  readonly condition: string | null;
  /** The witness (refuted, holds-under), or null. */
  readonly witness: unknown;
  /** The printed fragments, `role: latex` each. */
  readonly formula: readonly string[];
  /** The quoted text (a table's rows for the table claims), or null. */
  readonly text: string | null;
  /** The verdict's one-line evidence. */
  readonly summary: string;
}

const ErrataClaimSchema = z.object({
  id: z.string().min(1),
  verdict: z
    .object({
      status: z.enum(['confirmed', 'refuted', 'holds-under', 'inconclusive']),
      condition: z.unknown().optional(),
      witness: z.unknown().optional(),
      evidence: z.object({ summary: z.string() }).loose(),
    })
    .loose(),
  printedLatex: z.array(z.object({ role: z.string(), printed: z.string() })),
  quote: z.string().nullable().optional(),
});

const ErrataFileSchema = z.object({ claims: z.array(ErrataClaimSchema) }).loose();

type VerdictLike = z.infer<typeof ErrataClaimSchema>['verdict'];

function conditionKey(v: VerdictLike): string | null {
  if (v.status !== 'holds-under' || !v.condition || typeof v.condition !== 'object') return null;
  const c = v.condition as {
    kind?: string;
    assumption?: { id?: string };
    convention?: string;
    reading?: { id?: string };
  };
  return c.kind === 'assumption'
    ? `assumption ${c.assumption?.id ?? '?'}`
    : `reading ${c.convention ?? '?'}:${c.reading?.id ?? '?'}`;
}

function comparable(
  id: string,
  v: VerdictLike,
  printed: readonly { role: string; printed: string }[],
  text: string | null,
): ComparableClaim {
  return {
    id,
    status: v.status,
    condition: conditionKey(v),
    witness: v.witness ?? null,
    formula: printed.map((f) => `${f.role}: ${f.printed}`),
    text,
    summary: v.evidence.summary,
  };
}

/** The claims of an errata.json (`text` read from `file`); a file of another shape is `BAD_INPUT` naming it. */
export function comparableFromErrata(text: string, file: string): ComparableClaim[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ClaimcheckError(
      'BAD_INPUT',
      `${file}: not JSON (${(err as Error).message})`,
      'give an errata.json written by claimcheck report',
    );
  }
  const parsed = ErrataFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ClaimcheckError(
      'BAD_INPUT',
      `${file}: not an errata.json written by claimcheck report (at ${issue.path.join('.') || 'the top'}: ${issue.message})`,
      'give an errata.json written by claimcheck report',
    );
  }
  return parsed.data.claims.map((c) => comparable(c.id, c.verdict, c.printedLatex, c.quote ?? null));
}

/** The claims of this run's check results. */
export function comparableFromResults(results: readonly CheckResult[]): ComparableClaim[] {
  return results.map((r) =>
    comparable(r.claim.id, r.verdict as unknown as VerdictLike, r.claim.latex, r.claim.quote ?? null),
  );
}

export type ChangeKind = 'added' | 'removed' | 'verdict' | 'witness' | 'formula' | 'text';

/** One claim that differs between the two sides. */
export interface ClaimChange {
  readonly id: string;
  readonly changes: readonly ChangeKind[];
  readonly before: ComparableClaim | null;
  readonly after: ComparableClaim | null;
}

/** The claims that differ, in the order of `after` (then the removed ones in the order of `before`). */
export function compareClaims(before: readonly ComparableClaim[], after: readonly ComparableClaim[]): ClaimChange[] {
  const old = new Map(before.map((c) => [c.id, c]));
  const now = new Set(after.map((c) => c.id));
  const out: ClaimChange[] = [];
  for (const a of after) {
    const b = old.get(a.id);
    if (!b) {
      out.push({ id: a.id, changes: ['added'], before: null, after: a });
      continue;
    }
    const changes: ChangeKind[] = [];
    if (a.status !== b.status || a.condition !== b.condition) changes.push('verdict');
    if (stableJson(a.witness) !== stableJson(b.witness)) changes.push('witness');
    if (stableJson(a.formula) !== stableJson(b.formula)) changes.push('formula');
    if (a.text !== b.text) changes.push('text');
    if (changes.length > 0) out.push({ id: a.id, changes, before: b, after: a });
  }
  for (const b of before) if (!now.has(b.id)) out.push({ id: b.id, changes: ['removed'], before: b, after: null });
  return out;
}

/** A verdict in a table cell: `refuted`, `holds-under (assumption per-point-optimality)`, `—` for none. */
export function verdictCell(c: ComparableClaim | null): string {
  if (!c) return '—';
  return c.condition ? `${c.status} (${c.condition})` : c.status;
}

/** The rows of the change table: claim, changed, before, after. */
export function changeRows(changes: readonly ClaimChange[]): string[][] {
  return changes.map((c) => [c.id, c.changes.join(', '), verdictCell(c.before), verdictCell(c.after)]);
}

export const CHANGE_TABLE_HEADERS = ['claim', 'changed', 'before', 'after'] as const;

/** What `--fail-on` can ask for: any refuted claim, or any change against the other side. */
export const FAIL_ON = ['refuted', 'changed'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** Why the `--fail-on` condition holds (one line), or undefined when it does not. */
export function failOnReason(
  failOn: FailOn | undefined,
  current: readonly ComparableClaim[],
  changes: readonly ClaimChange[] | null,
): string | undefined {
  if (failOn === 'refuted') {
    const refuted = current.filter((c) => c.status === 'refuted').map((c) => c.id);
    return refuted.length > 0
      ? `--fail-on refuted: ${refuted.length} claim(s) refuted: ${refuted.join(', ')}`
      : undefined;
  }
  if (failOn === 'changed') {
    if (changes === null) {
      throw new ClaimcheckError(
        'BAD_INPUT',
        '--fail-on changed needs something to compare with',
        'give --baseline FILE (an errata.json), or use claimcheck diff',
      );
    }
    return changes.length > 0
      ? `--fail-on changed: ${changes.length} claim(s) changed: ${changes.map((c) => c.id).join(', ')}`
      : undefined;
  }
  return undefined;
}
