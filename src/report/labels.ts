/**
 * Human labels for the names records and checkers use internally: the role of a printed formula (`rhs`, `def:g`,
 * `eps-linf`) and the variables of a witness point (`eta_1_2`, `ws_1`, `epsA`). Every renderer labels them the same.
 */
import { plainMathParts } from './plain-math.ts';

/** Words for the parts of a role name. */
const ROLE_WORDS: Readonly<Record<string, string>> = {
  lhs: 'left-hand side',
  rhs: 'right-hand side',
  base: 'starting expression',
  eps: 'ε',
  l2: 'L2',
  linf: 'L∞',
  eq7: 'Eq. (7)',
  liu: 'Liu et al.’s loss',
  fig4: 'Fig. 4',
  'appendix-d': 'Appendix D',
  'eps-set': 'ε set',
  'step-size': 'step size',
  f: 'f',
  ell: 'ℓ',
  g: 'g',
};

/** A formula's role as a reader would name it: `rhs` → "right-hand side", `def:g` → "definition of g". */
export function roleLabel(role: string): string {
  const def = /^def:(.+)$/.exec(role);
  if (def) return `definition of ${ROLE_WORDS[def[1]!] ?? def[1]!}`;
  if (ROLE_WORDS[role] !== undefined) return ROLE_WORDS[role];
  const words: string[] = [];
  const parts = role.split('-');
  for (let i = 0; i < parts.length; i++) {
    const two = `${parts[i]}-${parts[i + 1] ?? ''}`;
    if (ROLE_WORDS[two] !== undefined) {
      words.push(ROLE_WORDS[two]);
      i++;
    } else words.push(ROLE_WORDS[parts[i]!] ?? parts[i]!);
  }
  // A quantity and its qualifiers: `eps-l2` → "ε (L2)", `iterations-train` → "iterations (train)".
  const QUANTITIES = new Set(['ε', 'step', 'iterations']);
  return words.length > 1 && QUANTITIES.has(words[0]!) ? `${words[0]} (${words.slice(1).join(' ')})` : words.join(' ');
}

/** Variables of a witness point whose names stand for symbols. */
const SYMBOL_NAMES: Readonly<Record<string, string>> = {
  eps: '\\varepsilon',
  eta: '\\eta',
  lambda: '\\lambda',
  alpha: '\\alpha',
  sigma: '\\sigma',
  ws: 'w^{\\ast}',
};

/**
 * A witness variable as LaTeX when its name is a symbol (`eta_1_2` → η₁⁽²⁾: the coordinate as a subscript, the data
 * point as a bracketed superscript, so it does not read as a power; `y_2` → y⁽²⁾; `ws_1` → w*₁; `epsA` → ε_a), else
 * null (a word such as `instance` or `noiseSeed`).
 */
export function pointKeyLatex(key: string): string | null {
  const sym = (name: string): string | undefined => SYMBOL_NAMES[name] ?? (/^[A-Za-z]$/.test(name) ? name : undefined);
  let m = /^([A-Za-z]+)_(\d+)_(\d+)$/.exec(key);
  if (m && sym(m[1]!) !== undefined) return `${sym(m[1]!)}_{${m[2]}}^{(${m[3]})}`;
  m = /^([A-Za-z]+)_(\d+)$/.exec(key);
  if (m && sym(m[1]!) !== undefined) {
    // A label alone (y) indexes data points: a superscript, as the paper writes y^n; others index coordinates.
    return m[1] === 'y' ? `y^{(${m[2]})}` : `${sym(m[1]!)}_{${m[2]}}`;
  }
  m = /^(eps|eta|lambda|alpha|sigma)([A-Z][a-z]*)?$/.exec(key);
  if (m) {
    const index = m[2]?.toLowerCase();
    return index === undefined
      ? SYMBOL_NAMES[m[1]!]!
      : `${SYMBOL_NAMES[m[1]!]}_{${index.length > 1 ? `\\mathrm{${index}}` : index}}`;
  }
  if (/^[A-Za-z]$/.test(key)) return key;
  return null;
}

/** A witness variable that is a word, in words: `noiseSeed` → "noise seed". */
export function pointKeyText(key: string): string {
  if (plainMathParts(key).some((p) => 'latex' in p)) return key;
  return key.replace(/([a-z])([A-Z])/g, (_, a: string, b: string) => `${a} ${b.toLowerCase()}`);
}
