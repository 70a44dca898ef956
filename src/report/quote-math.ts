/**
 * Math inside quotes. Claim quotes are verbatim substrings of the paper's text extraction, where every formula
 * appears three times in a row: as its presentation text (`𝒙n`), as its content-MathML text (`superscript𝒙𝑛`)
 * and as its LaTeX source (`{\bm{x}}^{n}`). For display, each such run is replaced by its LaTeX, rendered as math.
 */

/** A piece of a quote: plain text, or a formula's LaTeX (what the extraction gives after the two text forms). */
export type QuotePart = { readonly text: string } | { readonly latex: string };

/** Mathematical Alphanumeric Symbols (𝐿, 𝜀, 𝒙 …): the content-MathML form of identifiers. */
const MATH_ALNUM = /[\u{1D400}-\u{1D7FF}]/u;

/** Where the LaTeX of a formula can start: a command, a group, or a letter taking a sub- or superscript. */
const LATEX_START = /\\[A-Za-z]|\{|[A-Za-z](?=[_^])/g;

/**
 * Index just past the LaTeX formula that starts at `start`: it runs while groups, `\left…\right` pairs or brackets
 * are open, and ends at the end of the text, before a bracket it did not open, before `,` or `.` followed by a space
 * or the end, or before a space followed by a lowercase word (the sentence going on).
 */
function latexEnd(text: string, start: number): number {
  let braces = 0;
  let delimiters = 0;
  let brackets = 0;
  let i = start;
  while (i < text.length) {
    const c = text[i]!;
    const open = braces > 0 || delimiters > 0 || brackets > 0;
    if (c === '\\') {
      const command = /^\\([A-Za-z]+)/.exec(text.slice(i));
      if (!command) {
        i += 2;
        continue;
      }
      i += command[0].length;
      if (command[1] === 'left' || command[1] === 'right') {
        delimiters += command[1] === 'left' ? 1 : -1;
        // the delimiter itself: `(`, `.`, `\{`, `\|` …
        i += text[i] === '\\' ? 2 : 1;
      }
      continue;
    }
    if (c === '{') braces += 1;
    else if (c === '}') {
      if (braces === 0) return i;
      braces -= 1;
    } else if (c === '(' || c === '[') brackets += 1;
    else if (c === ')' || c === ']') {
      if (!open) return i;
      brackets -= 1;
    } else if (!open && (c === ',' || c === '.') && (i + 1 === text.length || /\s/.test(text[i + 1]!))) {
      return i;
    } else if (!open && /\s/.test(c) && /^\s+[a-z]{2,}/.test(text.slice(i))) {
      return i;
    }
    i += 1;
  }
  return i;
}

/**
 * Splits a quote into text and formulas: each run of presentation text, content-MathML text and LaTeX source
 * (recognised by the mathematical alphanumeric symbols before the LaTeX in the same word) becomes one `latex`
 * part; everything else stays text. A quote without such runs comes back as one text part.
 */
export function splitQuoteMath(quote: string): QuotePart[] {
  const parts: QuotePart[] = [];
  let done = 0;
  LATEX_START.lastIndex = 0;
  for (let m = LATEX_START.exec(quote); m !== null; m = LATEX_START.exec(quote)) {
    const start = m.index;
    // The word this start is in (back to the last space or the end of the previous formula).
    let wordStart = start;
    while (wordStart > done && !/\s/.test(quote[wordStart - 1]!)) wordStart -= 1;
    const prefix = quote.slice(wordStart, start);
    if (!MATH_ALNUM.test(prefix)) continue;
    const end = latexEnd(quote, start);
    if (end <= start) continue;
    // An opening bracket before the formula that the text closes after it stays text: "(ε=0…\varepsilon=0)".
    let from = wordStart;
    while ((quote[from] === '(' || quote[from] === '[') && quote[end] === (quote[from] === '(' ? ')' : ']')) from += 1;
    if (from > done) parts.push({ text: quote.slice(done, from) });
    parts.push({ latex: quote.slice(start, end) });
    done = end;
    LATEX_START.lastIndex = end;
  }
  if (done < quote.length) parts.push({ text: quote.slice(done) });
  return parts;
}
