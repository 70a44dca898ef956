/**
 * The words of a finding, shared by every renderer: its title, its cause and severity, the claims it holds, what rests
 * on it without inheriting it, and errors that cancel.
 */
import type { Finding } from '../claims/findings.ts';
import type { EngineAgreement } from '../claims/verdict.ts';
import type { ErrataDocument } from './errata.ts';

/** The lede every format opens with: how the verdicts arise. */
export const HOW_VERDICTS_ARISE =
  'Every verdict below was computed when this report was built, by a check in `checks/` from a claim record in `proofs/`. A record chooses what is checked (a reading of the words, a threshold, a grid), never the outcome: where the words admit several readings, each is decided and one rule turns the outcomes into the verdict; an assumption behind a holds-under verdict is itself checked.';

/**
 * What a claim's engine rows mean, from the rows themselves: they are cross-checks at one sampled point, run after the
 * verdict, and a second engine that disagrees or could not run is shown so it can be judged.
 */
export function enginesNote(engines: readonly EngineAgreement[]): string {
  const fd = engines.find((e) => e.engine.startsWith('finite differences') && e.agrees !== null);
  const second = engines.filter((e) => e.agrees !== true && !e.engine.startsWith('finite differences'));
  return [
    'Cross-checks at one sampled point, run after the verdict; they do not change it. The verdict comes from the check described above.',
    fd
      ? `Finite differences of the function at 128 digits ${fd.agrees ? 'agree' : 'do not agree'} with the derivative the check used.`
      : 'No finite-difference cross-check was run for this claim.',
    second.length > 0
      ? `${second.map((e) => e.engine.split(' ')[0]).join(', ')} ${second.some((e) => e.agrees === false) ? 'disagreed' : 'could not run'} here: a second engine's limitation on this expression${fd?.agrees ? ', since the finite differences agree with the derivative used' : ''}, shown so it can be judged.`
      : '',
  ]
    .filter((x) => x)
    .join(' ');
}

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

/**
 * The sentences below a finding beyond its claims and severity: what builds on it with a verdict of its own, and
 * errors that cancel.
 */
export function findingNotes(f: Finding): string[] {
  const notes: string[] = [];
  if (f.downstream.length > 0)
    notes.push(`Rests on it, verdict of its own: ${f.downstream.map((d) => `${d.id} (${d.status})`).join(', ')}.`);
  for (const c of f.cancellations)
    notes.push(
      `Errors cancel: ${c.id} holds although ${c.failing.join(' and ')} fail under another reading of the same words.`,
    );
  return notes;
}
