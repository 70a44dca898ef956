/**
 * Loads claim records: validates each against the record schema and its checker's parameter schema, parses every
 * LaTeX fragment marked for parsing, and refuses records with an empty domain or an unknown variable.
 */
import { ClaimRecordSchema, type ClaimRecord, type ClaimRecordInput } from './schema.ts';
import type { Checker } from './checker.ts';
import { ClaimcheckError } from '../errors.ts';
import { parseLatex, type ParsedLatex } from '../latex/parse.ts';

/** A fragment of printed LaTeX with the expression parsed from it. */
export interface ParsedFragment {
  readonly role: string;
  readonly printed: string;
  readonly parsed: ParsedLatex;
}

/** A validated claim record with its parsed formulas. */
export interface LoadedClaim extends ClaimRecord {
  readonly parsedLatex: readonly ParsedFragment[];
}

function formatZodPath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

/** Validates one record and parses its formulas; throws `ClaimcheckError` naming the record and the field. */
export function loadClaim(input: ClaimRecordInput, checkers: ReadonlyMap<string, Checker<unknown>>): LoadedClaim {
  const id = typeof input.id === 'string' ? input.id : '<no id>';
  const result = ClaimRecordSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ClaimcheckError(
      'INVALID_RECORD',
      `claim record ${id}: field ${formatZodPath(issue.path) || '<root>'}: ${issue.message}`,
      'fix the record in proofs/',
    );
  }
  const rec = result.data;
  const checker = checkers.get(rec.kind);
  if (!checker) {
    throw new ClaimcheckError(
      'UNKNOWN_CHECKER',
      `claim record ${rec.id}: field kind: no checker for kind "${rec.kind}"`,
      `known kinds: ${[...checkers.keys()].join(', ')}`,
    );
  }
  const paramsResult = checker.params.safeParse(rec.params);
  if (!paramsResult.success) {
    const issue = paramsResult.error.issues[0]!;
    throw new ClaimcheckError(
      'INVALID_RECORD',
      `claim record ${rec.id}: field params.${formatZodPath(issue.path)}: ${issue.message}`,
    );
  }
  const known = new Set([
    ...rec.variables.map((v) => v.name),
    ...rec.latex.filter((f) => f.role.startsWith('def:')).map((f) => f.role.slice(4)),
  ]);
  // Fragments that share a role are one formula printed over several rows: join them before parsing.
  const roles = [...new Set(rec.latex.filter((f) => f.parse).map((f) => f.role))];
  const parsedLatex: ParsedFragment[] = [];
  for (const role of roles) {
    const printed = rec.latex.filter((f) => f.parse && f.role === role).map((f) => f.printed).join('');
    const where = `latex[${rec.latex.findIndex((f) => f.role === role)}].printed`;
    let parsed: ParsedLatex;
    try {
      parsed = parseLatex(printed);
    } catch (err) {
      if (rec.transcribed) continue;
      throw new ClaimcheckError(
        'UNPARSABLE_LATEX',
        `claim record ${rec.id}: field ${where} (role ${role}): ${(err as Error).message}`,
        'mark the record transcribed: true with a transcription, or extend src/latex/fixups.ts',
      );
    }
    const unknown = parsed.freeSymbols.filter((s) => !known.has(s));
    if (unknown.length > 0) {
      throw new ClaimcheckError(
        'UNKNOWN_VARIABLE',
        `claim record ${rec.id}: field ${where} (role ${role}): unknown variable(s) ${unknown.join(', ')}`,
        `declare them in variables (known: ${[...known].join(', ')})`,
      );
    }
    parsedLatex.push({ role, printed, parsed });
  }
  return { ...rec, parsedLatex };
}

/** Loads every record; ids must be unique. */
export function loadClaims(
  inputs: readonly ClaimRecordInput[],
  checkers: readonly Checker<unknown>[],
): LoadedClaim[] {
  const byKind = new Map(checkers.map((c) => [c.kind, c]));
  const seen = new Set<string>();
  return inputs.map((input) => {
    const claim = loadClaim(input, byKind);
    if (seen.has(claim.id)) {
      throw new ClaimcheckError('INVALID_RECORD', `claim record ${claim.id}: field id: duplicate id`);
    }
    seen.add(claim.id);
    return claim;
  });
}
