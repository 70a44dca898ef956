/**
 * mathjs as the primary CAS: derivatives without simplification (correct and fast, engines.md), BigNumber evaluation
 * at any precision, and LaTeX printing.
 */
import { create, all, type MathJsInstance, type MathNode, type BigNumber } from 'mathjs';
import type { LatexPrinter, PrecisionEvaluator, SymbolicEngine } from './types.ts';
import mathjsPackage from 'mathjs/package.json' with { type: 'json' };

const plain: MathJsInstance = create(all, {});
const parseCache = new Map<string, MathNode>();

/** Parses mathjs syntax once and caches the node (expressions are re-evaluated at many points). */
export function parseMathjs(expr: string): MathNode {
  let node = parseCache.get(expr);
  if (!node) {
    node = plain.parse(expr);
    parseCache.set(expr, node);
  }
  return node;
}

/** mathjs `derivative` with `simplify: false`: the form engines.md measured as correct for every entry. */
export const mathjsEngine: SymbolicEngine = {
  name: 'mathjs',
  version: mathjsPackage.version,
  derivative(expr: string, variable: string): string {
    return plain.derivative(parseMathjs(expr), variable, { simplify: false }).toString();
  },
};

const bigInstances = new Map<number, MathJsInstance>();
const compiled = new Map<string, { evaluate(scope: Record<string, unknown>): unknown }>();

function big(digits: number): MathJsInstance {
  let m = bigInstances.get(digits);
  if (!m) {
    m = create(all, { number: 'BigNumber', precision: digits });
    bigInstances.set(digits, m);
  }
  return m;
}

function evalBig(expr: string, point: Readonly<Record<string, string>>, digits: number): BigNumber {
  const m = big(digits);
  const key = `${digits}\u0000${expr}`;
  let code = compiled.get(key);
  if (!code) {
    code = m.compile(expr);
    compiled.set(key, code);
  }
  const scope: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(point)) scope[k] = m.bignumber(v);
  const value = code.evaluate(scope);
  if (typeof value === 'boolean') return m.bignumber(value ? 1 : 0) as BigNumber;
  if (!m.isBigNumber(value)) {
    throw new TypeError(`mathjs evaluate: expression ${expr.slice(0, 80)} did not give a real BigNumber`);
  }
  return value as BigNumber;
}

/** BigNumber evaluation (decimal.js under mathjs) at a chosen number of significant digits. */
export const mathjsEvaluator: PrecisionEvaluator = {
  name: `mathjs ${mathjsPackage.version} BigNumber`,
  evaluate(expr, point, digits) {
    const v = evalBig(expr, point, digits);
    return v.isFinite() ? v.toString() : 'NaN';
  },
  relativeDifference(a, b, point, digits) {
    const m = big(digits);
    const va = evalBig(a, point, digits);
    const vb = evalBig(b, point, digits);
    const diff = va.minus(vb).abs();
    const scale = m.max(va.abs(), vb.abs(), m.bignumber(1)) as BigNumber;
    const rel = diff.div(scale);
    const log10Rel = rel.isZero() ? -Infinity : rel.log(10).toNumber();
    return { rel: rel.toNumber(), log10Rel, a: va.toSignificantDigits(20).toString(), b: vb.toSignificantDigits(20).toString() };
  },
};

/** LaTeX printer: mathjs `toTex` with implicit multiplication shown as a thin space. */
export const mathjsPrinter: LatexPrinter = {
  toTex(expr: string): string {
    return parseMathjs(expr).toTex({ parenthesis: 'auto', implicit: 'hide' });
  },
};
