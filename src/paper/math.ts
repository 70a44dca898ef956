/**
 * The formulas of one line of the paper text. The text extraction prints every formula three times, glued together:
 * as rendered (Unicode), as content markup (math-italic letters and operator words such as `superscript`), and as its
 * LaTeX source (ASCII). The LaTeX copy is the one claimcheck reads. It starts right after the last non-ASCII character
 * of the markup copy (or at a `\displaystyle` of a display row) and ends where prose, the next formula or the
 * equation number begins. The rules, in order:
 *
 * - A display cell starts after each `\displaystyle`. It ends at the last space before the next cell's rendered copy
 *   (the rendered and markup copies hold no spaces), or where prose begins.
 * - Any other formula is an ASCII run that follows a non-ASCII character and ends at a prose boundary. Runs that run
 *   into another non-ASCII character are parts of the markup copy, not LaTeX.
 * - A prose boundary lies outside braces. It is a space that does not end a control word and is followed by a word
 *   that is prose: it holds a non-ASCII character or is plain letters, or it is an equation number such as `(8)`. It
 *   is also `.`, `,` or `;` followed by a space or the end of the line, unless `\right`, `\left` or `\` precedes it.
 * - A number that the markup copy ends with (`…𝜃𝑛1y^{n}…`) is dropped from the start of the LaTeX unless the rendered
 *   copy starts with it.
 */

/** One formula of a line: its LaTeX as printed, and where it lies in the line (UTF-16 offsets). */
export interface MathItem {
  readonly latex: string;
  readonly start: number;
  readonly end: number;
  /** True for a cell of a display row (it followed a `\displaystyle`). */
  readonly display: boolean;
}

const DISPLAY = '\\displaystyle';

function isAscii(ch: string): boolean {
  return ch.charCodeAt(0) < 0x80;
}

/** Non-ASCII characters of prose (spaces, quotes, dashes, ellipsis, bullets), not of the markup copy of a formula. */
const PROSE_CHARS = new Set([
  '\u00a0',
  '\u2009',
  '\u202f',
  '\u2018',
  '\u2019',
  '\u201c',
  '\u201d',
  '\u2013',
  '\u2014',
  '\u2026',
  '\u2022',
]);

/** A character of a formula's rendered or markup copy: non-ASCII and not prose. */
function isMarkup(ch: string): boolean {
  return !isAscii(ch) && !PROSE_CHARS.has(ch);
}

/** The word that starts at `i` (up to the next space or the end of the line). */
function wordAt(text: string, i: number): string {
  const sp = text.indexOf(' ', i);
  return text.slice(i, sp < 0 ? text.length : sp);
}

/** A word of plain prose: two or more letters, perhaps in parentheses or before punctuation. */
const PLAIN_WORD = /^\(?[A-Za-z]{2,}[.,;:)]?$/;

/** Whether text holds a word of plain prose (a formula's own copies hold none: their words carry math letters). */
export function hasProse(text: string): boolean {
  return text.split(/\s+/).some((w) => PLAIN_WORD.test(w));
}

/** Whether the word after a formula ends it: prose, a word with non-ASCII letters, an equation number or nothing. */
function isProseWord(word: string): boolean {
  if (word.length === 0) return true;
  if ([...word].some((ch) => !isAscii(ch))) return true;
  if (/^\(\d+\)$/.test(word)) return true;
  return PLAIN_WORD.test(word);
}

/** A number printed as math with no markup: the same number three times, e.g. `0.010.010.01` (0.01). */
const TRIPLED_NUMBER = /^((\d+(?:\.\d+)?)\2\2)[.,;:)]?$/;

/** A word whose copies before its LaTeX are digits only, e.g. `12551255\frac{1}{255}`. */
const PLAIN_LATEX_WORD = /^([\d.]+)(\\[A-Za-z][\x21-\x7e]*?)[.,;:)]?$/;

/** Drops a closing parenthesis of the prose around a formula (`(… =0)`): one more `)` than `(` in the LaTeX. */
function dropProseParen(latex: string): string {
  if (!latex.endsWith(')')) return latex;
  const open = latex.split('(').length - 1;
  const close = latex.split(')').length - 1;
  return close > open ? latex.slice(0, -1) : latex;
}

/**
 * Where the LaTeX that starts at `from` ends: at a prose boundary outside braces, `\left … \right` and parentheses, at
 * `limit`, or at a non-ASCII character (then `clean` is false: the run was not LaTeX).
 */
function scanLatex(text: string, from: number, limit: number): { end: number; clean: boolean } {
  let braces = 0;
  let sized = 0;
  let parens = 0;
  for (let i = from; i < limit; i++) {
    const ch = text[i]!;
    if (!isAscii(ch)) return { end: i, clean: false };
    if (ch === '\\') {
      const word = /^[A-Za-z]+/.exec(text.slice(i + 1, i + 40))?.[0];
      if (word === undefined) {
        i++; // a control symbol: \{, \}, \\, \, …
        continue;
      }
      if (word === 'left') sized++;
      else if (word === 'right') sized = Math.max(0, sized - 1);
      // \left and \right take the next character as their delimiter: it is not a parenthesis or punctuation.
      i += word.length + (word === 'left' || word === 'right' ? 1 : 0);
      continue;
    }
    if (ch === '{') braces++;
    else if (ch === '}') braces = Math.max(0, braces - 1);
    else if (ch === '(') parens++;
    else if (ch === ')') parens = Math.max(0, parens - 1);
    else if (braces > 0 || sized > 0 || parens > 0) continue;
    else if (ch === ' ') {
      if (isProseWord(wordAt(text, i + 1))) return { end: i, clean: true };
    } else if (ch === '.' || ch === ',' || ch === ';') {
      if (i + 1 >= text.length || text[i + 1] === ' ') return { end: i, clean: true };
    }
  }
  return { end: limit, clean: limit >= text.length };
}

/** Drops a number that belongs to the markup copy from the start of a formula's LaTeX (see the rules above). */
function dropMarkupNumber(text: string, start: number, end: number): number {
  const m = /^[\d.]*\d/.exec(text.slice(start, end));
  if (!m || start + m[0].length >= end) return start;
  const rest = text[start + m[0].length]!;
  if (!/[A-Za-z\\({]/.test(rest)) return start;
  // The rendered copy begins after the last space before the formula's first non-ASCII character.
  let k = start - 1;
  while (k > 0 && text[k - 1] !== ' ') k--;
  return text.startsWith(m[0], k) ? start : start + m[0].length;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && text[end - 1] === ' ') end--;
  return end;
}

/** The formulas of one line, in order. */
export function mathItems(text: string): MathItem[] {
  const items: MathItem[] = [];
  const displays: number[] = [];
  for (let at = text.indexOf(DISPLAY); at >= 0; at = text.indexOf(DISPLAY, at + 1)) displays.push(at);
  let nextDisplay = 0;
  /** The first \displaystyle at or after `from`, or −1 (`from` never decreases). */
  const displayFrom = (from: number): number => {
    while (nextDisplay < displays.length && displays[nextDisplay]! < from) nextDisplay++;
    return nextDisplay < displays.length ? displays[nextDisplay]! : -1;
  };
  let i = 0;
  while (i < text.length) {
    // The next ASCII run that follows a non-ASCII character.
    while (i < text.length && !isMarkup(text[i]!)) i++;
    while (i < text.length && isMarkup(text[i]!)) i++;
    if (i >= text.length) break;
    let runEnd = i;
    while (runEnd < text.length && isAscii(text[runEnd]!)) runEnd++;
    const d = displayFrom(i);
    if (d >= 0 && d < runEnd && !text.slice(i, d).includes(' ')) {
      // Display cells: from each \displaystyle to the next cell's copies.
      let at = d;
      for (;;) {
        const start = at + DISPLAY.length;
        const next = displayFrom(start);
        const prose = scanLatex(text, start, next < 0 ? text.length : next);
        let end = prose.end;
        if (next >= 0 && !prose.clean) {
          const sp = text.lastIndexOf(' ', next);
          end = sp > start ? sp : prose.end;
        }
        end = trimEnd(text, start, end);
        const s = text[start] === ' ' ? start + 1 : start;
        items.push({ latex: text.slice(s, end), start: s, end, display: true });
        i = end;
        // Another cell of the same row follows when the text up to the next \displaystyle is its copies.
        if (next < 0) break;
        const between = text.slice(end, next);
        if (!/^ \S*$/.test(between)) break;
        at = next;
      }
      continue;
    }
    const scan = scanLatex(text, i, runEnd);
    if (scan.clean && scan.end > i) {
      const start = dropMarkupNumber(text, i, scan.end);
      const end = trimEnd(text, start, scan.end);
      const latex = dropProseParen(text.slice(start, end));
      if (latex.length > 0) items.push({ latex, start, end: start + latex.length, display: false });
      i = scan.end;
    } else {
      i = runEnd;
    }
  }
  // Formulas with no markup copy, one word each (words are short; a long one is not looked into).
  const found = items.length;
  let covering = 0;
  for (const w of text.matchAll(/\S+/g)) {
    const word = w[0];
    if (word.length > 80 || !/^[\d.]/.test(word)) continue;
    const at = w.index!;
    while (covering < found && items[covering]!.end <= at) covering++;
    if (covering < found && items[covering]!.start <= at) continue;
    const tripled = TRIPLED_NUMBER.exec(word);
    if (tripled) {
      items.push({ latex: tripled[2]!, start: at, end: at + tripled[1]!.length, display: false });
      continue;
    }
    const plain = PLAIN_LATEX_WORD.exec(word);
    if (plain)
      items.push({
        latex: plain[2]!,
        start: at + plain[1]!.length,
        end: at + plain[1]!.length + plain[2]!.length,
        display: false,
      });
  }
  return items.sort((a, b) => a.start - b.start);
}

/**
 * The equation number a display row ends with, e.g. `(8)`, `(3.1)`, `(A.2)` or `(8a)`, or undefined (a year such as
 * `(2020)` is a citation).
 */
export function rowLabel(text: string): string | undefined {
  return /\s(\((?:\d{1,3}[a-z]?|\d{1,2}\.\d{1,3}|[A-Z]\.?\d{1,3})\))\s*$/.exec(text)?.[1];
}

/** Whether a line is nothing but formulas (and an equation number): a display row even without `\displaystyle`. */
export function formulasOnly(text: string, items: readonly MathItem[]): boolean {
  if (items.length === 0) return false;
  for (let k = 1; k < items.length; k++) if (hasProse(text.slice(items[k - 1]!.end, items[k]!.start))) return false;
  return (
    !text.slice(0, items[0]!.start).trim().includes(' ') &&
    /^[.,;]?\s*(\(\S{1,8}\))?\s*$/.test(text.slice(items.at(-1)!.end))
  );
}
