/**
 * The paper as claimcheck's input: a text file as extracted from the paper's HTML, in which every formula carries its
 * LaTeX source (`../shared/paper/*.txt` ships the 2021 version). `readPaper` checks that a file is such a text, hashes
 * it, and reads its title, authors, lines and display rows. The formulas the claims check are read from it at run
 * time (`locate.ts`).
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ClaimcheckError } from '../errors.ts';
import { sha256Hex } from '../fs/file-hash.ts';
import { REPO_ROOT } from '../fs/repo.ts';
import { readFailure } from '../fs/read-failure.ts';
import { formulasOnly, mathItems, rowLabel, type MathItem } from './math.ts';

/** The paper text that ships with claimcheck (the version the records were written against). */
export const DEFAULT_PAPER = path.join(
  REPO_ROOT,
  '..',
  'shared',
  'paper',
  'yamada2021-adversarial-training-sharper-logistic.txt',
);

/** One line of the paper with its formulas. */
export interface PaperLine {
  /** 1-based line number. */
  readonly number: number;
  readonly text: string;
  readonly items: readonly MathItem[];
  /** A display row: it holds a `\displaystyle` cell or ends with an equation number. */
  readonly display: boolean;
  /** The equation number it ends with, e.g. `(8)`. */
  readonly label?: string;
}

export interface Paper {
  /** The path as given. */
  readonly file: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly title: string;
  readonly authors: readonly string[];
  readonly text: string;
  readonly lines: readonly PaperLine[];
}

function notAPaper(file: string, why: string): ClaimcheckError {
  return new ClaimcheckError(
    'BAD_INPUT',
    `--paper ${file}: ${why}`,
    'give the text of a version of the paper as extracted with its formulas (default: the shipped paper text)',
  );
}

/** What a report says of the paper it checked: file name, content hash, title and authors as read from the file. */
export interface PaperProvenance {
  /** The file's name (its directory is a host detail). */
  readonly file: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly title: string;
  /** The authors, comma-separated. */
  readonly authors: string;
}

export function paperProvenance(paper: Paper): PaperProvenance {
  return {
    file: path.basename(paper.file),
    sha256: paper.sha256,
    bytes: paper.bytes,
    title: paper.title,
    authors: paper.authors.join(', '),
  };
}

/** Authors from the line after the title: names separated by wide spaces or `&`, footnote marks and affiliations dropped. */
function parseAuthors(line: string): string[] {
  return line
    .split(/\s{2,}|&/)
    .map((a) => a.replace(/\d.*$/, '').trim())
    .filter((a) => /^\p{L}[\p{L} .'-]*$/u.test(a));
}

/** Parses paper text (exported for tests; `readPaper` reads and checks a file). */
export function parsePaper(file: string, text: string, bytes: number, sha256: string): Paper {
  const lines: PaperLine[] = text.split(/\r?\n/).map((t, i) => {
    const items = mathItems(t);
    const label = rowLabel(t);
    const display =
      items.some((it) => it.display) || (label !== undefined && items.length > 0) || formulasOnly(t, items);
    return { number: i + 1, text: t, items, display, ...(label !== undefined && display ? { label } : {}) };
  });
  const nonEmpty = lines.filter((l) => l.text.trim().length > 0);
  const titleLines: string[] = [];
  for (const l of lines) {
    if (l.text.trim().length === 0) {
      if (titleLines.length > 0) break;
      continue;
    }
    titleLines.push(l.text.trim());
  }
  const afterTitle = nonEmpty[titleLines.length];
  return {
    file,
    sha256,
    bytes,
    title: titleLines.join(' '),
    authors: afterTitle ? parseAuthors(afterTitle.text) : [],
    text,
    lines,
  };
}

/**
 * Reads and checks a paper text. Exits 2 (`BAD_INPUT`, naming `--paper` and the file) when the file is missing, empty,
 * binary, not UTF-8, or holds no numbered display formula with its LaTeX (unrelated prose).
 */
export function readPaper(file: string = DEFAULT_PAPER): Paper {
  let bytes: Buffer;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw notAPaper(file, 'not a regular file');
    bytes = readFileSync(file);
  } catch (err) {
    if (err instanceof ClaimcheckError) throw err;
    throw notAPaper(file, readFailure(err));
  }
  if (bytes.length === 0) throw notAPaper(file, 'the file is empty');
  if (bytes.includes(0)) throw notAPaper(file, 'a binary file (it holds NUL bytes), not a paper text');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw notAPaper(file, 'not UTF-8 text');
  }
  const paper = parsePaper(file, text, bytes.length, sha256Hex(bytes));
  const numbered = paper.lines.filter(
    (l) => l.label !== undefined && l.items.some((it) => /\\[A-Za-z]/.test(it.latex)),
  );
  if (numbered.length === 0) {
    throw notAPaper(
      file,
      'no numbered display formula with its LaTeX source (e.g. "… \\frac{1}{N}… (8)") was found: not a paper text',
    );
  }
  return paper;
}
