/** MathJSON as Compute Engine emits it, and the symbol vocabulary of the paper. */

/** A MathJSON node (non-canonical form). */
export type MathJson = string | number | { readonly num: string } | readonly MathJson[];

/** Compute Engine symbol → engine-safe base name (`w_bold` → `w`, `omega_j` → `w`, `epsilonSymbol` → `eps`). */
const BASES: Readonly<Record<string, string>> = {
  w_bold: 'w',
  x_bold: 'x',
  eta_bold: 'eta',
  v_bold: 'v',
  h_bold: 'h',
  epsilonSymbol: 'eps',
  varepsilon: 'eps',
  epsilon: 'eps',
  omega: 'w',
  eta: 'eta',
  kappa: 'kappa',
  theta: 'theta',
  ell: 'ell',
};

/** The base name of a Compute Engine symbol, with any `_i` component index stripped; undefined for index-only names. */
export function baseSymbol(sym: string): string | undefined {
  if (BASES[sym]) return BASES[sym];
  const m = /^([A-Za-z]+)_([a-z])$/.exec(sym);
  if (m) return BASES[m[1]!] ?? m[1]!;
  return sym;
}

/** The component index of a subscripted symbol (`w_i` → `i`), if any. */
export function componentIndex(sym: string): string | undefined {
  const m = /^([A-Za-z]+)_([a-z])$/.exec(sym);
  return m ? m[2] : undefined;
}

/** Symbols that are vectors in ℝ^d when written bold. */
export const VECTOR_BASES: ReadonlySet<string> = new Set(['w', 'x', 'eta', 'v', 'h', 'ws']);
