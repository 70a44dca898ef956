/**
 * Math written in plain text. Claim statements, assumptions and readings are written for a terminal, with `_` and `^`
 * for indices and `*` for an optimum (`w*_i/‖w*‖ = y^n x_i^n/‖η^n‖`). For a page, each such symbol becomes LaTeX
 * (`w^{*}_{i}`), rendered as math beside the paper's own formulas; the prose around it stays text.
 */
/** A piece of plain text: prose, or one symbol as LaTeX and as its parts (base letter, subscripts, superscripts). */
export type PlainMathPart =
  | { readonly text: string }
  | {
      readonly latex: string;
      readonly base: string;
      readonly sub: readonly string[];
      readonly sup: readonly string[];
    };

/** A letter (Latin, Greek or ℓ) that can carry indices. */
const LETTER = 'A-Za-z\\u0391-\\u03A9\\u03B1-\\u03C9\\u03D5\\u03F5\\u2113';
/** Greek letters (and ℓ), which stand alone as an index. */
const GREEK_LETTER = '\\u0391-\\u03A9\\u03B1-\\u03C9\\u03D5\\u03F5\\u2113';
/**
 * One index: a braced or bracketed group, a number (`0.2`), a run of Latin letters and digits (with a trailing star),
 * one Greek letter, or a star.
 */
const INDEX = `(?:\\{[^{}\\s]+\\}|\\([^()\\s]+\\)|\\d+\\.\\d+|[A-Za-z0-9]+\\*?|[${GREEK_LETTER}]\\*?|\\*)`;
/**
 * A symbol with indices (`x_i^n`, `w*_i`, `L_η`, `w_a*`) or a starred symbol (`w*`), standing alone: not inside a
 * word, and not followed by more of one (`x_train.csv` stays text).
 */
const SYMBOL = new RegExp(
  `(?<![${LETTER}0-9_\\\\*])([${LETTER}])(?:(\\*?)((?:[_^]${INDEX})+)|(\\*))(?![${LETTER}0-9_*]|\\.[A-Za-z])`,
  'gu',
);

/** LaTeX commands an index may hold, as text; an index with any other command leaves its symbol as text. */
const INDEX_COMMANDS: Readonly<Record<string, string>> = {
  '\\infty': '∞',
  '\\ast': '*',
  '\\star': '*',
  '\\top': '⊤',
  '\\prime': '′',
};

const GREEK: Readonly<Record<string, string>> = {
  α: '\\alpha',
  β: '\\beta',
  γ: '\\gamma',
  δ: '\\delta',
  ε: '\\varepsilon',
  ϵ: '\\epsilon',
  ζ: '\\zeta',
  η: '\\eta',
  θ: '\\theta',
  κ: '\\kappa',
  λ: '\\lambda',
  μ: '\\mu',
  ν: '\\nu',
  ξ: '\\xi',
  π: '\\pi',
  ρ: '\\rho',
  σ: '\\sigma',
  τ: '\\tau',
  φ: '\\phi',
  ϕ: '\\phi',
  χ: '\\chi',
  ψ: '\\psi',
  ω: '\\omega',
  Γ: '\\Gamma',
  Δ: '\\Delta',
  Θ: '\\Theta',
  Λ: '\\Lambda',
  Σ: '\\sum',
  Φ: '\\Phi',
  Ψ: '\\Psi',
  Ω: '\\Omega',
  ℓ: '\\ell',
};

/** One character or run of index text as LaTeX. */
function latexText(text: string): string {
  const special: Readonly<Record<string, string>> = { '*': '\\ast ', '∞': '\\infty ', '⊤': '\\top ', '′': '\\prime ' };
  return [...text]
    .map((c) => (GREEK[c] !== undefined ? `${GREEK[c]} ` : (special[c] ?? c)))
    .join('')
    .trim();
}

/** `_i^n*`-style index text as scripts (plain text, `*` for a star): subscripts and superscripts in order, a trailing star raised. */
function scripts(text: string, starBefore: boolean): { sub: string[]; sup: string[] } {
  const sup: string[] = starBefore ? ['*'] : [];
  const sub: string[] = [];
  for (const m of text.matchAll(new RegExp(`([_^])(${INDEX})`, 'gu'))) {
    let body = m[2]!.replace(/^[{(](.*)[})]$/u, '$1').replace(/\\[A-Za-z]+/g, (c) => INDEX_COMMANDS[c] ?? c);
    const star = body.length > 1 && body.endsWith('*');
    if (star) body = body.slice(0, -1);
    (m[1] === '_' ? sub : sup).push(body);
    if (star) sup.push('*');
  }
  return { sub, sup };
}

/** A symbol's LaTeX from its parts. */
function symbolLatex(base: string, sub: readonly string[], sup: readonly string[]): string {
  return (
    latexText(base) +
    (sub.length > 0 ? `_{${sub.map(latexText).join(',')}}` : '') +
    (sup.length > 0 ? `^{${sup.map(latexText).join('')}}` : '')
  );
}

/**
 * Splits plain text into prose and math: LaTeX written in it (`{\bm{w}}^{\ast}_{a}`) and every indexed or starred
 * symbol become LaTeX parts (a LaTeX run with an empty `base`); everything else, including operators and norms between
 * symbols, stays text. Text with neither comes back as one text part.
 */
export function plainMathParts(text: string): PlainMathPart[] {
  const parts: PlainMathPart[] = [];
  let last = 0;
  for (const [from, to] of latexRuns(text)) {
    parts.push(...symbolParts(text.slice(last, from)), { latex: text.slice(from, to), base: '', sub: [], sup: [] });
    last = to;
  }
  parts.push(...symbolParts(text.slice(last)));
  return parts;
}

/** The indexed and starred symbols of a text without LaTeX, as parts. */
function symbolParts(text: string): PlainMathPart[] {
  const parts: PlainMathPart[] = [];
  let last = 0;
  for (const m of text.matchAll(SYMBOL)) {
    const [whole, base, star, indices, lone] = m;
    const { sub, sup } = lone ? { sub: [], sup: ['*'] } : scripts(indices!, star === '*');
    if ([...sub, ...sup].some((x) => x.includes('\\'))) continue;
    if (m.index > last) parts.push({ text: text.slice(last, m.index) });
    parts.push({ latex: symbolLatex(base!, sub, sup), base: base!, sub, sup });
    last = m.index + whole.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/**
 * The spans of LaTeX written inside plain text (`{\bm{w}}^{\ast}_{a}`, `\frac{1}{N}`): from a command, or a group that
 * opens with one, through balanced groups, further commands and scripts.
 */
export function latexRuns(text: string): [number, number][] {
  const runs: [number, number][] = [];
  const group = (i: number): number => {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      if (text[j] === '{') depth++;
      else if (text[j] === '}' && --depth === 0) return j + 1;
    }
    return -1;
  };
  let i = 0;
  while (i < text.length) {
    const starts = /^\\[A-Za-z]+/.test(text.slice(i)) || /^\{\\[A-Za-z]/.test(text.slice(i));
    if (!starts) {
      i++;
      continue;
    }
    let j = i;
    // A letter carrying the LaTeX as its index (`B_{\infty}`) belongs to the run.
    if (i >= 2 && /[_^]/.test(text[i - 1]!) && /[A-Za-z]/.test(text[i - 2]!) && !/[A-Za-z0-9]/.test(text[i - 3] ?? ' '))
      i -= 2;
    for (;;) {
      const rest = text.slice(j);
      const command = /^\\[A-Za-z]+/.exec(rest);
      if (command) j += command[0].length;
      else if (rest.startsWith('{')) {
        const end = group(j);
        if (end < 0) break;
        j = end;
      } else if (/^[_^]/.test(rest)) {
        const end = rest[1] === '{' ? group(j + 1) : rest.length > 1 ? j + 2 : -1;
        if (end < 0) break;
        j = end;
      } else break;
    }
    runs.push([i, j]);
    i = j;
  }
  return runs;
}
