/**
 * ε values as the paper prints them — table cells ("0.20", "4/255") and LaTeX sets
 * (`\varepsilon=\left\{\frac{0}{255},\frac{4}{255}\right\}`) — parsed into exact rationals so sets stated in different
 * places can be compared mechanically.
 */
import { div, eq, parseDecimal, type Rational } from '../exact/rational.ts';

/** One ε value: the text it was read from and its exact value (pixel units in [0, 1] for the `/255` forms). */
export interface EpsValue {
  readonly printed: string;
  readonly value: Rational;
}

/** Parses a LaTeX number: a decimal ("0.2", "1") or `\frac{a}{b}` with decimal a and b. */
export function parseLatexNumber(latex: string): Rational {
  const t = latex.replace(/\s+/g, '');
  if (/^-?\d+(\.\d+)?$/.test(t)) return parseDecimal(t);
  const m = /^\\frac\{(-?\d+(?:\.\d+)?)\}\{(\d+(?:\.\d+)?)\}$/.exec(t);
  if (m) return div(parseDecimal(m[1]!), parseDecimal(m[2]!));
  throw new SyntaxError(`parseLatexNumber: expected a decimal or \\frac{a}{b}, got "${latex}"`);
}

/** Parses a table ε cell: a decimal ("0.20", "1.00") or a fraction "a/b" ("4/255", "25.5/255"). */
export function parseEpsCell(text: string): EpsValue {
  const m = /^(\d+(?:\.\d+)?)(?:\/(\d+(?:\.\d+)?))?$/.exec(text);
  if (!m) throw new SyntaxError(`parseEpsCell: expected an ε cell like "0.20" or "4/255", got "${text}"`);
  const num = parseDecimal(m[1]!);
  return { printed: text, value: m[2] === undefined ? num : div(num, parseDecimal(m[2])) };
}

/** A set printed in LaTeX: what stands left of `=` and the elements inside `\left\{ … \right\}`. */
export interface LatexEpsSet {
  readonly lhs: string;
  readonly elements: readonly EpsValue[];
}

function splitTopLevel(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of body) {
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    if (depth < 0) throw new SyntaxError(`parseLatexEpsSet: unbalanced braces in "${body}"`);
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (depth !== 0) throw new SyntaxError(`parseLatexEpsSet: unbalanced braces in "${body}"`);
  parts.push(cur);
  return parts;
}

/**
 * Parses `lhs=\left\{e1,e2,…\right\}` (or `\{…\}`) into its elements, each a decimal or `\frac{a}{b}`; throws naming
 * the element it could not read.
 */
export function parseLatexEpsSet(latex: string): LatexEpsSet {
  const m = /^(?:(.*?)=)?\s*(?:\\left)?\\\{(.*?)(?:\\right)?\\\}\s*$/s.exec(latex);
  if (!m) throw new SyntaxError(`parseLatexEpsSet: expected "lhs=\\left\\{…\\right\\}", got "${latex}"`);
  const body = m[2]!;
  const elements = splitTopLevel(body).map((part) => {
    const printed = part.trim();
    try {
      return { printed, value: parseLatexNumber(printed) };
    } catch {
      throw new SyntaxError(`parseLatexEpsSet: element "${printed}" of "${latex}" is not a decimal or \\frac{a}{b}`);
    }
  });
  return { lhs: (m[1] ?? '').trim(), elements };
}

/** An ε value for evidence lines: `\frac{4}{255}` is written "4/255", other text as printed. */
export function plainEps(e: EpsValue): string {
  return e.printed.replace(/\\frac\{([^{}]*)\}\{([^{}]*)\}/g, '$1/$2');
}

/** Whether `set` holds a value equal to `v` (exact). */
export function hasEps(set: readonly EpsValue[], v: EpsValue): boolean {
  return set.some((s) => eq(s.value, v.value));
}

/** The elements of `a` that `b` lacks (exact comparison, in a's order, duplicates dropped). */
export function epsMinus(a: readonly EpsValue[], b: readonly EpsValue[]): EpsValue[] {
  const out: EpsValue[] = [];
  for (const v of a) if (!hasEps(b, v) && !hasEps(out, v)) out.push(v);
  return out;
}
