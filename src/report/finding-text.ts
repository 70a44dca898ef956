/**
 * The words of a finding, shared by every renderer: its title, its cause and severity, the claims it holds, what rests
 * on it without inheriting it, and errors that cancel.
 */
import type { Finding } from '../claims/findings.ts';
import type { ErrataDocument } from './errata.ts';

/** The lede every format opens with: how the verdicts arise. */
export const HOW_VERDICTS_ARISE =
  'Every verdict below was computed when this report was built, by a check in `checks/` from a claim record in `proofs/`. A record chooses what is checked (a reading of the words, a threshold, a grid), never the outcome: where the words admit several readings, each is decided and one rule turns the outcomes into the verdict; an assumption behind a holds-under verdict is itself checked.';

/** What an engine disagreement means, said once in every entry's engine block. */
export const ENGINES_NOTE =
  'A second engine (nerdamer) re-derives what mathjs derives, and 128-digit finite differences check the result. The verdict rests on mathjs checked against the finite differences; a second engine that disagrees or could not run (a limitation of that engine on this expression) is reported here and does not change the verdict.';

/** One line naming what went wrong. */
export function findingTitle(f: Finding, doc: ErrataDocument): string {
  const title = (id: string) => doc.claims.find((c) => c.id === id)?.title ?? id;
  switch (f.cause.kind) {
    case 'reading':
      return `Holds only under one reading: ${f.cause.statement}`;
    case 'assumption':
      return `Holds only under an assumption${f.cause.whereItMatters === 'no' ? ' that fails where it matters' : f.cause.whereItMatters === 'partly' ? ' that holds only partly where it matters' : ''}: ${f.cause.statement}`;
    case 'refuted':
      return `Wrong: ${title(f.cause.claim)}`;
  }
}

/** The lines of `findingLines` the top of the report adds below a finding (the others it says in its own words). */
export const OVERVIEW_EXTRA_LINES: ReadonlySet<string> = new Set(['rests on it, verdict of its own', 'errors cancel']);

/** The body lines of a finding: [label, text]. */
export function findingLines(f: Finding): [string, string][] {
  const ids = (xs: readonly string[]) => xs.join(', ');
  const lines: [string, string][] = [
    ['severity', `${f.severity}: ${f.why}`],
    [f.roots.length > 1 ? 'root claims' : 'root claim', ids(f.roots)],
  ];
  if (f.consequences.length > 0) lines.push(['consequences', ids(f.consequences)]);
  if (f.downstream.length > 0)
    lines.push(['rests on it, verdict of its own', f.downstream.map((d) => `${d.id} (${d.status})`).join(', ')]);
  for (const c of f.cancellations)
    lines.push([
      'errors cancel',
      `${c.id} holds although ${c.failing.join(' and ')} fail under another reading of the same words`,
    ]);
  return lines;
}
