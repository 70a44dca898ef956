/**
 * A small structural sign prover for mathjs expressions: decides that a factor is positive, non-negative, or has the
 * sign of a ±1 variable, from the shape of the expression alone (exp > 0, sqrt ≥ 0, squares ≥ 0, products and
 * quotients of signed parts). It proves nothing it cannot see; `unknown` is an honest answer.
 */
import { parseMathjs } from '../engines/mathjs.ts';
import type { MathNode } from 'mathjs';

export type Sign = 'pos' | 'nonneg' | 'unknown' | { readonly signOf: string };

function combine(a: Sign, b: Sign): Sign {
  if (a === 'unknown' || b === 'unknown') return 'unknown';
  if (typeof a === 'object' || typeof b === 'object') {
    if (typeof a === 'object' && typeof b === 'object') return 'unknown';
    const s = typeof a === 'object' ? a : (b as { signOf: string });
    const other = typeof a === 'object' ? b : a;
    return other === 'pos' ? s : 'unknown';
  }
  return a === 'pos' && b === 'pos' ? 'pos' : 'nonneg';
}

function signOf(node: MathNode, positive: ReadonlySet<string>, signVars: ReadonlySet<string>): Sign {
  const n = node as MathNode & {
    type: string;
    fn?: { name?: string } | string;
    name?: string;
    args?: MathNode[];
    op?: string;
    value?: unknown;
    content?: MathNode;
  };
  switch (n.type) {
    case 'ConstantNode':
      return Number(n.value) > 0 ? 'pos' : Number(n.value) === 0 ? 'nonneg' : 'unknown';
    case 'SymbolNode':
      if (positive.has(String(n.name))) return 'pos';
      if (signVars.has(String(n.name))) return { signOf: String(n.name) };
      return 'unknown';
    case 'ParenthesisNode':
      return signOf(n.content!, positive, signVars);
    case 'FunctionNode': {
      const fname = typeof n.fn === 'string' ? n.fn : n.fn?.name;
      if (fname === 'exp') return 'pos';
      if (fname === 'sqrt' || fname === 'abs') {
        const inner = signOf(n.args![0]!, positive, signVars);
        return inner === 'pos' ? 'pos' : 'nonneg';
      }
      return 'unknown';
    }
    case 'OperatorNode': {
      const args = n.args!.map((a) => signOf(a, positive, signVars));
      if (n.op === '*' || n.op === '/') return args.reduce(combine);
      if (n.op === '+')
        return args.every((a) => a === 'pos' || a === 'nonneg')
          ? args.some((a) => a === 'pos')
            ? 'pos'
            : 'nonneg'
          : 'unknown';
      if (n.op === '^') {
        const e = n.args![1]! as MathNode & { value?: unknown; type: string };
        if (e.type === 'ConstantNode' && Number(e.value) % 2 === 0) return args[0] === 'pos' ? 'pos' : 'nonneg';
        return args[0] === 'pos' ? 'pos' : 'unknown';
      }
      return 'unknown';
    }
    default:
      return 'unknown';
  }
}

/** The sign of `expr` given symbols known positive and symbols in {−1, 1}. */
export function proveSign(expr: string, positive: readonly string[], signVars: readonly string[]): Sign {
  return signOf(parseMathjs(expr), new Set(positive), new Set(signVars));
}

/** A readable name for a sign. */
export function describeSign(s: Sign): string {
  return typeof s === 'object'
    ? `sign of ${s.signOf}`
    : s === 'pos'
      ? 'positive'
      : s === 'nonneg'
        ? 'non-negative'
        : 'unknown';
}
