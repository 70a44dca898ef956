/**
 * Loads claim records: validates each against the record schema and its checker's parameter schema, reads each LaTeX
 * fragment from the paper by its locator, parses every fragment marked for parsing, and refuses records with an empty
 * domain. A fragment or quote that this version of the paper lacks, or a formula in it that cannot be parsed, does not
 * stop the run: the claim records why (`notInPaper`, `unreadable`) and gets an inconclusive verdict that says so.
 */
import { ClaimRecordSchema, type ClaimRecord, type ClaimRecordInput, type LatexFragment } from './schema.ts';
import { locate, plainSpaces } from '../paper/locate.ts';
import type { LoadedClaim, ParsedFragment, PrintedFragment } from './loaded.ts';
import type { Paper } from '../paper/paper.ts';
import { paramsFromPaper, tableRows } from '../paper/params.ts';
import { sha256Hex } from '../fs/file-hash.ts';
import type { Checker } from './checker.ts';
import { ClaimcheckError } from '../errors.ts';
import { parseLatex, type ParsedLatex } from '../latex/parse.ts';

/** The text of the claim's fragment of `role`, or an `INVALID_RECORD` error naming the record and `field`. */
export function printedOf(claim: Pick<LoadedClaim, 'id' | 'latex'>, role: string, field: string): string {
  const f = claim.latex.find((l) => l.role === role);
  if (!f)
    throw new ClaimcheckError(
      'INVALID_RECORD',
      `claim record ${claim.id}: field ${field}: no latex[] fragment of role "${role}"`,
    );
  return f.printed;
}

/** The fingerprint `modelled` holds: the first 16 hex digits of the sha256 of the printed text. */
export function modelledHash(printed: string): string {
  return sha256Hex(new TextEncoder().encode(printed)).slice(0, 16);
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}

/** A quote that ends at an abbreviation of a reference (`Eq.`, `Fig.`, `Sec.`, `Table`). */
const CUT_AT_ABBREVIATION = /\b(?:Eqs?|Figs?|Secs?|Tab|Table|Appendix)\.$/;
/** The reference that follows such an abbreviation: `(7)`, `2`, `(9)–(11)`, `1 and 2`, and the punctuation after it. */
const REFERENCE_RUN = /^[\s\u00a0]*\(?\d+(?:\.\d+)*\)?(?:\s*(?:and|–|-|,)\s*\(?\d+(?:\.\d+)*\)?)*[.,;:]?/;

/** The quote as this version of the paper prints it (a table quote: its rows), where it stands, or why it cannot be read. */
function readQuote(
  quote: ClaimRecord['quote'],
  paper: Paper | undefined,
): { quote?: string; quoteLine?: number; missing?: string; unreadable?: string } {
  if (quote === undefined) return {};
  if (typeof quote !== 'string') {
    if (!paper) return {};
    const read = tableRows(paper, quote.table);
    if ('why' in read) return read.unreadable ? { unreadable: read.why } : { missing: read.why };
    return { quote: read.rows.join('\n'), quoteLine: read.line };
  }
  if (!paper) return { quote };
  const first = plainSpaces(quote).split('\n')[0]!;
  const at = paper.lines.findIndex((l) => plainSpaces(l.text).includes(first));
  const from = plainSpaces(paper.text).indexOf(plainSpaces(quote));
  if (at >= 0 && from >= 0) {
    // A record's quote may stop at an abbreviation ("… as Eq.") so that it survives renumbering; it is shown running
    // on through the number this version prints ("… as Eq. (7).").
    const run = CUT_AT_ABBREVIATION.test(quote) ? REFERENCE_RUN.exec(paper.text.slice(from + quote.length)) : null;
    return { quote: run ? quote + run[0] : quote, quoteLine: at + 1 };
  }
  return {
    quote,
    missing: `the quoted sentence "${quote.length > 60 ? `${quote.slice(0, 60)}…` : quote}" is not in this version`,
  };
}

/**
 * What a record takes from the paper: its formulas by locator (a fragment given as `printed` is taken as it is), the
 * paper's text in its parameters, and its quote; and why any of it is missing or cannot be read.
 */
export function readFragments(
  rec: ClaimRecord,
  paper: Paper | undefined,
): {
  latex: PrintedFragment[];
  notInPaper: string[];
  unreadable: string[];
  params: Record<string, unknown>;
  quote?: string;
  quoteLine?: number;
} {
  const latex: PrintedFragment[] = [];
  const notInPaper: string[] = [];
  const unreadable: string[] = [];
  for (const [i, f] of rec.latex.entries()) {
    if (f.printed !== undefined) {
      latex.push({ role: f.role, parse: f.parse, printed: f.printed });
      continue;
    }
    if (!paper)
      throw new ClaimcheckError(
        'INVALID_RECORD',
        `claim record ${rec.id}: field latex[${i}].at: a locator needs a paper`,
      );
    const found = locate(paper, f.at!);
    if (!found.found) {
      notInPaper.push(`${f.role}: ${found.why}`);
      continue;
    }
    if (f.modelled !== undefined && modelledHash(found.latex) !== f.modelled) {
      unreadable.push(
        `${f.role} (line ${found.line}): the formula printed in this version differs from the one this check models, and the check does not read it`,
      );
    }
    latex.push({
      role: f.role,
      parse: f.parse,
      printed: found.latex,
      at: f.at!,
      line: found.line,
      ...(found.renumbered !== undefined ? { renumbered: found.renumbered } : {}),
    });
  }
  // Tables, figure captions and equation numbers in the parameters are the paper's text too (src/paper/params.ts).
  const fromPaper = paper ? paramsFromPaper(rec.params, paper) : { params: rec.params, missing: [], unreadable: [] };
  const quote = readQuote(rec.quote, paper);
  return {
    latex,
    notInPaper: unique([...notInPaper, ...fromPaper.missing, ...(quote.missing !== undefined ? [quote.missing] : [])]),
    unreadable: unique([
      ...unreadable,
      ...fromPaper.unreadable,
      ...(quote.unreadable !== undefined ? [quote.unreadable] : []),
    ]),
    params: fromPaper.params,
    ...(quote.quote !== undefined ? { quote: quote.quote } : {}),
    ...(quote.quoteLine !== undefined ? { quoteLine: quote.quoteLine } : {}),
  };
}

function formatZodPath(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
}

/** Validates one record and parses its formulas; throws `ClaimcheckError` naming the record and the field. */
export function loadClaim(
  input: ClaimRecordInput,
  checkers: ReadonlyMap<string, Checker<unknown>>,
  paper?: Paper,
): LoadedClaim {
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
  const { latex, notInPaper, quoteLine, params, quote, unreadable: unreadableText } = readFragments(rec, paper);
  // A renumbered equation keeps its claim; the claim's location follows the number it stands under now.
  const moved = latex.find((f) => f.renumbered !== undefined && f.at?.equation === rec.location.equation);
  const { equation: _printedUnder, ...unnumbered } = rec.location;
  const location = !moved
    ? rec.location
    : moved.renumbered === 'unnumbered'
      ? unnumbered
      : { ...rec.location, equation: moved.renumbered! };
  const known = new Set([
    ...rec.variables.map((v) => v.name),
    ...latex.filter((f) => f.role.startsWith('def:')).map((f) => f.role.slice(4)),
  ]);
  // Fragments that share a role are one formula printed over several rows: join them before parsing.
  const roles = notInPaper.length > 0 ? [] : [...new Set(latex.filter((f) => f.parse).map((f) => f.role))];
  const parsedLatex: ParsedFragment[] = [];
  const unreadable: string[] = [...unreadableText];
  for (const role of roles) {
    const printed = latex
      .filter((f) => f.parse && f.role === role)
      .map((f) => f.printed)
      .join('');
    const index = latex.findIndex((f) => f.role === role);
    const where = latex[index]!.at
      ? `the formula of role ${role} (line ${latex[index]!.line})`
      : `field latex[${index}].printed (role ${role})`;
    let parsed: ParsedLatex;
    try {
      parsed = parseLatex(printed);
    } catch (err) {
      if (rec.transcribed) continue;
      if (!latex[index]!.at) {
        throw new ClaimcheckError(
          'UNPARSABLE_LATEX',
          `claim record ${rec.id}: ${where}: ${(err as Error).message}`,
          'mark the record transcribed: true with a transcription, or extend src/latex/fixups.ts',
        );
      }
      unreadable.push(`${where} cannot be parsed: ${(err as Error).message}`);
      continue;
    }
    const unknown = parsed.freeSymbols.filter((s) => !known.has(s));
    if (unknown.length > 0) {
      if (!latex[index]!.at) {
        throw new ClaimcheckError(
          'UNKNOWN_VARIABLE',
          `claim record ${rec.id}: ${where}: unknown variable(s) ${unknown.join(', ')}`,
          `declare them in variables (known: ${[...known].join(', ')})`,
        );
      }
      unreadable.push(`${where} uses symbol(s) the claim does not declare: ${unknown.join(', ')}`);
      continue;
    }
    parsedLatex.push({ role, printed, parsed });
  }
  const { quote: _recorded, ...fields } = rec;
  return {
    ...fields,
    ...(quote !== undefined ? { quote } : {}),
    params,
    location,
    latex,
    parsedLatex,
    notInPaper,
    unreadable,
    ...(quoteLine !== undefined ? { quoteLine } : {}),
  };
}

/** Loads every record against `paper`; ids must be unique, and registry records name their formulas by locator. */
export function loadClaims(
  inputs: readonly ClaimRecordInput[],
  checkers: readonly Checker<unknown>[],
  paper: Paper,
): LoadedClaim[] {
  const byKind = new Map(checkers.map((c) => [c.kind, c]));
  const seen = new Set<string>();
  return inputs.map((input) => {
    const fixed = (input.latex ?? []).findIndex((f) => (f as LatexFragment).printed !== undefined);
    if (fixed >= 0) {
      throw new ClaimcheckError(
        'INVALID_RECORD',
        `claim record ${String(input.id)}: field latex[${fixed}]: give a locator (at), not the printed text: formulas are read from the paper`,
      );
    }
    const claim = loadClaim(input, byKind, paper);
    if (seen.has(claim.id)) {
      throw new ClaimcheckError('INVALID_RECORD', `claim record ${claim.id}: field id: duplicate id`);
    }
    seen.add(claim.id);
    return claim;
  });
}
