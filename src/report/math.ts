/**
 * Math for the report: the display form of a claim's printed LaTeX (fragments of one role joined, display-safe
 * fix-ups only) and its server-side rendering with KaTeX, so errata.html needs no script to show math.
 */
import katex from 'katex';

/** The LaTeX displayed for one role of a claim: its printed fragments joined into one formula. */
export interface DisplayFormula {
  /** The role of the fragments (`lhs`, `rhs`, `definition`, …). */
  readonly role: string;
  /** The LaTeX to display: printed fragments joined, with `displayFixups` applied. */
  readonly latex: string;
  /** How many printed fragments were joined into it. */
  readonly fragments: number;
}

/** The result of rendering one formula with KaTeX. */
export interface MathRender {
  /** KaTeX's HTML and MathML (the LaTeX source kept in an `<annotation>`). */
  readonly html: string;
  /** KaTeX's parse error, or null when the formula rendered. */
  readonly error: string | null;
}

/**
 * Rewrites printed LaTeX into an equivalent form that every math renderer (KaTeX, GitHub's MathJax) displays the
 * same way: `\bm` becomes `\boldsymbol` (the same bold italic), and `\text{$…$}` (math wrapped in text) becomes
 * `{…}`. Nothing that changes what is displayed is touched.
 */
export function displayFixups(latex: string): string {
  return latex
    .replace(/\\bm(?![A-Za-z])/g, '\\boldsymbol')
    .replace(/\\text\{\$([^${}]*(?:\{[^${}]*\}[^${}]*)*)\$\}/g, '{$1}')
    .trim();
}

/**
 * Depth of `\left`/`\right` nesting along `latex`: true when it never goes negative and ends at zero (`\left.` and
 * `\right.` count like any delimiter).
 */
function balanced(latex: string): boolean {
  let depth = 0;
  for (const m of latex.matchAll(/\\(left|right)(?![A-Za-z])/g)) {
    depth += m[1] === 'left' ? 1 : -1;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/**
 * Joins a claim's printed fragments role by role (roles in order of first appearance). A role printed as several
 * rows (a derivation split across lines with `\right.` … `\left.`) becomes one `aligned` formula with a row per
 * fragment when every row is balanced in `\left`/`\right`, or else one line, so that delimiters opened on one row and
 * closed on another still match.
 */
export function joinRoleFragments(
  fragments: readonly { readonly role: string; readonly printed: string }[],
): DisplayFormula[] {
  const byRole = new Map<string, string[]>();
  for (const f of fragments) {
    const rows = byRole.get(f.role) ?? [];
    rows.push(displayFixups(f.printed));
    byRole.set(f.role, rows);
  }
  return [...byRole].map(([role, rows]) => {
    if (rows.length === 1) return { role, latex: rows[0]!, fragments: 1 };
    const latex = rows.every(balanced)
      ? `\\begin{aligned}${rows.map((r) => `&${r}`).join('\\\\')}\\end{aligned}`
      : rows.join(' ');
    return { role, latex, fragments: rows.length };
  });
}

const rendered = new Map<string, MathRender>();

/**
 * Renders `latex` with KaTeX (`katex.renderToString`, HTML plus MathML) at build time; `display` selects display
 * style. Never throws: it renders strictly first (`throwOnError: true`), and only when that fails renders again with
 * `throwOnError: false` (KaTeX's red source text) and returns the failure in `error`, so the caller can report every
 * formula that did not render, unknown commands included. Results are memoised (the same formula recurs across
 * claims).
 */
export function renderMath(latex: string, display: boolean): MathRender {
  const key = `${display ? 'D' : 'I'}${latex}`;
  const hit = rendered.get(key);
  if (hit) return hit;
  const options = {
    displayMode: display,
    output: 'htmlAndMathml',
    strict: 'ignore',
    trust: false,
    errorColor: '#b00020',
  } as const;
  let result: MathRender;
  try {
    result = { html: katex.renderToString(latex, { ...options, throwOnError: true }), error: null };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    let html: string;
    try {
      html = katex.renderToString(latex, { ...options, throwOnError: false });
    } catch {
      html = `<code class="katex-error">${latex.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)}</code>`;
    }
    result = { html, error: message };
  }
  rendered.set(key, result);
  return result;
}

/** The version of KaTeX that renders the report's math. */
export const KATEX_VERSION: string = katex.version;
