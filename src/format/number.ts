/**
 * Printing numbers and vectors in verdicts, evidence and report text (checkers, experiment figures): sampled points
 * print exactly (shortest round-trip decimal), computed values to a stated number of significant digits.
 */

/** `v` to `digits` significant digits, without trailing zeros ("0.125", "1.5e-7"). */
export function formatNumber(v: number, digits = 6): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const s = v.toPrecision(digits);
  if (s.includes('e')) {
    const [m, e] = s.split('e');
    return `${m!.includes('.') ? m!.replace(/\.?0+$/, '') : m}e${e}`;
  }
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** `[v_1, …, v_d]` with each component to `digits` significant digits. */
export function formatVector(v: ArrayLike<number>, digits = 6): string {
  return `[${Array.from(v, (t) => formatNumber(t, digits)).join(', ')}]`;
}

/** `[v_1, …, v_d]` with each component's shortest round-trip decimal: re-parsing gives exactly the same doubles. */
export function formatExactVector(v: ArrayLike<number>): string {
  return `[${Array.from(v, (t) => String(t)).join(', ')}]`;
}
