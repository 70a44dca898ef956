/**
 * Every rewrite the paper's printed LaTeX needs before an engine sees it, in one place, each named and unit-tested.
 * String-level fix-ups run before Compute Engine parses; symbol-level ones (data index `^{n}`, `\ast`, `\omega`)
 * are applied by `lower.ts` on the parsed tree and are documented here as `SYMBOL_FIXUPS`.
 */

/** Finds the index just past the brace group that opens at `open` (`{` … `}`), or -1. */
export function matchBrace(s: string, open: number): number {
  if (s[open] !== '{') return -1;
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '\\') {
      i++;
      continue;
    }
    if (s[i] === '{') depth++;
    else if (s[i] === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** A named string rewrite applied before parsing. */
export interface Fixup {
  readonly name: string;
  readonly why: string;
  apply(tex: string): string;
}

/** `\lim_{V\rightarrow 0}\frac{A}{B}` → `\operatorname{LimZero}\left(\frac{A}{B}, V\right)` (Compute Engine cannot parse `\lim`). */
function rewriteLimits(tex: string): string {
  const head = /\\lim_\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\\(?:rightarrow|to)\s*0\}/;
  let out = tex;
  for (let m = head.exec(out); m; m = head.exec(out)) {
    const after = m.index + m[0].length;
    if (!out.startsWith('\\frac', after))
      throw new Error(`fixups: \\lim must be followed by \\frac in ${tex.slice(0, 60)}`);
    const num = matchBrace(out, after + 5);
    const den = matchBrace(out, num);
    if (num < 0 || den < 0) throw new Error(`fixups: unbalanced \\frac after \\lim in ${tex.slice(0, 60)}`);
    const body = out.slice(after, den);
    out = `${out.slice(0, m.index)}\\operatorname{LimZero}\\left(${body},${m[1]}\\right)${out.slice(den)}`;
  }
  return out;
}

/** The string-level fix-ups, in the order they are applied. */
export const STRING_FIXUPS: readonly Fixup[] = [
  {
    name: 'spacing',
    why: 'negative thin spaces and \\displaystyle carry no meaning',
    apply: (t) => t.replace(/\\!|\\displaystyle|\\,|\\;|\\quad/g, ''),
  },
  {
    name: 'text-math',
    why: '\\text{$y^{n}$} is math set in text mode',
    apply: (t) => t.replace(/\\text\{\$([^$]*)\$\}/g, '$1'),
  },
  {
    name: 'null-delimiters',
    why: 'a derivation line split over several printed rows opens with \\left( and closes with \\right. (or the reverse); joined rows balance without them',
    apply: (t) => t.replace(/\\left\.|\\right\./g, ''),
  },
  {
    name: 'cos-theta',
    why: 'Lemma 1 differentiates with respect to cos θ^n: it becomes one variable c^{n}',
    apply: (t) =>
      t
        .replace(/\\partial\\left\(\\cos\\theta\^\{n\}\\right\)/g, '\\partial c^{n}')
        .replace(/\\cos\\theta\^\{n\}/g, 'c^{n}'),
  },
  {
    name: 'delta-product',
    why: 'Compute Engine reads "\\frac{a}{b}\\delta_{ij}" as a sequence, not a product',
    apply: (t) => t.replace(/\}\\delta_\{/g, '}\\cdot\\delta_{'),
  },
  {
    name: 'limit',
    why: 'Compute Engine cannot parse \\lim; a limit at 0 of a continuous function is its value there',
    apply: rewriteLimits,
  },
  {
    name: 'bold-braces',
    why: '{\\bm{w}}^{\\ast} and \\bm{w}^{\\ast} are the same symbol',
    apply: (t) => t.replace(/\{(\\bm\{\\?[a-zA-Z]+\})\}/g, '$1'),
  },
];

/** Symbol-level fix-ups applied on the parsed tree by `lower.ts` (listed here so the whole set is in one module). */
export const SYMBOL_FIXUPS: readonly { readonly name: string; readonly why: string }[] = [
  { name: 'euler', why: "`e` is Euler's number in every engine: no paper symbol is ever named e (ε becomes `eps`)" },
  { name: 'log-base', why: 'one-argument \\log is the natural logarithm (Compute Engine reads it as base 10)' },
  { name: 'data-index', why: 'a superscript n (x^{n}, y^{n}, \\eta^{n}) is the data index, not a power' },
  { name: 'star', why: 'w^{\\ast} (parsed as a conjugate transpose) is the optimal weight w*' },
  { name: 'omega', why: 'the paper writes ∂/∂ω_i for ∂/∂w_i: ω is w' },
  { name: 'subscripts', why: 'w_{i} is component i of w; with i bound it becomes the scalar w_1, w_2, …' },
  { name: 'norm', why: '\\|v\\| of a vector is sqrt(Σ_k v_k²); of a scalar it is |v|' },
  { name: 'sums', why: '\\sum_{n} runs over n = 1 … N and \\sum_{i} over i = 1 … d, each a bound index' },
];

/** Applies every string-level fix-up in order. */
export function applyFixups(tex: string): string {
  return STRING_FIXUPS.reduce((t, f) => f.apply(t), tex);
}
