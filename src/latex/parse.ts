/**
 * Parses the paper's printed LaTeX into MathJSON with Compute Engine (the one JS parser that reads it, engines.md),
 * after the fix-ups of `fixups.ts`. Any `Error` node in the result is a parse failure.
 */
import { ComputeEngine } from '@cortex-js/compute-engine';
import { applyFixups } from './fixups.ts';
import { baseSymbol, type MathJson } from './mathjson.ts';

/** A printed formula, the fixed-up LaTeX that was parsed, the MathJSON tree and its free symbols. */
export interface ParsedLatex {
  readonly printed: string;
  readonly fixed: string;
  readonly json: MathJson;
  /** Engine-safe base names of the free symbols (`w`, `x`, `y`, `eta`, `eps`, `N`, `ws`, …); bound indices excluded. */
  readonly freeSymbols: readonly string[];
}

let ce: ComputeEngine | undefined;

function findErrors(node: MathJson, out: string[]): void {
  if (Array.isArray(node)) {
    if (node[0] === 'Error') out.push(JSON.stringify(node));
    for (const child of node.slice(1)) findErrors(child as MathJson, out);
  }
}

const INDEX_NAMES = new Set(['i', 'j', 'k', 'n']);
const OPERATOR_HEADS = new Set([
  'Add',
  'Subtract',
  'Negate',
  'Multiply',
  'InvisibleOperator',
  'Divide',
  'Power',
  'Exp',
  'Log',
  'Sqrt',
  'Norm',
  'Delimiter',
  'Sequence',
  'Sum',
  'Tuple',
  'KroneckerDelta',
  'D',
  'Cos',
  'HorizontalSpacing',
  'ConjugateTranspose',
  'LimZero',
  'Rational',
  'Half',
  'Abs',
]);

function collectSymbols(node: MathJson, out: Set<string>): void {
  if (typeof node === 'string') {
    if (node.startsWith("'") || OPERATOR_HEADS.has(node)) return;
    const base = baseSymbol(node);
    if (base && !INDEX_NAMES.has(base)) out.add(base);
    return;
  }
  if (!Array.isArray(node)) return;
  const [head, ...rest] = node;
  if (head === 'ConjugateTranspose') {
    const inner = new Set<string>();
    collectSymbols(rest[0] as MathJson, inner);
    for (const s of inner) out.add(s === 'w' ? 'ws' : s);
    return;
  }
  if (typeof head === 'string' && !OPERATOR_HEADS.has(head)) {
    const base = baseSymbol(head);
    if (base) out.add(base);
  }
  for (const child of rest) collectSymbols(child as MathJson, out);
}

// The same LaTeX (a correction, a derived form) is parsed again at every instance of a check; the result is read only.
const parsedCache = new Map<string, ParsedLatex>();

/** Parses printed LaTeX; throws with the offending node when Compute Engine reports an error. */
export function parseLatex(printed: string): ParsedLatex {
  const hit = parsedCache.get(printed);
  if (hit) return hit;
  const parsed = parseFresh(printed);
  if (parsedCache.size > 2000) parsedCache.clear();
  parsedCache.set(printed, parsed);
  return parsed;
}

function parseFresh(printed: string): ParsedLatex {
  ce ??= new ComputeEngine();
  const fixed = applyFixups(printed);
  const json = ce.parse(fixed, { form: 'raw' }).json as MathJson;
  const errors: string[] = [];
  findErrors(json, errors);
  if (errors.length > 0) throw new Error(`Compute Engine could not parse it: ${errors[0]!.slice(0, 160)}`);
  const symbols = new Set<string>();
  collectSymbols(json, symbols);
  return { printed, fixed, json, freeSymbols: [...symbols].sort() };
}
